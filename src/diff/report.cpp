// Pieces the JSON, text and Markdown reports share.
#include <cstdio>
#include <set>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "internal.hpp"

namespace tasksplit::diff_detail {

std::string target_value(const Target& t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", t.value);
    std::string out;
    if (t.aspirational) out += "力争";
    if (t.bound == ">=") out += "≥";
    else if (t.bound == "<=") out += "≤";
    else if (t.bound == "~") out += "~";
    return out + buf + t.measure;
}

std::string year_label(const DocumentMeta& meta, const std::string& fallback) {
    return meta.year ? std::to_string(*meta.year) : fallback;
}

int display_width(const std::string& utf8) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
    int width = 0;
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
        auto w = static_cast<UEastAsianWidth>(u_getIntPropertyValue(s.char32At(i), UCHAR_EAST_ASIAN_WIDTH));
        width += (w == U_EA_WIDE || w == U_EA_FULLWIDTH) ? 2 : 1;
    }
    return width;
}

std::string pad(const std::string& utf8, int width) {
    int w = display_width(utf8);
    return w >= width ? utf8 : utf8 + std::string(static_cast<std::size_t>(width - w), ' ');
}

std::vector<const UnitLoad*> renamed_units(const DiffResult& diff) {
    std::vector<const UnitLoad*> out;
    for (const UnitLoad& u : diff.units) {
        if (u.old_names.empty() || u.new_names.empty()) continue;
        std::set<std::string> old_names(u.old_names.begin(), u.old_names.end());
        bool shared = false;
        for (const auto& n : u.new_names) shared = shared || old_names.count(n);
        if (!shared) out.push_back(&u);
    }
    return out;
}

StrengthCounts count_strengths(const DiffResult& diff) {
    StrengthCounts c;
    for (const Pair& p : diff.pairs) {
        if (p.strength == Strength::same) ++c.same;
        else if (p.strength == Strength::continued) ++c.continued;
        else ++c.related;
    }
    return c;
}

}  // namespace tasksplit::diff_detail
