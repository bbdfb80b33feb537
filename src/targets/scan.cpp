#include "scan.hpp"

#include <algorithm>

#include <yaml-cpp/yaml.h>

namespace tasksplit::scan {

namespace {

char32_t fold(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // full-width ASCII: ０-９, ％, （）, ，
    if (c == 0x3000) return U' ';
    return c;
}

}  // namespace

Chars decode(const std::string& s) {
    // Sized for the worst case and cut back after: a push_back per character was a good part of
    // the decoding time.
    Chars out;
    out.cp.resize(s.size());
    out.off.resize(s.size() + 1);
    std::size_t n = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        if (len == 0 || i + len > s.size()) {
            len = 0;
        } else {
            for (std::size_t k = 1; k < len; ++k) {
                const auto cb = static_cast<unsigned char>(s[i + k]);
                if ((cb >> 6) != 2) {
                    len = 0;
                    break;
                }
                c = (c << 6) | (cb & 0x3F);
            }
        }
        // A malformed byte stands for itself as U+FFFD so offsets stay exact; so do encoded
        // surrogates and values past U+10FFFF, which ICU would not take one for one.
        if (len > 1 && ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)) {
            c = 0xFFFD;
        } else if (len == 0) {
            c = 0xFFFD;
            len = 1;
        }
        out.off[n] = i;
        out.cp[n] = fold(c);
        ++n;
        i += len;
    }
    out.cp.resize(n);
    out.off[n] = s.size();
    out.off.resize(n + 1);
    return out;
}

U32 folded(const std::string& utf8) { return decode(utf8).cp; }

std::string to_utf8(const U32& s) {
    std::string out;
    for (char32_t c : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

void CharSet::add(char32_t c) {
    if (c < kBmp) bmp_[c / 64] |= std::uint64_t{1} << (c % 64);
    else if (!contains(c)) astral_ += c;
}

void WordSet::Trie::insert(const U32& w, int id) {
    root_chars_[(w[0] % kFilterBits) / 64] |= std::uint64_t{1} << (w[0] % 64);
    std::size_t node = 0;
    for (char32_t c : w) {
        auto& next = nodes_[node].next;
        auto it = std::lower_bound(next.begin(), next.end(), c, [](const auto& e, char32_t x) { return e.first < x; });
        if (it == next.end() || it->first != c) {
            const int fresh = static_cast<int>(nodes_.size());
            next.insert(it, {c, fresh});
            nodes_.emplace_back();  // last: growing nodes_ leaves `next` dangling
            node = static_cast<std::size_t>(fresh);
        } else {
            node = static_cast<std::size_t>(it->second);
        }
    }
    nodes_[node].id = id;
}

int WordSet::Trie::child(int node, char32_t c) const {
    const auto& next = nodes_[static_cast<std::size_t>(node)].next;
    auto it = std::lower_bound(next.begin(), next.end(), c, [](const auto& e, char32_t x) { return e.first < x; });
    return it != next.end() && it->first == c ? it->second : -1;
}

void WordSet::add(const U32& word) {
    if (word.empty()) return;
    const int id = static_cast<int>(words_.size());
    words_.push_back(word);
    fwd_.insert(word, id);
    rev_.insert(U32(word.rbegin(), word.rend()), id);
}

void WordSet::add_all(const YAML::Node& node) {
    if (node.IsSequence()) {
        for (const auto& w : node) add(folded(w.as<std::string>()));
    } else if (node.IsMap()) {
        for (const auto& kv : node) add(folded(kv.first.as<std::string>()));
    }
}

std::vector<WordSet::Hit> WordSet::all_at(const U32& s, std::size_t i, std::size_t end) const {
    std::vector<Hit> hits;
    walk(s, i, end, [&](Hit h) { hits.push_back(h); });
    return hits;
}

WordSet::Hit WordSet::ending(const U32& s, std::size_t begin, std::size_t j) const {
    Hit best;
    if (j <= begin || !rev_.may_start(s[j - 1])) return best;
    int node = 0;
    for (std::size_t k = j; k > begin; --k) {
        node = rev_.child(node, s[k - 1]);
        if (node < 0) break;
        if (rev_.id(node) >= 0) best = {j - k + 1, rev_.id(node)};
    }
    return best;
}

}  // namespace tasksplit::scan
