// Alignment: which old task became which new task.
//
// 1. Candidates. An inverted index over the old items' terms gives, for every new item, the old
//    items it shares rare terms with; terms in very many items are skipped here (they only add
//    noise to a ranking), so the cost follows the postings, not n x m.
// 2. Scores. A candidate pair's score is its text similarity (bigram and word cosines) plus a
//    context bonus for shared lead/support units and the same leader. The bonus is gated by the
//    text score: context alone never pairs two tasks, it only decides between near-equal texts.
// 3. One-to-one pairs, greedily by score.
// 4. Splits and merges. An item left over whose best partner is already paired joins that pair
//    when it is mostly contained in the partner and covers a part of it the pair did not:
//    2023's "地区生产总值增长 5%；一般公共预算收入增长 8%；城乡…同步" became three 2024 items.
// 5. Strength: same (identical or nearly identical wording), continued, related.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "internal.hpp"

namespace tasksplit::diff_detail {
namespace {

// Text similarity: bigrams carry most of it; words add whole-word and quoted-name matches.
constexpr double kGramWeight = 0.6;
constexpr double kWordWeight = 0.4;
// Context bonus, reached in full once the text score is kContextGate.
constexpr double kUnitBonus = 0.15;
constexpr double kLeaderBonus = 0.05;
constexpr double kContextGate = 0.25;
// Strength thresholds on the combined score.
constexpr double kRelated = 0.2;
constexpr double kContinued = 0.32;
// Same task: bare texts (letters and digits) at least this similar, character by character.
constexpr double kSameRatio = 0.9;
// Splits and merges: the extra item is mostly inside its partner and covers a new part of it.
constexpr double kPartContained = 0.45;
constexpr double kPartGain = 0.08;
// Candidate generation.
constexpr std::size_t kCandidatesPerItem = 8;
constexpr double kCandidateFloor = 0.04;

struct Candidate {
    std::size_t old_item, new_item;
    double approx = 0;
};

// Terms in more than this many old items are not looked up: with 1,000 items a term such as
// 推进 would otherwise touch a third of them for every new item.
std::size_t posting_cap(std::size_t n) { return std::max<std::size_t>(20, n / 10); }

class Index {
public:
    explicit Index(const std::vector<ItemFeatures>& items, int gram_terms, int word_terms)
        : grams_(static_cast<std::size_t>(gram_terms)), words_(static_cast<std::size_t>(word_terms)) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            for (const auto& [t, w] : items[i].grams.terms) grams_[static_cast<std::size_t>(t)].push_back({i, w});
            for (const auto& [t, w] : items[i].words.terms) words_[static_cast<std::size_t>(t)].push_back({i, w});
        }
        cap_ = posting_cap(items.size());
    }

    // Adds w * posting weight into acc[old item] for each shared term; records touched items.
    void accumulate(const ItemFeatures& f, std::vector<double>& acc, std::vector<std::size_t>& touched) const {
        auto run = [&](const SparseVector& v, const std::vector<std::vector<Posting>>& lists, double k) {
            for (const auto& [t, w] : v.terms) {
                const auto& list = lists[static_cast<std::size_t>(t)];
                if (list.size() > cap_) continue;
                for (const Posting& p : list) {
                    if (acc[p.item] == 0) touched.push_back(p.item);
                    acc[p.item] += k * w * p.weight;
                }
            }
        };
        run(f.grams, grams_, kGramWeight);
        run(f.words, words_, kWordWeight);
    }

private:
    struct Posting {
        std::size_t item;
        float weight;
    };
    std::vector<std::vector<Posting>> grams_, words_;
    std::size_t cap_ = 0;
};

std::vector<Candidate> candidates(const Corpus& c) {
    Index index(c.old_items, c.gram_terms, c.word_terms);
    std::vector<Candidate> all;
    std::vector<double> acc(c.old_items.size(), 0);
    std::vector<std::size_t> touched;
    for (std::size_t n = 0; n < c.new_items.size(); ++n) {
        index.accumulate(c.new_items[n], acc, touched);
        for (std::size_t o : touched) {
            if (acc[o] >= kCandidateFloor) all.push_back({o, n, acc[o]});
            acc[o] = 0;
        }
        touched.clear();
    }
    // Keep each item's best few, seen from either side.
    auto keep_top = [&all](auto side, std::size_t count, std::vector<char>& keep) {
        std::vector<std::size_t> order(all.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (side(all[a]) != side(all[b])) return side(all[a]) < side(all[b]);
            return all[a].approx > all[b].approx;
        });
        std::vector<std::size_t> seen(count, 0);
        for (std::size_t i = 0; i < order.size(); ++i) {
            std::size_t item = side(all[order[i]]);
            if (seen[item]++ < kCandidatesPerItem) keep[order[i]] = 1;
        }
    };
    std::vector<char> keep(all.size(), 0);
    keep_top([](const Candidate& x) { return x.new_item; }, c.new_items.size(), keep);
    keep_top([](const Candidate& x) { return x.old_item; }, c.old_items.size(), keep);
    std::vector<Candidate> out;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (keep[i]) out.push_back(all[i]);
    return out;
}

double score(const ItemFeatures& o, const ItemFeatures& n) {
    double text = kGramWeight * dot(o.grams, n.grams) + kWordWeight * dot(o.words, n.words);
    double context = kUnitBonus * dot(o.units, n.units) + ((!o.leader.empty() && o.leader == n.leader) ? kLeaderBonus : 0);
    return std::min(1.0, text + context * std::min(1.0, text / kContextGate));
}

// Share of the two bare texts' characters in common (longest common subsequence), via the diff.
double char_ratio(const std::u32string& a, const std::u32string& b) {
    if (a.empty() && b.empty()) return 1;
    std::size_t common = 0;
    for (const TextEdit& e : diff_text(to_utf8(a), to_utf8(b)))
        if (e.op == '=') common += fold(e.text).size();
    return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

Strength strength(const ItemFeatures& o, const ItemFeatures& n, double s) {
    if (o.bare == n.bare) return Strength::same;
    if (s >= kContinued) {
        // Cheap length test before the character diff.
        double shorter = static_cast<double>(std::min(o.bare.size(), n.bare.size()));
        double longer = static_cast<double>(std::max(o.bare.size(), n.bare.size()));
        if (shorter >= kSameRatio * longer && char_ratio(o.bare, n.bare) >= kSameRatio) return Strength::same;
        return Strength::continued;
    }
    return Strength::related;
}

class Aligner {
public:
    explicit Aligner(const Corpus& c) : c_(c), old_pairs_(c.old_items.size()), new_pairs_(c.new_items.size()) {}

    Alignment run() {
        std::vector<Candidate> cands = candidates(c_);
        for (Candidate& x : cands) x.approx = score(c_.old_items[x.old_item], c_.new_items[x.new_item]);
        std::stable_sort(cands.begin(), cands.end(),
                         [](const Candidate& a, const Candidate& b) { return a.approx > b.approx; });
        for (const Candidate& x : cands) {
            if (x.approx < kRelated) break;
            if (old_pairs_[x.old_item].empty() && new_pairs_[x.new_item].empty())
                link(x.old_item, x.new_item, x.approx, PairKind::one_to_one);
        }
        // Parts: candidates are in score order, so each left-over item joins its best partner.
        for (const Candidate& x : cands) {
            if (x.approx < kRelated) break;
            if (new_pairs_[x.new_item].empty() && !old_pairs_[x.old_item].empty() && is_split(x)) {
                link(x.old_item, x.new_item, x.approx, PairKind::split);
            } else if (old_pairs_[x.old_item].empty() && !new_pairs_[x.new_item].empty() && is_merge(x)) {
                link(x.old_item, x.new_item, x.approx, PairKind::merge);
            }
        }
        return finish();
    }

private:
    // new_item would be a further part of old_item's split.
    bool is_split(const Candidate& x) const {
        const ItemFeatures& o = c_.old_items[x.old_item];
        const ItemFeatures& n = c_.new_items[x.new_item];
        // An old item already merged into one new item cannot also be split.
        if (pairs_[old_pairs_[x.old_item].front()].kind == PairKind::merge) return false;
        std::vector<const SparseVector*> parts;
        for (std::size_t p : old_pairs_[x.old_item]) parts.push_back(&c_.new_items[pairs_[p].new_item].grams);
        double before = coverage(o.grams, parts);
        parts.push_back(&n.grams);
        return coverage(n.grams, {&o.grams}) >= kPartContained && coverage(o.grams, parts) - before >= kPartGain;
    }

    bool is_merge(const Candidate& x) const {
        const ItemFeatures& o = c_.old_items[x.old_item];
        const ItemFeatures& n = c_.new_items[x.new_item];
        if (pairs_[new_pairs_[x.new_item].front()].kind == PairKind::split) return false;
        std::vector<const SparseVector*> parts;
        for (std::size_t p : new_pairs_[x.new_item]) parts.push_back(&c_.old_items[pairs_[p].old_item].grams);
        double before = coverage(n.grams, parts);
        parts.push_back(&o.grams);
        return coverage(o.grams, {&n.grams}) >= kPartContained && coverage(n.grams, parts) - before >= kPartGain;
    }

    void link(std::size_t o, std::size_t n, double s, PairKind kind) {
        Pair p;
        p.old_item = o;
        p.new_item = n;
        p.score = s;
        p.kind = kind;
        p.strength = strength(c_.old_items[o], c_.new_items[n], s);
        old_pairs_[o].push_back(pairs_.size());
        new_pairs_[n].push_back(pairs_.size());
        pairs_.push_back(p);
    }

    Alignment finish() {
        Alignment out;
        // The first link of a split or merge was made one-to-one; it is part of the group too.
        for (std::size_t o = 0; o < old_pairs_.size(); ++o) {
            if (old_pairs_[o].size() < 2) continue;
            Split s{o, {}};
            for (std::size_t p : old_pairs_[o]) {
                pairs_[p].kind = PairKind::split;
                s.new_items.push_back(pairs_[p].new_item);
            }
            std::sort(s.new_items.begin(), s.new_items.end());
            out.splits.push_back(std::move(s));
        }
        for (std::size_t n = 0; n < new_pairs_.size(); ++n) {
            if (new_pairs_[n].size() < 2) continue;
            Merge m{{}, n};
            for (std::size_t p : new_pairs_[n]) {
                pairs_[p].kind = PairKind::merge;
                m.old_items.push_back(pairs_[p].old_item);
            }
            std::sort(m.old_items.begin(), m.old_items.end());
            out.merges.push_back(std::move(m));
        }
        std::sort(out.merges.begin(), out.merges.end(),
                  [](const Merge& a, const Merge& b) { return a.old_items.front() < b.old_items.front(); });
        out.pairs = std::move(pairs_);
        std::sort(out.pairs.begin(), out.pairs.end(), [](const Pair& a, const Pair& b) {
            return a.old_item != b.old_item ? a.old_item < b.old_item : a.new_item < b.new_item;
        });
        return out;
    }

    const Corpus& c_;
    std::vector<Pair> pairs_;
    std::vector<std::vector<std::size_t>> old_pairs_, new_pairs_;  // indices into pairs_
};

}  // namespace

Alignment align(const Corpus& corpus) { return Aligner(corpus).run(); }

}  // namespace tasksplit::diff_detail
