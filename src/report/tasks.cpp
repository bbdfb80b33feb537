// The filter bar and the task tables. Every task row carries what the filters test in data-
// attributes (canonical unit names per role, leader, fate), so the page script only toggles rows.
#include <algorithm>
#include <set>

#include "internal.hpp"

namespace tasksplit::report_detail {
namespace {

// Canonical names are joined with a newline: unit names never hold one (whitespace is removed).
std::string joined(const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : "\n") + n;
    return out;
}

std::string unit_chips(const std::vector<Unit>& units, const UnitNames& names) {
    std::string out;
    for (const Unit& u : units) {
        std::string canonical = names.canonical(u);
        out += "<span class=\"u\" data-u=\"" + esc(canonical) + "\"";
        if (canonical != u.name) out += " title=\"" + esc(canonical) + "\"";
        out += ">" + esc(u.name) + "</span> ";
    }
    return out;
}

std::string fate_cell(const Fate& fate, const PageView& page) {
    std::string out = "<span class=\"badge st-" + fate.status + "\">" + esc(page.t(fate.status)) + "</span>";
    if (fate.split) out += " <span class=\"tag\">" + esc(page.t("split")) + "</span>";
    if (fate.merge) out += " <span class=\"tag\">" + esc(page.t("merge")) + "</span>";
    for (const auto& [id, label] : fate.partners) out += " <a href=\"#" + esc(id) + "\">→ " + esc(label) + "</a>";
    if (!fate.changed.empty()) {
        std::string what;
        for (const auto& c : fate.changed) what += (what.empty() ? "" : page.t(", ")) + page.t(c);
        out += "<div class=\"changed\">" + esc(what) + "</div>";
    }
    return out;
}

void option(std::string& out, const std::string& value, const std::string& label) {
    out += "<option value=\"" + esc(value) + "\">" + esc(label) + "</option>";
}

}  // namespace

bool PageView::shows(const Item& item) const { return view.unit.empty() || !role(item).empty(); }

std::string PageView::role(const Item& item) const {
    if (view.unit.empty()) return "";
    auto holds = [&](const std::vector<Unit>& units) {
        return std::any_of(units.begin(), units.end(), [&](const Unit& u) { return names.canonical(u) == view.unit; });
    };
    return holds(item.lead) ? "lead" : holds(item.support) ? "support" : "";
}

std::string task_filters(const std::vector<Notice>& notices, const PageView& page) {
    const UnitNames& names = page.names;
    // Units in Chinese collation order, each with its task count over all notices shown.
    std::map<std::string, int> tasks_of;
    std::vector<std::string> leaders;
    int total = 0;
    for (const Notice& n : notices) {
        for (const auto& [unit, c] : count_units(*n.doc, names)) tasks_of[unit] += c.lead + c.support;
        for (const Part& p : n.doc->parts)
            for (const Section& s : p.sections)
                for (const Item& it : s.items) {
                    if (!page.shows(it)) continue;
                    ++total;
                    const Person* leader = leader_of(s, it);
                    if (leader && std::find(leaders.begin(), leaders.end(), leader->name) == leaders.end())
                        leaders.push_back(leader->name);
                }
    }
    std::vector<std::string> units;
    for (const auto& [unit, count] : tasks_of) units.push_back(unit);
    std::vector<std::string> sorted;
    for (std::size_t i : pinyin_order(units)) sorted.push_back(units[i]);

    bool pair = notices.size() == 2;
    std::string out = "<div class=\"filters\" id=\"filters\">";
    out += "<label>" + esc(page.t("Unit")) + " <select id=\"f-unit\">";
    option(out, "", page.t("all units"));
    for (const auto& u : sorted) option(out, u, u + " (" + std::to_string(tasks_of[u]) + ")");
    out += "</select></label>";
    out += "<label>" + esc(page.t("Role")) + " <select id=\"f-role\">";
    option(out, "", page.t("lead or support"));
    option(out, "lead", page.t("lead"));
    option(out, "support", page.t("support"));
    out += "</select></label>";
    out += "<label>" + esc(page.t("Leader")) + " <select id=\"f-leader\">";
    option(out, "", page.t("all leaders"));
    for (const auto& l : leaders) option(out, l, l);
    out += "</select></label>";
    if (pair) {
        out += "<label>" + esc(page.t("Change")) + " <select id=\"f-status\">";
        option(out, "", page.t("any"));
        for (const char* s : {"same", "continued", "related", "added", "dropped"}) option(out, s, page.t(s));
        out += "</select></label>";
        out += "<label>" + esc(page.t("Year")) + " <select id=\"f-year\">";
        option(out, "", page.t("both"));
        for (auto it = notices.rbegin(); it != notices.rend(); ++it) option(out, it->key, it->label);
        out += "</select></label>";
    }
    out += "<label>" + esc(page.t("Words")) + " <input id=\"f-q\" type=\"search\" placeholder=\"" + esc(page.t("text contains")) +
           "\"></label>";
    out += "<button id=\"f-reset\" type=\"button\">" + esc(page.t("Reset")) + "</button>";
    out += "<span class=\"shown\">" +
           trf(page.view.lang, "{} of {} tasks shown",
               {"<b id=\"n-shown\">" + std::to_string(total) + "</b>", "<b id=\"n-all\">" + std::to_string(total) + "</b>"}) +
           "</span></div>\n";
    return out;
}

std::string task_table(const Notice& notice, const PageView& page, bool pair) {
    const Document& doc = *notice.doc;
    const UnitNames& names = page.names;
    const bool unit_view = !page.view.unit.empty();
    int total = 0;
    for (const Part& p : doc.parts)
        for (const Section& s : p.sections)
            total += static_cast<int>(std::count_if(s.items.begin(), s.items.end(), [&](const Item& it) { return page.shows(it); }));
    // A unit's printout gives the text its width: the unit's own role instead of the targets column.
    const int columns = 7 + (pair ? 1 : 0);
    std::string span = " colspan=\"" + std::to_string(columns) + "\"";

    std::string out = "<section class=\"notice\" id=\"tasks-" + notice.key + "\" data-notice=\"" + notice.key + "\">";
    out += "<h3>" + esc(trf(page.view.lang, "notice|{} tasks", {notice.label})) + " <span class=\"cnt\">" +
           trf(page.view.lang, "{} of {}", {"<b class=\"n-shown\">" + std::to_string(total) + "</b>", std::to_string(total)}) +
           "</span></h3>\n";
    out += "<table class=\"grid tasks\"><colgroup><col class=\"c-ref\">";
    if (unit_view) out += "<col class=\"c-role\">";
    out += "<col class=\"c-text\"><col class=\"c-leader\"><col class=\"c-lead\"><col class=\"c-support\">";
    if (!unit_view) out += "<col class=\"c-targets\">";
    out += "<col class=\"c-deadline\">";
    if (pair) out += "<col class=\"c-fate\">";
    out += "</colgroup><thead><tr><th>" + esc(page.t("Ref")) + "</th>";
    if (unit_view) out += "<th>" + esc(page.t("Role")) + "</th>";
    out += "<th>" + esc(page.t("Task")) + "</th><th>" + esc(page.t("Leader")) + "</th><th>" + esc(page.t("Lead units")) +
           "</th><th>" + esc(page.t("Support units")) + "</th>";
    if (!unit_view) out += "<th>" + esc(page.t("Targets")) + "</th>";
    out += "<th>" + esc(page.t("Deadline")) + "</th>";
    if (pair) out += "<th>" + esc(page.t("Change")) + "</th>";
    out += "</tr></thead><tbody>\n";
    for (std::size_t p = 0; p < doc.parts.size(); ++p) {
        const Part& part = doc.parts[p];
        std::string part_id = notice.key + "-" + part.id;
        bool has_items = std::any_of(part.sections.begin(), part.sections.end(), [&](const Section& s) {
            return std::any_of(s.items.begin(), s.items.end(), [&](const Item& it) { return page.shows(it); });
        });
        if (!has_items) continue;
        out += "<tr class=\"part\" data-part=\"" + esc(part_id) + "\"><th" + span + ">" + esc(part.title) + "</th></tr>\n";
        for (const Section& s : part.sections) {
            const auto shown = std::count_if(s.items.begin(), s.items.end(), [&](const Item& it) { return page.shows(it); });
            if (shown == 0) continue;
            std::string sec_id = anchor(notice, s.id);
            if (s.label || s.title) {
                std::string heading = s.label.value_or("");
                if (s.label && s.title) heading += "、";
                heading += s.title.value_or("");
                out += "<tr class=\"sec\" id=\"" + esc(sec_id) + "\" data-sec=\"" + esc(sec_id) + "\" data-part=\"" +
                       esc(part_id) + "\"><th" + span + ">" + esc(heading) + " <span class=\"sc\">" +
                       esc(trf(page.view.lang, "{} tasks", {std::to_string(shown)})) + "</span></th></tr>\n";
            }
            for (const Item& it : s.items) {
                if (!page.shows(it)) continue;
                std::set<std::string> lead, support;
                for (const Unit& u : it.lead) lead.insert(names.canonical(u));
                for (const Unit& u : it.support) support.insert(names.canonical(u));
                const Person* leader = leader_of(s, it);
                auto fate = notice.fates.find(it.id);
                out += "<tr class=\"task\" id=\"" + esc(anchor(notice, it.id)) + "\" data-sec=\"" + esc(sec_id) +
                       "\" data-part=\"" + esc(part_id) + "\" data-lead=\"" + esc(joined(lead)) +
                       "\" data-support=\"" + esc(joined(support)) + "\" data-leader=\"" +
                       esc(leader ? leader->name : "") + "\"";
                if (fate != notice.fates.end()) out += " data-status=\"" + fate->second.status + "\"";
                out += ">";
                out += "<td class=\"ref\">" + esc(item_ref(doc, p, s, it)) + "</td>";
                if (unit_view) {
                    const std::string role = page.role(it);
                    out += "<td class=\"role r-" + role + "\">" + esc(page.t(role)) + "</td>";
                }
                out += "<td class=\"text\">" + esc(it.text);
                if (it.detail) out += "<div class=\"detail\">" + esc(*it.detail) + "</div>";
                out += "</td><td class=\"leader\">";
                if (leader) out += esc(leader->name) + (leader->role.empty() ? "" : "<small>" + esc(leader->role) + "</small>");
                out += "</td><td>" + unit_chips(it.lead, names) + "</td><td>" + unit_chips(it.support, names) + "</td>";
                if (!unit_view) {
                    out += "<td class=\"targets\">";
                    // Indicator and value; the sentence the target was read from is in the tooltip.
                    for (const Target& t : it.targets)
                        out += "<span class=\"tg\" title=\"" + esc(t.text) + "\">" +
                               esc(t.indicator + " " + (t.aspirational ? "力争" : "") + t.verb + target_value(t)) + "</span> ";
                    out += "</td>";
                }
                out += "<td class=\"deadline\">" + esc(it.deadline.value_or("")) + "</td>";
                if (pair) out += "<td class=\"fate\">" + (fate != notice.fates.end() ? fate_cell(fate->second, page) : "") + "</td>";
                out += "</tr>\n";
            }
        }
    }
    out += "</tbody></table></section>\n";
    return out;
}

}  // namespace tasksplit::report_detail
