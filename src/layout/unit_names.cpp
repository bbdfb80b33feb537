// Whole names for units printed short: a level or a suffix their list printed once. Works on the
// folded view (fold_unit keeps one character per character) and slices names from the printed one.
// Most tasks print every level: they are told apart by their names' first and last characters,
// read off the UTF-8, and only the others are looked at closely.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include <unicode/utf8.h>

#include "tasksplit/source_text.hpp"
#include "tasksplit/units.hpp"

namespace tasksplit {
namespace {

/// Calls `f` with each character of a UTF-8 name, folded (a character beyond the BMP as 0: no
/// level, place or suffix character is one).
template <typename F>
void each_folded(std::string_view s, F&& f) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        f(c >= 0 && c <= 0xFFFF ? fold_unit(static_cast<char16_t>(c)) : char16_t{0});
    }
}

/// The first two and the last character of a name, folded.
struct Ends {
    char16_t first = 0, second = 0, last = 0;
};

Ends ends_of(const std::string& name) {
    const auto* p = reinterpret_cast<const uint8_t*>(name.data());
    const int32_t n = static_cast<int32_t>(name.size());
    auto folded = [](UChar32 c) { return c >= 0 && c <= 0xFFFF ? fold_unit(static_cast<char16_t>(c)) : char16_t{0}; };
    Ends e;
    UChar32 c = 0;
    int32_t i = 0;
    if (i < n) {
        U8_NEXT(p, i, n, c);
        e.first = folded(c);
    }
    if (i < n) {
        U8_NEXT(p, i, n, c);
        e.second = folded(c);
    }
    if (int32_t j = n; j > 0) {
        U8_PREV(p, 0, j, c);
        e.last = folded(c);
    }
    return e;
}

struct Name {
    Unit* unit;
    icu::UnicodeString printed, fold;
};

Name name_of(Unit& u) {
    Name n{&u, from_utf8(u.name), {}};
    n.fold = n.printed;
    for (int32_t i = 0; i < n.fold.length(); ++i) n.fold.setCharAt(i, fold_unit(n.fold.charAt(i)));
    return n;
}

class Levels {
public:
    Levels(const Rules::Elision& rules, const Document& doc) : r_(rules), doc_(doc) {}

    /// The name opens with its level: "市发改委", not "市场监管局" (a level word).
    bool opens_with_level(const Ends& e) const {
        const char16_t opening[] = {e.first, e.second};
        return r_.level_chars.indexOf(e.first) >= 0 && !in_level_word(std::u16string_view(opening, 2), 0);
    }

    /// Characters of `f`'s opening that print its level: "市" of 市发改委, "区委" of 区委宣传部;
    /// 0 when it prints none.
    int32_t prefix(const icu::UnicodeString& f) const {
        if (!level_at(f, 0)) return 0;
        const int32_t n = f.length() > 3 && f.charAt(1) == r_.party_committee ? 2 : 1;
        return n < f.length() ? n : 0;
    }

    /// A department's generic name with no level or place in it: "财政厅", "城市管理局".
    bool bare(const Name& n) const {
        const int32_t len = n.fold.length();
        if (n.unit->kind != "department" || len < 2 || len > r_.bare_max) return false;
        for (int32_t i = 0; i < len; ++i)
            if (level_at(n.fold, i)) return false;
        learn();
        for (int32_t i = 0; i + 1 < len; ++i)
            if (stems_.count(std::u16string{n.fold.charAt(i), n.fold.charAt(i + 1)})) return false;
        return true;
    }

    /// `whole` is printed as a unit somewhere in the notice.
    bool printed(const std::string& whole) const {
        learn();
        return printed_.count(whole) > 0;
    }

    /// A level character at `i` that is not inside a word naming no level (市场, 城市).
    bool level_at(const icu::UnicodeString& f, int32_t i) const {
        return i < f.length() && r_.level_chars.indexOf(f.charAt(i)) >= 0 &&
               !in_level_word(std::u16string_view(f.getBuffer(), static_cast<std::size_t>(f.length())), i);
    }

private:
    /// Places the notice names ("人民银行潍坊市中心支行", "东钱湖镇", issuer "定海区人民政府"): a
    /// name holding one is no bare name ("潍坊银监分局", "定海海事处"). Learnt once, when a bare
    /// name is first in question.
    void learn() const {
        if (learned_) return;
        learned_ = true;
        std::u16string f;  // one buffer for every name
        auto learn_from = [&](std::string_view s) {
            f.clear();
            each_folded(s, [&](char16_t c) { f.push_back(c); });
            for (std::size_t i = 2; i < f.size(); ++i)
                if (r_.place_chars.indexOf(f[i]) >= 0 && !in_level_word(f, static_cast<int32_t>(i)) &&
                    r_.place_chars.indexOf(f[i - 2]) < 0 && r_.place_chars.indexOf(f[i - 1]) < 0)
                    stems_.insert(f.substr(i - 2, 2));
        };
        if (doc_.document.issuer) learn_from(*doc_.document.issuer);
        for (const Part& p : doc_.parts)
            for (const Section& s : p.sections)
                for (const Item& it : s.items)
                    for (const auto* list : {&it.lead, &it.support})
                        for (const Unit& u : *list) {
                            learn_from(u.name);
                            printed_.insert(u.name);
                        }
    }

    bool in_level_word(std::u16string_view f, int32_t i) const {
        for (const auto& w : r_.level_words) {
            const std::u16string_view word(w.getBuffer(), static_cast<std::size_t>(w.length()));
            for (int32_t k = std::max(0, i - w.length() + 1); k <= i; ++k)
                if (f.substr(static_cast<std::size_t>(k), word.size()) == word) return true;
        }
        return false;
    }

    const Rules::Elision& r_;
    const Document& doc_;
    mutable bool learned_ = false;
    mutable std::unordered_set<std::u16string> stems_;
    mutable std::unordered_set<std::string_view> printed_;  // views of the units' names
};

/// "东城区、西城区政府": places printed bare before a place that carries a suffix take it too.
void share_suffixes(std::vector<Name>& list, const Levels& levels, int suffix_max) {
    for (std::size_t j = 1; j < list.size(); ++j) {
        const icu::UnicodeString& f = list[j].fold;
        int32_t at = -1;
        for (int32_t i = f.length() - 2; i >= 2 && at < 0; --i)
            if (levels.level_at(f, i)) at = i;
        if (at < 0 || f.length() - at - 1 > suffix_max) continue;
        const icu::UnicodeString suffix(list[j].printed, at + 1);
        for (std::size_t k = j; k-- > 0;) {
            const icu::UnicodeString& p = list[k].fold;
            const int32_t last = p.length() - 1;
            if (p.length() < 3 || p.charAt(last) != f.charAt(at) || !levels.level_at(p, last) ||
                !list[k].unit->canonical.empty())
                break;
            list[k].unit->canonical = to_utf8(list[k].printed + suffix);
        }
    }
}

/// "省商务厅、财政厅": a bare name after one printing its level takes that level, when the whole
/// name is printed elsewhere or the name closes like a body of that level.
void fill_levels(const std::vector<Name>& list, const Name*& levelled, const Levels& levels, const Rules::Elision& r) {
    for (const Name& n : list) {
        if (levels.prefix(n.fold) > 0) {
            levelled = &n;
            continue;
        }
        if (!levelled || !n.unit->canonical.empty() || !levels.bare(n)) continue;
        const icu::UnicodeString level(levelled->printed, 0, levels.prefix(levelled->fold));
        const std::string whole = to_utf8(level + n.printed);
        const char16_t close = n.fold.charAt(n.fold.length() - 1);
        if (levels.printed(whole) || close == levelled->fold.charAt(levelled->fold.length() - 1) ||
            r.generic_ends.indexOf(close) >= 0)
            n.unit->canonical = whole;
    }
}

}  // namespace

void complete_unit_names(Document& doc, const Rules& rules) {
    const Rules::Elision& r = rules.elision;
    const Levels levels(r, doc);
    // Per task with units: the share of tasks whose first department prints its level, and the
    // tasks worth a closer look: a bare department after a levelled unit, or a place (its last
    // character a level) with a unit after it.
    std::vector<Item*> closer;
    int counted = 0, prefixed = 0;
    for (Part& p : doc.parts)
        for (Section& s : p.sections)
            for (Item& it : s.items) {
                bool first = true, levelled = false, candidate = false;
                std::size_t seen = 0;
                const std::size_t total = it.lead.size() + it.support.size();
                for (const auto* list : {&it.lead, &it.support})
                    for (const Unit& u : *list) {
                        ++seen;
                        const Ends e = ends_of(u.name);
                        const bool department = u.kind == "department", opens = levels.opens_with_level(e);
                        if (department && first) {
                            first = false;
                            ++counted;
                            prefixed += opens;
                        }
                        candidate |= (levelled && department && !opens) ||
                                     (seen < total && r.level_chars.indexOf(e.last) >= 0);
                        levelled |= opens;
                    }
                if (candidate) closer.push_back(&it);
            }
    const bool elided = counted > 0 && prefixed >= r.min_prefixed_share * counted;
    for (Item* it : closer) {
        // A lead column and a support column are two lists; a clause's units are one.
        const bool one_list = it->lead_basis != "column" && it->lead_basis != "column-order";
        std::vector<std::vector<Name>> lists(1);
        for (auto* list : {&it->lead, &it->support}) {
            if (!one_list && !lists.back().empty()) lists.emplace_back();
            for (Unit& u : *list) lists.back().push_back(name_of(u));
        }
        const Name* levelled = nullptr;  // the last unit printing its level
        for (auto& list : lists) {
            share_suffixes(list, levels, r.shared_suffix_max);
            if (elided) fill_levels(list, levelled, levels, r);
        }
    }
}

}  // namespace tasksplit
