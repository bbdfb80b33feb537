// Characters every match of a regex holds, read from the pattern: a text without them cannot
// match, so the regex need not run (grammar rules on each line, not_targets on each text).
#include "tasksplit/rules.hpp"

#include <algorithm>
#include <cctype>

namespace tasksplit {

namespace {

using U32 = std::u32string;
constexpr std::size_t kNone = U32::npos;

/// Reads one alternation p[from, to) of a pattern; `ok` turns false where the pattern cannot be
/// read to its end.
class SetReader {
public:
    explicit SetReader(const U32& p) : p_(p) {}
    bool ok = true;

    /// The sets of p[from, to): under a "|" each branch must give a set, and their union is the one
    /// set of the whole (a match takes one branch, so it holds one of the union's characters).
    std::vector<U32> alternation(std::size_t from, std::size_t to) {
        std::vector<std::size_t> bars;
        for (std::size_t k = from; k < to && ok; k = atom_end(k))
            if (p_[k] == U'|') bars.push_back(k);
        if (!ok) return {};
        if (bars.empty()) return sequence(from, to);
        bars.push_back(to);
        U32 any;
        std::size_t start = from;
        for (std::size_t bar : bars) {
            std::vector<U32> branch = sequence(start, bar);
            if (branch.empty()) return {};
            // The branch's smallest set keeps the union small.
            const U32& least = *std::min_element(branch.begin(), branch.end(),
                                                 [](const U32& x, const U32& y) { return x.size() < y.size(); });
            for (char32_t c : least)
                if (any.find(c) == kNone) any.push_back(c);
            start = bar + 1;
        }
        return {any};
    }

private:
    const U32& p_;

    /// Index just past the atom at i: an escape, a class or a group with what is nested in it, or
    /// one character; sets ok = false when the pattern ends inside it.
    std::size_t atom_end(std::size_t i) {
        if (p_[i] == U'\\') return escape_end(i);
        if (p_[i] != U'[' && p_[i] != U'(') return i + 1;
        int groups = 0, classes = 0;
        for (std::size_t k = i; k < p_.size(); ++k) {
            const char32_t c = p_[k];
            if (c == U'\\') ++k;
            else if (c == U'[') ++classes;
            else if (c == U']' && classes > 0) --classes;
            else if (classes == 0 && c == U'(') ++groups;
            else if (classes == 0 && c == U')') --groups;
            if (groups == 0 && classes == 0) return k + 1;
        }
        return fail();
    }

    /// Index just past the escape at i. The digits of \u3000 and the braces of \p{Han} belong to
    /// it: read as literals or a quantifier, they would give sets a match need not hold.
    std::size_t escape_end(std::size_t i) {
        if (i + 2 > p_.size()) return fail();
        const char32_t kind = p_[i + 1];
        if (i + 2 < p_.size() && p_[i + 2] == U'{' && U32(U"pPNx").find(kind) != kNone) {
            const std::size_t close = p_.find(U'}', i + 2);
            return close == kNone ? fail() : close + 1;
        }
        if (kind == U'Q') {  // \Q…\E quotes literally; its text is passed over
            const std::size_t close = p_.find(U"\\E", i + 2);
            return close == kNone ? p_.size() : close + 2;
        }
        std::size_t digits = 0;
        if (kind == U'u') digits = 4;
        else if (kind == U'U') digits = 8;
        else if (kind == U'x') digits = 2;
        else if (kind == U'0') digits = 3;
        std::size_t end = i + 2;
        while (digits > 0 && end < p_.size() && std::isxdigit(static_cast<unsigned char>(p_[end] < 128 ? p_[end] : 0))) {
            ++end;
            --digits;
        }
        return end;
    }

    std::size_t fail() {
        ok = false;
        return p_.size();
    }

    /// Where the content of the group at i starts, or kNone for a lookaround: its text may lie
    /// outside the matched span (and a negative one requires an absence).
    std::size_t group_content(std::size_t i) const {
        if (i + 1 >= p_.size() || p_[i + 1] != U'?') return i + 1;
        if (i + 2 >= p_.size()) return kNone;
        const char32_t kind = p_[i + 2];
        if (kind == U':' || kind == U'>') return i + 3;
        if (kind == U'<' && i + 3 < p_.size() && p_[i + 3] != U'=' && p_[i + 3] != U'!') {
            const std::size_t close = p_.find(U'>', i + 3);  // (?<name>…)
            return close == kNone ? kNone : close + 1;
        }
        return kNone;
    }

    /// The sets of a sequence of atoms: a literal or a group that no ?, * or {0,…} makes optional.
    std::vector<U32> sequence(std::size_t from, std::size_t to) {
        std::vector<U32> out;
        for (std::size_t i = from; i < to && ok;) {
            const char32_t c = p_[i];
            std::size_t next = atom_end(i);
            if (!ok || next > to) return {};
            bool optional = false;
            if (next < to && (p_[next] == U'?' || p_[next] == U'*')) optional = true;
            if (next + 1 < to && p_[next] == U'{' && p_[next + 1] == U'0') optional = true;
            if (!optional) {
                if (c == U'(') {
                    const std::size_t content = group_content(i);
                    if (content != kNone && content < next) {
                        auto inner = alternation(content, next - 1);
                        out.insert(out.end(), inner.begin(), inner.end());
                    }
                } else if (U32(U"\\[.^$)|?*+{}").find(c) == kNone) {
                    out.push_back(U32(1, c));
                }
            }
            // Past the quantifier and its lazy or possessive mark.
            if (next < to && (p_[next] == U'?' || p_[next] == U'*' || p_[next] == U'+')) ++next;
            else if (next < to && p_[next] == U'{') next = p_.find(U'}', next) == kNone ? to : p_.find(U'}', next) + 1;
            if (next < to && (p_[next] == U'?' || p_[next] == U'+')) ++next;
            i = next;
        }
        return ok ? out : std::vector<U32>{};
    }
};

}  // namespace

// Escapes and classes are passed over, so the reading may miss a needed character but never
// invents one. Flags ("(?i)", "(?x)") change what a literal matches: such a pattern needs nothing.
std::vector<std::u32string> required_char_sets(const std::u32string& p) {
    for (std::size_t k = p.find(U"(?"); k != kNone; k = p.find(U"(?", k + 2))
        if (k + 2 < p.size() && U32(U"imsxwu-").find(p[k + 2]) != kNone) return {};
    SetReader reader(p);
    std::vector<U32> sets = reader.alternation(0, p.size());
    if (!reader.ok) return {};
    // A set repeated (the same literal twice) is checked once.
    std::vector<U32> unique;
    for (auto& s : sets)
        if (std::find(unique.begin(), unique.end(), s) == unique.end()) unique.push_back(std::move(s));
    return unique;
}

}  // namespace tasksplit
