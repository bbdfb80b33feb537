// Alignment: which old task became which new task(s), many-to-many.
//
// 1. Candidates. An inverted index over the old items' terms gives, for every new item, the old
//    items it shares rare terms with; terms in very many items are skipped here (they only add
//    noise to a ranking), so the cost follows the postings, not n x m. Anchored pairs (a name in
//    one task of each year) are always candidates.
// 2. Scores. A candidate pair's score is its text similarity (bigram and word cosines), plus a
//    bonus per shared anchor, plus a context bonus for shared lead/support units and the same
//    leader. The context bonus is gated by the text score: it decides between near texts only.
// 3. Links. Each item's best candidate is its partner when the score is high enough: lower when
//    the choice is mutual (each is the other's best), higher when one-sided. One old task whose
//    parts went to several new tasks is each part's best: a split. Several old tasks each best
//    continued in one new task: a merge. Among equal scores the pair at the same relative place in
//    both notices is best, so a notice that repeats a task pairs its copies in order.
// 4. Strength: same (identical or nearly identical wording), continued (a high score, an anchor,
//    or a clear choice: well ahead of every other candidate of both items), related.

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "internal.hpp"

namespace tasksplit::diff_detail {
namespace {

// Text similarity: bigrams carry most of it; words add whole-word and quoted-name matches.
constexpr double kGramWeight = 0.6;
constexpr double kWordWeight = 0.4;
// Each shared anchor adds this much, up to kAnchorCap anchors.
constexpr double kAnchorBonus = 0.15;
constexpr std::size_t kAnchorCap = 2;
// Context bonus, reached in full once the text score is kContextGate.
constexpr double kUnitBonus = 0.15;
constexpr double kLeaderBonus = 0.05;
constexpr double kContextGate = 0.25;
// Links (set on the Dinghai 2023/2024 pair against a hand alignment of it, see docs/diff.md):
// an item's best candidate becomes its partner from kMutualLink when the choice is mutual, from
// kOneSidedLink when the partner prefers another item.
constexpr double kMutualLink = 0.12;
constexpr double kOneSidedLink = 0.16;
// Strength thresholds on the score.
constexpr double kRelated = 0.18;
constexpr double kContinued = 0.27;
// A pair below kContinued is still continued when it is a clear choice: its score is at least
// kDistinct times the best score either item reaches with any other candidate. A short 2024
// restatement of a long 2023 task scores low on cosine, but nothing else comes near it.
constexpr double kDistinct = 2;
// Same task (one to one): each text's term weight found in the other at least this much, or the
// bare texts (letters and digits) at least kSameRatio similar, character by character.
constexpr double kSameCover = 0.5;
constexpr double kSameRatio = 0.8;
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

double score(const ItemFeatures& o, const ItemFeatures& n, std::size_t anchors) {
    double text = kGramWeight * dot(o.grams, n.grams) + kWordWeight * dot(o.words, n.words) +
                  kAnchorBonus * static_cast<double>(std::min(anchors, kAnchorCap));
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

Strength strength(const ItemFeatures& o, const ItemFeatures& n, double s, bool confident, bool one_to_one) {
    if (o.bare == n.bare) return Strength::same;
    if (s < kContinued && !confident) return Strength::related;
    if (!one_to_one) return Strength::continued;
    // Reworded a little: each text's weight mostly found in the other ...
    if (std::min(coverage(o.grams, {&n.grams}), coverage(n.grams, {&o.grams})) >= kSameCover) return Strength::same;
    // ... or most characters in common (cheap length test before the character diff).
    double shorter = static_cast<double>(std::min(o.bare.size(), n.bare.size()));
    double longer = static_cast<double>(std::max(o.bare.size(), n.bare.size()));
    if (shorter >= kSameRatio * longer && char_ratio(o.bare, n.bare) >= kSameRatio) return Strength::same;
    return Strength::continued;
}

class Aligner {
public:
    explicit Aligner(const Corpus& c) : c_(c), old_cands_(c.old_items.size()), new_cands_(c.new_items.size()) {
        for (const Anchor& a : c.anchors) anchors_[{a.old_item, a.new_item}].push_back(a.name);
    }

    Alignment run() {
        std::vector<Candidate> cands = candidates(c_);
        // Anchored pairs are candidates whatever the index estimated.
        std::set<std::pair<std::size_t, std::size_t>> seen;
        for (const Candidate& x : cands) seen.insert({x.old_item, x.new_item});
        for (const auto& [key, names] : anchors_)
            if (!seen.count(key)) cands.push_back({key.first, key.second, 0, drift(key.first, key.second)});
        for (Candidate& x : cands)
            x.score = score(c_.old_items[x.old_item], c_.new_items[x.new_item], anchors_of(x).size());
        std::stable_sort(cands.begin(), cands.end(), better);
        for (const Candidate& x : cands) {
            old_cands_[x.old_item].push_back(x);
            new_cands_[x.new_item].push_back(x);
        }
        Alignment out;
        std::vector<int> old_links(c_.old_items.size(), 0), new_links(c_.new_items.size(), 0);
        for (const Candidate& x : cands) {
            bool old_best = is_best(old_cands_[x.old_item], x), new_best = is_best(new_cands_[x.new_item], x);
            bool linked = (old_best && new_best) ? x.score >= kMutualLink : (old_best || new_best) && x.score >= kOneSidedLink;
            if (!linked) continue;
            Pair p;
            p.old_item = x.old_item;
            p.new_item = x.new_item;
            p.score = std::min(1.0, x.score);
            p.evidence.mutual = old_best && new_best;
            p.evidence.anchors = anchors_of(x);
            out.pairs.push_back(std::move(p));
            ++old_links[x.old_item];
            ++new_links[x.new_item];
        }
        linked_new_.assign(c_.old_items.size(), {});
        linked_old_.assign(c_.new_items.size(), {});
        for (const Pair& p : out.pairs) {
            linked_new_[p.old_item].insert(p.new_item);
            linked_old_[p.new_item].insert(p.old_item);
        }
        for (Pair& p : out.pairs) {
            const ItemFeatures& o = c_.old_items[p.old_item];
            const ItemFeatures& n = c_.new_items[p.new_item];
            const ItemFeatures& shorter = o.bare.size() < n.bare.size() ? o : n;
            const ItemFeatures& longer = o.bare.size() < n.bare.size() ? n : o;
            p.evidence.containment = coverage(shorter.grams, {&longer.grams});
            p.kind = old_links[p.old_item] > 1 ? PairKind::split
                     : new_links[p.new_item] > 1 ? PairKind::merge : PairKind::one_to_one;
            bool confident = !p.evidence.anchors.empty() || clear_choice(p);
            p.strength = strength(o, n, p.score, confident, p.kind == PairKind::one_to_one);
        }
        std::sort(out.pairs.begin(), out.pairs.end(), [](const Pair& a, const Pair& b) {
            return a.old_item != b.old_item ? a.old_item < b.old_item : a.new_item < b.new_item;
        });
        group(out, new_links);
        out.old_nearest = nearest(old_cands_, old_links, false);
        out.new_nearest = nearest(new_cands_, new_links, true);
        return out;
    }

private:
    double drift(std::size_t o, std::size_t n) const {
        return std::fabs(static_cast<double>(o) / static_cast<double>(c_.old_items.size()) -
                         static_cast<double>(n) / static_cast<double>(c_.new_items.size()));
    }

    std::vector<std::string> anchors_of(const Candidate& x) const {
        auto it = anchors_.find({x.old_item, x.new_item});
        return it == anchors_.end() ? std::vector<std::string>{} : it->second;
    }

    // `x` heads its item's candidate list (best first; ties already broken by drift).
    static bool is_best(const std::vector<Candidate>& list, const Candidate& x) {
        return !list.empty() && list.front().old_item == x.old_item && list.front().new_item == x.new_item;
    }

    // Best score `item` reaches with a candidate other than `partner` and the items it is linked
    // with (the other parts of its own split or merge are no rivals).
    double best_alternative(std::size_t item, bool old_side, std::size_t partner,
                            const std::set<std::size_t>& linked) const {
        for (const Candidate& c : (old_side ? old_cands_ : new_cands_)[item]) {
            std::size_t other = old_side ? c.new_item : c.old_item;
            if (other != partner && !linked.count(other)) return c.score;
        }
        return 0;
    }

    bool clear_choice(const Pair& p) const {
        return p.score >= kRelated &&
               p.score >= kDistinct * best_alternative(p.old_item, true, p.new_item, linked_new_[p.old_item]) &&
               p.score >= kDistinct * best_alternative(p.new_item, false, p.old_item, linked_old_[p.new_item]);
    }

    static void group(Alignment& out, const std::vector<int>& new_links) {
        for (const Pair& p : out.pairs) {
            if (p.kind == PairKind::split) {
                if (out.splits.empty() || out.splits.back().old_item != p.old_item) out.splits.push_back({p.old_item, {}});
                out.splits.back().new_items.push_back(p.new_item);
            }
        }
        std::map<std::size_t, Merge> merges;
        for (const Pair& p : out.pairs)
            if (new_links[p.new_item] > 1) {
                Merge& m = merges[p.new_item];
                m.new_item = p.new_item;
                m.old_items.push_back(p.old_item);
            }
        for (auto& [n, m] : merges) out.merges.push_back(std::move(m));
        std::sort(out.merges.begin(), out.merges.end(),
                  [](const Merge& a, const Merge& b) { return a.old_items.front() < b.old_items.front(); });
    }

    // Each unlinked item's best candidate, for the report on dropped and added tasks.
    static std::vector<Nearest> nearest(const std::vector<std::vector<Candidate>>& cands, const std::vector<int>& links,
                                        bool new_side) {
        std::vector<Nearest> out(cands.size());
        for (std::size_t i = 0; i < cands.size(); ++i)
            if (links[i] == 0 && !cands[i].empty())
                out[i] = {new_side ? cands[i].front().old_item : cands[i].front().new_item, cands[i].front().score};
        return out;
    }

    const Corpus& c_;
    std::map<std::pair<std::size_t, std::size_t>, std::vector<std::string>> anchors_;
    std::vector<std::vector<Candidate>> old_cands_, new_cands_;  // each item's scored candidates, best first
    std::vector<std::set<std::size_t>> linked_new_, linked_old_;  // partners of each old / new item
};

}  // namespace

Alignment align(const Corpus& corpus) { return Aligner(corpus).run(); }

}  // namespace tasksplit::diff_detail
