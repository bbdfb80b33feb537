// Responsibility clauses inside joined text: "(责任单位：…)", "责任单位：…", "（牵头领导：X，责任单位：…）",
// "[牵头单位:X;责任单位:Y]", and the unlabeled "（X牵头，Y按职责分工负责）".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tasksplit/rules.hpp"
#include "tasksplit/run.hpp"
#include "tasksplit/units.hpp"

namespace tasksplit {

struct ClauseField {
    std::string role;  ///< leader | lead | support | units
    Run value;
    std::string form_label;  ///< the label, when it is in no list and was read by its form
};

struct Clause {
    int32_t start = 0;  ///< in the run, including an opening bracket or a dangling "(责"
    int32_t end = 0;    ///< exclusive, including the closing bracket
    bool bracketed = false;
    std::vector<ClauseField> fields;
};

/// Finds clauses left to right. An unbracketed clause runs to the end of the run, or to the
/// end of its source line when `unbracketed_ends_at_line` is set.
std::vector<Clause> find_clauses(const Run& run, const Rules& rules, bool unbracketed_ends_at_line);

/// A unit list and the completion time that may close it: "县财政局牵头，县工信局配合，2024年12月底前完成".
struct UnitsAndDeadline {
    Run units;
    std::optional<Run> deadline;
};
UnitsAndDeadline peel_deadline(const Run& list, const Rules& rules);

/// A bracket that closes the run and holds nothing but unit-like names: "…。（市工信局、市统计局）",
/// perhaps ending in a completion time.
struct TrailingUnits {
    int32_t start = 0;  ///< the opening bracket
    int32_t end = 0;    ///< just after the closing bracket
    UnitList list;
    Run units;                    ///< the bracket's content without the completion time
    std::optional<Run> deadline;  ///< "2024年12月底前完成", "长期坚持"
};
std::optional<TrailingUnits> trailing_unit_bracket(const Run& run, const Rules& rules);

/// Names in a leader field: "洪碧" or "张三、李四".
std::vector<std::string> leader_names(const Run& value, const Rules& rules);

}  // namespace tasksplit
