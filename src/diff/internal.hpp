// Shared by the diff modules in src/diff; not part of the library's interface.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "tasksplit/aliases.hpp"
#include "tasksplit/diff.hpp"

namespace tasksplit::diff_detail {

// ---- units.cpp --------------------------------------------------------------------------------

/// Unit identity across the two documents: the alias registry, plus bracket aliases the documents
/// themselves print ("区委组织部<区委人才办>" makes a bare "区委人才办" the same body).
class UnitResolver {
public:
    UnitResolver(const UnitAliases& registry, const std::vector<DiffItem>& old_items,
                 const std::vector<DiffItem>& new_items);
    std::string key(const Unit& unit) const;

private:
    const UnitAliases& registry_;
    std::map<std::string, std::string> bracketed_;  // canonical alias -> canonical unit name
};

/// Lead/support added, removed and renamed between two items.
void compare_units(const DiffItem& old_item, const DiffItem& new_item, const UnitResolver& units,
                   PairChanges& changes);

/// Lead units (canonical) both items name.
std::vector<std::string> shared_leads(const DiffItem& old_item, const DiffItem& new_item, const UnitResolver& units);

/// Tasks led and supported per body, old vs new.
std::vector<UnitLoad> unit_load(const DiffResult& diff, const UnitResolver& units);

/// Bodies named only in the old notice whose tasks moved to a body named only in the new one.
std::vector<RenameSuggestion> suggest_renames(const DiffResult& diff, const UnitResolver& units);

// ---- leaders.cpp ------------------------------------------------------------------------------

std::vector<LeaderPortfolio> leader_portfolios(const DiffResult& diff, const UnitResolver& units);
/// Same or continued pairs grouped by (old leader, new leader) where the two differ.
std::vector<LeaderMove> leader_moves(const DiffResult& diff);

// ---- features.cpp -----------------------------------------------------------------------------

/// Sparse term weights, sorted by term, of unit length (or empty).
struct SparseVector {
    std::vector<std::pair<int, float>> terms;
};

double dot(const SparseVector& a, const SparseVector& b);
/// Share of `a`'s weight (squared) on terms that occur in any of `others`.
double coverage(const SparseVector& a, const std::vector<const SparseVector*>& others);

struct ItemFeatures {
    SparseVector grams;   ///< character bigrams of the matching text, weighted by rarity
    SparseVector words;   ///< ICU words of two or more characters, and quoted names
    SparseVector units;   ///< lead (full weight) and support units, canonical
    std::string leader;   ///< name, "" when none
    std::u32string bare;  ///< letters and digits only, width-folded: equal bare texts are one task
    std::u32string match; ///< the text compared: target frames, typos and successor names folded
};

/// A name (quoted in either notice) found in exactly one task of each year: the two tasks are very
/// likely one task continued, however much the wording around it changed.
struct Anchor {
    std::size_t old_item = 0, new_item = 0;
    std::string name;
};

/// Features of both documents' items. Term rarity is counted over both documents together, so a
/// name both years mention in one task each weighs most.
struct Corpus {
    std::vector<ItemFeatures> old_items, new_items;
    std::vector<Anchor> anchors;  ///< by old item, then new item
    int gram_terms = 0;
    int word_terms = 0;
};
Corpus build_corpus(const std::vector<DiffItem>& old_items, const std::vector<DiffItem>& new_items,
                    const UnitResolver& units);

/// Quoted names one substitution apart standing next to the same four characters ("“暖吞”文化生态"
/// beside "“暖岙”文化生态"): the rarer spelling, as found in the texts, mapped to the usual one.
std::vector<std::pair<std::u32string, std::u32string>> name_typos(const std::vector<std::u32string>& texts);

/// Width-folded (NFKC), lower-cased code points without whitespace.
std::u32string fold(const std::string& utf8);
std::string to_utf8(const std::u32string& text);

// ---- align.cpp --------------------------------------------------------------------------------

struct Alignment {
    std::vector<Pair> pairs;  ///< changes not yet filled in
    std::vector<Split> splits;
    std::vector<Merge> merges;
    std::vector<Nearest> old_nearest, new_nearest;  ///< per item; set for items left without a pair
};
Alignment align(const Corpus& corpus);

// ---- targets.cpp ------------------------------------------------------------------------------

/// Matches targets by indicator, within pairs first and then across the documents; fills each
/// pair's changes.targets and returns the table of every target of both years.
std::vector<TargetChange> compare_targets(const std::vector<DiffItem>& old_items,
                                          const std::vector<DiffItem>& new_items, std::vector<Pair>& pairs);

// ---- report.cpp: pieces every renderer shares --------------------------------------------------

/// "≥5%", "2750万吨", "~6%": value, measure and bound as a reader writes them.
std::string target_value(const Target& t);
/// "2023" from the document's year, else the fallback ("old", "new").
std::string year_label(const DocumentMeta& meta, const std::string& fallback);
/// Columns a string takes on a terminal (CJK characters take two).
int display_width(const std::string& utf8);
/// `utf8` padded with spaces to `width` columns.
std::string pad(const std::string& utf8, int width);
/// Bodies printed under different names in the two years (every name changed).
std::vector<const UnitLoad*> renamed_units(const DiffResult& diff);

struct StrengthCounts {
    int same = 0, continued = 0, related = 0;
};
StrengthCounts count_strengths(const DiffResult& diff);

}  // namespace tasksplit::diff_detail
