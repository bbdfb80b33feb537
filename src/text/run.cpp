#include "tasksplit/run.hpp"

#include <unicode/uchar.h>

namespace tasksplit {

void Run::append(const SourceText& text, int32_t a, int32_t b) {
    while (a < b && is_space(text.orig.charAt(a))) ++a;
    while (b > a && is_space(text.orig.charAt(b - 1))) --b;
    orig.append(text.orig, a, b - a);
    fold.append(text.fold, a, b - a);
    for (int32_t i = a; i < b; ++i) src.push_back(i);
}

void Run::append_text(const icu::UnicodeString& s) {
    orig.append(s);
    for (int32_t i = 0; i < s.length(); ++i) {
        fold.append(fold_unit(s.charAt(i)));
        src.push_back(-1);
    }
}

void Run::append(const Run& more) {
    orig.append(more.orig);
    fold.append(more.fold);
    src.insert(src.end(), more.src.begin(), more.src.end());
}

Run Run::sub(int32_t a, int32_t b) const {
    Run r;
    if (a < 0) a = 0;
    if (b > size()) b = size();
    if (a >= b) return r;
    r.orig = icu::UnicodeString(orig, a, b - a);  // a copy: the source may not outlive the Run
    r.fold = icu::UnicodeString(fold, a, b - a);
    r.src.assign(src.begin() + a, src.begin() + b);
    return r;
}

Run Run::trimmed() const {
    int32_t a = 0, b = size();
    while (a < b && is_space(orig.charAt(a))) ++a;
    while (b > a && is_space(orig.charAt(b - 1))) --b;
    return sub(a, b);
}

std::string Run::utf8() const { return to_utf8(orig); }

std::string Run::utf8_nospace() const {
    icu::UnicodeString out;
    for (int32_t i = 0; i < orig.length(); ++i)
        if (!is_space(orig.charAt(i))) out.append(orig.charAt(i));
    return to_utf8(out);
}

Run make_run(const std::string& utf8) {
    Run r;
    r.append_text(from_utf8(utf8));
    return r;
}

}  // namespace tasksplit
