// Targets compared by indicator.
//
// Within a pair, targets match when their indicators are the same or one names the other
// ("粮食中转量" / "进口粮食中转量", "低收入农渔户公益性岗位" / "低收入农户公益性岗位") and the
// measure is the same (an indicator's "2750 万吨" and its "增长 10%" are two targets).
// Across the documents, a target left over matches only on an identical, specific indicator
// with the same verb and measure that each year states once: in 2023 the 8% budget-revenue
// target is part of 夏泉's item 二.1, in 2024 it is 孙丹燕's item 一.1, and the change must be
// reported whether or not those items were paired. Generic indicators (道路, 投资) never match
// across unpaired items: two different tasks' roads are not one target.
//
// Only one indicator compared with itself is simply raised or lowered. When a pair's indicators
// differ, one found inside the other, letters only left out ("粮食中转量" / "进口粮食中转量",
// "低收入农渔户…" / "低收入农户…"), is a change of scope (kind scope_changed beside the figures'
// change); two that share a subject but name different measures ("数字经济核心产业增加值" /
// "…规上营收") are a change of indicator: one target dropped and one added, never a lowered one.
// A target whose indicator the partner task still names without a figure ("攻坚提升服务业增加值等
// 核心指标") had its figure dropped (kind figure_dropped), not its subject.
#include <algorithm>
#include <map>
#include <tuple>

#include <unicode/uchar.h>

#include "internal.hpp"

namespace tasksplit::diff_detail {
namespace {

// Indicators shorter than this (in letters) are too generic to match outside a pair ...
constexpr std::size_t kSpecificIndicator = 4;
// ... or to be matched inside a longer one within a pair.
constexpr std::size_t kSpecificContained = 3;
// Bigram Dice coefficient above which two indicators are one reworded ("农渔户" / "农户").
constexpr double kSimilarIndicator = 0.6;

struct Key {
    std::u32string indicator, verb, measure;
};

Key key_of(const Target& t) {
    auto letters = [](const std::string& s) {
        std::u32string out;
        for (char32_t c : fold(s))
            if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC) || u_isalnum(static_cast<UChar32>(c)))
                out += c;
        return out;
    };
    return {letters(t.indicator), fold(t.verb), fold(t.measure)};
}

// How well two targets' indicators match: 3 identical, 2 one names the other, 1 most bigrams
// shared, 0 not at all. Below identical the verbs must agree ("规上工业总产值达到 47%" is a share,
// "…规上工业总产值增长 15%" a growth rate) and the shorter indicator must be specific: "投资" is
// inside every "…投资".
int indicator_match(const Key& a, const Key& b) {
    if (a.indicator.empty() || b.indicator.empty()) return 0;
    if (a.indicator == b.indicator) return 3;
    if (a.verb != b.verb) return 0;
    const std::u32string& shorter = a.indicator.size() < b.indicator.size() ? a.indicator : b.indicator;
    const std::u32string& longer = a.indicator.size() < b.indicator.size() ? b.indicator : a.indicator;
    if (shorter.size() < kSpecificContained) return 0;
    if (longer.find(shorter) != std::u32string::npos) return 2;
    std::size_t shared = 0;
    for (std::size_t i = 0; i + 1 < shorter.size(); ++i)
        if (longer.find(shorter.substr(i, 2)) != std::u32string::npos) ++shared;
    double dice = 2.0 * static_cast<double>(shared) / static_cast<double>(a.indicator.size() + b.indicator.size() - 2);
    return dice >= kSimilarIndicator ? 1 : 0;
}

// `shorter` is `longer` with some letters left out.
bool subsequence(const std::u32string& shorter, const std::u32string& longer) {
    std::size_t i = 0;
    for (char32_t c : longer)
        if (i < shorter.size() && shorter[i] == c) ++i;
    return i == shorter.size();
}

// "" for one indicator, else scope_changed or indicator_changed.
std::string indicator_kind(const Key& ok, const Key& nk) {
    if (ok.indicator == nk.indicator) return "";
    bool old_shorter = ok.indicator.size() < nk.indicator.size();
    const std::u32string& shorter = old_shorter ? ok.indicator : nk.indicator;
    return subsequence(shorter, old_shorter ? nk.indicator : ok.indicator) ? "scope_changed" : "indicator_changed";
}

std::string classify(const Target& o, const Target& n) {
    if (n.value > o.value) return "raised";
    if (n.value < o.value) return "lowered";
    if (n.bound != o.bound || n.aspirational != o.aspirational) return "bound";
    return "unchanged";
}

struct Slot {
    std::size_t item, index;
    Key key;
    bool matched = false;
};

std::vector<Slot> slots(const std::vector<DiffItem>& items) {
    std::vector<Slot> out;
    for (std::size_t i = 0; i < items.size(); ++i)
        for (std::size_t t = 0; t < items[i].targets.size(); ++t) out.push_back({i, t, key_of(items[i].targets[t])});
    return out;
}

}  // namespace

std::vector<TargetChange> compare_targets(const std::vector<DiffItem>& old_items,
                                          const std::vector<DiffItem>& new_items, std::vector<Pair>& pairs) {
    std::vector<Slot> olds = slots(old_items), news = slots(new_items);
    auto by_item = [](const std::vector<Slot>& all) {
        std::map<std::size_t, std::vector<std::size_t>> out;
        for (std::size_t i = 0; i < all.size(); ++i) out[all[i].item].push_back(i);
        return out;
    };
    auto old_of = by_item(olds), new_of = by_item(news);
    struct Match {
        std::size_t o, n;
    };
    std::vector<Match> matches;
    // Within pairs, strongest pairs first, best indicator match first.
    std::vector<std::size_t> by_score(pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) by_score[i] = i;
    std::stable_sort(by_score.begin(), by_score.end(),
                     [&pairs](std::size_t a, std::size_t b) { return pairs[a].score > pairs[b].score; });
    for (std::size_t pi : by_score) {
        const auto& os = old_of[pairs[pi].old_item];
        const auto& ns = new_of[pairs[pi].new_item];
        for (int level = 3; level >= 1; --level)
            for (std::size_t oi : os)
                for (std::size_t ni : ns) {
                    Slot& o = olds[oi];
                    Slot& n = news[ni];
                    if (o.matched || n.matched || n.key.measure != o.key.measure || indicator_match(o.key, n.key) != level)
                        continue;
                    o.matched = n.matched = true;
                    matches.push_back({oi, ni});
                }
    }
    // Across the documents: identical specific indicator, verb and measure, stated once a year.
    using Whole = std::tuple<std::u32string, std::u32string, std::u32string>;
    auto whole = [](const Key& k) { return Whole{k.indicator, k.verb, k.measure}; };
    std::map<Whole, std::vector<std::size_t>> old_keys, new_keys;
    for (std::size_t i = 0; i < olds.size(); ++i) old_keys[whole(olds[i].key)].push_back(i);
    for (std::size_t i = 0; i < news.size(); ++i) new_keys[whole(news[i].key)].push_back(i);
    for (const auto& [k, os] : old_keys) {
        auto it = new_keys.find(k);
        if (std::get<0>(k).size() < kSpecificIndicator || os.size() != 1 || it == new_keys.end() || it->second.size() != 1)
            continue;
        Slot& o = olds[os.front()];
        Slot& n = news[it->second.front()];
        if (o.matched || n.matched) continue;
        o.matched = n.matched = true;
        matches.push_back({os.front(), it->second.front()});
    }
    std::sort(matches.begin(), matches.end(), [&](const Match& a, const Match& b) {
        return std::make_pair(olds[a.o].item, olds[a.o].index) < std::make_pair(olds[b.o].item, olds[b.o].index);
    });

    std::vector<TargetChange> table;
    for (const Match& m : matches) {
        const Target& o = old_items[olds[m.o].item].targets[olds[m.o].index];
        const Target& n = new_items[news[m.n].item].targets[news[m.n].index];
        std::string kind = indicator_kind(olds[m.o].key, news[m.n].key);
        if (kind == "indicator_changed") {
            table.push_back({o.indicator, o.verb, TargetSide{o, olds[m.o].item}, std::nullopt, "dropped", kind, n.indicator});
            table.push_back({n.indicator, n.verb, std::nullopt, TargetSide{n, news[m.n].item}, "added", kind, o.indicator});
        } else {
            table.push_back({n.indicator, n.verb, TargetSide{o, olds[m.o].item}, TargetSide{n, news[m.n].item}, classify(o, n), kind, ""});
        }
    }
    // Partners of each item, to ask whether they still name an unmatched target's indicator.
    std::map<std::size_t, std::vector<std::size_t>> new_partners, old_partners;
    for (const Pair& p : pairs) {
        new_partners[p.old_item].push_back(p.new_item);
        old_partners[p.new_item].push_back(p.old_item);
    }
    auto named_by = [](const Key& k, const std::vector<std::size_t>& partners, const std::vector<DiffItem>& items) {
        if (k.indicator.size() < kSpecificIndicator) return false;
        for (std::size_t i : partners)
            if (fold(items[i].text).find(k.indicator) != std::u32string::npos) return true;
        return false;
    };
    for (const Slot& o : olds)
        if (!o.matched) {
            const Target& t = old_items[o.item].targets[o.index];
            bool kept = named_by(o.key, new_partners[o.item], new_items);
            table.push_back({t.indicator, t.verb, TargetSide{t, o.item}, std::nullopt, "dropped", kept ? "figure_dropped" : "", ""});
        }
    for (const Slot& n : news)
        if (!n.matched) {
            const Target& t = new_items[n.item].targets[n.index];
            bool named = named_by(n.key, old_partners[n.item], old_items);
            table.push_back({t.indicator, t.verb, std::nullopt, TargetSide{t, n.item}, "added", named ? "figure_added" : "", ""});
        }

    // Each pair shows its own matches; a target without any match shows on the first pair of
    // its item (a split's old item would otherwise list its dropped target once per part).
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> pair_of;
    std::map<std::size_t, std::size_t> first_of_old, first_of_new;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        pair_of.emplace(std::make_pair(pairs[i].old_item, pairs[i].new_item), i);
        first_of_old.emplace(pairs[i].old_item, i);
        first_of_new.emplace(pairs[i].new_item, i);
    }
    for (const TargetChange& row : table) {
        std::map<std::size_t, std::size_t>::const_iterator it;
        if (row.old_side && row.new_side) {
            auto p = pair_of.find({row.old_side->item, row.new_side->item});
            if (p != pair_of.end()) pairs[p->second].changes.targets.push_back(row);
        } else if (row.old_side) {
            if ((it = first_of_old.find(row.old_side->item)) != first_of_old.end()) pairs[it->second].changes.targets.push_back(row);
        } else if ((it = first_of_new.find(row.new_side->item)) != first_of_new.end()) {
            pairs[it->second].changes.targets.push_back(row);
        }
    }
    return table;
}

}  // namespace tasksplit::diff_detail
