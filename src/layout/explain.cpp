// --explain: what the evidence stages saw, line by line, and why a reading won. A tool for
// reading a notice the parser gets wrong; the format is for people, not for scripts.
#include <sstream>

#include "layout.hpp"

namespace tasksplit::layout {
namespace {

const char* style_name(NumberStyle s) {
    switch (s) {
        case NumberStyle::none: return "";
        case NumberStyle::arabic_bare: return "bare";
        case NumberStyle::arabic_dot: return "dotted";
        case NumberStyle::arabic_paren: return "bracketed";
        case NumberStyle::chinese_comma: return "chinese";
        case NumberStyle::chinese_paren: return "chinese-bracketed";
        case NumberStyle::circled: return "circled";
    }
    return "";
}

const char* cut_name(CutKind c) {
    switch (c) {
        case CutKind::none: return "";
        case CutKind::pipe: return "bars";
        case CutKind::tab: return "tabs";
        case CutKind::wide_space: return "spaces";
        case CutKind::single_space: return "space";
    }
    return "";
}

std::string clip(const std::string& utf8, int32_t chars) {
    icu::UnicodeString u = from_utf8(utf8);
    if (u.length() <= chars) return utf8;
    return to_utf8(u.tempSubString(0, chars)) + "…";
}

std::string units(const std::vector<Unit>& us) {
    std::string out;
    for (const auto& u : us) out += (out.empty() ? "" : "、") + u.name;
    return out;
}

}  // namespace

std::string explain(const SourceText& text, const std::vector<LineFeatures>& lines, const std::vector<Region>& regions,
                    const std::vector<bool>& taken, const Document& legacy) {
    std::ostringstream out;
    out << "== lines (stage A: number token, cells, bars; blank lines left out)\n";
    for (std::size_t i = 0; i < lines.size(); ++i) {
        LineFeatures l = lines[i];
        if (l.blank) continue;
        cut_cells(text, l);
        out << (i + 1) << "\t";
        if (l.separator) out << "separator";
        if (l.head) out << "number " << l.head.value << " (" << style_name(l.head.style) << (l.lone_number ? ", alone" : "") << ") ";
        if (l.cut != CutKind::none) out << l.cells.size() << " cells by " << cut_name(l.cut) << " ";
        if (l.starts_with_bar || l.ends_with_bar) out << "bars ";
        out << "| " << clip(text.slice(l.a, l.b), 24) << "\n";
    }
    out << "\n== regions (stage C: grids by numbering chain and row period; D: taken where better than the clause walk)\n";
    if (regions.empty()) out << "(none: the clause walk reads the whole file)\n";
    for (std::size_t k = 0; k < regions.size(); ++k) {
        const Region& r = regions[k];
        if (r.items.empty()) {  // a chain left to the clause walk
            out << r.family << " lines " << r.first + 1 << "-" << r.last + 1 << ": left to the clause walk\n";
            for (const auto& e : r.evidence) out << "  evidence: " << e << "\n";
            continue;
        }
        out << r.family << " lines " << r.first + 1 << "-" << r.last + 1 << " score " << r.score << " "
            << (taken[k] ? "TAKEN" : "not taken") << "\n  columns:";
        for (Role c : r.columns) out << " " << role_name(c);
        out << "\n";
        for (const auto& e : r.evidence) out << "  evidence: " << e << "\n";
        for (const auto& h : r.headings) out << "  heading line " << h.line + 1 << ": " << clip(h.title, 24) << "\n";
        for (const auto& u : r.unclaimed) out << "  unclaimed line " << u.line << ": " << clip(u.text, 24) << "\n";
        for (const auto& ri : r.items) {
            const Item& it = ri.item;
            out << "  row " << it.number.value_or("-") << " lines " << ri.first_line + 1 << "-" << ri.last_line + 1 << ": "
                << clip(it.text, 20) << " | lead " << units(it.lead) << " | support " << units(it.support);
            if (it.leader) out << " | leader " << it.leader->name;
            if (it.deadline) out << " | deadline " << *it.deadline;
            out << "\n";
        }
    }
    int items = 0;
    for (const auto& p : legacy.parts)
        for (const auto& s : p.sections) items += static_cast<int>(s.items.size());
    out << "\n== result: " << items << " items, " << legacy.unassigned.size() << " unassigned lines\n";
    return out.str();
}

}  // namespace tasksplit::layout
