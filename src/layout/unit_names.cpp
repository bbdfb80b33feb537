// Whole names for units printed short: a level or a suffix their list printed once. Works on the
// folded view (fold_unit keeps one character per character) and slices names from the printed one.
#include <algorithm>
#include <set>

#include "tasksplit/source_text.hpp"
#include "tasksplit/units.hpp"

namespace tasksplit {
namespace {

struct Name {
    Unit* unit;
    icu::UnicodeString printed, fold;
};

icu::UnicodeString folded(icu::UnicodeString u) {
    for (int32_t i = 0; i < u.length(); ++i) u.setCharAt(i, fold_unit(u.charAt(i)));
    return u;
}

Name name_of(Unit& u) {
    Name n{&u, from_utf8(u.name), {}};
    n.fold = folded(n.printed);
    return n;
}

class Levels {
public:
    Levels(const Rules::Elision& rules, const Document& doc) : r_(rules) {
        // Places the notice names ("人民银行潍坊市中心支行", "东钱湖镇", issuer "定海区人民政府"):
        // a name holding one is no bare name ("潍坊银监分局", "定海海事处").
        auto learn = [&](const icu::UnicodeString& f) {
            for (int32_t i = 2; i < f.length(); ++i) {
                if (r_.place_chars.indexOf(f.charAt(i)) < 0 || in_level_word(f, i)) continue;
                icu::UnicodeString stem(f, i - 2, 2);
                if (r_.place_chars.indexOf(stem.charAt(0)) >= 0 || r_.place_chars.indexOf(stem.charAt(1)) >= 0)
                    continue;
                if (std::find(stems_.begin(), stems_.end(), stem) == stems_.end()) stems_.push_back(stem);
            }
        };
        if (doc.document.issuer) learn(folded(from_utf8(*doc.document.issuer)));
        for (const Part& p : doc.parts)
            for (const Section& s : p.sections)
                for (const Item& it : s.items)
                    for (const auto* list : {&it.lead, &it.support})
                        for (const Unit& u : *list) {
                            icu::UnicodeString f = folded(from_utf8(u.name));
                            learn(f);
                            printed_.insert(std::move(f));
                        }
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
        return std::none_of(stems_.begin(), stems_.end(), [&](const auto& s) { return n.fold.indexOf(s) >= 0; });
    }

    /// `whole` (folded) is printed as a unit somewhere in the notice.
    bool printed(const icu::UnicodeString& whole) const { return printed_.count(whole) > 0; }

    /// A level character at `i` that is not inside a word naming no level (市场, 城市).
    bool level_at(const icu::UnicodeString& f, int32_t i) const {
        return i < f.length() && r_.level_chars.indexOf(f.charAt(i)) >= 0 && !in_level_word(f, i);
    }

private:
    bool in_level_word(const icu::UnicodeString& f, int32_t i) const {
        for (const auto& w : r_.level_words)
            for (int32_t k = std::max(0, i - w.length() + 1); k <= i; ++k)
                if (f.compare(k, w.length(), w) == 0) return true;
        return false;
    }

    const Rules::Elision& r_;
    std::vector<icu::UnicodeString> stems_;
    std::set<icu::UnicodeString> printed_;
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

}  // namespace

void complete_unit_names(Document& doc, const Rules& rules) {
    const Levels levels(rules.elision, doc);
    // One task's units in print order; a lead column and a support column are two lists.
    struct Task {
        std::vector<std::vector<Name>> lists;
    };
    auto first_department = [](const Task& t) -> const Name* {
        for (const auto& list : t.lists)
            for (const Name& n : list)
                if (n.unit->kind == "department") return &n;
        return nullptr;
    };
    std::vector<Task> tasks;
    int counted = 0, prefixed = 0;
    for (Part& p : doc.parts)
        for (Section& s : p.sections)
            for (Item& it : s.items) {
                if (it.lead.empty() && it.support.empty()) continue;
                Task t;
                const bool one_list = it.lead_basis != "column" && it.lead_basis != "column-order";
                t.lists.emplace_back();
                for (auto* list : {&it.lead, &it.support}) {
                    if (!one_list && !t.lists.back().empty()) t.lists.emplace_back();
                    for (Unit& u : *list) t.lists.back().push_back(name_of(u));
                }
                if (const Name* first = first_department(t)) {
                    ++counted;
                    prefixed += levels.prefix(first->fold) > 0;
                }
                tasks.push_back(std::move(t));
            }
    const bool elided = counted > 0 && prefixed >= rules.elision.min_prefixed_share * counted;
    for (Task& t : tasks) {
        const Name* levelled = nullptr;  // the last unit printing its level
        for (auto& list : t.lists) {
            share_suffixes(list, levels, rules.elision.shared_suffix_max);
            if (!elided) continue;
            for (const Name& n : list) {
                const int32_t k = levels.prefix(n.fold);
                if (k > 0) {
                    levelled = &n;
                    continue;
                }
                if (!levelled || !n.unit->canonical.empty() || !levels.bare(n)) continue;
                const icu::UnicodeString level(levelled->printed, 0, levels.prefix(levelled->fold));
                const icu::UnicodeString whole = level + n.printed;
                const char16_t close = n.fold.charAt(n.fold.length() - 1);
                if (levels.printed(folded(whole)) || close == levelled->fold.charAt(levelled->fold.length() - 1) ||
                    rules.elision.generic_ends.indexOf(close) >= 0)
                    n.unit->canonical = to_utf8(whole);
            }
        }
    }
}

}  // namespace tasksplit
