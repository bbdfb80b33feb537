// A Run is text joined from pieces of the source (lines split by page breaks, cells of a grid)
// with nothing added: original characters, their folded view, and where each came from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "tasksplit/source_text.hpp"

namespace tasksplit {

struct Run {
    icu::UnicodeString orig;
    icu::UnicodeString fold;
    std::vector<int32_t> src;  ///< index in SourceText of each unit; -1 for synthetic text

    int32_t size() const { return orig.length(); }
    bool empty() const { return orig.isEmpty(); }
    /// Appends src[a, b) with leading and trailing whitespace trimmed.
    void append(const SourceText& text, int32_t a, int32_t b);
    /// Appends another run as it is (a cell continued on the next line).
    void append(const Run& more);
    /// Appends text that is not in the source (tests, JSON input).
    void append_text(const icu::UnicodeString& s);
    Run sub(int32_t a, int32_t b) const;
    /// Trims whitespace at both ends.
    Run trimmed() const;
    std::string utf8() const;
    /// The same text with all whitespace removed (unit names, titles).
    std::string utf8_nospace() const;
};

/// Builds a Run from a UTF-8 string (for tests and for units read from JSON).
Run make_run(const std::string& utf8);

/// White space, as the layout trims and squeezes it. Inline: it is asked of every character.
inline bool is_space(char16_t c) {
    // A BOM inside the text is folded to a space (fold_unit): trimmed as one.
    if (c == 0xFEFF) return true;
    // U+3000 is the last white space character: Chinese text, most of what is asked here,
    // needs no property lookup.
    if (c > 0x3000) return false;
    return c == u' ' || c == u'\t' || c == 0x3000 || c == 0xA0 || c == u'\r' || c == u'\n' || u_isUWhiteSpace(c);
}

}  // namespace tasksplit
