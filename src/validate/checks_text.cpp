// Checks on text: brackets, characters, quoted names, and the notice's own printing (number style,
// 牵头 markers). They scan Context::text(): the notice, or item texts for a JSON document.
#include <cstdio>
#include <map>
#include <set>

#include <unicode/uchar.h>

#include "checks.hpp"
#include "tasksplit/run.hpp"

namespace tasksplit::validation {
namespace {

bool full_width(char16_t c) { return c >= 0xFF00 && c <= 0xFFEF; }

std::string hex(UChar32 c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

/// Trimmed bounds of line l of t.
std::pair<int32_t, int32_t> trimmed(const SourceText& t, int l) {
    int32_t a = t.line_start[l], b = t.line_end[l];
    while (a < b && is_space(t.fold.charAt(a))) ++a;
    while (b > a && is_space(t.fold.charAt(b - 1))) --b;
    return {a, b};
}

/// One substitution (see one_substitution), insertion or deletion apart.
bool one_edit(const std::u32string& a, const std::u32string& b) {
    if (a.size() == b.size()) return one_substitution(a, b, 6);
    const std::u32string& longer = a.size() > b.size() ? a : b;
    const std::u32string& shorter = a.size() > b.size() ? b : a;
    if (longer.size() != shorter.size() + 1 || shorter.size() < 6) return false;
    std::size_t i = 0;
    while (i < shorter.size() && shorter[i] == longer[i]) ++i;
    return shorter.compare(i, std::u32string::npos, longer, i + 1, std::u32string::npos) == 0;
}

}  // namespace

void check_brackets(Context& ctx) {
    // Pairs in the folded view, where （ and ( are one character. Straight quotes and <> are left out:
    // neither says which side it is on, and < > also compare numbers.
    static const icu::UnicodeString opens(u"([【《〔“「"), closes(u")]】》〕”」");
    const SourceText& t = ctx.text();
    for (const auto& [first, last] : ctx.regions()) {
        std::vector<int32_t> stack;
        auto unclosed = [&](int32_t pos) {
            ctx.report("unbalanced-bracket", ctx.where_at(pos), "'" + t.slice(pos, pos + 1) + "' is never closed");
        };
        for (int32_t i = t.line_start[first]; i < t.line_end[last]; ++i) {
            char16_t c = t.fold.charAt(i);
            if (opens.indexOf(c) >= 0) {
                stack.push_back(i);
                continue;
            }
            int32_t k = closes.indexOf(c);
            if (k < 0) continue;
            std::size_t m = stack.size();
            while (m > 0 && t.fold.charAt(stack[m - 1]) != opens.charAt(k)) --m;
            if (m == 0) {
                ctx.report("unbalanced-bracket", ctx.where_at(i), "'" + t.slice(i, i + 1) + "' closes nothing");
                continue;
            }
            for (std::size_t n = m; n < stack.size(); ++n) unclosed(stack[n]);
            int32_t open = stack[m - 1];
            stack.resize(m - 1);
            if (full_width(t.orig.charAt(open)) != full_width(t.orig.charAt(i)))
                ctx.report("mixed-width-brackets", ctx.where_at(i),
                           "'" + t.slice(i, i + 1) + "' closes '" + t.slice(open, open + 1) + "' opened on line " +
                               std::to_string(ctx.where_at(open).line));
        }
        for (int32_t pos : stack) unclosed(pos);
    }
}

void check_characters(Context& ctx) {
    static const Regex latex(u"\\$[^$]{0,80}?\\\\[A-Za-z%][^$]{0,80}?\\$|\\\\(?:geq|leq|ge|le|times|div|pm|cdot|frac|sim|approx|mathrm|text)(?![A-Za-z])",
                             "validate: latex");
    static const Regex html(u"&(?:[A-Za-z]{2,8}|#[0-9]{2,7}|#[xX][0-9A-Fa-f]{2,6});|</?(?:p|br|span|div|td|tr|font|b|strong)(?:\\s[^>]*)?/?>",
                            "validate: html");
    static const Regex cid(u"\\(cid:[0-9]+\\)", "validate: cid");
    // "定海定海工业园区": a word doubled by a copy-and-paste slip. One doubled character (家家户户) is
    // ordinary Chinese and is left alone.
    static const Regex doubled(u"(\\p{Han}{2,6})\\1", "validate: doubled word");
    static const Regex mojibake(u"锟斤拷|烫烫烫|屯屯屯|Ã[\\u0080-\\u00BF]|â€", "validate: mojibake");
    // "21. 6万吨": a decimal split by the extraction's "N. " numbering. At the start of an item's first
    // line the same shape is the item's number.
    static const Regex split_decimal(u"(?<![0-9.])[0-9]{1,4}\\.\\s+[0-9]", "validate: split decimal");
    const SourceText& t = ctx.text();
    std::set<int> item_lines;
    for (const auto& [part, item] : ctx.items()) item_lines.insert(item->span.line);

    for (int l = 0; l < t.line_count(); ++l) {
        // Plain variables, not a structured binding: lambdas below capture them (clang 14).
        const std::pair<int32_t, int32_t> range_a = trimmed(t, l);
        const int32_t a = range_a.first, b = range_a.second;
        auto find = [&](const Regex& re, const std::string& what) {
            if (re.find(t.orig, a, b))
                ctx.report("extraction-artifact", ctx.where_at(re.start()), what + ": " + t.slice(re.start(), re.end()));
        };
        find(latex, "LaTeX left over from extraction");
        find(html, "HTML markup left over from extraction");
        find(cid, "PDF glyph code left over from extraction");
        const bool item_start = ctx.source && item_lines.count(l + 1);
        for (int32_t from = a; split_decimal.find(t.orig, from, b); from = split_decimal.end()) {
            if (item_start && split_decimal.start() == a) continue;
            ctx.report("extraction-artifact", ctx.where_at(split_decimal.start()),
                       "a decimal split by a space: " + t.slice(split_decimal.start(), split_decimal.end()));
            break;
        }
        if (doubled.find(t.orig, a, b))
            ctx.report("repeated-word", ctx.where_at(doubled.start(1) + doubled.group(1).length()),
                       "“" + to_utf8(doubled.group(1)) + "” is printed twice in a row: " + t.slice(doubled.start(), doubled.end()));
        if (mojibake.find(t.orig, a, b))
            ctx.report("doubtful-encoding", ctx.where_at(mojibake.start()),
                       "mojibake: " + t.slice(mojibake.start(), mojibake.end()) + " (text decoded with the wrong charset)");

        // One report per kind and line: a line of private-use glyphs is one problem, not fifty.
        bool bad_reported = false, space_reported = false;
        for (int32_t i = a; i < b; i = t.orig.moveIndex32(i, 1)) {
            UChar32 c = t.orig.char32At(i);
            int8_t type = u_charType(c);
            std::string why;
            if (c == 0xFFFD) why = "replacement character: bytes were lost in a conversion";
            else if (type == U_CONTROL_CHAR && c != '\t') why = "control character " + hex(c);
            else if (type == U_PRIVATE_USE_CHAR) why = "private-use character " + hex(c) + " (a glyph with no Unicode mapping)";
            else if (type == U_UNASSIGNED) why = "unassigned code point " + hex(c);
            if (!why.empty() && !bad_reported) {
                ctx.report("doubtful-encoding", ctx.where_at(i), why);
                bad_reported = true;
            }
            bool odd_space = c == 0x00A0 || (c >= 0x2000 && c <= 0x200D) || c == 0x202F || c == 0x205F || c == 0x2060 || c == 0xFEFF;
            if (odd_space && !space_reported) {
                ctx.report("unusual-space", ctx.where_at(i), "unusual space " + hex(c) + " (a plain space or none was meant)");
                space_reported = true;
            }
        }
    }

    // "(责" at the end of a page and "责任单位：…" again on the next: a clause label printed twice.
    if (!ctx.source) return;
    for (int l = 0; l + 1 < t.line_count(); ++l) {
        const std::pair<int32_t, int32_t> range_a = trimmed(t, l);
        const int32_t a = range_a.first, b = range_a.second;
        int32_t open = t.fold.lastIndexOf(u'(', a, b - a);
        if (open < 0 || b - open - 1 < 1) continue;
        icu::UnicodeString piece(t.fold, open + 1, b - open - 1);
        bool prefix = false;
        for (const auto& [label, role] : ctx.rules.label_role) {
            icu::UnicodeString lab = icu::UnicodeString::fromUTF8(label);
            prefix |= lab.length() > piece.length() && lab.startsWith(piece);
        }
        if (!prefix) continue;
        int next = l + 1;
        while (next < t.line_count() && trimmed(t, next).first == trimmed(t, next).second) ++next;
        if (next == t.line_count()) continue;
        const std::pair<int32_t, int32_t> range_na = trimmed(t, next);
        const int32_t na = range_na.first, nb = range_na.second;
        if (icu::UnicodeString(t.fold, na, nb - na).startsWith(piece))
            ctx.report("extraction-artifact", ctx.where_at(open),
                       "stray clause fragment " + t.slice(open, b) + " before a page break; the clause starts again on line " +
                           std::to_string(next + 1));
    }
}

void check_names(Context& ctx) {
    // Brand and project names in quotes (“暖岙”) repeat across a notice; a one-character variant that
    // is followed or preceded by the same words (“暖吞”文化生态…) is a typo, while “双减” and “双碳”
    // stand in different contexts.
    static const Regex quoted(u"“([^“”\\n]{1,12})”", "validate: quoted");
    struct Use {
        int32_t pos;
        icu::UnicodeString before, after;
    };
    const SourceText& t = ctx.text();
    std::map<std::string, std::vector<Use>> uses;
    std::vector<std::string> order;
    auto context = [&](int line, int32_t from, int step) {
        icu::UnicodeString out;
        for (int32_t i = from; out.length() < 4 && i >= t.line_start[line] && i < t.line_end[line]; i += step)
            if (!is_space(t.fold.charAt(i))) out.append(t.fold.charAt(i));
        return out;
    };
    for (int l = 0; l < t.line_count(); ++l) {
        int32_t from = t.line_start[l];
        while (quoted.find(t.orig, from, t.line_end[l])) {
            std::string name;
            for (int32_t i = quoted.start(1); i < quoted.end(1); ++i)
                if (!is_space(t.orig.charAt(i))) name += to_utf8(icu::UnicodeString(t.orig.charAt(i)));
            if (!uses.count(name)) order.push_back(name);
            uses[name].push_back({quoted.start(1), context(l, quoted.start() - 1, -1), context(l, quoted.end(), 1)});
            from = quoted.end();
        }
    }
    std::vector<std::u32string> cps;
    for (const auto& n : order) cps.push_back(code_points(n));
    for (std::size_t i = 0; i < order.size(); ++i)
        for (std::size_t j = i + 1; j < order.size(); ++j) {
            if (!one_substitution(cps[i], cps[j], 1)) continue;
            const std::string& odd = uses[order[j]].size() <= uses[order[i]].size() ? order[j] : order[i];
            const std::string& usual = odd == order[j] ? order[i] : order[j];
            for (const Use& u : uses[odd]) {
                const Use* match = nullptr;
                for (const Use& v : uses[usual])
                    if (!match && ((u.after.length() == 4 && u.after == v.after) || (u.before.length() == 4 && u.before == v.before))) match = &v;
                if (!match) continue;
                icu::UnicodeString shared = u.after == match->after ? u.after : u.before;
                ctx.report("name-typo", ctx.where_at(u.pos),
                           "“" + odd + "” looks like a typo of “" + usual + "” (line " +
                               std::to_string(ctx.where_at(match->pos).line) + "): both stand next to “" + to_utf8(shared) + "”");
                break;
            }
        }

    // title-mismatch: the notice names its parts in 《》 ("《2024年市民生实事项项目责任分解》"); a name one
    // character away from a part's heading is a slip in one of the two.
    static const Regex book(u"《([^《》\\n]{6,60})》", "validate: book title");
    std::vector<std::pair<std::string, std::u32string>> headings;
    for (const auto& p : ctx.doc.parts) headings.emplace_back(p.title, code_points(make_run(p.title).utf8_nospace()));
    for (int l = 0; l < t.line_count(); ++l) {
        int32_t from = t.line_start[l];
        while (book.find(t.orig, from, t.line_end[l])) {
            from = book.end();
            std::u32string name = code_points(make_run(to_utf8(book.group(1))).utf8_nospace());
            for (const auto& [title, cps] : headings)
                if (one_edit(name, cps)) {
                    ctx.report("title-mismatch", ctx.where_at(book.start()),
                               to_utf8(book.group(0)) + " differs by one character from the part heading " + title);
                    break;
                }
        }
    }
}

void check_notice_layout(Context& ctx) {
    const SourceText& t = *ctx.source;
    // number-style: how each item number is punctuated ("7." / "7. " / "7、" / "16 "). Each part keeps
    // its own habit (an appended list may print "1." under a report that prints "1. "); a style that
    // only a few items of the part use stands out.
    for (const auto& part : ctx.doc.parts) {
        std::map<std::string, std::vector<std::pair<int32_t, std::string>>> styles;
        std::size_t numbered = 0;
        for (const auto& section : part.sections)
            for (const auto& item : section.items) {
                int l = item.span.line - 1;
                if (!item.number || l < 0 || l >= t.line_count()) continue;
                const std::pair<int32_t, int32_t> range_a = trimmed(t, l);
                const int32_t a = range_a.first, b = range_a.second;
                int32_t i = a;
                while (i < b && u_isdigit(t.fold.charAt(i))) ++i;
                // A grid prints the number alone in its cell: nothing to compare.
                if (i == a || i == b || to_utf8(icu::UnicodeString(t.fold, a, i - a)) != *item.number) continue;
                std::string style = "N";
                if (t.fold.charAt(i) == u'.' || t.fold.charAt(i) == u'、') style += to_utf8(icu::UnicodeString(t.orig.charAt(i++)));
                if (i < b && is_space(t.orig.charAt(i))) style += " ";
                styles[style].emplace_back(a, *item.number);
                ++numbered;
            }
        std::string usual;
        for (const auto& [style, uses] : styles)
            if (usual.empty() || uses.size() > styles[usual].size()) usual = style;
        if (usual.empty() || styles[usual].size() < 5) continue;
        for (const auto& [style, uses] : styles) {
            if (style == usual || uses.size() * 10 > numbered) continue;
            for (const auto& [pos, number] : uses)
                ctx.report("number-style", ctx.where_at(pos),
                           "item number " + number + " is printed “" + style + "” while " + std::to_string(styles[usual].size()) +
                               " of the part's " + std::to_string(numbered) + " numbered items use “" + usual + "”");
        }
    }

    // empty-lead-marker: "责任单位：牵头，区发改局" or "区财政局、牵头": 牵头 right after a label or a
    // separator marks nobody. A marker after a unit, or a 牵头领导/牵头单位 label, is not matched.
    static const Regex marker(u"(?<=[:、,;]\\s{0,3})牵头(?=\\s*(?:[,、;)]|$))", "validate: lead marker");
    for (int l = 0; l < t.line_count(); ++l) {
        int32_t from = t.line_start[l];
        while (marker.find(t.fold, from, t.line_end[l])) {
            ctx.report("empty-lead-marker", ctx.where_at(marker.start()), "a 牵头 marker with no unit before it: the lead is missing");
            from = marker.end();
        }
    }
}

}  // namespace tasksplit::validation
