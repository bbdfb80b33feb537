#include "tasksplit/numerals.hpp"

#include <algorithm>
#include <string>
#include <unicode/uchar.h>

namespace tasksplit {

namespace {

/// A number printed longer than any list is numbered stays at this value (no overflow).
constexpr int kNumeralMax = 100'000'000;

int append_digit(int current, int digit) { return current >= kNumeralMax ? kNumeralMax : current * 10 + digit; }

}  // namespace

int numeral_value(const icu::UnicodeString& s) {
    static const std::u16string digits = u"〇一二三四五六七八九";
    bool has_ten = s.indexOf(u'十') >= 0 || s.indexOf(u'百') >= 0;
    int value = 0, current = 0;
    for (int32_t i = 0; i < s.length(); ++i) {
        char16_t c = s.charAt(i);
        if (c == u'○' || c == u'零') c = u'〇';
        // ①-⑳, ⑴-⒇ and ⒈-⒛: one character each, numbered from 1.
        for (char16_t first : {u'①', u'⑴', u'⒈'})
            if (c >= first && c < first + 20) current = append_digit(current, c - first + 1);
        if (u_isdigit(c)) {
            current = append_digit(current, u_charDigitValue(c));
            continue;
        }
        if (c == u'.') {  // "2.3": a decimal number's value is its place after the dot
            value = current = 0;
            continue;
        }
        auto d = digits.find(c);
        if (c == u'百') {
            value = std::min(kNumeralMax, value + std::min(kNumeralMax / 100, current ? current : 1) * 100);
            current = 0;
        } else if (c == u'十') {
            value = std::min(kNumeralMax, value + std::min(kNumeralMax / 10, current ? current : 1) * 10);
            current = 0;
        } else if (d != std::u16string::npos) {
            current = has_ten ? static_cast<int>(d) : append_digit(current, static_cast<int>(d));
        }
    }
    return std::min(kNumeralMax, value + current);
}

}  // namespace tasksplit
