// query and units: every task a unit leads or supports, across notices and years.
// Selection works on loaded documents (see load_documents); the results are grids of cells that
// render as an aligned terminal table, Markdown, CSV, TSV, JSON or JSON Lines (docs/query.md).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "tasksplit/aliases.hpp"
#include "tasksplit/document.hpp"
#include "tasksplit/messages.hpp"

namespace tasksplit {

/// Leaves one document per notice: inputs with the same source sha256 (a notice and the tasksplit
/// JSON made from it) describe the same tasks. The copy parsed from the notice itself is kept, else
/// the first. `paths` are the inputs the documents were loaded from, parallel to `docs`.
std::vector<Document> distinct_notices(std::vector<Document> docs, const std::vector<std::string>& paths);

/// Canonical unit names for one set of documents: the alias registry, plus the bracket pairs the
/// documents print ("区委组织部<区委人才办>" makes a bare "区委人才办" the same body as 区委组织部; a name
/// the registry knows keeps its registered body).
class UnitNames {
public:
    UnitNames(const UnitAliases& registry, const std::vector<Document>& docs);

    std::string canonical(const Unit& unit) const;
    std::string canonical(const std::string& name) const;
    /// Canonical names of every unit in the documents, in order of first appearance.
    const std::vector<std::string>& present() const { return present_; }
    /// Names a query can use for `canonical`: itself, registered names, names and aliases printed.
    std::vector<std::string> names_of(const std::string& canonical) const;

private:
    const UnitAliases& registry_;
    std::map<std::string, std::string> bracketed_;  ///< printed bracketed alias -> canonical
    std::vector<std::string> present_;
    std::map<std::string, std::vector<std::string>> printed_;  ///< canonical -> names and aliases printed
};

/// How a unit answers a --unit query, best first.
enum class MatchKind { exact, substring, spelling };

struct UnitMatch {
    std::string canonical;
    std::string via;  ///< the name that matched: the canonical name, an alias, or a name printed
    MatchKind kind = MatchKind::exact;
    int distance = 0;  ///< code points added, removed or changed (substring: length difference)
};

/// Units present whose names match `query`, best first. Names compare with whitespace removed under
/// NFKC case folding (full-width brackets equal half-width ones). `loose` (--fuzzy) adds names that
/// contain the query and close spellings (edit distance up to a third of the query's length).
std::vector<UnitMatch> match_units(const std::string& query, const UnitNames& names, bool loose);

/// Up to `limit` present units closest to `query`, for "did you mean": names sharing the longest
/// run of characters with it first, then the closest spellings.
std::vector<UnitMatch> suggest_units(const std::string& query, const UnitNames& names, std::size_t limit = 5);

enum class Role { lead, support, any };

struct QueryFilter {
    std::vector<std::string> units;     ///< canonical names; empty = every unit
    Role role = Role::any;
    std::optional<std::string> leader;  ///< a part of the leader's name or title
    std::vector<std::string> words;     ///< every word must occur in the task text
    std::vector<int> years;             ///< empty = any year
    std::vector<std::string> parts;     ///< part kinds; empty = any
};

/// One unit's role in one task. A task without units gives one row with empty role and unit, when
/// the filter names no unit and no role.
struct QueryRow {
    std::string source;
    std::optional<int> year;
    std::string part;     ///< part kind
    std::string section;  ///< section title (its label when untitled)
    std::string leader;
    std::string number;
    std::string ref;   ///< section.item as the ledger prints it ("二.3", writers' task_refs)
    std::string role;  ///< lead | support | ""
    std::string unit;  ///< as printed
    std::string canonical;
    std::string kind;  ///< unit kind
    std::string text;
    int line = 0;
    std::size_t doc = 0;   ///< index of the document in the input
    std::size_t task = 0;  ///< index of the task in its document
};

/// The rows matching `filter`, sorted by source, then document order.
std::vector<QueryRow> select_rows(const std::vector<Document>& docs, const UnitNames& names,
                                  const QueryFilter& filter);

/// One task with all its units (query --view tasks): `role` is the asked unit's (lead when it leads,
/// else support; "" when no unit was asked), `unit`, `canonical` and `kind` stay empty.
struct TaskRow : QueryRow {
    std::vector<std::string> lead;     ///< as printed
    std::vector<std::string> support;  ///< as printed
    std::string deadline;
};

/// The tasks that hold a unit of `filter.units` in the role asked (every task when it names none),
/// sorted by source, then document order.
std::vector<TaskRow> select_tasks(const std::vector<Document>& docs, const UnitNames& names,
                                  const QueryFilter& filter);

/// A unit's workload in one notice: tasks it leads and supports, and the names it has there.
struct NoticeCount {
    std::string source;
    std::optional<int> year;
    std::vector<std::string> names;  ///< printed forms other than the canonical name, first seen first
    int lead = 0;
    int support = 0;
};

struct UnitSummary {
    std::string unit;  ///< canonical name
    std::string kind;
    std::vector<NoticeCount> notices;  ///< in row order
    int lead() const;
    int support() const;
};

/// Units of the rows in order of first appearance, each task counted once per role.
std::vector<UnitSummary> summarize_units(const std::vector<QueryRow>& rows);

/// A stable permutation putting `names` in Chinese collation order (pinyin, ICU locale zh).
std::vector<std::size_t> pinyin_order(const std::vector<std::string>& names);

/// Cells to render. Numeric columns align right in tables and are numbers in JSON (null when empty).
/// When a table must fit the terminal, the widest column of the lowest shrink rank gives up a column
/// at a time until the table fits or every shrinkable column is down to its minimum.
struct Grid {
    struct Column {
        std::string name;       ///< English: the header by default and always the JSON key
        bool numeric = false;
        int shrink = 0;         ///< 0: never cut; 1: cut first; 2: cut once rank 1 is at its minimum
        bool keep_end = false;  ///< cut at the start: a path's informative part is its end
        std::string zh;         ///< the Chinese header (--headers zh); empty: the English one
    };
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;
};

/// How cells are worded. Machine formats (json, jsonl, csv, tsv) keep the codes (lead, department)
/// whatever the language, and their columns where the contract put them: the running seq and the
/// ref come last. Human formats (table, md) open with 序号, print the ref for the number, and say
/// roles and kinds in `lang`.
struct GridStyle {
    bool machine = false;
    Lang lang = Lang::en;
};

/// One row per unit of each task (query --view units); the canonical name only in machine formats.
Grid query_grid(const std::vector<QueryRow>& rows, GridStyle style);
/// One row per task (query --view tasks): the asked unit's role when `with_role`, the lead and
/// support units, leader and deadline.
Grid task_grid(const std::vector<TaskRow>& rows, bool with_role, GridStyle style);
Grid units_grid(const std::vector<UnitSummary>& units, GridStyle style = {});

enum class GridFormat { table, json, jsonl, csv, tsv, md };

/// "table", "json", "jsonl", "csv", "tsv" or "md"; nullopt otherwise.
std::optional<GridFormat> parse_grid_format(std::string_view name);

/// Renders `grid`. `width` is the terminal width a table must fit (0: no limit); other formats
/// ignore it. csv/tsv follow the conventions of parse --to csv (LF line ends, cells from the source
/// guarded against formula injection).
/// `zh_headers`: the header row (table, md, csv, tsv) in Chinese; JSON keys stay English.
void write_grid(const Grid& grid, GridFormat format, int width, std::ostream& out, bool zh_headers = false);

/// Terminal columns taken by UTF-8 text: East Asian Wide and Fullwidth characters take two,
/// combining marks and format characters none, everything else (Ambiguous included) one.
int display_width(std::string_view utf8);

/// `utf8` cut to at most `width` columns, ending in "…" when cut.
std::string fit_width(std::string_view utf8, int width);

}  // namespace tasksplit
