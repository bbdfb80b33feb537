// Shared by the target and deadline scanners: a width-folded code-point view of UTF-8 text that
// keeps each character's byte offset, and word lists matched by longest prefix or suffix.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace YAML {
class Node;
}

namespace tasksplit::scan {

using U32 = std::u32string;

/// Text as folded code points (full-width ASCII -> ASCII, ideographic space -> space) with the
/// byte offset of each one in the source; `off` has one more entry, the source length.
struct Chars {
    U32 cp;
    std::vector<std::size_t> off;

    /// Source bytes of code points [a, b).
    std::string slice(const std::string& src, std::size_t a, std::size_t b) const {
        return src.substr(off[a], off[b] - off[a]);
    }
};

Chars decode(const std::string& utf8);
U32 folded(const std::string& utf8);
std::string to_utf8(const U32& s);

inline bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0; }
inline bool is_ideograph(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
}

/// A set of characters with a bit table for the Basic Multilingual Plane: the scanners test
/// every character of a text against several sets.
class CharSet {
public:
    CharSet() = default;
    explicit CharSet(const U32& chars) {
        for (char32_t c : chars) add(c);
    }
    void add(char32_t c);
    bool contains(char32_t c) const {
        return c < kBmp ? (bmp_[c / 64] >> (c % 64)) & 1 : astral_.find(c) != U32::npos;
    }

private:
    static constexpr char32_t kBmp = 0x10000;
    std::vector<std::uint64_t> bmp_ = std::vector<std::uint64_t>(kBmp / 64);
    U32 astral_;
};

/// A list of words; `id` is the word's position in the list as added.
class WordSet {
public:
    void add(const U32& word);
    /// Adds every string of a YAML sequence, or every key of a YAML map.
    void add_all(const YAML::Node& node);
    std::size_t count() const { return words_.size(); }
    const U32& word(int id) const { return words_[static_cast<std::size_t>(id)]; }

    struct Hit {
        std::size_t len = 0;
        int id = -1;
        explicit operator bool() const { return len > 0; }
    };
    /// Longest word that starts at `i` and ends at or before `end`. It runs at every position of
    /// a text, so it allocates nothing, and is inline: most positions fail the first test.
    Hit at(const U32& s, std::size_t i, std::size_t end) const {
        Hit best;
        walk(s, i, end, [&](Hit h) { best = h; });
        return best;
    }
    /// Every word that starts at `i` and ends at or before `end`, shortest first.
    std::vector<Hit> all_at(const U32& s, std::size_t i, std::size_t end) const;
    /// Longest word that ends at `j` and starts at or after `begin`.
    Hit ending(const U32& s, std::size_t begin, std::size_t j) const;

private:
    /// A trie whose edges sit sorted in one small vector per node, with a bitmap of the characters
    /// leaving the root: most positions of a text start no word, and the bitmap turns them away
    /// without a search.
    class Trie {
    public:
        void insert(const U32& w, int id);
        bool may_start(char32_t c) const { return (root_chars_[(c % kFilterBits) / 64] >> (c % 64)) & 1; }
        /// The node reached from `node` by `c`, or -1.
        int child(int node, char32_t c) const;
        int id(int node) const { return nodes_[static_cast<std::size_t>(node)].id; }

    private:
        struct Node {
            std::vector<std::pair<char32_t, int>> next;  // sorted by character
            int id = -1;
        };
        // Characters filed by c mod 2^12: a 512-byte bitmap per trie. 2^16 bits cost 8 KB each,
        // ~100 fresh pages at start-up (a tenth of a small notice's run time), and the 5 MB bench
        // notice parses no slower with the smaller map.
        static constexpr std::size_t kFilterBits = 1 << 12;
        std::vector<Node> nodes_{1};
        std::vector<std::uint64_t> root_chars_ = std::vector<std::uint64_t>(kFilterBits / 64);
    };

    /// Follows the trie from s[i], calling on_hit for every word that ends at or before `end`,
    /// shortest first.
    template <typename OnHit>
    void walk(const U32& s, std::size_t i, std::size_t end, OnHit on_hit) const {
        if (end > s.size()) end = s.size();
        if (i >= end || !fwd_.may_start(s[i])) return;
        int node = 0;
        for (std::size_t k = i; k < end; ++k) {
            node = fwd_.child(node, s[k]);
            if (node < 0) return;
            if (fwd_.id(node) >= 0) on_hit(Hit{k + 1 - i, fwd_.id(node)});
        }
    }
    Trie fwd_, rev_;
    std::vector<U32> words_;
};

}  // namespace tasksplit::scan
