// Checks on the model: units, sections, leaders, the lead convention, unassigned text. They read
// only the Document, so a JSON document gets them as well as a notice.
#include <algorithm>
#include <map>
#include <set>

#include "checks.hpp"
#include "tasksplit/run.hpp"

namespace tasksplit::validation {
namespace {

std::string item_name(const Item& item) { return item.number ? "item " + *item.number : "item " + item.id; }

/// Endings of real bodies that the unit grammar does not list as kinds: 妇联/残联/工商联, 定海工业园区,
/// 区海洋科技产业园, 市纪委监委机关, "…行动各责任单位". Without them unit-suffix flags every notice.
bool has_known_ending(const Unit& u) {
    static const char* endings[] = {"联", "园区", "园", "机关", "单位", "科协"};
    if (u.kind != "other") return true;
    for (const char* e : endings)
        if (u.name.size() >= std::string(e).size() && u.name.compare(u.name.size() - std::string(e).size(), std::string::npos, e) == 0)
            return true;
    return false;
}

struct Seen {
    const Unit* unit = nullptr;
    const Item* first = nullptr;
    int count = 0;
};

}  // namespace

void check_units(Context& ctx) {
    std::map<std::string, Seen> seen;
    std::vector<std::string> order;  // names in order of first appearance
    std::set<std::pair<std::string, std::string>> declared;  // name and bracketed alias printed together
    for (const auto& [part, item] : ctx.items()) {
        if (item->lead.empty() && !item->support.empty())
            ctx.report("item-without-lead", ctx.at_line(item->span.line),
                       item_name(*item) + " lists " + std::to_string(item->support.size()) + " unit(s) but none leads");
        std::vector<const Unit*> units;
        for (const auto& u : item->lead) units.push_back(&u);
        for (const auto& u : item->support) units.push_back(&u);
        std::set<std::string> in_item;
        for (const Unit* u : units) {
            if (!in_item.insert(u->name).second) {
                ctx.report("duplicate-unit", ctx.locate(*item, u->name), item_name(*item) + " lists " + u->name + " twice");
                continue;
            }
            if (!u->alias.empty()) declared.insert({u->name, u->alias});
            Seen& s = seen[u->name];
            if (s.count++ == 0) {
                s.unit = u;
                s.first = item;
                order.push_back(u->name);
            }
        }
    }
    auto where = [&](const std::string& name) { return ctx.locate(*seen[name].first, name); };
    for (const auto& name : order)
        if (!has_known_ending(*seen[name].unit))
            ctx.report("unit-suffix", where(name), "unit " + name + " has no known unit ending: a split or a stray word?");

    // unit-typo: one substitution in a long name; the rarer spelling is the suspect.
    std::vector<std::u32string> cps;
    for (const auto& name : order) cps.push_back(code_points(name));
    for (std::size_t i = 0; i < order.size(); ++i)
        for (std::size_t j = i + 1; j < order.size(); ++j) {
            if (!one_substitution(cps[i], cps[j], 6)) continue;
            const std::string& odd = seen[order[j]].count <= seen[order[i]].count ? order[j] : order[i];
            const std::string& usual = odd == order[j] ? order[i] : order[j];
            ctx.report("unit-typo", where(odd),
                       "unit " + odd + " looks like a typo of " + usual + " (" + std::to_string(seen[usual].count) +
                           " times, first on line " + std::to_string(where(usual).line) + ")");
        }

    // renamed-unit: names the registry joins; the canonical (or most used) name is the one kept.
    std::map<std::string, std::vector<std::string>> bodies;
    for (const auto& name : order) bodies[ctx.options.aliases.canonical(*seen[name].unit)].push_back(name);
    for (const auto& [canonical, names] : bodies) {
        if (names.size() < 2) continue;
        std::string keep = names.front();
        for (const auto& n : names)
            if (n == canonical || (keep != canonical && seen[n].count > seen[keep].count)) keep = n;
        for (const auto& n : names) {
            if (n == keep || declared.count({n, keep}) || declared.count({keep, n})) continue;
            ctx.report("renamed-unit", where(n),
                       n + " and " + keep + " (line " + std::to_string(where(keep).line) +
                           ") are one body in the alias registry; the notice prints both names");
        }
    }
}

void check_sections(Context& ctx) {
    const Document& doc = ctx.doc;
    std::set<std::string> section_leaders;
    for (const auto& p : doc.parts)
        for (const auto& s : p.sections)
            if (s.leader) section_leaders.insert(s.leader->name);

    for (const auto& p : doc.parts) {
        bool others_led = std::any_of(p.sections.begin(), p.sections.end(), [](const Section& s) { return s.leader.has_value(); });
        for (const auto& s : p.sections) {
            bool items_led = std::any_of(s.items.begin(), s.items.end(), [](const Item& i) { return i.leader.has_value(); });
            if (others_led && !s.leader && !items_led && s.ordinal > 0 && !s.items.empty())
                ctx.report("section-without-leader", ctx.at_line(s.line),
                           "section " + s.label.value_or("") + " names no leading official, unlike the other sections of its part");
        }
    }

    // A leader named in a livelihood clause is normally one of the officials who lead a section.
    std::set<std::string> reported;
    for (const auto& [part, item] : ctx.items()) {
        if (part->kind != "livelihood" || !item->leader || section_leaders.empty()) continue;
        const std::string& name = item->leader->name;
        if (section_leaders.count(name) || !reported.insert(name).second) continue;
        ctx.report("livelihood-leader", ctx.locate(*item, name),
                   "leader " + name + " leads no section of the notice: a misspelt name?");
    }

    // The convention ("列第一位的为牵头单位，下同") governs the lists after it; items printed before it
    // that take their lead from it rest on a rule the reader has not seen yet.
    const auto& conv = doc.document.lead_convention;
    if (!conv || conv->line <= 0) return;
    int before = 0, relying = 0, first = 0;
    for (const auto& [part, item] : ctx.items()) {
        if (item->span.end_line >= conv->line || (item->lead.empty() && item->support.empty())) continue;
        ++before;
        if (!first) first = item->span.line;
        relying += item->lead_basis == "convention";
    }
    if (!before) return;
    Where w = ctx.locate(conv->line, conv->line, conv->text);
    if (relying)
        ctx.report("late-convention", w,
                   "the lead convention comes after " + std::to_string(relying) +
                       " item(s) that take their lead from it (first on line " + std::to_string(first) + ")");
    else
        ctx.report("late-convention", w,
                   "the lead convention comes after " + std::to_string(before) + " item(s) (first on line " +
                       std::to_string(first) + "); none of them depends on it",
                   "info");
}

void check_unassigned(Context& ctx) {
    int body = 0;
    for (const auto& p : ctx.doc.parts)
        if (p.line > 0 && (body == 0 || p.line < body)) body = p.line;
    std::set<int> explained;  // lines the parser already reported as text after or a clause without text
    for (const auto& d : ctx.doc.diagnostics)
        if (d.code == "text-after-clause" || d.code == "clause-without-text") explained.insert(d.line);
    static const Regex numbered(u"^\\s*[0-9]{1,3}\\s*[.、]\\s*[^\\s0-9]", "validate: numbered");
    for (const auto& u : ctx.doc.unassigned) {
        if (body == 0 || u.line < body || explained.count(u.line)) continue;
        const icu::UnicodeString fold = make_run(u.text).fold;
        if (!numbered.match_at(fold) && !ctx.rules.clause_label.find(fold)) continue;
        icu::UnicodeString shown = icu::UnicodeString::fromUTF8(u.text);
        if (shown.length() > 30) shown.truncate(30), shown.append(u"…");
        ctx.report("unassigned-task", ctx.at_line(u.line), "text outside every item looks like a task: " + to_utf8(shown));
    }
}

}  // namespace tasksplit::validation
