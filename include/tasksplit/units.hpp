// Splitting a responsibility list into units: separators outside brackets, 牵头 markers,
// "A、B等区级有关部门", bracketed aliases, convention sentences. Rules come from grammars/units.yaml.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tasksplit/document.hpp"
#include "tasksplit/rules.hpp"
#include "tasksplit/run.hpp"

namespace tasksplit {

/// What a list says: units in order, which of them a 牵头 marker names, and any convention note.
struct UnitList {
    std::vector<Unit> units;
    std::vector<bool> marked_lead;   ///< parallel to units: the unit stands before a 牵头 marker
    bool has_marker = false;
    bool has_support_marker = false;  ///< a unit ended in 配合, 按职责分工负责 …
    std::optional<Run> convention;   ///< the convention sentence, without its brackets
    int empty_pieces = 0;            ///< separators with nothing between them ("舟山海事局、" at a page end)
    /// Text run into the last unit, no unit itself: a heading glued after it in a copy that lost
    /// its line breaks ("园林局配合做好专项整治工作").
    std::optional<Run> run_on;
};

/// Splits `list` into units.
UnitList split_units(const Run& list, const Rules& rules);

/// Kind of a unit name: department, township, collective, enterprise, taskforce or other.
const std::string& unit_kind(const icu::UnicodeString& folded_name, const Rules& rules);

/// True when every piece of `cell` (split as a unit list) looks like a unit.
bool looks_like_units(const Run& cell, const Rules& rules);

/// Lead and support from one list under the first-listed convention or a 牵头 marker.
/// Returns the basis: explicit, convention or single ("" when the list is empty).
std::string assign_roles(const UnitList& list, std::vector<Unit>& lead, std::vector<Unit>& support);

/// Fills Unit::canonical in every task of `doc` where a name leaves out what its list printed once:
/// the level ("省商务厅、财政厅" -> 省财政厅) or a suffix shared by places ("东城区、西城区政府" ->
/// 东城区政府). Rules: units.yaml `elision`.
void complete_unit_names(Document& doc, const Rules& rules);

}  // namespace tasksplit
