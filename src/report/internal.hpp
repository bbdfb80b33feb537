// Pieces of the HTML report shared by its files: page.cpp (the page, summary, diff summary),
// tasks.cpp (filters and task tables), charts.cpp (tasks per unit, target changes).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tasksplit/diff.hpp"
#include "tasksplit/document.hpp"
#include "tasksplit/query.hpp"
#include "tasksplit/report.hpp"

namespace tasksplit::report_detail {

/// Text escaped for HTML content and double-quoted attribute values.
std::string esc(std::string_view text);

/// "≥5%", "~6%", "2750万吨": a target's committed value as a reader writes it (力争 is the caller's:
/// it goes before the verb).
std::string target_value(const Target& t);

/// What became of a task in the other year (pair reports only).
struct Fate {
    std::string status;  ///< same | continued | related (paired), added | dropped (unpaired)
    bool split = false;
    bool merge = false;
    std::vector<std::pair<std::string, std::string>> partners;  ///< anchor id, label ("2024 一.1")
    std::vector<std::string> changed;  ///< wording, targets, lead units, support units, leader
};

/// One notice as the page shows it.
struct Notice {
    const Document* doc = nullptr;
    std::string key;    ///< "d0", "d1": prefix of the notice's anchors
    std::string label;  ///< the work year, else the file name
    std::map<std::string, Fate> fates;  ///< by item id; empty for a single notice
};

/// The page's language and, for a unit's printout, the unit.
struct PageView {
    const ReportView& view;
    const UnitNames& names;
    std::string t(std::string_view english) const { return tr(view.lang, english); }
    /// Whether the item is on the page: every item, or in a unit's printout those the unit leads or supports.
    bool shows(const Item& item) const;
    /// The unit's role in the item, "lead" or "support" ("" on a page of every task).
    std::string role(const Item& item) const;
};

/// Anchor of an item's row.
std::string anchor(const Notice& notice, const std::string& item_id);

/// How a reader finds a task, as diff prints it: "二.5" (section label.number), "2:3" when several
/// parts restart their numbering, else the item id.
std::string item_ref(const Document& doc, std::size_t part, const Section& section, const Item& item);

/// The task's leading official: its own, else its section's ("" when none).
const Person* leader_of(const Section& section, const Item& item);

/// Tasks a unit leads and supports in one notice, each task counted once per role.
struct UnitCount {
    int lead = 0;
    int support = 0;
};
std::map<std::string, UnitCount> count_units(const Document& doc, const UnitNames& names);

// tasks.cpp
std::string task_filters(const std::vector<Notice>& notices, const PageView& page);
std::string task_table(const Notice& notice, const PageView& page, bool pair);

// charts.cpp
std::string unit_chart(const std::vector<Notice>& notices, const PageView& page);
std::string target_chart(const DiffResult& diff, const Notice& old_notice, const Notice& new_notice, const PageView& page);

}  // namespace tasksplit::report_detail
