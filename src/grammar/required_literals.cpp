// Characters every match of a regex holds, read from the pattern: a text without one of them
// cannot match, so the regex need not run (grammar rules on each line, not_targets on each text).
#include "tasksplit/rules.hpp"

namespace tasksplit {

// Literals at the pattern's top level that no ?, * or {0,…} makes optional ("级" in
// '[0-9…]+\s*(?:万|亿)?…级', "“" and "”" in '“[^“”]{0,30}”', "年" in a part heading). Escapes,
// classes and groups are passed over and a top-level "|" gives nothing, so the reading may miss
// a needed character but never invents one. Flags ("(?i)", "(?x)") change what a literal
// matches: such a pattern needs nothing.
std::u32string required_literals(const std::u32string& p) {
    using U32 = std::u32string;
    for (std::size_t k = p.find(U"(?"); k != U32::npos; k = p.find(U"(?", k + 2))
        if (k + 2 < p.size() && U32(U"imsxwu-").find(p[k + 2]) != U32::npos) return {};
    U32 out;
    // Index just past the atom at i (a class or a group, with what is nested in it); npos when
    // the pattern ends inside it.
    auto atom_end = [&](std::size_t i) -> std::size_t {
        int groups = 0, classes = 0;
        for (std::size_t k = i; k < p.size(); ++k) {
            const char32_t c = p[k];
            if (c == U'\\') ++k;
            else if (c == U'[') ++classes;
            else if (c == U']' && classes > 0) --classes;
            else if (classes == 0 && c == U'(') ++groups;
            else if (classes == 0 && c == U')') --groups;
            if (groups == 0 && classes == 0) return k + 1;
        }
        return std::u32string::npos;
    };
    for (std::size_t i = 0; i < p.size();) {
        const char32_t c = p[i];
        if (c == U'|') return {};
        std::size_t next = i + 1;
        if (c == U'\\') next = i + 2;
        else if (c == U'[' || c == U'(') next = atom_end(i);
        if (next == std::u32string::npos || next > p.size()) return {};
        const bool literal = U32(U"\\[(.^$)|?*+{}").find(c) == U32::npos;
        bool optional = false;
        if (next < p.size() && (p[next] == U'?' || p[next] == U'*')) optional = true;
        if (next + 1 < p.size() && p[next] == U'{' && p[next + 1] == U'0') optional = true;
        if (literal && !optional) out.push_back(c);
        // Past the quantifier and its lazy or possessive mark.
        if (next < p.size() && (p[next] == U'?' || p[next] == U'*' || p[next] == U'+')) ++next;
        else if (next < p.size() && p[next] == U'{') next = p.find(U'}', next) == U32::npos ? p.size() : p.find(U'}', next) + 1;
        if (next < p.size() && (p[next] == U'?' || p[next] == U'+')) ++next;
        i = next;
    }
    return out;
}

}  // namespace tasksplit
