// diff: what changed between two breakdowns of the same government's work (one year against the
// next). Items are aligned by meaning, not by position: tasks are reworded, merged, split and moved
// between leaders from one year to the next, so a line diff says nothing useful. See docs/diff.md.
//
// The pipeline (one file each in src/diff): features (the text compared, anchors, n-grams, ICU
// words, quoted names, units) -> align (inverted index, scores, many-to-many links from each task's
// best candidate) -> changes per pair (text_diff, targets, units) -> summary views (targets table,
// unit load, leaders and their moves, rename suggestions) -> renderers (JSON, text, Markdown, XLSX).
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "tasksplit/aliases.hpp"
#include "tasksplit/document.hpp"

namespace tasksplit {

/// One item of either document with the context diff reports about it.
struct DiffItem {
    std::string id;
    int line = 0;
    std::optional<std::string> number;
    std::string ref;            ///< how a reader finds it: "二.5" (section label.number), else the id
    std::string section;        ///< section label as printed, "" when none
    std::string section_title;  ///< whitespace removed, "" when none
    std::string text;
    std::optional<Person> leader;  ///< the item's leader, else its section's
    std::vector<Unit> lead;
    std::vector<Unit> support;
    std::vector<Target> targets;
};

/// One run of a text diff: '=' in both texts, '-' only in the old one, '+' only in the new one.
struct TextEdit {
    char op = '=';
    std::string text;
};

/// Character diff of two texts, cleaned up so that it reads as phrases: tiny common runs between
/// changes are folded into the change ("增长 [-8-]{+5+}%" stays, "[-深化-]{+推进+}" is not
/// shredded into shared single characters). Whitespace is ignored.
std::vector<TextEdit> diff_text(const std::string& old_text, const std::string& new_text);

/// How close a pair is: the same task (its wording varies a little at most), the task continued
/// (reworded, new figures, part of a split or merge), or a related task (shares a subject; an
/// analyst should check it).
enum class Strength { same, continued, related };
const char* to_string(Strength strength);

/// One-to-one, or one link of a split (one old task -> several new) or a merge (several -> one).
/// A link that is both (an old task in several new ones, one of which merges several old) is a split.
enum class PairKind { one_to_one, split, merge };
const char* to_string(PairKind kind);

/// A target and the item (index into DiffResult::old_items or new_items) that holds it.
struct TargetSide {
    Target target;
    std::size_t item = 0;
};

/// One indicator compared across the years.
struct TargetChange {
    std::string indicator;  ///< as printed in the newer text when both exist
    std::string verb;
    std::optional<TargetSide> old_side;
    std::optional<TargetSide> new_side;
    std::string change;  ///< raised | lowered (the number) | bound | unchanged | added | dropped
    /// What else an analyst must know, "" when nothing: scope_changed (one indicator is the other
    /// with letters left out: the figures count different things), indicator_changed (another
    /// measure of the subject, listed as one target dropped and one added, never raised or lowered),
    /// figure_dropped / figure_added (the partner task names the indicator without a figure).
    std::string kind;
    std::string counterpart;  ///< indicator_changed: the other year's indicator
};

/// The same body under another printed name (known from the alias registry or bracket aliases).
struct UnitRename {
    std::string old_name;
    std::string new_name;
};

struct PairChanges {
    std::vector<TextEdit> text;
    std::vector<std::string> lead_added, lead_removed;  ///< as printed
    std::vector<std::string> support_added, support_removed;
    std::vector<UnitRename> renamed;
    bool leader_changed = false;
    bool section_changed = false;  ///< the section title differs (its numbering alone does not count)
    std::vector<TargetChange> targets;

    /// True when nothing at all changed.
    bool empty() const;
};

/// Why two tasks were paired, for an analyst to check a pair at a glance.
struct PairEvidence {
    std::vector<std::string> anchors;       ///< names found in these two tasks only, one each year
    double containment = 0;                 ///< share of the shorter text's weight found in the longer
    std::vector<std::string> shared_units;  ///< lead units (canonical) both tasks name
    bool same_leader = false;
    bool mutual = false;  ///< each task is the other's best candidate
};

struct Pair {
    std::size_t old_item = 0;
    std::size_t new_item = 0;
    double score = 0;  ///< 0..1, the confidence that the two are one task
    Strength strength = Strength::related;
    PairKind kind = PairKind::one_to_one;
    PairEvidence evidence;
    PairChanges changes;
};

/// The closest candidate of a task left without a pair: a doubtful drop is checked in one glance.
struct Nearest {
    std::optional<std::size_t> item;  ///< index into the other document's items; none when nothing came near
    double score = 0;
};

struct Split {
    std::size_t old_item = 0;
    std::vector<std::size_t> new_items;
};

struct Merge {
    std::vector<std::size_t> old_items;
    std::size_t new_item = 0;
};

/// Tasks a body leads and supports in each year; a renamed body is one row.
struct UnitLoad {
    std::string name;  ///< canonical name
    std::vector<std::string> old_names, new_names;  ///< as printed in each year
    int old_led = 0, old_supported = 0;
    int new_led = 0, new_supported = 0;
};

/// One leader's portfolio in each year.
struct LeaderPortfolio {
    std::string name;
    std::optional<std::string> old_role, new_role;
    std::string old_section, new_section;  ///< labels; "" when absent that year
    int old_items = 0, new_items = 0;
    std::vector<std::string> units_gained, units_lost;  ///< lead units (canonical) of their tasks
    std::vector<std::pair<std::string, int>> moved_in;   ///< from leader, this leader's new tasks continuing theirs
    std::vector<std::pair<std::string, int>> moved_out;  ///< to leader, this leader's old tasks they continue
};

/// Work that changed hands: pairs whose old task one leader held and whose new task another holds (2023's rural tasks under one vice-head, 2024's under another).
struct LeaderMove {
    std::string from, to;
    int old_tasks = 0, new_tasks = 0;  ///< distinct tasks on each side
    int related = 0;  ///< pairs among them only related: check those
    std::vector<std::pair<std::size_t, std::size_t>> pairs;  ///< (old item, new item), in old order
};

/// A rename the registry does not know but the alignment reveals: the tasks of a body that only
/// the old notice names are paired with tasks of a body that only the new notice names.
struct RenameSuggestion {
    std::string old_name;
    std::string new_name;
    int pairs = 0;      ///< old tasks naming old_name paired with a task naming new_name
    int old_tasks = 0;  ///< old tasks naming old_name
    double similarity = 0;  ///< characters the two names share (2 x LCS / total), 0..1
    std::vector<std::pair<std::size_t, std::size_t>> evidence;  ///< the pairs (old item, new item)
};

struct DiffResult {
    std::string old_path, new_path;
    DocumentMeta old_meta, new_meta;
    std::vector<DiffItem> old_items, new_items;
    std::vector<Pair> pairs;  ///< in old document order
    std::vector<std::size_t> dropped;  ///< old items without a pair
    std::vector<std::size_t> added;    ///< new items without a pair
    std::vector<Nearest> dropped_nearest;  ///< parallel to dropped: the nearest new item
    std::vector<Nearest> added_nearest;    ///< parallel to added: the nearest old item
    std::vector<Split> splits;
    std::vector<Merge> merges;
    std::vector<TargetChange> targets;  ///< every target of both years, matched by indicator
    std::vector<UnitLoad> units;
    std::vector<LeaderPortfolio> leaders;
    std::vector<LeaderMove> leader_moves;  ///< most tasks first
    std::vector<RenameSuggestion> rename_suggestions;

    /// No item added, dropped or changed in any way (exit status 0).
    bool equal() const;
};

/// What makes two documents look given the wrong way round, or not two years of one breakdown:
/// the older one's work year after the newer one's, different issuers. One phrase each; empty when
/// neither, or when a year or issuer is unknown.
std::vector<std::string> comparison_mismatches(const Document& old_doc, const Document& new_doc);

/// Aligns and compares two documents. `aliases` resolves unit renames and short/long forms.
DiffResult diff_documents(const Document& old_doc, const Document& new_doc, const UnitAliases& aliases);

/// The report as JSON (docs/diff.md).
nlohmann::ordered_json diff_to_json(const DiffResult& diff);
/// The report for a terminal; `colour` adds ANSI colours instead of [-deleted-]{+inserted+} marks.
std::string diff_to_text(const DiffResult& diff, bool colour);
/// The report as Markdown, to paste into a document.
std::string diff_to_markdown(const DiffResult& diff);
/// The report as an XLSX change ledger (a ZIP archive: binary) for a supervision office.
void diff_to_xlsx(const DiffResult& diff, std::ostream& out);

}  // namespace tasksplit
