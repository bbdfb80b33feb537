// Evidence-first layout stages (internal). Stage A (lines.cpp) describes every line without
// deciding anything; stage C (grid.cpp) proposes grid and table regions from numbering chains,
// row periods and typed columns; stage D (choose.cpp) keeps a proposed region only where its
// reading is better supported than the clause walk's (parser.cpp) over the same lines, and
// splices it into the document. explain.cpp dumps what each stage saw.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tasksplit/document.hpp"
#include "tasksplit/rules.hpp"
#include "tasksplit/run.hpp"
#include "tasksplit/source_text.hpp"

namespace tasksplit {

class TargetExtractor;

namespace layout {

/// Removes the elements `pred` holds for (std::erase_if before C++20).
template <class V, class P>
void remove_where(V& v, P pred) {
    v.erase(std::remove_if(v.begin(), v.end(), pred), v.end());
}

/// Bars of a flattened web table, and the vertical strokes of box drawing (U+2500 block).
inline bool is_bar(char16_t c) {
    return c == u'|' || c == u'\u2502' || c == u'\u2503' || c == u'\u2551' || c == u'\u250A' || c == u'\u250B';
}

/// Numbering styles of the one numbering lexer: "1" "1." "1、" "(1)" "一、" "(一)" "①" "⑴" "⒈".
enum class NumberStyle { none, arabic_bare, arabic_dot, arabic_paren, chinese_comma, chinese_paren, circled };

struct NumberToken {
    NumberStyle style = NumberStyle::none;
    int value = 0;
    int32_t start = 0, end = 0;  ///< in the source; end is after the number's punctuation
    explicit operator bool() const { return style != NumberStyle::none; }
};

/// How a line's cells are cut: by bars ("a | b |"), tabs, runs of 2+ spaces, single spaces.
enum class CutKind { none, pipe, tab, wide_space, single_space };

/// What a cell holds, judged by its content alone.
enum class CellType { empty, number, unit, person, date, heading, text };

struct CellRange {
    int32_t a = 0, b = 0;
};

/// Stage A reads a line's length only to tell cells and headers (a dozen characters) from text.
inline constexpr int kCharsCounted = 64;

/// Stage A: one line, described.
struct LineFeatures {
    int32_t a = 0, b = 0;      ///< trimmed range in the source
    int32_t ca = 0, cb = 0;    ///< the content with the bars that frame a cell removed ("| x |" -> x)
    bool blank = true;
    bool separator = false;    ///< nothing but bars or box-drawing characters
    bool ends_with_bar = false;
    bool starts_with_bar = false;
    int chars = 0;             ///< characters of the content, spaces excluded, counted up to kCharsCounted
    NumberToken head;          ///< a number token opening the content
    bool lone_number = false;  ///< the content is nothing but that number ("1", "(3)", "2.")
    CutKind cut = CutKind::none;
    std::vector<CellRange> cells;  ///< cells by `cut`, more than one (see cut_cells)
};

/// Weights and thresholds of the evidence stages (grammars/layout.yaml: evidence).
struct Evidence {
    int grid_min_rows = 2;
    int grid_max_period = 12;
    int number_max_jump = 80;
    double unit_share_min = 0.5;
    double person_share_min = 0.6;
    double date_share_min = 0.6;
    int text_min_chars = 8;
    int heading_max_chars = 40;
    double legacy_margin = 0.5;
    int reline_min_chars = 160;
    int reline_min_cuts = 3;
    int reline_join_min_chars = 300;
};
Evidence load_evidence(const Rules& rules);

/// Stage A. Cells are cut on demand (cut_cells): only lines near a numbering chain need them.
std::vector<LineFeatures> read_lines(const SourceText& text);
void cut_cells(const SourceText& text, LineFeatures& line);

/// Stage A0: a copy of `text` whose long lines are cut, virtually, before the numbers of a
/// numbering chain printed inside them; nullopt when no line holds one. `physical` maps each
/// virtual line (0-based) to its line in `text`.
/// A page footer glued inside a line (rules.page_marker) is cut out of it, into a line of its
/// own; a table's rows glued with no separator ("1加快…县住建局2推进…") are cut apart.
std::optional<SourceText> reline(const SourceText& text, const Evidence& ev, const Rules& rules, std::vector<int>& physical);

/// Line numbers of a document read from relined text, back to the lines of `original`.
void to_physical_lines(Document& doc, const std::vector<int>& physical, const SourceText& original);

/// The numbering token at fold[p], if one starts there and ends before `end`.
NumberToken number_at(const SourceText& text, int32_t p, int32_t end);

/// A number of a table row glued to its text ("1加快建设…": no stop, no space), at fold[p]:
/// arabic_bare, `end` where the text starts. None before anything but a Chinese character, and
/// none for a date ("2024年…", "3月底前…": the grammar's deadline_cell), which opens lines too.
NumberToken glued_number_at(const SourceText& text, int32_t p, int32_t end, const Rules& rules);

/// Column roles of a grid (enum, where the clause walk uses strings).
enum class Role { number, text, detail, lead, support, units, leader, deadline, other };
const char* role_name(Role r);

/// A task read from a grid row.
struct RowItem {
    Item item;
    Run text;  ///< the task text as joined from the source, for target offsets
    int first_line = 0, last_line = 0;  ///< 0-based
};

/// A heading inside a grid region ("一、主要预期目标" as a row of its own).
struct RowHeading {
    std::string label, title;
    int line = 0;  ///< 0-based
};

/// Stage C output: one reading of a line range.
struct Region {
    std::string family;   ///< cell-grid, row-grid
    int first = 0, last = 0;  ///< 0-based lines, inclusive
    double score = 0;
    std::vector<Role> columns;
    int period = 0;
    std::vector<std::string> evidence;
    std::vector<RowItem> items;
    std::vector<RowHeading> headings;
    std::vector<int> header_lines;  ///< 0-based lines of the header row
    std::vector<Unassigned> unclaimed;  ///< cells no item holds (1-based lines), listed as unassigned
};


/// The clause walk's reading per line, summed from the top, so that its score over any line
/// range is one difference: its tasks with text and units count 1, with text only 0.3, its
/// table rows 1, unclaimed lines -0.1.
class WalkScores {
public:
    WalkScores(const Document& doc, const SourceText& text, const Rules& rules);
    double over(int first, int last) const { return sum_[last + 1] - sum_[first]; }

private:
    std::vector<double> sum_;
};

/// Stage C. A chain the walk already reads as tasks, one per row, is not read again: a grid
/// scores at most one per row.
std::vector<Region> propose_grids(const SourceText& text, std::vector<LineFeatures>& lines, const Rules& rules,
                                  const Evidence& ev, const WalkScores& walk);

/// Stage D. Regions that beat the clause walk's reading over their lines replace it there.
/// Returns, per region, whether it was taken.
std::vector<bool> choose_regions(Document& doc, std::vector<Region>& regions, const WalkScores& walk,
                                 const SourceText& text, const TargetExtractor& targets, const Evidence& ev);

/// Byte offset in the source of byte `offset` of `utf8` (the UTF-8 of `run.orig`): where a
/// target found in an item's text stands in the file.
std::size_t source_byte(const SourceText& text, const Run& run, const std::string& utf8, std::size_t offset);

/// Ids of parts, sections and items, and the order of unassigned lines and diagnostics, after a splice.
void renumber(Document& doc);

/// --explain: a readable dump of lines, regions and the choice.
std::string explain(const SourceText& text, const std::vector<LineFeatures>& lines, const std::vector<Region>& regions,
                    const std::vector<bool>& taken, const Document& legacy);

}  // namespace layout
}  // namespace tasksplit
