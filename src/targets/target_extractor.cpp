// Quantitative targets in one item's task text.
//
// A target is a number with a measure ("2.4 万人", "15%", "16 个"), less the numbers the grammar's
// not_targets patterns cover (names in quotes, sizes, ordinals ...) and amounts that qualify a
// noun ("200 万吨玉米精深加工项目"). Its indicator and verb come from the "head": the text between
// the clause start (or the previous target) and the number. Three shapes are read there:
//   indicator + link verb + qty     一般公共预算收入增长 5%
//   action verb + indicator + qty   新增耕地 1500 亩
//   qty + counted noun              推进万马装备智造园等 18 个重点项目建设
// and a head without a verb or indicator takes them from the previous target in the sentence
// ("16 个 125.6 亿元", "、市重点项目 51 个", "、增长 130%以上").
#include "tasksplit/targets.hpp"

#include <algorithm>
#include <charconv>
#include <memory>
#include <mutex>
#include <stdexcept>

#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <yaml-cpp/yaml.h>

#include "scan.hpp"
#include "tasksplit/grammar_files.hpp"
#include "tasksplit/rules.hpp"

namespace tasksplit {

using scan::U32;
using scan::WordSet;

struct TargetExtractor::Rules {
    WordSet measures;  // count measures first, then amounts
    std::size_t count_measures = 0;
    WordSet rate_measures;
    WordSet magnitudes, more_than;
    WordSet bounds_after, bounds_before;
    std::vector<std::string> bound_after_value, bound_before_value;
    WordSet amount_followers;
    std::vector<std::unique_ptr<icu::RegexPattern>> not_targets;
    std::vector<std::vector<U32>> not_target_needs;  ///< per pattern: every match holds one character of each set
    WordSet link_verbs, link_particles;
    WordSet verbs, verb_prefixes, verb_connectors, light_verbs, verb_noun_heads;
    WordSet fixed_indicators, adverbs, scope_words, openers, trailing_nouns, baseline_markers;
    char32_t list_end = U'等';
    WordSet list_end_exceptions;
    char32_t relative_marker = U'的';
    WordSet subset_markers;
    std::size_t subset_scope_max = 2;
    WordSet markers;
    scan::CharSet sentence_ends, clause_ends;

    bool is_light(int verb_id) const {
        const U32& w = verbs.word(verb_id);
        return light_verbs.at(w, 0, w.size()).len == w.size();
    }
};

namespace {

char32_t single_char(const YAML::Node& node, char32_t fallback) {
    if (!node) return fallback;
    const U32 s = scan::folded(node.as<std::string>());
    return s.size() == 1 ? s[0] : fallback;
}

void add_chars(scan::CharSet& out, const YAML::Node& node) {
    for (const auto& p : node)
        for (char32_t c : scan::folded(p.as<std::string>())) out.add(c);
}



std::shared_ptr<const TargetExtractor::Rules> load_rules(const YAML::Node& y) {
    auto r = std::make_shared<TargetExtractor::Rules>();
    r->measures.add_all(y["measures"]["count"]);
    r->count_measures = r->measures.count();
    r->measures.add_all(y["measures"]["amount"]);
    r->rate_measures.add_all(y["rate_measures"]);
    r->magnitudes.add_all(y["magnitudes"]);
    r->more_than.add_all(y["more_than"]);
    for (const auto& kv : y["bounds_after"]) {
        r->bounds_after.add(scan::folded(kv.first.as<std::string>()));
        r->bound_after_value.push_back(kv.second.as<std::string>());
    }
    for (const auto& kv : y["bounds_before"]) {
        r->bounds_before.add(scan::folded(kv.first.as<std::string>()));
        r->bound_before_value.push_back(kv.second.as<std::string>());
    }
    r->amount_followers.add_all(y["amount_followers"]);
    for (const auto& p : y["not_targets"]) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError perr;
        const auto pattern = icu::UnicodeString::fromUTF8(p.as<std::string>());
        std::unique_ptr<icu::RegexPattern> re(icu::RegexPattern::compile(pattern, 0, perr, status));
        if (U_FAILURE(status)) throw std::runtime_error("targets.yaml: bad not_targets pattern: " + p.as<std::string>());
        r->not_targets.push_back(std::move(re));
        U32 code_points(static_cast<std::size_t>(pattern.countChar32()), U'\0');
        pattern.toUTF32(reinterpret_cast<UChar32*>(code_points.data()), static_cast<int32_t>(code_points.size()), status);
        r->not_target_needs.push_back(required_char_sets(code_points));
    }
    r->link_verbs.add_all(y["link_verbs"]);
    r->link_particles.add_all(y["link_particles"]);
    r->verbs.add_all(y["action_verbs"]);
    r->verb_prefixes.add_all(y["verb_prefixes"]);
    r->verb_connectors.add_all(y["verb_connectors"]);
    r->light_verbs.add_all(y["light_verbs"]);
    r->verb_noun_heads.add_all(y["verb_noun_heads"]);
    r->fixed_indicators.add_all(y["fixed_indicators"]);
    r->adverbs.add_all(y["adverbs"]);
    r->scope_words.add_all(y["scope_words"]);
    r->openers.add_all(y["openers"]);
    r->trailing_nouns.add_all(y["trailing_nouns"]);
    r->baseline_markers.add_all(y["baseline_markers"]);
    r->list_end = single_char(y["list_end"], U'等');
    r->list_end_exceptions.add_all(y["list_end_exceptions"]);
    r->relative_marker = single_char(y["relative_marker"], U'的');
    r->subset_markers.add_all(y["subset_markers"]);
    if (y["subset_scope_max_chars"]) r->subset_scope_max = y["subset_scope_max_chars"].as<std::size_t>();
    r->markers.add_all(y["aspiration_markers"]);
    add_chars(r->sentence_ends, y["sentence_ends"]);
    add_chars(r->clause_ends, y["clause_ends"]);
    return r;
}

// The not_targets matchers with the UTF-16 text they run on. Making matchers for every text was a
// good part of the extraction time, so sets are kept and reused.
struct VetoMatchers {
    struct Matcher {
        std::unique_ptr<icu::RegexMatcher> re;
        bool done = false;        // found every match in the text
        std::size_t reached = 0;  // code point where the last match found starts
    };
    std::vector<Matcher> each;  // one per not_targets pattern
    icu::UnicodeString text;
    std::vector<std::size_t> cp_at;  // UTF-16 index -> code point index; empty when they agree
};

}  // namespace

// A matcher holds match state: every extract() running at the same time takes a set of its own.
class TargetExtractor::MatcherPool {
public:
    explicit MatcherPool(std::shared_ptr<const Rules> rules) : rules_(std::move(rules)) {}

    std::unique_ptr<VetoMatchers> take() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!idle_.empty()) {
                auto set = std::move(idle_.back());
                idle_.pop_back();
                return set;
            }
        }
        auto set = std::make_unique<VetoMatchers>();
        for (const auto& pattern : rules_->not_targets) {
            UErrorCode status = U_ZERO_ERROR;
            std::unique_ptr<icu::RegexMatcher> m(pattern->matcher(status));
            if (U_FAILURE(status)) throw std::runtime_error("targets.yaml: cannot make a not_targets matcher");
            set->each.push_back({std::move(m)});
        }
        return set;
    }

    void give_back(std::unique_ptr<VetoMatchers> set) {
        std::lock_guard<std::mutex> lock(mutex_);
        idle_.push_back(std::move(set));
    }

private:
    std::shared_ptr<const Rules> rules_;  // the patterns outlive their matchers
    std::mutex mutex_;
    std::vector<std::unique_ptr<VetoMatchers>> idle_;
};

namespace {

// Chinese numerals ("两个", "十个"); 万 and 亿 stay with the measure like after Arabic digits. A
// number starts with a digit or 十, never with a bare 百/千 ("百万招商大奖", "千年禅路").
bool is_cn_digit(char32_t c) {
    static const scan::CharSet chars(U"零〇一二两三四五六七八九十百千");
    return chars.contains(c);
}
bool is_cn_start(char32_t c) {
    static const scan::CharSet chars(U"一二两三四五六七八九十");
    return chars.contains(c);
}

double cn_value(const U32& t, std::size_t a, std::size_t b) {
    static const U32 digits = U"零一二三四五六七八九";
    double total = 0, cur = 0;
    for (std::size_t i = a; i < b; ++i) {
        const char32_t c = t[i];
        if (c == U'两') {
            cur = 2;
        } else if (c == U'〇') {
            cur = 0;
        } else if (auto d = digits.find(c); d != U32::npos) {
            cur = static_cast<double>(d);
        } else {
            const double unit = c == U'十' ? 10 : c == U'百' ? 100 : 1000;
            total += (cur == 0 ? 1 : cur) * unit;
            cur = 0;
        }
    }
    return total + cur;
}

struct Quantity {
    std::size_t start = 0;  // bound word before the number, else the number
    std::size_t num = 0;    // the number
    std::size_t end = 0;    // after the measure and any bound word
    double value = 0;
    std::string measure;
    std::string bound;
    bool count = false;
    bool rate = false;
};

struct Range {
    std::size_t a = 0, b = 0;
    bool empty() const { return b <= a; }
    std::size_t size() const { return empty() ? 0 : b - a; }
};

// What the previous target of the sentence lends to the next one.
struct Prev {
    bool valid = false;
    std::size_t sentence = 0;
    std::size_t text_start = 0;
    std::size_t indicator_start = 0;
    std::size_t consumed_end = 0;
    std::size_t quantity_end = 0;
    std::string indicator;
    std::string verb;
    std::string gov_verb;  // the action verb a verbless list member takes
    std::size_t gov_start = 0;
    bool has_gov = false;
    bool gov_light = false;
    bool count = false;  // the previous quantity's kind
    bool rate = false;
};

class Scanner {
public:
    Scanner(const TargetExtractor::Rules& r, const std::string& src, VetoMatchers& vetoes)
        : r_(r), src_(src), chars_(scan::decode(src)), t_(chars_.cp), n_(t_.size()), matchers_(vetoes) {
        mark_quotes();
        mark_punctuation();
    }

    std::vector<Target> run() {
        find_quantities();
        const auto asp = aspirational();
        std::vector<Target> out;
        Prev prev;
        for (std::size_t i = 0; i < qs_.size(); ++i) {
            out.push_back(describe(qs_[i], prev));
            out.back().aspirational = asp[i];
        }
        return out;
    }

private:
    const TargetExtractor::Rules& r_;
    const std::string& src_;
    scan::Chars chars_;
    const U32& t_;
    std::size_t n_;
    VetoMatchers& matchers_;
    std::vector<char> quoted_;
    std::vector<char> veto_;  // empty until a quantity asks: most texts hold none
    std::vector<std::size_t> sentence_start_, clause_start_;
    std::vector<Quantity> qs_;
    std::vector<char> quantity_at_;  // first character of each quantity's number

    // --- marks ---------------------------------------------------------------------------

    void mark_quotes() {
        quoted_.assign(n_, 0);
        for (std::size_t i = 0; i < n_; ++i) {
            const char32_t open = t_[i];
            const char32_t close = open == U'“' ? U'”' : open == U'《' ? U'》' : 0;
            if (!close) continue;
            for (std::size_t k = i + 1; k < n_ && k <= i + 40; ++k) {
                if (t_[k] == close) {
                    std::fill(quoted_.begin() + static_cast<long>(i) + 1, quoted_.begin() + static_cast<long>(k), 1);
                    i = k;
                    break;
                }
            }
        }
    }

    // Is any of [a, b) inside a not_targets match? find() goes left to right, so each matcher
    // reads only as far as the quantities asked about need, and later goes on from there.
    bool vetoed(std::size_t a, std::size_t b) {
        mark_vetoes_before(b);
        return std::any_of(veto_.begin() + static_cast<long>(a), veto_.begin() + static_cast<long>(b), [](char v) { return v != 0; });
    }

    // Marks every match that starts before `end`.
    void mark_vetoes_before(std::size_t end) {
        if (veto_.empty()) start_vetoes();
        const auto& cp_at = matchers_.cp_at;
        const auto cp = [&](int32_t u) { return cp_at.empty() ? static_cast<std::size_t>(u) : cp_at[static_cast<std::size_t>(u)]; };
        for (auto& m : matchers_.each) {
            UErrorCode status = U_ZERO_ERROR;
            while (!m.done && m.reached < end) {
                if (!m.re->find(status) || U_FAILURE(status)) {
                    m.done = true;
                    break;
                }
                const auto a = cp(m.re->start(status));
                const auto b = cp(m.re->end(status));
                std::fill(veto_.begin() + static_cast<long>(a), veto_.begin() + static_cast<long>(b), 1);
                m.reached = a;
            }
        }
    }

    void start_vetoes() {
        veto_.assign(n_, 0);
        bool any_runs = false;
        for (std::size_t k = 0; k < matchers_.each.size(); ++k) {
            const std::vector<U32>& needs = r_.not_target_needs[k];
            matchers_.each[k].done = std::any_of(needs.begin(), needs.end(), [&](const U32& set) {
                return t_.find_first_of(set) == U32::npos;
            });
            any_runs |= !matchers_.each[k].done;
        }
        if (!any_runs) return;  // no pattern can match: the text needs no UTF-16 copy
        set_utf16_text();
        for (auto& m : matchers_.each) {
            if (m.done) continue;
            m.re->reset(matchers_.text);
            m.reached = 0;
        }
    }

    // The text in UTF-16 for ICU, in the matchers' buffer, and the index map back to code points
    // when characters past U+FFFF make the two differ.
    void set_utf16_text() {
        icu::UnicodeString& text = matchers_.text;
        const auto capacity = static_cast<int32_t>(2 * n_);
        int32_t length = 0;
        UErrorCode status = U_ZERO_ERROR;
        u_strFromUTF32WithSub(text.getBuffer(capacity), capacity, &length, reinterpret_cast<const UChar32*>(t_.data()),
                              static_cast<int32_t>(n_), 0xFFFD, nullptr, &status);
        text.releaseBuffer(U_SUCCESS(status) ? length : 0);
        auto& cp_at = matchers_.cp_at;
        cp_at.clear();
        if (static_cast<std::size_t>(text.length()) == n_) return;
        cp_at.resize(static_cast<std::size_t>(text.length()) + 1);
        for (int32_t u = 0, c = 0; u <= text.length(); ++u) {
            cp_at[static_cast<std::size_t>(u)] = static_cast<std::size_t>(c);
            if (u < text.length() && !U16_IS_LEAD(text.charAt(u))) ++c;
        }
    }

    void mark_punctuation() {
        sentence_start_.assign(n_ + 1, 0);
        clause_start_.assign(n_ + 1, 0);
        std::size_t s = 0, c = 0;
        for (std::size_t i = 0; i <= n_; ++i) {
            sentence_start_[i] = s;
            clause_start_[i] = c;
            if (i == n_) break;
            if (is_sentence_end(t_[i])) s = c = i + 1;
            else if (is_clause_end(t_[i])) c = i + 1;
        }
    }

    bool is_sentence_end(char32_t c) const { return r_.sentence_ends.contains(c); }
    bool is_clause_end(char32_t c) const { return r_.clause_ends.contains(c); }
    bool is_break(char32_t c) const { return is_sentence_end(c) || is_clause_end(c) || c == U'、'; }

    std::string bytes(Range r) const { return r.empty() ? std::string() : chars_.slice(src_, r.a, r.b); }

    // --- quantities ----------------------------------------------------------------------

    void find_quantities() {
        quantity_at_.assign(n_, 0);
        for (std::size_t i = 0; i < n_;) {
            std::size_t j = i;
            double value = 0;
            if (scan::is_digit(t_[i]) && (i == 0 || (!scan::is_digit(t_[i - 1]) && t_[i - 1] != U'.'))) {
                while (j < n_ && scan::is_digit(t_[j])) ++j;
                if (j + 1 < n_ && t_[j] == U'.' && scan::is_digit(t_[j + 1])) {
                    ++j;
                    while (j < n_ && scan::is_digit(t_[j])) ++j;
                }
                const std::string digits = scan::to_utf8(t_.substr(i, j - i));
                std::from_chars(digits.data(), digits.data() + digits.size(), value);
            } else if (is_cn_start(t_[i]) && (i == 0 || !is_cn_digit(t_[i - 1]))) {
                while (j < n_ && is_cn_digit(t_[j])) ++j;
                value = cn_value(t_, i, j);
            } else {
                ++i;
                continue;
            }
            if (auto q = read_quantity(i, j, value)) {
                qs_.push_back(*q);
                quantity_at_[q->start] = 1;
                i = q->end;
            } else {
                i = j;
            }
        }
    }

    std::size_t skip_spaces(std::size_t p) const {
        while (p < n_ && scan::is_space(t_[p])) ++p;
        return p;
    }

    std::optional<Quantity> read_quantity(std::size_t i, std::size_t j, double value) {
        Quantity q;
        q.num = q.start = i;
        q.value = value;
        std::size_t p = skip_spaces(j);
        if (p + 1 < n_ && t_[p] == U'\\') ++p;  // LaTeX "50\%"
        // magnitude? more-than? measure: keep the longest reading.
        std::vector<WordSet::Hit> mags = r_.magnitudes.all_at(t_, p, n_);
        mags.insert(mags.begin(), WordSet::Hit{});
        std::size_t best_end = 0, mag_len = 0, more_len = 0;
        WordSet::Hit measure;
        for (const auto& mag : mags) {
            const std::size_t p2 = p + mag.len;
            const auto more = r_.more_than.at(t_, p2, n_);
            const auto m = r_.measures.at(t_, p2 + more.len, n_);
            if (m && p2 + more.len + m.len > best_end) {
                best_end = p2 + more.len + m.len;
                mag_len = mag.len;
                more_len = more.len;
                measure = m;
            }
        }
        if (!measure || vetoed(i, best_end)) return std::nullopt;
        q.count = static_cast<std::size_t>(measure.id) < r_.count_measures;
        const U32& word = r_.measures.word(measure.id);
        q.rate = r_.rate_measures.at(word, 0, word.size()).len == word.size();
        q.measure = scan::to_utf8(t_.substr(p, mag_len) + r_.measures.word(measure.id));
        if (more_len) q.bound = ">=";
        q.end = best_end;
        const std::size_t after = skip_spaces(q.end);
        if (auto b = r_.bounds_after.at(t_, after, n_)) {
            q.bound = r_.bound_after_value[static_cast<std::size_t>(b.id)];
            q.end = after + b.len;
        }
        std::size_t k = i;
        while (k > 0 && (scan::is_space(t_[k - 1]) || t_[k - 1] == U'$')) --k;
        if (auto b = r_.bounds_before.ending(t_, 0, k)) {
            if (q.bound.empty()) q.bound = r_.bound_before_value[static_cast<std::size_t>(b.id)];
            q.start = k - b.len;
        }
        // An amount followed by a noun sizes that noun: "480万方油品综合物流基地", "10 亿元以上先进制造业项目".
        if (!q.count) {
            const std::size_t next = skip_spaces(q.end);
            if (next < n_ && scan::is_ideograph(t_[next]) && !r_.amount_followers.at(t_, next, n_)) return std::nullopt;
        }
        return q;
    }

    // --- words ---------------------------------------------------------------------------

    // Length of a verb (with prefix) at i, or 0; `light` tells whether it is a light verb.
    std::size_t verb_at(std::size_t i, std::size_t end, bool* light = nullptr) const {
        if (i >= end || quoted_[i]) return 0;
        auto v = r_.verbs.at(t_, i, end);
        if (auto pre = r_.verb_prefixes.at(t_, i, end)) {
            auto pv = r_.verbs.at(t_, i + pre.len, end);
            if (pv && pre.len + pv.len > v.len) {
                v = pv;
                v.len += pre.len;
            }
        }
        if (light) *light = v && r_.is_light(v.id);
        return v.len;
    }

    // The verb at i with the verbs compounded onto it ("盘活整治", "新建和改造提升"); a light verb
    // (完成) takes no compound. Empty when there is none, or when the verb begins a noun
    // ("改造项目", "建设用地").
    Range verb_span(std::size_t i, std::size_t end) const {
        bool light = false;
        const std::size_t len = verb_at(i, end, &light);
        if (!len || r_.verb_noun_heads.at(t_, i + len, n_)) return {};
        Range v{i, i + len};
        while (!light) {
            const std::size_t k = v.b + r_.verb_connectors.at(t_, v.b, end).len;
            const std::size_t more = verb_at(k, end);
            if (more < 2 || r_.verb_noun_heads.at(t_, k + more, n_)) break;
            v.b = k + more;
        }
        return v;
    }

    // The leftmost action verb in [a, b).
    std::optional<Range> first_verb(std::size_t a, std::size_t b) const {
        for (std::size_t i = a; i < b; ++i) {
            if (Range v = verb_span(i, b); !v.empty()) return v;
        }
        return std::nullopt;
    }

    // The verb of a count before its noun: the one right before the count
    // ("实施“善居工程”改善45户困难家庭住房条件" -> 改善), else the leftmost
    // ("推进市第六医院扩建、鄞州三院迁建等7个项目" -> 推进).
    std::optional<Range> count_verb(std::size_t a, std::size_t b) const {
        for (std::size_t i = a; i < b; ++i) {
            if (Range v = verb_span(i, b); !v.empty() && v.b == b) return v;
        }
        return first_verb(a, b);
    }

    // A link verb ending the head, with its particle ("提高到", "控制在"): the verb's range and
    // the full range.
    std::optional<std::pair<Range, Range>> link_at_end(std::size_t a, std::size_t b) const {
        if (b <= a || quoted_[b - 1]) return std::nullopt;
        if (auto l = r_.link_verbs.ending(t_, a, b)) return std::make_pair(Range{b - l.len, b}, Range{b - l.len, b});
        if (auto p = r_.link_particles.ending(t_, a, b)) {
            if (auto l = r_.link_verbs.ending(t_, a, b - p.len))
                return std::make_pair(Range{b - p.len - l.len, b - p.len}, Range{b - p.len - l.len, b});
        }
        return std::nullopt;
    }

    // Skips what opens a head but names nothing: spaces, 、 and brackets, aspiration and subset
    // markers, scope words, openers, list numbers and years ("2024 年", "到2024年底").
    std::size_t skip_leading(std::size_t a, std::size_t b, bool* subset = nullptr) const {
        while (a < b) {
            const char32_t c = t_[a];
            if (scan::is_space(c) || c == U'、' || c == U'(' || c == U'$') {
                ++a;
                continue;
            }
            // 争创 is a marker and a verb; as a verb it stays.
            if (auto m = r_.markers.at(t_, a, b); m && !verb_at(a, b)) {
                a += m.len;
                continue;
            }
            if (auto m = r_.subset_markers.at(t_, a, b)) {
                if (subset) *subset = true;
                a += m.len;
                continue;
            }
            std::size_t len = r_.scope_words.at(t_, a, b).len;
            if (!len) len = r_.openers.at(t_, a, b).len;
            // A list number: "1. 地区生产总值增长 6.5%".
            if (!len && scan::is_digit(c)) {
                std::size_t k = a;
                while (k < b && k < a + 2 && scan::is_digit(t_[k])) ++k;
                if (k < b && (t_[k] == U'.' || t_[k] == U'、') && (k + 1 >= b || !scan::is_digit(t_[k + 1]))) len = k + 1 - a;
            }
            if (!len && a + 4 <= b && std::all_of(t_.begin() + static_cast<long>(a), t_.begin() + static_cast<long>(a) + 4, scan::is_digit)) {
                std::size_t k = skip_spaces(a + 4);
                if (k < b && t_[k] == U'年') {
                    ++k;
                    if (k < b && U32(U"度底末内").find(t_[k]) != U32::npos) ++k;
                    len = k - a;
                }
            }
            if (!len) break;
            a += len;
        }
        return a;
    }

    std::size_t trim_end(std::size_t a, std::size_t b) const {
        while (b > a) {
            const char32_t c = t_[b - 1];
            if (scan::is_space(c) || c == U'、' || c == U'$') {
                --b;
            } else if (auto adv = r_.adverbs.ending(t_, a, b)) {
                b -= adv.len;
            } else {
                break;
            }
        }
        return b;
    }

    bool is_list_end(std::size_t k) const {
        if (t_[k] != r_.list_end || quoted_[k]) return false;
        for (std::size_t id = 0; id < r_.list_end_exceptions.count(); ++id) {
            const U32& w = r_.list_end_exceptions.word(static_cast<int>(id));
            const std::size_t at = w.find(r_.list_end);
            if (at == U32::npos || at > k || k - at + w.size() > n_) continue;
            if (t_.compare(k - at, w.size(), w) == 0) return false;
        }
        return true;
    }

    // The indicator inside [a, b): openers and trailing adverbs dropped, and only what follows a
    // relative clause (的) or, when `cut_list`, a list of examples (等).
    Range indicator(std::size_t a, std::size_t b, bool cut_list) const {
        a = skip_leading(a, b);
        b = trim_end(a, b);
        for (std::size_t k = b; k > a; --k) {
            const std::size_t i = k - 1;
            if ((t_[i] == r_.relative_marker && !quoted_[i]) || (cut_list && is_list_end(i))) {
                a = skip_leading(i + 1, b);
                break;
            }
        }
        return {a, b};
    }

    // --- one target ----------------------------------------------------------------------

    // The noun a count classifies when it follows the count: "18 个重点项目建设" -> 重点项目,
    // "8 家重点储备企业引导培育力度" -> 重点储备企业 + verb 引导培育. A bracketed sub-count is left
    // out ("6个区级及以上（含1个国家级）老年友好型社区").
    struct CountedNoun {
        std::vector<Range> parts;
        Range verb;
    };

    std::optional<CountedNoun> counted_noun(const Quantity& q) const {
        std::size_t p = skip_spaces(q.end);
        if (p >= n_ || !(scan::is_ideograph(t_[p]) || t_[p] == U'“')) return std::nullopt;
        // "学校6所和幼儿园5所": a connector after the count starts the next member, not a noun.
        if (r_.verb_connectors.at(t_, p, n_)) return std::nullopt;
        CountedNoun cn;
        std::size_t a = p;
        while (p < n_ && (quoted_[p] || (!is_break(t_[p]) && !quantity_at_[p] && t_[p] != U')'))) {
            if (t_[p] == U'(') {
                std::size_t close = p + 1;
                while (close < n_ && close < p + 16 && t_[close] != U')') ++close;
                if (close >= n_ || t_[close] != U')') break;
                if (r_.subset_markers.at(t_, p + 1, close)) {
                    cn.parts.push_back({a, p});
                    a = close + 1;
                }
                p = close + 1;
                continue;
            }
            if (p > a) {
                if (Range v = verb_span(p, n_); !v.empty()) {
                    // The verb is the count's own only when the phrase ends there:
                    // "18 个重点项目建设，", "8 家重点储备企业引导培育力度".
                    std::size_t e = skip_spaces(v.b);
                    e += r_.trailing_nouns.at(t_, e, n_).len;
                    if (e >= n_ || is_break(t_[e])) cn.verb = v;
                    break;
                }
            }
            ++p;
        }
        std::size_t b = p;
        while (b > a && scan::is_space(t_[b - 1])) --b;
        if (auto tail = r_.trailing_nouns.ending(t_, a, b)) b -= tail.len;
        b = trim_end(a, b);
        if (auto c = r_.verb_connectors.ending(t_, a, b)) b -= c.len;
        if (b > a && t_[b - 1] == r_.relative_marker) --b;  // "等3条断头路和瓶颈路的打通"
        // "100个形式多样的嵌入式体育新空间": what follows a leading relative clause; a 的 after a
        // connector belongs to a later member ("…柴油货车和采用稀薄燃烧技术的营运燃气货车").
        for (std::size_t k = a + 1; k < b && cn.parts.empty(); ++k) {
            if (r_.verb_connectors.at(t_, k, b)) break;
            if (t_[k] == r_.relative_marker && !quoted_[k]) {
                a = k + 1;
                break;
            }
        }
        cn.parts.push_back({a, b});
        std::size_t total = 0;
        for (const auto& part : cn.parts) total += part.size();
        if (total == 0 || t_[b - 1] == U'级') return std::nullopt;
        return cn;
    }

    // "A 达到 B 的 N%": the link verb before a reference phrase ending in 的.
    std::optional<std::pair<Range, Range>> link_before_reference(std::size_t a, std::size_t b) const {
        if (b <= a || t_[b - 1] != r_.relative_marker) return std::nullopt;
        for (std::size_t k = b - 1; k > a; --k) {
            if (quoted_[k - 1]) continue;
            if (auto l = r_.link_verbs.ending(t_, a, k)) return std::make_pair(Range{k - l.len, k}, Range{k - l.len, b});
        }
        return std::nullopt;
    }

    // The object an earlier use of the same verb in the sentence took, for a verb that has none:
    // "为全市所有适龄女生免费接种二价 HPV 疫苗，2024 年重点为 13—14 岁女生接种 800 人". The look-back
    // is bounded so that a long sentence stays linear.
    Range earlier_object(Range verb, std::size_t sentence) const {
        constexpr std::size_t kLookBack = 120;
        const U32 word = t_.substr(verb.a, verb.size());
        const std::size_t from = std::max(sentence, verb.a > kLookBack ? verb.a - kLookBack : 0);
        for (std::size_t k = verb.a; k > from; --k) {
            const std::size_t i = k - 1;
            if (i + word.size() > verb.a || t_.compare(i, word.size(), word) != 0 || quoted_[i]) continue;
            std::size_t e = i + word.size();
            while (e < verb.a && !is_break(t_[e]) && !scan::is_digit(t_[e])) ++e;
            Range obj = indicator(i + word.size(), e, true);
            if (!obj.empty()) return obj;
        }
        return {};
    }

    // The head starts after an unmatched closing bracket ("…责任单位：市住建局）修缮不可移动文物 4 处")
    // and after an unclosed opening one ("（含1个国家级）").
    std::size_t head_start(std::size_t hs, std::size_t he) const {
        int depth = 0;
        for (std::size_t k = he; k > hs; --k) {
            if (t_[k - 1] == U')') {
                ++depth;
            } else if (t_[k - 1] == U'(') {
                if (depth == 0) return k;
                --depth;
            }
        }
        for (std::size_t k = hs, open = 0; k < he; ++k) {
            if (t_[k] == U'(') {
                ++open;
            } else if (t_[k] == U')') {
                if (open == 0) hs = k + 1;
                else --open;
            }
        }
        return hs;
    }

    Target describe(const Quantity& q, Prev& prev) const {
        const std::size_t sentence = sentence_start_[q.num];
        if (prev.valid && prev.sentence != sentence) prev = Prev{};
        std::size_t hs = clause_start_[q.num];
        const std::size_t head_end = q.start;
        const bool after_clause_break = !(prev.valid && prev.consumed_end > hs);
        if (!after_clause_break) hs = prev.consumed_end <= head_end ? prev.consumed_end : prev.quantity_end;
        const std::size_t bracket = head_start(hs, head_end);
        const bool in_bracket = bracket > hs && t_[bracket - 1] == U'(';
        hs = bracket;
        // "学校6所和幼儿园5所": a connector right after the previous quantity opens the next member.
        if (prev.valid && skip_spaces(prev.consumed_end) == hs) hs += r_.verb_connectors.at(t_, hs, head_end).len;
        bool subset = false;
        hs = skip_leading(hs, head_end, &subset);
        std::size_t he = head_end;
        while (he > hs && scan::is_space(t_[he - 1])) --he;

        Target out;
        out.value = q.value;
        out.measure = q.measure;
        out.bound = q.bound;
        std::size_t ts = q.start, te = q.end;
        Range ind, verb;
        bool inherit_indicator = false, inherit_verb = false, own_gov = false;

        const auto noun = q.count ? counted_noun(q) : std::nullopt;
        auto link = link_at_end(hs, he);
        if (!link) link = link_before_reference(hs, he);
        const auto fixed = link ? std::nullopt : find_fixed(hs, he);
        auto action = fixed ? std::nullopt : noun ? count_verb(hs, he) : first_verb(hs, he);
        if (noun) {
            // A counted noun takes an action verb; a link verb at the head end stands in for one.
            if (!action && link) action = link->first;
            link.reset();
        }
        if (link) {
            // "完成农村公路提升 115 公里": an amount after 动名词 is the object of the leading verb;
            // "实现数字经济核心产业规上营收增长 5%": a rate hangs on the link verb.
            if (action && action->a == hs && !q.rate) link.reset();
            else action.reset();
        }
        // A rate's indicator is a noun phrase; a verb inside it is not the rate's verb.
        if (action && q.rate && action->a != hs) action.reset();

        if (noun) {
            for (const auto& part : noun->parts) out.indicator += bytes(part);
            ind = noun->parts.front();
            te = std::max(te, noun->parts.back().b);
            if (action) {
                verb = *action;
                own_gov = true;
            } else if (!noun->verb.empty()) {
                verb = noun->verb;
                te = noun->verb.b;
            }
            ts = verb.empty() || verb.a > q.start ? q.start : verb.a;
        } else if (fixed) {
            ind = *fixed;
            ts = ind.a;
        } else if (link) {
            verb = link->first;
            std::size_t a = hs, b = link->second.a;
            if (auto v = first_verb(hs, b); v && v->a == hs) a = v->b;
            for (std::size_t k = a; k < b; ++k) {
                if (!quoted_[k] && r_.baseline_markers.at(t_, k, b)) {
                    b = k;
                    break;
                }
            }
            ind = indicator(a, b, false);
            if (ind.empty()) inherit_indicator = true;
            ts = ind.empty() ? link->second.a : ind.a;
        } else if (action) {
            verb = *action;
            own_gov = true;
            ind = indicator(action->b, he, true);
            if (ind.empty()) ind = earlier_object(*action, sentence);
            if (ind.empty()) ind = indicator(hs, action->a, true);
            if (ind.empty()) inherit_indicator = true;
            ts = ind.empty() || ind.a < hs ? verb.a : std::min(verb.a, ind.a);
        } else {
            ind = indicator(hs, he, !q.rate);
            if (ind.empty()) {
                inherit_indicator = inherit_verb = true;
                if (prev.valid) ts = in_bracket ? bracket : prev.text_start;
            } else {
                if (subset && ind.size() <= r_.subset_scope_max) inherit_indicator = true;
                // A list member after 、 takes the list's verb. After a comma so does a sub-count,
                // a member measured like the one before ("新增…企业2家,…“小巨人”企业8家") and
                // anything under a light verb ("实现进口粮食中转量 2900 万吨…，粮食加工量 200 万吨"),
                // but not an attribute of what came before ("实施…重大项目 47 个，年度投资 525 亿元").
                inherit_verb = !q.rate && (!after_clause_break || subset || prev.gov_light ||
                                           (prev.valid && prev.count == q.count && !prev.rate));
                ts = ind.a;
            }
        }

        if (!noun && !inherit_indicator) out.indicator = bytes(ind);
        if (inherit_indicator && prev.valid) {
            out.indicator = prev.indicator;
            if (link) ts = std::min(ts, prev.indicator_start);
        }
        if (!verb.empty()) out.verb = bytes(verb);
        if (inherit_verb && prev.valid) {
            if (ind.empty()) {
                out.verb = prev.verb;
            } else if (prev.has_gov) {
                out.verb = prev.gov_verb;
                ts = std::min(ts, prev.gov_start);
            }
        }

        out.start = chars_.off[ts];
        out.end = chars_.off[te];
        out.text = src_.substr(out.start, out.end - out.start);

        Prev next;
        next.valid = true;
        next.sentence = sentence;
        next.text_start = ts;
        next.consumed_end = noun ? te : q.end;
        next.quantity_end = q.end;
        next.count = q.count;
        next.rate = q.rate;
        next.indicator = out.indicator;
        next.verb = out.verb;
        next.indicator_start = inherit_indicator && prev.valid ? prev.indicator_start : (ind.empty() || ind.a < hs ? ts : ind.a);
        if (own_gov) {
            next.has_gov = true;
            next.gov_verb = out.verb;
            next.gov_start = verb.a;
            bool light = false;
            verb_at(verb.a, verb.b, &light);
            next.gov_light = light;
        } else if (prev.valid && prev.has_gov && !fixed) {
            next.has_gov = true;
            next.gov_verb = prev.gov_verb;
            next.gov_start = prev.gov_start;
            next.gov_light = prev.gov_light;
        }
        prev = next;
        return out;
    }

    std::optional<Range> find_fixed(std::size_t a, std::size_t b) const {
        for (std::size_t i = a; i < b; ++i) {
            if (auto f = r_.fixed_indicators.at(t_, i, b)) return Range{i, i + f.len};
        }
        return std::nullopt;
    }

    // --- aspiration ----------------------------------------------------------------------

    // Does [a, b) hold a main verb of its own? Fixed indicator names and markers do not count;
    // a one-character link verb counts only right before the quantity ("比例达 90%").
    bool has_verb(std::size_t a, std::size_t b) const {
        for (std::size_t i = a; i < b; ++i) {
            if (quoted_[i]) continue;
            if (auto f = r_.fixed_indicators.at(t_, i, b)) {
                i += f.len - 1;
            } else if (auto m = r_.markers.at(t_, i, b)) {
                i += m.len - 1;
            } else if (verb_at(i, b) || r_.link_verbs.at(t_, i, b).len >= 2) {
                return true;
            }
        }
        return static_cast<bool>(link_at_end(a, b));
    }

    // A marker (力争 ...) covers what follows it up to the sentence end or a comma clause with a
    // verb of its own: "力争…取得新突破，新增省级专精特新企业 16 家以上" is not aspirational.
    std::vector<bool> aspirational() const {
        std::vector<bool> asp(qs_.size(), false);
        bool active = false;
        std::size_t qi = 0;
        for (std::size_t cs = 0; cs < n_;) {
            std::size_t ce = cs;
            while (ce < n_ && !is_sentence_end(t_[ce]) && !is_clause_end(t_[ce])) ++ce;
            if (sentence_start_[cs] == cs) active = false;
            const std::size_t first_q = qi < qs_.size() && qs_[qi].start < ce ? qs_[qi].start : ce;
            if (has_verb(cs, first_q)) active = false;
            std::size_t first_marker = ce;
            for (std::size_t i = cs; i < ce; ++i) {
                if (!quoted_[i] && r_.markers.at(t_, i, ce)) {
                    first_marker = i;
                    break;
                }
            }
            for (; qi < qs_.size() && qs_[qi].start < ce; ++qi) asp[qi] = active || first_marker < qs_[qi].num;
            if (first_marker < ce) active = true;
            cs = ce + 1;
        }
        return asp;
    }
};

}  // namespace

TargetExtractor::TargetExtractor() : TargetExtractor(load_embedded_grammar("targets.yaml")) {}

TargetExtractor::TargetExtractor(const YAML::Node& rules)
    : rules_(load_rules(rules)), matchers_(std::make_shared<MatcherPool>(rules_)) {}

std::vector<Target> TargetExtractor::extract(const std::string& text) const {
    auto matchers = matchers_->take();
    auto targets = Scanner(*rules_, text, *matchers).run();
    matchers_->give_back(std::move(matchers));
    return targets;
}

}  // namespace tasksplit
