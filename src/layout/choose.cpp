// Stage D: the clause walk (parser.cpp) has read the whole file; a proposed grid replaces its
// reading over the grid's lines only where the grid's reading is better supported. Regions are
// taken best first and never overlap; the runner-up stays visible in --explain.
#include <algorithm>
#include <map>
#include <numeric>

#include "layout.hpp"
#include "tasksplit/targets.hpp"

namespace tasksplit::layout {
namespace {

/// A task glued from many rows is no task: past this many characters an item counts as text only.
constexpr std::size_t kGluedItemBytes = 3 * 400;
/// A row of a table the walk read, against a task with units (1).
constexpr double kTableRowScore = 0.5;
/// An attachment label this many lines above a table, at most (附件 / 附件2 / its caption).
constexpr int kAttachmentLabelAbove = 4;

/// Replaces the clause walk's reading over every taken region at once (one pass over the
/// document, however many regions).
void splice(Document& doc, const std::vector<Region*>& taken, int lines, const SourceText& text,
            const TargetExtractor& targets) {
    std::vector<char> owned(static_cast<std::size_t>(lines), 0);
    for (const Region* r : taken)
        for (int l = r->first; l <= r->last; ++l) owned[l] = 1;
    auto in_region = [&](int line1) { return line1 >= 1 && line1 <= lines && owned[line1 - 1]; };
    for (auto& p : doc.parts)
        for (auto& s : p.sections) remove_where(s.items, [&](const Item& it) { return in_region(it.span.line); });
    for (auto& p : doc.parts)
        remove_where(p.sections, [&](const Section& s) { return s.items.empty() && in_region(s.line); });
    remove_where(doc.parts, [&](const Part& p) { return p.sections.empty() && in_region(p.line); });
    remove_where(doc.unassigned, [&](const Unassigned& u) { return in_region(u.line); });
    for (const Region* r : taken) doc.unassigned.insert(doc.unassigned.end(), r->unclaimed.begin(), r->unclaimed.end());
    remove_where(doc.diagnostics, [&](const Diagnostic& d) { return in_region(d.line); });
    remove_where(doc.tables, [&](const Table& t) { return in_region(t.line); });
    if (!doc.line_roles.empty()) {
        remove_where(doc.line_roles, [&](const LineRole& r) { return in_region(r.line); });
        for (const Region* reg : taken) {
            for (int l : reg->header_lines) doc.line_roles.push_back({l + 1, "grid-header"});
            for (const auto& h : reg->headings) doc.line_roles.push_back({h.line + 1, "section"});
            for (const auto& ri : reg->items)
                for (int l = ri.first_line; l <= ri.last_line; ++l) doc.line_roles.push_back({l + 1, "item"});
        }
        std::stable_sort(doc.line_roles.begin(), doc.line_roles.end(), [](auto& a, auto& b) { return a.line < b.line; });
    }
    if (doc.parts.empty()) {
        Part p;
        p.kind = "key_tasks";
        p.title = doc.document.title.value_or("");
        p.line = taken.front()->first + 1;
        doc.parts.push_back(std::move(p));
    }
    // Parts are in line order: the part that holds a region is the last one opened above it.
    std::vector<char> touched(doc.parts.size(), 0);
    for (const Region* reg : taken) {
        auto above = std::upper_bound(doc.parts.begin(), doc.parts.end(), reg->first,
                                      [](int first, const Part& p) { return first < p.line - 1; });
        const std::size_t pi = above == doc.parts.begin() ? 0 : static_cast<std::size_t>(above - doc.parts.begin()) - 1;
        Part& part = doc.parts[pi];
        touched[pi] = 1;
        if (part.kind == "plan")  // the walk found no units in the part; the grid has them
            remove_where(doc.diagnostics, [&](const Diagnostic& d) { return d.code == "no-units" && d.line == part.line; });
        if (part.kind == "appendix" || part.kind == "form" || part.kind == "plan") part.kind = "key_tasks";
        // Headings inside the grid open sections; items before any go to the section open above.
        for (const auto& h : reg->headings) {
            Section s;
            s.title = h.title;
            s.line = h.line + 1;
            part.sections.push_back(std::move(s));
        }
        if (part.sections.empty()) {
            Section s;
            s.line = reg->first + 1;
            part.sections.push_back(std::move(s));
        }
        std::stable_sort(part.sections.begin(), part.sections.end(), [](auto& a, auto& b) { return a.line < b.line; });
        for (const auto& ri : reg->items) {
            Item item = ri.item;  // a copy: the region stays whole for --explain
            item.targets = targets.extract(item.text);
            for (auto& target : item.targets) {
                target.start = source_byte(text, ri.text, item.text, target.start);
                target.end = source_byte(text, ri.text, item.text, target.end);
            }
            if (!item.deadline) item.deadline = find_deadline(item.text);
            if (item.deadline) item.deadline_iso = deadline_iso(*item.deadline, doc.document.year);
            auto at = std::upper_bound(part.sections.begin(), part.sections.end(), ri.first_line,
                                       [](int first, const Section& s) { return first < s.line - 1; });
            Section& s = at == part.sections.begin() ? part.sections.front() : *(at - 1);
            if (!item.leader && s.leader) item.leader = s.leader;
            s.items.push_back(std::move(item));
        }
    }
    for (std::size_t pi = 0; pi < doc.parts.size(); ++pi) {
        if (!touched[pi]) continue;
        for (auto& s : doc.parts[pi].sections)
            std::stable_sort(s.items.begin(), s.items.end(), [](auto& a, auto& b) { return a.span.line < b.span.line; });
        remove_where(doc.parts[pi].sections, [&](const Section& s) { return s.items.empty() && in_region(s.line) && !s.title; });
    }
}

/// A walk item that opens on the line just above a taken grid and runs into it has read the
/// grid's header as its clause ("二、任务分解" + "主办部门 | 年度任务 | 协办单位 |"): where that
/// line is a numbered heading of its own, it is the grid's heading, and the grid takes it.
void take_heading_above(const Document& doc, const std::vector<Region*>& splices, const SourceText& text,
                        const Evidence& ev) {
    for (std::size_t k = 0; k < splices.size(); ++k) {
        Region& reg = *splices[k];
        const int above = reg.first - 1;
        if (above < 0 || (k > 0 && splices[k - 1]->last >= above)) continue;
        bool runs_in = false;
        for (const auto& p : doc.parts)
            for (const auto& s : p.sections)
                for (const auto& it : s.items) runs_in |= it.span.line - 1 == above && it.span.end_line - 1 >= reg.first;
        if (!runs_in) continue;
        const int32_t a = text.line_start[above], b = text.line_end[above];
        const NumberToken n = number_at(text, a, b);
        if (!n || (n.style != NumberStyle::chinese_comma && n.style != NumberStyle::chinese_paren)) continue;
        Run title;
        title.append(text, n.end, b);
        if (title.empty() || title.size() > ev.heading_max_chars) continue;
        RowHeading h;
        h.title = title.utf8();
        h.line = above;
        reg.headings.insert(reg.headings.begin(), std::move(h));
        reg.first = above;
        reg.evidence.push_back("the numbered heading above is the grid's: the clause walk read the header as its clause");
    }
}

}  // namespace

std::size_t source_byte(const SourceText& t, const Run& run, const std::string& utf8, std::size_t offset) {
    const int32_t units = icu::UnicodeString::fromUTF8(utf8.substr(0, offset)).length();
    if (run.src.empty()) return 0;
    if (units >= run.size()) return run.src.back() >= 0 ? t.byte_at(run.src.back() + 1) : 0;
    return run.src[units] >= 0 ? t.byte_at(run.src[units]) : 0;
}

WalkScores::WalkScores(const Document& doc, const SourceText& text, const Rules& rules)
    : sum_(static_cast<std::size_t>(text.line_count()) + 1, 0.0) {
    const int lines = text.line_count();
    std::vector<double> at(static_cast<std::size_t>(lines), 0.0);
    auto add = [&](int line1, double v) {
        if (line1 >= 1 && line1 <= lines) at[line1 - 1] += v;
    };
    for (const auto& p : doc.parts)
        for (const auto& s : p.sections)
            for (const auto& it : s.items) {
                const bool named = !it.lead.empty() || !it.support.empty() || it.leader;
                add(it.span.line, named && it.text.size() <= kGluedItemBytes ? 1.0 : 0.3);
            }
    // A table the clause walk read under an attachment label (附件2: an appendix restating
    // tasks, kept as a table) is a reading of its rows too. Elsewhere it is a weaker one than
    // tasks: rows with a task text and units in every row are tasks, whatever the header calls
    // its columns ("项次 | 重点推进事项 | 牵头推进部门").
    for (const auto& t : doc.tables) {
        bool appendix = false;
        for (int i = t.line - 2, seen = 0; i >= 0 && seen < kAttachmentLabelAbove && !appendix; --i) {
            const int32_t a = text.line_start[i], b = text.line_end[i];
            int32_t k = a;
            while (k < b && is_space(text.fold.charAt(k))) ++k;
            if (k == b) continue;
            ++seen;
            appendix = rules.attachment_label.match_at(text.fold, k, b);
        }
        add(t.line, (appendix ? 1.0 : kTableRowScore) * static_cast<double>(t.rows.size()));
    }
    for (const auto& u : doc.unassigned) add(u.line, -0.1);
    for (int i = 0; i < lines; ++i) sum_[i + 1] = sum_[i] + at[i];
}

std::vector<bool> choose_regions(Document& doc, std::vector<Region>& regions, const WalkScores& legacy,
                                 const SourceText& text, const TargetExtractor& targets, const Evidence& ev) {
    std::vector<bool> taken(regions.size(), false);
    if (regions.empty()) return taken;
    std::vector<std::size_t> order(regions.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return regions[a].score > regions[b].score; });
    std::map<int, int> chosen;  // first -> last of the regions taken so far; they never overlap
    std::vector<Region*> splices;
    for (std::size_t k : order) {
        Region& reg = regions[k];
        if (reg.items.empty()) continue;  // a chain left to the clause walk
        auto next = chosen.lower_bound(reg.first);
        if (next != chosen.end() && next->first <= reg.last) continue;
        if (next != chosen.begin() && std::prev(next)->second >= reg.first) continue;
        const double walk = legacy.over(reg.first, reg.last);
        reg.evidence.push_back("clause walk over these lines scores " + std::to_string(walk).substr(0, 4));
        if (reg.score < walk + ev.legacy_margin) continue;
        chosen[reg.first] = reg.last;
        splices.push_back(&reg);
        taken[k] = true;
    }
    if (splices.empty()) return taken;
    std::sort(splices.begin(), splices.end(), [](auto* a, auto* b) { return a->first < b->first; });
    take_heading_above(doc, splices, text, ev);
    splice(doc, splices, text.line_count(), text, targets);
    renumber(doc);
    return taken;
}

void renumber(Document& doc) {
    for (std::size_t pi = 0; pi < doc.parts.size(); ++pi) {
        Part& p = doc.parts[pi];
        const std::string id = "p" + std::to_string(pi + 1);
        for (auto& t : doc.tables)
            if (t.part == p.id) t.part = id + "#";  // marked: a later part may hold the old id
        p.id = id;
        for (std::size_t si = 0; si < p.sections.size(); ++si) {
            Section& s = p.sections[si];
            s.id = p.id + ".s" + std::to_string(si + 1);
            if (s.title || s.label) s.ordinal = static_cast<int>(si) + 1;
            for (std::size_t ii = 0; ii < s.items.size(); ++ii) s.items[ii].id = s.id + ".i" + std::to_string(ii + 1);
        }
    }
    for (auto& t : doc.tables)
        if (!t.part.empty() && t.part.back() == '#') t.part.pop_back();
    std::stable_sort(doc.unassigned.begin(), doc.unassigned.end(), [](auto& a, auto& b) { return a.line < b.line; });
    std::stable_sort(doc.diagnostics.begin(), doc.diagnostics.end(), [](auto& a, auto& b) { return a.line < b.line; });
}

}  // namespace tasksplit::layout
