// Character diff of two task texts (Myers' O(ND) algorithm) with a semantic clean-up.
//
// A raw character diff of two reworded Chinese sentences is unreadable: they share many single
// characters (的, 推, 进, 建) and the minimal edit script keeps every one of them, so a phrase
// change comes out as a confetti of one-character runs. The clean-up (after Neil Fraser's
// diff-match-patch "semantic" pass) folds a common run into the surrounding change whenever it is
// no longer than the edits on both sides of it, so phrases are replaced whole while long shared
// passages and single changed figures ("增长 [-8-]{+5+}%") stay visible.
#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "internal.hpp"

namespace tasksplit {
namespace {

using diff_detail::to_utf8;

// Past this many edits the texts have little in common; the diff is then one replacement.
constexpr int kMaxEdits = 2000;

// Printed characters without whitespace, and the key they compare by (full-width forms as ASCII).
struct Chars {
    std::u32string shown, key;
};

Chars chars(const std::string& utf8) {
    Chars out;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        UChar32 c = u.char32At(i);
        if (u_isUWhiteSpace(c)) continue;
        out.shown += static_cast<char32_t>(c);
        char32_t k = (c >= 0xFF01 && c <= 0xFF5E) ? static_cast<char32_t>(c - 0xFEE0) : static_cast<char32_t>(c);
        out.key += static_cast<char32_t>(u_tolower(static_cast<UChar32>(k)));
    }
    return out;
}

struct Run {
    char op;
    std::u32string text;
};

// Myers' greedy forward search, keeping each round's frontier for the backtrack.
// Returns false when the texts differ by more than kMaxEdits.
bool myers(const std::u32string& a, const std::u32string& b, const std::u32string& a_shown,
           const std::u32string& b_shown, std::vector<Run>& out) {
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
    auto push = [&rev](char op, char32_t c) {
        if (rev.empty() || rev.back().op != op) rev.push_back({op, {}});
        rev.back().text += c;
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

}  // namespace

std::vector<TextEdit> diff_text(const std::string& old_text, const std::string& new_text) {
    Chars a = chars(old_text), b = chars(new_text);
    // Common prefix and suffix first: most pairs differ in the middle only.
    std::size_t pre = 0;
    while (pre < a.key.size() && pre < b.key.size() && a.key[pre] == b.key[pre]) ++pre;
    std::size_t suf = 0;
    while (suf < a.key.size() - pre && suf < b.key.size() - pre &&
           a.key[a.key.size() - 1 - suf] == b.key[b.key.size() - 1 - suf])
        ++suf;
    auto mid = [&](const std::u32string& s) { return s.substr(pre, s.size() - pre - suf); };
    std::vector<Run> runs;
    if (pre > 0) runs.push_back({'=', b.shown.substr(0, pre)});
    if (!myers(mid(a.key), mid(b.key), mid(a.shown), mid(b.shown), runs)) {
        runs.push_back({'-', mid(a.shown)});
        runs.push_back({'+', mid(b.shown)});
    }
    if (suf > 0) runs.push_back({'=', b.shown.substr(b.shown.size() - suf)});
    std::vector<TextEdit> out;
    for (const Run& r : semantic_cleanup(std::move(runs))) out.push_back({r.op, to_utf8(r.text)});
    return out;
}

}  // namespace tasksplit
