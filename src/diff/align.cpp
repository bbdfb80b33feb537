// Alignment: which old task became which new task.
//
// 1. Candidates. An inverted index over the old items' terms gives, for every new item, the old
//    items it shares rare terms with; terms in very many items are skipped here (they only add
//    noise to a ranking), so the cost follows the postings, not n x m.
// 2. Scores. A candidate pair's score is its text similarity (bigram and word cosines) plus a
//    context bonus for shared lead/support units and the same leader. The bonus is gated by the
//    text score: context alone never pairs two tasks, it only decides between near-equal texts.
// 3. One-to-one pairs, greedily by score.
// 4. Splits and merges. An item left over (or only weakly paired) whose partner is already
//    paired joins that pair when it restates part of the partner and covers a part of it the
//    pair did not: 2023's "地区生产总值增长 5%；一般公共预算收入增长 8%；城乡…同步" became
//    three 2024 items.
// 5. Strength: same (identical or nearly identical wording), continued (a high score, or a clear
//    choice: well ahead of every other candidate of both items), related.
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
// Strength thresholds on the combined score (set on the Dinghai 2023/2024 pair, checked by eye).
constexpr double kRelated = 0.18;
constexpr double kContinued = 0.27;
// A pair below kContinued is still continued when it is a clear choice: its score is at least
// kDistinct times the best score either item reaches with any other candidate. A short 2024
// restatement of a long 2023 task scores low on cosine, but nothing else comes near it.
constexpr double kDistinct = 2;
// Same task: bare texts (letters and digits) at least this similar, character by character.
constexpr double kSameRatio = 0.9;
// Splits and merges: share of the part's weight found in the whole, at least / or enough to count
// as a restatement; and the share of the whole it adds to what its partners already cover.
constexpr double kPartContained = 0.15;
constexpr double kPartRestated = 0.4;
constexpr double kPartGain = 0.08;
// Candidate generation.
constexpr std::size_t kCandidatesPerItem = 8;
constexpr double kCandidateFloor = 0.04;

struct Candidate {
    std::size_t old_item, new_item;
    double score = 0;  ///< the index's estimate, then the exact score
    double drift = 0;  ///< distance between the two items' relative positions, 0..1
};

// Best first; among equals, the pair whose items sit at the same place in their notices, so a
// notice that repeats a task pairs its copies in order.
bool better(const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.drift < b.drift;
}

// Terms in more than this many old items are not looked up: with 1,000 items a term such as
// 推进 would otherwise touch a third of them for every new item. Each item's rarest few terms
// are looked up whatever their count.
std::size_t posting_cap(std::size_t n) { return std::max<std::size_t>(20, n / 10); }
constexpr std::size_t kRarestTerms = 3;

class Index {
public:
    Index(const std::vector<ItemFeatures>& items, int gram_terms, int word_terms)
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
            // An item made only of common terms (a notice that repeats one task thirty times)
            // still looks up its rarest few, or it could never be paired.
            std::vector<std::size_t> sizes;
            for (const auto& term : v.terms) sizes.push_back(lists[static_cast<std::size_t>(term.first)].size());
            std::size_t cap = cap_;
            if (sizes.size() > kRarestTerms) {
                std::nth_element(sizes.begin(), sizes.begin() + kRarestTerms - 1, sizes.end());
                cap = std::max(cap, sizes[kRarestTerms - 1]);
            } else if (!sizes.empty()) {
                cap = std::max(cap, *std::max_element(sizes.begin(), sizes.end()));
            }
            for (const auto& [t, w] : v.terms) {
                const auto& list = lists[static_cast<std::size_t>(t)];
                if (list.size() > cap) continue;
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
            if (acc[o] >= kCandidateFloor) {
                double drift = static_cast<double>(o) / static_cast<double>(c.old_items.size()) -
                               static_cast<double>(n) / static_cast<double>(c.new_items.size());
                all.push_back({o, n, acc[o], std::fabs(drift)});
            }
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
            return better(all[a], all[b]);
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

Strength strength(const ItemFeatures& o, const ItemFeatures& n, double s, bool clear_choice) {
    if (o.bare == n.bare) return Strength::same;
    if (s >= kContinued || clear_choice) {
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
    explicit Aligner(const Corpus& c) : c_(c), old_links_(c.old_items.size()), new_links_(c.new_items.size()),
          old_cands_(c.old_items.size()), new_cands_(c.new_items.size()) {}

    Alignment run() {
        std::vector<Candidate> cands = candidates(c_);
        for (Candidate& x : cands) x.score = score(c_.old_items[x.old_item], c_.new_items[x.new_item]);
        std::stable_sort(cands.begin(), cands.end(), better);
        for (const Candidate& x : cands) {
            old_cands_[x.old_item].push_back(x);
            new_cands_[x.new_item].push_back(x);
        }
        while (!cands.empty() && cands.back().score < kRelated) cands.pop_back();
        for (const Candidate& x : cands)
            if (old_links_[x.old_item].empty() && new_links_[x.new_item].empty()) link(x);
        // Parts, best first. An item may leave a weak one-to-one pair to become a better part:
        // 2023 四.5 (粮食中转量) first went to a loosely related task, but with 四.12 it makes 2024 三.9.
        for (const Candidate& x : cands) {
            if (linked(x)) continue;
            if (!old_links_[x.old_item].empty() && !in_merge(x.old_item) && free_or_weak(new_links_[x.new_item], x) &&
                is_part(c_.old_items[x.old_item], c_.new_items[x.new_item], partners(old_links_[x.old_item], true), x.score)) {
                release(new_links_[x.new_item]);
                link(x);
            } else if (!new_links_[x.new_item].empty() && !in_split(x.new_item) &&
                       free_or_weak(old_links_[x.old_item], x) &&
                       is_part(c_.new_items[x.new_item], c_.old_items[x.old_item], partners(new_links_[x.new_item], false),
                               x.score)) {
                release(old_links_[x.old_item]);
                link(x);
            }
        }
        return finish();
    }

private:
    // `part` joins the pairs `whole` already has when it is partly restated in `whole` and either
    // continues `whole` on its own score (two 2024 tasks each restating one 2023 task, such as
    // pension and medical insurance split from "社保扩面"), covers a part of `whole` that its
    // partners did not, or restates `whole` more than in passing.
    static bool is_part(const ItemFeatures& whole, const ItemFeatures& part, std::vector<const SparseVector*> partners,
                        double score) {
        double contained = coverage(part.grams, {&whole.grams});
        if (contained < kPartContained) return false;
        if (score >= kContinued) return true;
        double before = coverage(whole.grams, partners);
        partners.push_back(&part.grams);
        return coverage(whole.grams, partners) - before >= kPartGain || contained >= kPartRestated;
    }

    // Best score `item` reaches with a candidate other than `partner` and those it is already paired
    // with (the other parts of its split or merge are no rivals).
    double best_alternative(std::size_t item, bool old_side, std::size_t partner) const {
        const auto& links = (old_side ? old_links_ : new_links_)[item];
        for (const Candidate& c : (old_side ? old_cands_ : new_cands_)[item]) {
            std::size_t other = old_side ? c.new_item : c.old_item;
            bool paired = std::any_of(links.begin(), links.end(), [&](std::size_t l) {
                return (old_side ? pairs_[l].new_item : pairs_[l].old_item) == other;
            });
            if (other != partner && !paired) return c.score;
        }
        return 0;
    }

    bool clear_choice(const Pair& p) const {
        return p.score >= kRelated && p.score >= kDistinct * best_alternative(p.old_item, true, p.new_item) &&
               p.score >= kDistinct * best_alternative(p.new_item, false, p.old_item);
    }

    std::vector<const SparseVector*> partners(const std::vector<std::size_t>& links, bool old_side) const {
        std::vector<const SparseVector*> out;
        for (std::size_t l : links)
            out.push_back(old_side ? &c_.new_items[pairs_[l].new_item].grams : &c_.old_items[pairs_[l].old_item].grams);
        return out;
    }

    bool linked(const Candidate& x) const {
        for (std::size_t l : old_links_[x.old_item])
            if (pairs_[l].new_item == x.new_item) return true;
        return false;
    }

    // The old item is one of several merged into a new item / the new item one part of a split.
    bool in_merge(std::size_t o) const { return new_links_[pairs_[old_links_[o].front()].new_item].size() > 1; }
    bool in_split(std::size_t n) const { return old_links_[pairs_[new_links_[n].front()].old_item].size() > 1; }

    // An item is free to become a part if unpaired, or paired one-to-one below `x` and below continued.
    bool free_or_weak(const std::vector<std::size_t>& links, const Candidate& x) const {
        if (links.empty()) return true;
        if (links.size() > 1) return false;
        const Pair& p = pairs_[links.front()];
        return old_links_[p.old_item].size() == 1 && new_links_[p.new_item].size() == 1 &&
               p.score < std::min(x.score, kContinued);
    }

    void release(const std::vector<std::size_t>& links) {
        if (links.empty()) return;
        std::size_t l = links.front();
        auto drop = [l](std::vector<std::size_t>& v) { v.erase(std::find(v.begin(), v.end(), l)); };
        drop(old_links_[pairs_[l].old_item]);
        drop(new_links_[pairs_[l].new_item]);
        live_[l] = 0;
    }

    void link(const Candidate& x) {
        Pair p;
        p.old_item = x.old_item;
        p.new_item = x.new_item;
        p.score = x.score;
        old_links_[x.old_item].push_back(pairs_.size());
        new_links_[x.new_item].push_back(pairs_.size());
        pairs_.push_back(p);
        live_.push_back(1);
    }

    Alignment finish() {
        Alignment out;
        for (std::size_t o = 0; o < old_links_.size(); ++o) {
            if (old_links_[o].size() < 2) continue;
            Split s{o, {}};
            for (std::size_t l : old_links_[o]) {
                pairs_[l].kind = PairKind::split;
                s.new_items.push_back(pairs_[l].new_item);
            }
            std::sort(s.new_items.begin(), s.new_items.end());
            out.splits.push_back(std::move(s));
        }
        for (std::size_t n = 0; n < new_links_.size(); ++n) {
            if (new_links_[n].size() < 2) continue;
            Merge m{{}, n};
            for (std::size_t l : new_links_[n]) {
                pairs_[l].kind = PairKind::merge;
                m.old_items.push_back(pairs_[l].old_item);
            }
            std::sort(m.old_items.begin(), m.old_items.end());
            out.merges.push_back(std::move(m));
        }
        std::sort(out.merges.begin(), out.merges.end(),
                  [](const Merge& a, const Merge& b) { return a.old_items.front() < b.old_items.front(); });
        for (std::size_t l = 0; l < pairs_.size(); ++l) {
            if (!live_[l]) continue;
            Pair& p = pairs_[l];
            p.strength = strength(c_.old_items[p.old_item], c_.new_items[p.new_item], p.score, clear_choice(p));
            out.pairs.push_back(p);
        }
        std::sort(out.pairs.begin(), out.pairs.end(), [](const Pair& a, const Pair& b) {
            return a.old_item != b.old_item ? a.old_item < b.old_item : a.new_item < b.new_item;
        });
        return out;
    }

    const Corpus& c_;
    std::vector<Pair> pairs_;
    std::vector<char> live_;  // 0 once released
    std::vector<std::vector<std::size_t>> old_links_, new_links_;  // live indices into pairs_
    std::vector<std::vector<Candidate>> old_cands_, new_cands_;     // each item's scored candidates, best first
};

}  // namespace

Alignment align(const Corpus& corpus) { return Aligner(corpus).run(); }

}  // namespace tasksplit::diff_detail
