// Stage D: the clause walk (parser.cpp) has read the whole file; a proposed grid replaces its
// reading over the grid's lines only where the grid's reading is better supported. Regions are
// taken best first and never overlap; the runner-up stays visible in --explain.
#include <algorithm>
#include <numeric>

#include "layout.hpp"
#include "tasksplit/targets.hpp"

namespace tasksplit::layout {
namespace {

/// A task glued from many rows is no task: past this many characters an item counts as text only.
constexpr std::size_t kGluedItemBytes = 3 * 400;

bool inside(int line1, int first, int last) { return line1 - 1 >= first && line1 - 1 <= last; }

std::size_t source_byte(const SourceText& t, const Run& run, const std::string& utf8, std::size_t offset) {
    const int32_t units = icu::UnicodeString::fromUTF8(utf8.substr(0, offset)).length();
    if (run.src.empty()) return 0;
    if (units >= run.size()) return run.src.back() >= 0 ? t.byte_at(run.src.back() + 1) : 0;
    return run.src[units] >= 0 ? t.byte_at(run.src[units]) : 0;
}

void splice(Document& doc, const Region& reg, const SourceText& text, const TargetExtractor& targets) {
    // What the clause walk read over these lines goes.
    for (auto& p : doc.parts)
        for (auto& s : p.sections)
            remove_where(s.items, [&](const Item& it) { return inside(it.span.line, reg.first, reg.last); });
    for (auto& p : doc.parts)
        remove_where(p.sections, [&](const Section& s) { return s.items.empty() && inside(s.line, reg.first, reg.last); });
    remove_where(doc.parts, [&](const Part& p) { return p.sections.empty() && inside(p.line, reg.first, reg.last); });
    remove_where(doc.unassigned, [&](const Unassigned& u) { return inside(u.line, reg.first, reg.last); });
    remove_where(doc.diagnostics, [&](const Diagnostic& d) { return inside(d.line, reg.first, reg.last); });
    remove_where(doc.tables, [&](const Table& t) { return inside(t.line, reg.first, reg.last); });
    if (!doc.line_roles.empty()) {
        remove_where(doc.line_roles, [&](const LineRole& r) { return inside(r.line, reg.first, reg.last); });
        for (int l : reg.header_lines) doc.line_roles.push_back({l + 1, "grid-header"});
        for (const auto& h : reg.headings) doc.line_roles.push_back({h.line + 1, "section"});
        for (const auto& ri : reg.items)
            for (int l = ri.first_line; l <= ri.last_line; ++l) doc.line_roles.push_back({l + 1, "item"});
        std::stable_sort(doc.line_roles.begin(), doc.line_roles.end(), [](auto& a, auto& b) { return a.line < b.line; });
    }
    // The part that holds the region: the last one opened above it.
    if (doc.parts.empty()) {
        Part p;
        p.kind = "key_tasks";
        p.title = doc.document.title.value_or("");
        p.line = reg.first + 1;
        doc.parts.push_back(std::move(p));
    }
    std::size_t pi = 0;
    for (std::size_t k = 0; k < doc.parts.size(); ++k)
        if (doc.parts[k].line - 1 <= reg.first) pi = k;
    Part& part = doc.parts[pi];
    if (part.kind == "appendix" || part.kind == "form" || part.kind == "plan") part.kind = "key_tasks";
    // Headings inside the grid open sections; items before any go to the section open above.
    for (const auto& h : reg.headings) {
        Section s;
        s.title = h.title;
        s.line = h.line + 1;
        part.sections.push_back(std::move(s));
    }
    if (part.sections.empty()) {
        Section s;
        s.line = reg.first + 1;
        part.sections.push_back(std::move(s));
    }
    std::stable_sort(part.sections.begin(), part.sections.end(), [](auto& a, auto& b) { return a.line < b.line; });
    for (const auto& ri : reg.items) {
        Item item = ri.item;  // a copy: the region stays whole for --explain
        item.targets = targets.extract(item.text);
        for (auto& target : item.targets) {
            target.start = source_byte(text, ri.text, item.text, target.start);
            target.end = source_byte(text, ri.text, item.text, target.end);
        }
        if (!item.deadline) item.deadline = find_deadline(item.text);
        if (item.deadline) item.deadline_iso = deadline_iso(*item.deadline, doc.document.year);
        std::size_t si = 0;
        for (std::size_t k = 0; k < part.sections.size(); ++k)
            if (part.sections[k].line - 1 <= ri.first_line) si = k;
        Section& s = part.sections[si];
        if (!item.leader && s.leader) item.leader = s.leader;
        s.items.push_back(std::move(item));
        std::stable_sort(s.items.begin(), s.items.end(), [](auto& a, auto& b) { return a.span.line < b.span.line; });
    }
    remove_where(part.sections, [&](const Section& s) { return s.items.empty() && inside(s.line, reg.first, reg.last) && !s.title; });
}

}  // namespace

double legacy_score(const Document& doc, int first, int last) {
    double score = 0;
    for (const auto& p : doc.parts)
        for (const auto& s : p.sections)
            for (const auto& it : s.items) {
                if (!inside(it.span.line, first, last)) continue;
                const bool named = !it.lead.empty() || !it.support.empty() || it.leader;
                score += named && it.text.size() <= kGluedItemBytes ? 1.0 : 0.3;
            }
    // A table the clause walk read (an appendix restating tasks) is a reading of its rows too.
    for (const auto& t : doc.tables)
        if (inside(t.line, first, last)) score += static_cast<double>(t.rows.size());
    for (const auto& u : doc.unassigned)
        if (inside(u.line, first, last)) score -= 0.1;
    return score;
}

std::vector<bool> choose_regions(Document& doc, std::vector<Region>& regions, const SourceText& text,
                                 const TargetExtractor& targets, const Evidence& ev) {
    std::vector<std::size_t> order(regions.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return regions[a].score > regions[b].score; });
    std::vector<bool> taken(regions.size(), false);
    for (std::size_t k : order) {
        Region& reg = regions[k];
        bool overlaps = false;
        for (std::size_t j = 0; j < regions.size(); ++j)
            overlaps |= taken[j] && regions[j].first <= reg.last && reg.first <= regions[j].last;
        if (overlaps) continue;
        const double legacy = legacy_score(doc, reg.first, reg.last);
        reg.evidence.push_back("clause walk over these lines scores " + std::to_string(legacy).substr(0, 4));
        if (reg.score < legacy + ev.legacy_margin) continue;
        splice(doc, reg, text, targets);
        taken[k] = true;
    }
    if (std::find(taken.begin(), taken.end(), true) != taken.end()) renumber(doc);
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
