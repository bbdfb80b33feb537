// What the alignment compares: per item, rarity-weighted term vectors of its text and its units.
//
// Chinese has no spaces, so the main text signal is character bigrams (the classic choice for
// Chinese retrieval): "盐田港油气储运基地" shares seven rare bigrams with any text that names it,
// however the sentence around it was reworded. ICU's dictionary word breaks add whole words,
// and quoted names (“小岛你好”, “暖岙”) count as one term each: a project keeps its name when
// every other word of the task changes. Weights are tf-idf with document frequency counted over
// both notices, so boilerplate (推进, 加快, 建设) weighs little.
#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "internal.hpp"

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

// Text between paired quotes or title marks, whitespace already removed by fold().
void quoted_names(const std::u32string& text, Counts<std::string>& out) {
    static const std::u32string open = U"“「《\"", close = U"”」》\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto k = open.find(text[i]);
        if (k == std::u32string::npos) continue;
        auto j = text.find(close[k], i + 1);
        // Longer spans are sentences quoted whole, not names.
        if (j == std::u32string::npos || j == i + 1 || j - i > 24) continue;
        ++out["\x01" + to_utf8(text.substr(i + 1, j - i - 1))];
        i = j;
    }
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
    std::vector<ItemFeatures> all;
    for (const auto* items : {&old_items, &new_items}) {
        for (const DiffItem& item : *items) {
            std::u32string folded = fold(item.text);
            grams.add(bigrams(folded));
            Counts<std::string> w;
            breaker.words(folded, w);
            quoted_names(folded, w);
            words.add(std::move(w));
            // A unit counts once per item; leading it weighs more than supporting (tf 2 vs 1).
            Counts<std::string> u;
            for (const Unit& unit : item.support) u[units.key(unit)] = 1;
            for (const Unit& unit : item.lead) u[units.key(unit)] = 2;
            unit_terms.add(std::move(u));
            ItemFeatures f;
            f.leader = item.leader ? item.leader->name : "";
            f.bare = bare(folded);
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
    corpus.gram_terms = grams.size();
    corpus.word_terms = words.size();
    return corpus;
}

}  // namespace tasksplit::diff_detail
