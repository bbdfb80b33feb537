// Character diff of two task texts (Myers' O(ND) algorithm) with a semantic clean-up.
//
// A raw character diff of two reworded Chinese sentences is unreadable: they share many single
// characters (的, 推, 进, 建) and the minimal edit script keeps every one of them, so a phrase
// change comes out as a confetti of one-character runs. The clean-up (after Neil Fraser's
// diff-match-patch "semantic" pass) folds a common run into the surrounding change whenever it is
// no longer than the edits on both sides of it, so phrases are replaced whole while long shared
// passages and single changed figures ("增长 [-8-]{+5+}%") stay visible.
//
// The diff runs on tokens: a number with its decimals and a trailing % is one token, any other
// character is a token of its own (Chinese has no spaces to cut words by). A figure is then
// replaced whole, "[-2750-]{+2900+}万吨", never cut inside ("2[-750-]{+900+}").
#include <algorithm>
#include <map>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "internal.hpp"

namespace tasksplit {
namespace {

using diff_detail::to_utf8;

// Past this many edits the texts have little in common; the diff is then one replacement.
constexpr int kMaxEdits = 2000;

// Printed tokens without whitespace, and the key each compares by: a character's key is the
// character (full-width forms as ASCII, lower case); a number's is an id above Unicode's range,
// the same for the same number in both texts.
struct Tokens {
    std::vector<std::u32string> shown;
    std::u32string key;
};

class Tokenizer {
public:
    Tokens operator()(const std::string& utf8) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
        std::u32string shown, key;  // the current token
        Tokens out;
        auto flush = [&]() {
            if (shown.empty()) return;
            if (key.size() == 1) {
                out.key += key[0];
            } else {
                auto it = numbers_.emplace(key, static_cast<char32_t>(kFirstNumberId + numbers_.size())).first;
                out.key += it->second;
            }
            out.shown.push_back(shown);
            shown.clear();
            key.clear();
        };
        for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
            UChar32 c = u.char32At(i);
            if (u_isUWhiteSpace(c)) continue;
            char32_t k = (c >= 0xFF01 && c <= 0xFF5E) ? static_cast<char32_t>(c - 0xFEE0) : static_cast<char32_t>(c);
            k = static_cast<char32_t>(u_tolower(static_cast<UChar32>(k)));
            auto is_digit = [](char32_t x) { return x >= U'0' && x <= U'9'; };
            bool number = !key.empty() && is_digit(key[0]);
            // A decimal point continues a number only when a digit follows it.
            int32_t next = u.moveIndex32(i, 1);
            bool point = k == U'.' && next < u.length() && u_isdigit(u.char32At(next));
            if (!(number && (is_digit(k) || k == U'%' || point))) flush();
            shown += static_cast<char32_t>(c);
            key += k;
            if (!is_digit(key[0]) || k == U'%') flush();  // a character, or a number closed by %
        }
        flush();
        return out;
    }

private:
    static constexpr char32_t kFirstNumberId = 0x110000;
    std::map<std::u32string, char32_t> numbers_;
};

struct Run {
    char op;
    std::u32string text;
};

// Myers' greedy forward search, keeping each round's frontier for the backtrack.
// Returns false when the texts differ by more than kMaxEdits.
bool myers(const std::u32string& a, const std::u32string& b, const std::vector<std::u32string>& a_shown,
           const std::vector<std::u32string>& b_shown, std::vector<Run>& out) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    const int max = std::min(n + m, kMaxEdits);
    // v[k + offset]: furthest x on diagonal k; trace[d] is v before round d, over k in [-d-1, d+1].
    const int offset = max + 1;
    std::vector<int> v(2 * static_cast<std::size_t>(max) + 3, 0);
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                                   : v[offset + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) ++x, ++y;
            v[offset + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0) return false;
    std::vector<Run> rev;
    // Tokens are pushed back to front, so each is pushed reversed and the run reversed at the end.
    auto push = [&rev](char op, const std::u32string& token) {
        if (rev.empty() || rev.back().op != op) rev.push_back({op, {}});
        rev.back().text.append(token.rbegin(), token.rend());
    };
    int x = n, y = m;
    for (int d = found; d > 0; --d) {
        const auto& pv = trace[static_cast<std::size_t>(d)];
        auto at = [&pv, d](int k) { return pv[static_cast<std::size_t>(k + d + 1)]; };
        int k = x - y;
        int prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
        int prev_x = at(prev_k), prev_y = prev_x - prev_k;
        while (x > prev_x && y > prev_y) push('=', b_shown[static_cast<std::size_t>(--x, --y)]);
        if (x == prev_x) push('+', b_shown[static_cast<std::size_t>(--y)]);
        else push('-', a_shown[static_cast<std::size_t>(--x)]);
    }
    while (x > 0 && y > 0) push('=', b_shown[static_cast<std::size_t>(--x, --y)]);
    for (auto it = rev.rbegin(); it != rev.rend(); ++it) {
        std::reverse(it->text.begin(), it->text.end());
        out.push_back(std::move(*it));
    }
    return true;
}

// Joins neighbours: each stretch between common runs becomes one deletion then one insertion.
std::vector<Run> normalise(const std::vector<Run>& runs) {
    std::vector<Run> out;
    std::u32string del, ins;
    auto flush = [&]() {
        if (!del.empty()) out.push_back({'-', del});
        if (!ins.empty()) out.push_back({'+', ins});
        del.clear();
        ins.clear();
    };
    for (const Run& r : runs) {
        if (r.text.empty()) continue;
        if (r.op == '-') {
            del += r.text;
        } else if (r.op == '+') {
            ins += r.text;
        } else {
            flush();
            if (!out.empty() && out.back().op == '=') out.back().text += r.text;
            else out.push_back(r);
        }
    }
    flush();
    return out;
}

// Folds short common runs into the changes around them (see the file comment).
std::vector<Run> semantic_cleanup(std::vector<Run> runs) {
    for (bool changed = true; changed;) {
        changed = false;
        runs = normalise(runs);
        for (std::size_t i = 0; i < runs.size(); ++i) {
            if (runs[i].op != '=') continue;
            auto edits = [&runs](std::size_t from, int step) {
                std::size_t del = 0, ins = 0;
                for (auto j = static_cast<std::ptrdiff_t>(from) + step;
                     j >= 0 && j < static_cast<std::ptrdiff_t>(runs.size()) && runs[static_cast<std::size_t>(j)].op != '=';
                     j += step)
                    (runs[static_cast<std::size_t>(j)].op == '-' ? del : ins) += runs[static_cast<std::size_t>(j)].text.size();
                return std::max(del, ins);
            };
            std::size_t before = edits(i, -1), after = edits(i, +1);
            if (before == 0 || after == 0 || runs[i].text.size() > std::min(before, after)) continue;
            // Deleted and inserted both: normalise() regroups them with their neighbours.
            Run del{'-', runs[i].text};
            runs[i].op = '+';
            runs.insert(runs.begin() + static_cast<std::ptrdiff_t>(i), std::move(del));
            changed = true;
            break;
        }
    }
    return runs;
}

std::u32string joined(std::vector<std::u32string>::const_iterator from, std::vector<std::u32string>::const_iterator to) {
    std::u32string out;
    for (auto it = from; it != to; ++it) out += *it;
    return out;
}

}  // namespace

std::vector<TextEdit> diff_text(const std::string& old_text, const std::string& new_text) {
    Tokenizer tokenize;
    Tokens a = tokenize(old_text), b = tokenize(new_text);
    // Common prefix and suffix first: most pairs differ in the middle only.
    std::size_t pre = 0;
    while (pre < a.key.size() && pre < b.key.size() && a.key[pre] == b.key[pre]) ++pre;
    std::size_t suf = 0;
    while (suf < a.key.size() - pre && suf < b.key.size() - pre &&
           a.key[a.key.size() - 1 - suf] == b.key[b.key.size() - 1 - suf])
        ++suf;
    auto mid = [&](const std::u32string& s) { return s.substr(pre, s.size() - pre - suf); };
    auto mid_shown = [&](const std::vector<std::u32string>& v) {
        return std::vector<std::u32string>(v.begin() + static_cast<std::ptrdiff_t>(pre), v.end() - static_cast<std::ptrdiff_t>(suf));
    };
    std::vector<Run> runs;
    if (pre > 0) runs.push_back({'=', joined(b.shown.begin(), b.shown.begin() + static_cast<std::ptrdiff_t>(pre))});
    auto a_mid = mid_shown(a.shown), b_mid = mid_shown(b.shown);
    if (!myers(mid(a.key), mid(b.key), a_mid, b_mid, runs)) {
        runs.push_back({'-', joined(a_mid.begin(), a_mid.end())});
        runs.push_back({'+', joined(b_mid.begin(), b_mid.end())});
    }
    if (suf > 0) runs.push_back({'=', joined(b.shown.end() - static_cast<std::ptrdiff_t>(suf), b.shown.end())});
    std::vector<TextEdit> out;
    for (const Run& r : semantic_cleanup(std::move(runs))) out.push_back({r.op, to_utf8(r.text)});
    return out;
}

}  // namespace tasksplit
