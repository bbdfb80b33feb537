// Stage A0: the physical line is not the smallest unit. Some copies put a whole notice, or a
// whole list, on one line ("…环境卫生。牵头领导:X责任部门:Y(二)小街巷…"). Inside such a long line,
// the numbers of a numbering chain ((一)(二)(三), 1. 2. 3.) printed where a new line could begin
// show where the lines were: the line is cut, virtually, before each. The text is not touched;
// only line_start/line_end change, and `physical` maps each virtual line back for the output.
// Copies that joined the lines with spaces ("…向好 发挥投资…", "序号 目标任务 牵头单位 1 一般…")
// show the joins too: Chinese prose puts no space between two Chinese characters, so in a very
// long line such a space was a line end, and so was the space after a chain's bare number.
#include "layout.hpp"
#include "tasksplit/units.hpp"

namespace tasksplit::layout {
namespace {

bool may_precede_number(char16_t c) {
    if (is_space(c)) return true;
    static const std::u16string_view marks = u"。;:!?)]】」』\"”’>》";
    return marks.find(c) != std::u16string_view::npos;
}

struct Found {
    NumberToken token;
    bool kept = false;
};

/// The chain tokens inside [a, b): per style, values in turn (1, 2, 3 …; a chain may start
/// again at 1 under an outer number).
std::vector<int32_t> chain_cuts(const SourceText& t, int32_t a, int32_t b) {
    const icu::UnicodeString& f = t.fold;
    std::vector<Found> found;
    for (int32_t p = a + 1; p < b; ++p) {
        const char16_t prev = f.charAt(p - 1);
        const char16_t c = f.charAt(p);
        static const std::u16string_view chinese_digits = u"一二三四五六七八九十";
        if (!(c == u'(' || (c >= u'0' && c <= u'9') || chinese_digits.find(c) != std::u16string_view::npos ||
              (c >= 0x2460 && c <= 0x249B)))
            continue;
        if (c >= u'0' && c <= u'9' && prev >= u'0' && prev <= u'9') continue;
        NumberToken n = number_at(t, p, b);
        if (!n) continue;
        // Arabic numbers without brackets open a line only after a space or a stop: "完成3." is
        // not item 3. Bracketed and Chinese numbers may follow any character ("…工作(一)…").
        const bool bracketed = n.style == NumberStyle::arabic_paren || n.style == NumberStyle::chinese_paren ||
                               n.style == NumberStyle::circled || n.style == NumberStyle::chinese_comma;
        if (!bracketed && !may_precede_number(prev)) continue;
        found.push_back({n, false});
        p = n.end - 1;
    }
    // Chains per style, in turn; a chain of one number is no evidence.
    for (int style = 1; style <= static_cast<int>(NumberStyle::circled); ++style) {
        std::vector<std::size_t> chain;
        auto close = [&] {
            if (chain.size() >= 2)
                for (std::size_t k : chain) found[k].kept = true;
            chain.clear();
        };
        int last = 0;
        for (std::size_t k = 0; k < found.size(); ++k) {
            if (static_cast<int>(found[k].token.style) != style) continue;
            const int v = found[k].token.value;
            if (!chain.empty() && v == last + 1) {
                chain.push_back(k);
            } else if (v == 1 || (chain.empty() && v <= 2)) {
                close();
                chain.push_back(k);
            } else {
                continue;
            }
            last = v;
        }
        close();
    }
    std::vector<int32_t> cuts;
    for (const auto& x : found) {
        if (!x.kept) continue;
        cuts.push_back(x.token.start);
        if (x.token.style != NumberStyle::arabic_bare) continue;
        int32_t q = x.token.end;
        while (q < b && is_space(f.charAt(q))) ++q;
        // "1 一般公共…": the number was a cell of its own.
        if (q > x.token.end && q < b && f.charAt(q) >= 0x2E80) cuts.push_back(q);
    }
    return cuts;
}

struct Bars {
    int count = 0;
    int32_t first = -1, last = -1;  ///< positions of the first and the last bar
};
Bars bars(const SourceText& t, int32_t a, int32_t b) {
    Bars out;
    for (int32_t p = a; p < b; ++p)
        if (is_bar(t.fold.charAt(p))) {
            if (out.count++ == 0) out.first = p;
            out.last = p;
        }
    return out;
}

// A cell or a line of Chinese text ends in a Chinese character or any mark ("…同步", "…增长10%",
// "…“乡债县管”"), and begins with a Chinese character, an opening mark, or a number glued to a
// Chinese character ("2024年11月"). A number with spaces on both sides ("全市 60 岁") is a cell of
// its own only as a link of a chain (below).
bool is_digit(char16_t c) { return c >= u'0' && c <= u'9'; }
bool ends_text(const icu::UnicodeString& f, int32_t a, int32_t p) {
    const char16_t c = f.charAt(p - 1);
    if (is_digit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || is_space(c)) return false;
    if (c != u'%') return true;
    // "…增长10% 区发改局" ends a cell; "达到 90% 以上" is a number spaced off in a sentence.
    int32_t k = p - 2;
    while (k > a && (is_digit(f.charAt(k)) || f.charAt(k) == u'.')) --k;
    return f.charAt(k) >= 0x2E80;
}
bool begins_chinese(char16_t c) { return c >= 0x2E80 || c == u'\u201C' || c == u'\u2018' || c == u'('; }

int32_t skip_spaces(const icu::UnicodeString& f, int32_t p, int32_t b) {
    while (p < b && is_space(f.charAt(p))) ++p;
    return p;
}

/// Where the text after each run of spaces between the end of one piece of Chinese text and
/// the beginning of another starts, inside [a, b).
std::vector<int32_t> join_cuts(const SourceText& t, int32_t a, int32_t b) {
    const icu::UnicodeString& f = t.fold;
    struct Lone {
        int value;
        int32_t at, after;
        int before = 0;  ///< the value of the numbered line (not bare) cut last before it
    };
    std::vector<int32_t> cuts;
    std::vector<Lone> lone;  // bare numbers between spaces: row numbers or counts
    std::vector<std::pair<int32_t, int>> numbered;  // numbered lines cut ("15. 建设…"): where, value
    int32_t text_start = a;  // where the text of the last piece cut starts, after its number
    for (int32_t p = a + 1; p < b; ++p) {
        if (!is_space(f.charAt(p)) || !ends_text(f, a, p)) continue;
        // No line's text is one Chinese character: "一、韩 松区长牵头…" holds a two-character name
        // padded to the width of three, its space no join.
        if (p - text_start == 1 && f.charAt(p - 1) >= 0x3400) continue;
        const int32_t q = skip_spaces(f, p, b);
        p = q;
        if (q >= b) break;
        const NumberToken n = number_at(t, q, b);
        if (begins_chinese(f.charAt(q)) || (n && n.style != NumberStyle::arabic_bare)) {
            cuts.push_back(q);  // "…向好 发挥…", "…如下: 1. 泰康中路…"
            text_start = q;
            if (n) numbered.push_back({q, n.value});
            // The space after a line's number ("1. 泰康", "(一) 坚持") is no join.
            if (n) {
                text_start = skip_spaces(f, n.end, b);
                p = text_start - 1;
            }
            continue;
        }
        int32_t e = q;
        int value = 0;
        while (e < b && e - q < 4 && is_digit(f.charAt(e))) value = value * 10 + (f.charAt(e++) - u'0');
        if (e == q || e >= b) continue;
        if (begins_chinese(f.charAt(e))) {
            cuts.push_back(q);  // "2024年11月"
            text_start = q;
        } else if (is_space(f.charAt(e))) {
            const int32_t after = skip_spaces(f, e, b);
            if (after < b && begins_chinese(f.charAt(after)))
                lone.push_back({value, q, after, numbered.empty() ? 0 : numbered.back().second});
        }
    }
    // "…园区) 34 守护美丽蓝湾…": a row number, when a lone number near it (counts may stand
    // between: "其中 1 个") is its neighbour in value; "街区 1 个" alone is a count.
    constexpr std::size_t kNear = 3;
    for (std::size_t k = 0; k < lone.size(); ++k) {
        const int v = lone[k].value;
        bool linked = false;
        for (std::size_t d = 1; d <= kNear && !linked; ++d)
            linked = (k >= d && lone[k - d].value == v - 1) || (k + d < lone.size() && lone[k + d].value == v + 1);
        // "15. 建设… 16 优化… 17. 完善…": a number that lost its dot, between its neighbours,
        // opens its line as they do; of two such ("其中 16 个"), the last, after the task
        // before it has ended.
        if (!linked && lone[k].before == v - 1) {
            auto next = std::upper_bound(numbered.begin(), numbered.end(), std::make_pair(lone[k].at, 0));
            bool last = next != numbered.end() && next->second == v + 1;
            for (std::size_t k2 = k + 1; last && k2 < lone.size() && lone[k2].at < next->first; ++k2)
                last = lone[k2].value != v;
            if (last) cuts.push_back(lone[k].at);
        }
        if (!linked) continue;
        cuts.push_back(lone[k].at);
        cuts.push_back(lone[k].after);
    }
    std::sort(cuts.begin(), cuts.end());
    return cuts;
}

/// A drawn table joined into one line ("┌──┬──┐ │序号│重点工作│ ├──┼──┤ │1 │…│"): the rules
/// between its rows are runs of box-drawing characters (or ASCII "+----+----+"); each is cut out
/// into a line of its own, so that the rows between them are lines again.
void frame_cuts(const SourceText& t, int32_t a, int32_t b, std::vector<int32_t>& cuts) {
    constexpr int32_t kMinRule = 3;
    const icu::UnicodeString& f = t.fold;
    auto box = [](char16_t c) { return c >= 0x2500 && c <= 0x257F && !is_bar(c); };
    std::vector<std::pair<int32_t, int32_t>> rules;
    for (int32_t p = a; p < b; ++p) {
        const char16_t c = f.charAt(p);
        int32_t e = p;
        if (box(c)) {
            while (e < b && (box(f.charAt(e)) || is_bar(f.charAt(e)))) ++e;
        } else if (c == u'+') {
            while (e < b && (f.charAt(e) == u'+' || f.charAt(e) == u'-' || f.charAt(e) == u'=')) ++e;
            if (f.charAt(e - 1) != u'+') e = p;
        }
        if (e - p >= kMinRule) rules.push_back({p, e});
        p = std::max(p, e - 1);
    }
    if (rules.size() < 2) return;  // one rule is no joined table
    for (const auto& [s, e] : rules) {
        if (s > a) cuts.push_back(s);
        if (e < b) cuts.push_back(e);
    }
}

/// Where the page footers glued inside [a, b) begin and end (not at the line's own ends).
void page_marker_cuts(const SourceText& t, int32_t a, int32_t b, const Regex& page_marker, std::vector<int32_t>& cuts) {
    const icu::UnicodeString& f = t.fold;
    for (int32_t p = a; p < b;) {
        const int32_t at = f.indexOf(u'页', p, b - p);
        if (at < 0) return;
        // The footer opens with 第 a few characters before its first 页.
        const int32_t from = std::max(a, at - 6);
        if (!page_marker.find(f, from, b)) return;
        const int32_t s = page_marker.start(), e = page_marker.end();
        if (s > a) cuts.push_back(s);
        if (e < b) cuts.push_back(e);
        p = std::max(e, at + 1);
    }
}

/// Whether a unit name ends right before `q`: one of 3 to kGluedUnitMaxChars characters that
/// opens like a unit (a level, 各, a place's direction …) and ends like one.
bool unit_ends_at(const SourceText& t, int32_t q, int32_t a, const Rules& rules) {
    constexpr int32_t kGluedUnitMaxChars = 16;
    for (int32_t s = std::max(a, q - kGluedUnitMaxChars); s + 3 <= q; ++s) {
        const char16_t c = t.fold.charAt(s);
        if (rules.elision.level_chars.indexOf(c) < 0 && std::find(rules.unit_starts.begin(), rules.unit_starts.end(), c) == rules.unit_starts.end())
            continue;
        if (unit_kind(icu::UnicodeString(t.fold, s, q - s), rules) != "other") return true;
    }
    return false;
}

/// A table's rows glued into one line with no separator at all ("1加快…工程县住建局县发改局2推进…
/// 县水利局3实施…"): in a line that opens with a number glued to its text, the next numbers of
/// its chain glued between a unit name's end and a text's start.
std::vector<int32_t> glued_row_cuts(const SourceText& t, int32_t a, int32_t b, const Rules& rules) {
    const icu::UnicodeString& f = t.fold;
    std::vector<int32_t> cuts;
    NumberToken n = glued_number_at(t, skip_spaces(f, a, b), b, rules);
    if (!n) return cuts;
    for (int32_t q = n.end + 1; q < b; ++q) {
        const char16_t before = f.charAt(q - 1);
        if (before < 0x4E00 || before > 0x9FFF) continue;  // a number inside a figure ("12") or after a stop
        const NumberToken next = glued_number_at(t, q, b, rules);
        if (!next || next.value != n.value + 1 || !unit_ends_at(t, q, a, rules)) continue;
        cuts.push_back(q);
        n = next;
        q = next.end;
    }
    return cuts;
}

}  // namespace

std::optional<SourceText> reline(const SourceText& text, const Evidence& ev, const Rules& rules, std::vector<int>& physical) {
    const Regex& page_marker = rules.page_marker;
    std::vector<std::vector<int32_t>> cuts(text.line_count());
    // A file of one line was joined, however short.
    int filled = 0;
    for (int i = 0; i < text.line_count() && filled < 2; ++i) filled += text.line_end[i] > text.line_start[i];
    const int32_t min_chars = filled == 1 ? 0 : ev.reline_min_chars;
    const int32_t join_min_chars = filled == 1 ? 0 : ev.reline_join_min_chars;
    // …and a chain of two numbers in it is evidence enough ("(一)…(二)…(三)…": two cuts).
    const int min_cuts = filled == 1 ? 1 : ev.reline_min_cuts;
    constexpr std::ptrdiff_t kRowTabs = 2;  // three cells
    // The cuts of one long line: at its joins, or before the numbers of its chains.
    auto long_line_cuts = [&](int32_t a, int32_t b) {
        std::vector<int32_t> cuts;
        // Where the joins show, they are the lines, and a chain inside one of them stays there
        // ("1. 泰康中路:2024年7月;2.梅湖路:…" in a cell). In a line whose cells are cut by bars,
        // a space between Chinese characters is a cell's wrapped line ("…工作机 制,落实…").
        const Bars barred = bars(text, a, b);
        if (b - a >= join_min_chars && barred.count < ev.reline_min_cuts) {
            cuts = join_cuts(text, a, b);
        } else if (b - a >= join_min_chars) {
            // A table joined into the text ("…推进。 二、任务分解 重点任务 | 工作内容 | …"): the
            // text before its first bar and after its last was joined like any other; the
            // stretch of bars is one table, its rows cut by their numbers where they have any.
            // Text glued without spaces shows no joins: its chains cut it, as below.
            auto joins_or_chain = [&](int32_t from, int32_t to) {
                std::vector<int32_t> found = join_cuts(text, from, to);
                return found.empty() ? chain_cuts(text, from, to) : found;
            };
            cuts = joins_or_chain(a, barred.first);
            for (int32_t c : chain_cuts(text, barred.first, barred.last)) cuts.push_back(c);
            // After the last bar comes the last row's last cell ("| 力争全年…"), unless a
            // numbered line opens there ("… | 办公室 | 三、工作要求").
            const int32_t after = skip_spaces(text.fold, barred.last + 1, b);
            if (const NumberToken n = number_at(text, after, b); n && n.style != NumberStyle::arabic_bare) cuts.push_back(after);
            for (int32_t c : joins_or_chain(barred.last + 1, b)) cuts.push_back(c);
        }
        if (static_cast<int>(cuts.size()) < min_cuts) cuts = chain_cuts(text, a, b);
        if (static_cast<int>(cuts.size()) < min_cuts) cuts.clear();
        return cuts;
    };
    bool any = false;
    for (int i = 0; i < text.line_count(); ++i) {
        const int32_t a = text.line_start[i], b = text.line_end[i];
        // A table row with tabs between its cells (a Word or web table as its reader gives it)
        // is one row however long: "启动项目: 1. 泰康中路:…;2.梅湖路:…" is a chain inside a cell.
        const bool tab_row = filled > 1 && std::count(text.fold.getBuffer() + a, text.fold.getBuffer() + b, u'\t') >= kRowTabs;
        if (b - a >= min_chars && !tab_row) cuts[i] = long_line_cuts(a, b);
        if (cuts[i].empty())
            if (std::vector<int32_t> glued = glued_row_cuts(text, a, b, rules); static_cast<int>(glued.size()) >= min_cuts)
                cuts[i] = std::move(glued);
        // A line of any length loses its glued page footer ("…绿化工作。第 1 页共 5 页").
        const std::size_t own = cuts[i].size();
        page_marker_cuts(text, a, b, page_marker, cuts[i]);
        if (b - a >= min_chars) frame_cuts(text, a, b, cuts[i]);
        if (cuts[i].size() > own) {
            std::sort(cuts[i].begin(), cuts[i].end());
            cuts[i].erase(std::unique(cuts[i].begin(), cuts[i].end()), cuts[i].end());
        }
        any |= !cuts[i].empty();
    }
    if (!any) return std::nullopt;
    SourceText out = text;
    out.line_start.clear();
    out.line_end.clear();
    physical.clear();
    for (int i = 0; i < text.line_count(); ++i) {
        int32_t start = text.line_start[i];
        for (int32_t cut : cuts[i]) {
            out.line_start.push_back(start);
            out.line_end.push_back(cut);
            physical.push_back(i);
            start = cut;
        }
        out.line_start.push_back(start);
        out.line_end.push_back(text.line_end[i]);
        physical.push_back(i);
    }
    return out;
}

void to_physical_lines(Document& doc, const std::vector<int>& physical, const SourceText& original) {
    auto map = [&](int& line1) {
        if (line1 >= 1 && line1 <= static_cast<int>(physical.size())) line1 = physical[line1 - 1] + 1;
    };
    for (auto& p : doc.parts) {
        map(p.line);
        for (auto& s : p.sections) {
            map(s.line);
            for (auto& it : s.items) {
                map(it.span.line);
                map(it.span.end_line);
            }
        }
    }
    for (auto& t : doc.tables) map(t.line);
    for (auto& d : doc.diagnostics) map(d.line);
    if (doc.document.lead_convention) map(doc.document.lead_convention->line);
    // Several pieces of one physical line may be unassigned: one entry per physical line.
    std::vector<Unassigned> merged;
    for (auto& u : doc.unassigned) {
        map(u.line);
        if (!merged.empty() && merged.back().line == u.line) merged.back().text += " " + u.text;
        else merged.push_back(std::move(u));
    }
    doc.unassigned = std::move(merged);
    // Pieces of one physical line read differently ("附件1：… 1. 推进…" cut into an attachment
    // label and items) make it a mixed line.
    std::vector<LineRole> roles;
    for (auto& r : doc.line_roles) {
        map(r.line);
        if (roles.empty() || roles.back().line != r.line) roles.push_back(std::move(r));
        else if (roles.back().role != r.role) roles.back().role = "mixed";
    }
    doc.line_roles = std::move(roles);
    doc.source.lines = original.line_count();
}

}  // namespace tasksplit::layout
