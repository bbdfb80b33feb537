// What the alignment compares: per item, rarity-weighted term vectors of its text and its units,
// and the anchors: names that pair two tasks by themselves.
//
// Chinese has no spaces, so the main text signal is character bigrams (the classic choice for
// Chinese retrieval): "盐田港油气储运基地" shares seven rare bigrams with any text that names it,
// however the sentence around it was reworded. ICU's dictionary word breaks add whole words,
// and quoted names (“小岛你好”, “暖岙”) count as one term each: a project keeps its name when
// every other word of the task changes. Weights are tf-idf with document frequency counted over
// both notices, so boilerplate (推进, 加快, 建设) weighs little.
//
// The text compared is not quite the printed one. Target frames are cut down to their indicator
// ("力争实现服务业增加值增长 5% 以上" -> "服务业增加值"): the frame words are the same in every task
// with a figure and would pair unrelated tasks. A quoted name misspelt once ("暖吞" beside the
// usual "暖岙", next to the same words) is read as the usual spelling, and a programme's newer name
// as its older one (grammars/diff.yaml: 蓝天碧水清废净土保卫战 -> 污染防治攻坚战).
//
// Anchors, in the spirit of patience diff: a name quoted in either notice (“小岛你好”, “定海米道”)
// that occurs in exactly one task of each year pairs those two tasks whatever else changed.
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "internal.hpp"
#include "tasksplit/grammar_files.hpp"

namespace tasksplit::diff_detail {
namespace {

bool is_letter(char32_t c) { return u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) || u_isalpha(c); }

// Term counts of one item before weighting.
template <typename Key>
using Counts = std::unordered_map<Key, int>;

// Runs of letters; digits and punctuation end a run. Figures are left out of the text signal:
// they change every year ("增长 8%" -> "增长 5%"), and masked as one symbol they would make
// "8 个" and "16 个" a shared term of any two tasks that count things.
std::vector<std::u32string> segments(const std::u32string& text) {
    std::vector<std::u32string> out(1);
    for (char32_t c : text) {
        if (is_letter(c)) out.back() += c;
        else if (!out.back().empty()) out.emplace_back();
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

Counts<std::uint64_t> bigrams(const std::u32string& text) {
    Counts<std::uint64_t> out;
    for (const auto& seg : segments(text)) {
        if (seg.size() == 1) ++out[seg[0]];
        for (std::size_t i = 0; i + 1 < seg.size(); ++i)
            ++out[(static_cast<std::uint64_t>(seg[i]) << 32) | seg[i + 1]];
    }
    return out;
}

// Calls fn(start, length) for the text between each pair of quotes or title marks (whitespace is
// already removed by fold()). Longer spans are sentences quoted whole, not names.
template <typename Fn>
void for_each_quoted(const std::u32string& text, Fn fn) {
    static const std::u32string open = U"“「《\"", close = U"”」》\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto k = open.find(text[i]);
        if (k == std::u32string::npos) continue;
        auto j = text.find(close[k], i + 1);
        if (j == std::u32string::npos || j == i + 1 || j - i > 24) continue;
        fn(i + 1, j - i - 1);
        i = j;
    }
}

void quoted_names(const std::u32string& text, Counts<std::string>& out) {
    for_each_quoted(text, [&](std::size_t at, std::size_t n) { ++out["\x01" + to_utf8(text.substr(at, n))]; });
}

// Names are at least two letters and at most twelve: a brand or project, not a slogan.
constexpr std::size_t kShortestName = 2;
constexpr std::size_t kLongestName = 12;
// Characters either side of a quoted name that must agree for a one-letter variant to be a typo.
constexpr std::size_t kTypoContext = 4;

void replace_all(std::u32string& text, const std::u32string& from, const std::u32string& to) {
    if (from.empty()) return;
    for (auto at = text.find(from); at != std::u32string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// grammars/diff.yaml: (newer wording, older wording), folded.
const std::vector<std::pair<std::u32string, std::u32string>>& successors() {
    static const auto table = [] {
        std::vector<std::pair<std::u32string, std::u32string>> out;
        for (const auto& entry : load_embedded_grammar("diff.yaml")["successors"])
            out.emplace_back(fold(entry["new"].as<std::string>()), fold(entry["old"].as<std::string>()));
        return out;
    }();
    return table;
}

// What the alignment compares (see the file comment).
std::u32string matching_text(const DiffItem& item, const std::vector<std::pair<std::u32string, std::u32string>>& typos) {
    std::u32string text = fold(item.text);
    for (const Target& t : item.targets) {
        std::u32string span = fold(t.text);
        auto at = span.empty() ? std::u32string::npos : text.find(span);
        if (at != std::u32string::npos) text.replace(at, span.size(), fold(t.indicator) + U"，");
    }
    for (const auto& [odd, usual] : typos) replace_all(text, odd, usual);
    for (const auto& [newer, older] : successors()) replace_all(text, newer, older);
    return text;
}

// Names quoted in any text, found in exactly one text of each side (quoted there or not).
std::vector<Anchor> find_anchors(const std::vector<ItemFeatures>& old_items, const std::vector<ItemFeatures>& new_items) {
    std::vector<std::u32string> names;
    std::unordered_map<std::u32string, std::size_t> ids;
    for (const auto* items : {&old_items, &new_items})
        for (const ItemFeatures& f : *items)
            for_each_quoted(f.match, [&](std::size_t at, std::size_t n) {
                if (n < kShortestName || n > kLongestName) return;
                std::u32string name = f.match.substr(at, n);
                if (ids.emplace(name, names.size()).second) names.push_back(name);
            });
    // Names by their first two letters, so each text is scanned once.
    std::unordered_map<std::u32string, std::vector<std::size_t>> by_start;
    for (std::size_t k = 0; k < names.size(); ++k) by_start[names[k].substr(0, 2)].push_back(k);
    constexpr std::size_t kNone = static_cast<std::size_t>(-1), kMany = kNone - 1;
    auto where = [&](const std::vector<ItemFeatures>& items) {
        std::vector<std::size_t> only(names.size(), kNone);  // the one item naming it, or kMany
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::u32string& t = items[i].match;
            for (std::size_t at = 0; at + 1 < t.size(); ++at) {
                auto it = by_start.find(t.substr(at, 2));
                if (it == by_start.end()) continue;
                for (std::size_t k : it->second)
                    if (t.compare(at, names[k].size(), names[k]) == 0 && only[k] != i)
                        only[k] = only[k] == kNone ? i : kMany;
            }
        }
        return only;
    };
    std::vector<std::size_t> in_old = where(old_items), in_new = where(new_items);
    std::vector<Anchor> out;
    for (std::size_t k = 0; k < names.size(); ++k)
        if (in_old[k] < kMany && in_new[k] < kMany) out.push_back({in_old[k], in_new[k], to_utf8(names[k])});
    std::sort(out.begin(), out.end(), [](const Anchor& a, const Anchor& b) {
        return std::tie(a.old_item, a.new_item, a.name) < std::tie(b.old_item, b.new_item, b.name);
    });
    return out;
}

class WordBreaker {
public:
    WordBreaker() {
        UErrorCode status = U_ZERO_ERROR;
        iter_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
        if (U_FAILURE(status)) iter_.reset();
    }

    // Dictionary words of two or more letters; single characters are covered by the bigrams.
    void words(const std::u32string& text, Counts<std::string>& out) {
        if (!iter_) return;
        icu::UnicodeString s = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()),
                                                            static_cast<int32_t>(text.size()));
        iter_->setText(s);
        int32_t start = iter_->first();
        for (int32_t end = iter_->next(); end != icu::BreakIterator::DONE; start = end, end = iter_->next()) {
            int32_t status = iter_->getRuleStatus();
            bool wordlike = (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT) ||
                            (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT);
            if (!wordlike || s.countChar32(start, end - start) < 2) continue;
            std::string w;
            s.tempSubStringBetween(start, end).toUTF8String(w);
            ++out[w];
        }
    }

private:
    std::unique_ptr<icu::BreakIterator> iter_;
};

// Turns per-item counts into unit-length tf-idf vectors over one vocabulary.
template <typename Key>
class Weigher {
public:
    void add(Counts<Key> counts) {
        for (const auto& kv : counts) {
            auto [it, fresh] = ids_.emplace(kv.first, static_cast<int>(df_.size()));
            if (fresh) df_.push_back(0);
            ++df_[it->second];
        }
        items_.push_back(std::move(counts));
    }

    std::vector<SparseVector> vectors() const {
        const double n = static_cast<double>(items_.size());
        std::vector<SparseVector> out(items_.size());
        for (std::size_t i = 0; i < items_.size(); ++i) {
            auto& terms = out[i].terms;
            double norm = 0;
            for (const auto& kv : items_[i]) {
                int id = ids_.at(kv.first);
                double w = (1 + std::log(static_cast<double>(kv.second))) * std::log(1 + n / df_[id]);
                terms.emplace_back(id, static_cast<float>(w));
                norm += w * w;
            }
            std::sort(terms.begin(), terms.end());
            norm = std::sqrt(norm);
            if (norm > 0)
                for (auto& t : terms) t.second = static_cast<float>(t.second / norm);
        }
        return out;
    }

    int size() const { return static_cast<int>(df_.size()); }

private:
    std::unordered_map<Key, int> ids_;
    std::vector<int> df_;
    std::vector<Counts<Key>> items_;
};

std::u32string bare(const std::u32string& folded) {
    std::u32string out;
    for (char32_t c : folded)
        if (is_letter(c) || u_isdigit(c) || c == U'.' || c == U'%') out += c;
    return out;
}

}  // namespace

std::vector<std::pair<std::u32string, std::u32string>> name_typos(const std::vector<std::u32string>& texts) {
    struct Uses {
        int count = 0;
        std::set<std::u32string> before, after;  // kTypoContext letters either side
    };
    std::map<std::u32string, Uses> uses;
    for (const std::u32string& t : texts)
        for_each_quoted(t, [&](std::size_t at, std::size_t n) {
            if (n < kShortestName || n > kLongestName) return;
            Uses& u = uses[t.substr(at, n)];
            ++u.count;
            if (at >= 1 + kTypoContext) u.before.insert(t.substr(at - 1 - kTypoContext, kTypoContext));
            if (at + n + 1 + kTypoContext <= t.size()) u.after.insert(t.substr(at + n + 1, kTypoContext));
        });
    // Names one substitution apart share a key: the name with that position blanked.
    std::map<std::u32string, std::vector<const std::u32string*>> variants;
    for (const auto& [name, u] : uses)
        for (std::size_t i = 0; i < name.size(); ++i) {
            std::u32string key = name;
            key[i] = 0;
            variants[key].push_back(&name);
        }
    auto shared = [](const std::set<std::u32string>& a, const std::set<std::u32string>& b) {
        return std::any_of(a.begin(), a.end(), [&b](const std::u32string& x) { return b.count(x) > 0; });
    };
    std::vector<std::pair<std::u32string, std::u32string>> out;
    for (const auto& [key, names] : variants)
        for (std::size_t i = 0; i < names.size(); ++i)
            for (std::size_t j = i + 1; j < names.size(); ++j) {
                const Uses& a = uses.at(*names[i]);
                const Uses& b = uses.at(*names[j]);
                if (a.count == b.count || !(shared(a.after, b.after) || shared(a.before, b.before))) continue;
                out.emplace_back(a.count < b.count ? *names[i] : *names[j], a.count < b.count ? *names[j] : *names[i]);
            }
    return out;
}

std::u32string fold(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
    if (U_SUCCESS(status)) s = nfkc->normalize(s, status);
    std::u32string out;
    out.reserve(static_cast<std::size_t>(s.length()));
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
        UChar32 c = s.char32At(i);
        if (u_isUWhiteSpace(c)) continue;
        out += static_cast<char32_t>(u_tolower(c));
    }
    return out;
}

std::string to_utf8(const std::u32string& text) {
    std::string out;
    icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()))
        .toUTF8String(out);
    return out;
}

double dot(const SparseVector& a, const SparseVector& b) {
    double sum = 0;
    auto i = a.terms.begin(), j = b.terms.begin();
    while (i != a.terms.end() && j != b.terms.end()) {
        if (i->first < j->first) {
            ++i;
        } else if (j->first < i->first) {
            ++j;
        } else {
            sum += static_cast<double>(i->second) * j->second;
            ++i;
            ++j;
        }
    }
    return sum;
}

double coverage(const SparseVector& a, const std::vector<const SparseVector*>& others) {
    double covered = 0;
    for (const auto& [term, w] : a.terms) {
        for (const SparseVector* o : others) {
            auto it = std::lower_bound(o->terms.begin(), o->terms.end(), std::make_pair(term, -1.0f));
            if (it != o->terms.end() && it->first == term) {
                covered += static_cast<double>(w) * w;
                break;
            }
        }
    }
    return covered;
}

Corpus build_corpus(const std::vector<DiffItem>& old_items, const std::vector<DiffItem>& new_items,
                    const UnitResolver& units) {
    Weigher<std::uint64_t> grams;
    Weigher<std::string> words, unit_terms;
    WordBreaker breaker;
    Corpus corpus;
    std::vector<std::u32string> folded_texts;
    for (const auto* items : {&old_items, &new_items})
        for (const DiffItem& item : *items) folded_texts.push_back(fold(item.text));
    const auto typos = name_typos(folded_texts);
    std::vector<ItemFeatures> all;
    std::size_t next = 0;
    for (const auto* items : {&old_items, &new_items}) {
        for (const DiffItem& item : *items) {
            const std::u32string& folded = folded_texts[next++];
            std::u32string match = matching_text(item, typos);
            grams.add(bigrams(match));
            Counts<std::string> w;
            breaker.words(match, w);
            quoted_names(match, w);
            words.add(std::move(w));
            // A unit counts once per item; leading it weighs more than supporting (tf 2 vs 1).
            Counts<std::string> u;
            for (const Unit& unit : item.support) u[units.key(unit)] = 1;
            for (const Unit& unit : item.lead) u[units.key(unit)] = 2;
            unit_terms.add(std::move(u));
            ItemFeatures f;
            f.leader = item.leader ? item.leader->name : "";
            f.bare = bare(folded);
            f.match = std::move(match);
            all.push_back(std::move(f));
        }
    }
    auto g = grams.vectors(), w = words.vectors(), u = unit_terms.vectors();
    for (std::size_t i = 0; i < all.size(); ++i) {
        all[i].grams = std::move(g[i]);
        all[i].words = std::move(w[i]);
        all[i].units = std::move(u[i]);
    }
    corpus.old_items.assign(std::make_move_iterator(all.begin()),
                            std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(old_items.size())));
    corpus.new_items.assign(std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(old_items.size())),
                            std::make_move_iterator(all.end()));
    corpus.anchors = find_anchors(corpus.old_items, corpus.new_items);
    corpus.gram_terms = grams.size();
    corpus.word_terms = words.size();
    return corpus;
}

}  // namespace tasksplit::diff_detail
