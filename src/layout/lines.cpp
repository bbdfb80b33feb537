// Stage A: every line described without deciding anything: its trimmed span, the bars that
// frame a cell, the number token that opens it, and how it cuts into cells.
#include "layout.hpp"

namespace tasksplit::layout {
namespace {

bool is_box(char16_t c) { return c >= 0x2500 && c <= 0x257F; }

int digit(char16_t c) { return c >= u'0' && c <= u'9' ? c - u'0' : -1; }

int chinese_digit(char16_t c) {
    static const char16_t digits[] = u"〇一二三四五六七八九";
    for (int k = 0; k < 10; ++k)
        if (c == digits[k]) return k;
    return c == u'十' ? 10 : -1;
}

/// "二十三" -> 23, "十" -> 10, "十一" -> 11; at most three characters.
int chinese_value(const icu::UnicodeString& s, int32_t a, int32_t b) {
    int value = 0, current = 0;
    for (int32_t k = a; k < b; ++k) {
        const int d = chinese_digit(s.charAt(k));
        if (d == 10) {
            value += (current == 0 ? 1 : current) * 10;
            current = 0;
        } else {
            current = d;
        }
    }
    return value + current;
}

}  // namespace

NumberToken glued_number_at(const SourceText& text, int32_t p, int32_t end, const Rules& rules) {
    constexpr int32_t kMaxDigits = 4;
    const icu::UnicodeString& f = text.fold;
    NumberToken n;
    int32_t k = p;
    for (; k < end && k - p < kMaxDigits && f.charAt(k) >= u'0' && f.charAt(k) <= u'9'; ++k) n.value = 10 * n.value + (f.charAt(k) - u'0');
    if (k == p || k >= end || f.charAt(k) < 0x4E00 || f.charAt(k) > 0x9FFF || rules.deadline_cell.match_at(f, p, end)) return {};
    n.style = NumberStyle::arabic_bare;
    n.start = p;
    n.end = k;
    return n;
}

NumberToken number_at(const SourceText& text, int32_t p, int32_t end) {
    const icu::UnicodeString& f = text.fold;
    NumberToken t;
    if (p >= end) return t;
    const char16_t c = f.charAt(p);
    if (c >= 0x2460 && c <= 0x249B) {  // ① … ⑳, ⑴ … ⒇, ⒈ … ⒛
        t.style = NumberStyle::circled;
        t.value = (c - 0x2460) % 20 + 1;
        t.start = p;
        t.end = p + 1;
        if (t.end < end && (f.charAt(t.end) == u'.' || f.charAt(t.end) == u'、')) ++t.end;
        return t;
    }
    const bool paren = c == u'(';
    int32_t q = paren ? p + 1 : p;
    int32_t digits_end = q;
    while (digits_end < end && digits_end - q < 3 && digit(f.charAt(digits_end)) >= 0) ++digits_end;
    if (digits_end > q) {
        if (digits_end < end && digit(f.charAt(digits_end)) >= 0) return t;  // four digits: a year
        int value = 0;
        for (int32_t k = q; k < digits_end; ++k) value = value * 10 + digit(f.charAt(k));
        if (value == 0) return t;
        t.value = value;
        t.start = p;
        if (paren) {
            if (digits_end >= end || f.charAt(digits_end) != u')') return NumberToken{};
            t.style = NumberStyle::arabic_paren;
            t.end = digits_end + 1;
            return t;
        }
        if (digits_end < end) {
            const char16_t next = f.charAt(digits_end);
            if (next == u'.' || next == u'、' || next == u')' || next == u',') {
                // "1.5%" is a decimal, not item 1.
                if (next == u'.' && digits_end + 1 < end && digit(f.charAt(digits_end + 1)) >= 0) return NumberToken{};
                t.style = NumberStyle::arabic_dot;
                t.end = digits_end + 1;
                return t;
            }
            if (!is_space(next) && !is_bar(next)) return NumberToken{};  // "2025年", "3月"
        }
        t.style = NumberStyle::arabic_bare;
        t.end = digits_end;
        return t;
    }
    int32_t han_end = q;
    while (han_end < end && han_end - q < 3 && chinese_digit(f.charAt(han_end)) >= 0) ++han_end;
    if (han_end == q || han_end >= end) return t;
    const char16_t next = f.charAt(han_end);
    if (paren && next == u')') {
        t.style = NumberStyle::chinese_paren;
    } else if (!paren && (next == u'、' || next == u'.')) {
        t.style = NumberStyle::chinese_comma;
    } else {
        return t;
    }
    t.value = chinese_value(f, q, han_end);
    t.start = p;
    t.end = han_end + 1;
    return t;
}

void cut_cells(const SourceText& text, LineFeatures& l) {
    const icu::UnicodeString& f = text.fold;
    if (l.blank || l.separator || l.cut != CutKind::none) return;
    const int32_t ca = l.ca, cb = l.cb;
    // Bars first, then tabs, then runs of spaces, then single spaces.
    auto cut = [&](CutKind kind, auto is_cut) {
        std::vector<CellRange> cells;
        int32_t start = ca;
        for (int32_t k = ca; k <= cb; ++k) {
            const int32_t width = k < cb ? is_cut(k) : 1;
            if (width == 0) continue;
            int32_t x = start, y = k;
            while (x < y && is_space(f.charAt(x))) ++x;
            while (y > x && is_space(f.charAt(y - 1))) --y;
            cells.push_back({x, y});
            k += width - 1;
            start = k + 1;
        }
        if (kind != CutKind::pipe && kind != CutKind::tab) {
            remove_where(cells, [](const CellRange& c) { return c.a == c.b; });
        }
        if (cells.size() >= 2) {
            l.cut = kind;
            l.cells = std::move(cells);
        }
    };
    cut(CutKind::pipe, [&](int32_t k) -> int32_t { return is_bar(f.charAt(k)) ? 1 : 0; });
    if (l.cut == CutKind::none) cut(CutKind::tab, [&](int32_t k) -> int32_t { return text.orig.charAt(k) == u'\t' ? 1 : 0; });
    if (l.cut == CutKind::none)
        cut(CutKind::wide_space, [&](int32_t k) -> int32_t {
            if (!is_space(f.charAt(k))) return 0;
            int32_t run = 0;
            while (k + run < cb && is_space(f.charAt(k + run))) ++run;
            return run >= 2 || text.orig.charAt(k) == u'\u3000' ? run : 0;
        });
    if (l.cut == CutKind::none)
        cut(CutKind::single_space, [&](int32_t k) -> int32_t { return is_space(f.charAt(k)) ? 1 : 0; });
}

std::vector<LineFeatures> read_lines(const SourceText& text) {
    const icu::UnicodeString& f = text.fold;
    std::vector<LineFeatures> out(text.line_count());
    for (int i = 0; i < text.line_count(); ++i) {
        LineFeatures& l = out[i];
        int32_t a = text.line_start[i], b = text.line_end[i];
        while (a < b && is_space(f.charAt(a))) ++a;
        while (b > a && is_space(f.charAt(b - 1))) --b;
        l.a = a;
        l.b = b;
        l.blank = a == b;
        if (l.blank) continue;
        int32_t ca = a, cb = b;
        l.starts_with_bar = is_bar(f.charAt(ca));
        l.ends_with_bar = is_bar(f.charAt(cb - 1));
        while (ca < cb && (is_bar(f.charAt(ca)) || is_space(f.charAt(ca)))) ++ca;
        while (cb > ca && (is_bar(f.charAt(cb - 1)) || is_space(f.charAt(cb - 1)))) --cb;
        l.ca = ca;
        l.cb = cb;
        bool only_box = true;
        for (int32_t k = a; k < b && only_box; ++k) only_box = is_box(f.charAt(k)) || is_bar(f.charAt(k)) || is_space(f.charAt(k)) || f.charAt(k) == u'-' || f.charAt(k) == u'+';
        l.separator = ca == cb || only_box;
        if (l.separator) continue;
        for (int32_t k = ca; k < cb && l.chars < kCharsCounted; ++k) l.chars += !is_space(f.charAt(k));
        l.head = number_at(text, ca, cb);
        if (l.head) {
            int32_t k = l.head.end;
            while (k < cb && is_space(f.charAt(k))) ++k;
            l.lone_number = k == cb;
        }
    }
    return out;
}

const char* role_name(Role r) {
    switch (r) {
        case Role::number: return "number";
        case Role::text: return "text";
        case Role::detail: return "detail";
        case Role::lead: return "lead";
        case Role::support: return "support";
        case Role::units: return "units";
        case Role::leader: return "leader";
        case Role::deadline: return "deadline";
        case Role::other: return "other";
    }
    return "other";
}

Evidence load_evidence(const Rules& rules) {
    Evidence ev;
    auto get = [&](const char* key, auto& field) {
        if (auto it = rules.evidence.find(key); it != rules.evidence.end())
            field = static_cast<std::remove_reference_t<decltype(field)>>(it->second);
    };
    get("grid_min_rows", ev.grid_min_rows);
    get("grid_max_period", ev.grid_max_period);
    get("number_max_jump", ev.number_max_jump);
    get("unit_share_min", ev.unit_share_min);
    get("person_share_min", ev.person_share_min);
    get("date_share_min", ev.date_share_min);
    get("text_min_chars", ev.text_min_chars);
    get("heading_max_chars", ev.heading_max_chars);
    get("legacy_margin", ev.legacy_margin);
    get("reline_min_chars", ev.reline_min_chars);
    get("reline_min_cuts", ev.reline_min_cuts);
    get("reline_join_min_chars", ev.reline_join_min_chars);
    return ev;
}

}  // namespace tasksplit::layout
