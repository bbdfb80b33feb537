// Quantitative targets ("新增城镇就业 2.4 万人以上") and deadlines ("年底前建成") in task texts.
// The words it reads (measures, bounds, verbs, not-a-target patterns) are data in grammars/targets.yaml.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tasksplit/document.hpp"

namespace YAML {
class Node;
}

namespace tasksplit {

class TargetExtractor {
public:
    /// Rules from the embedded grammars/targets.yaml.
    TargetExtractor();
    explicit TargetExtractor(const YAML::Node& rules);

    /// Every committed quantity in `text` (one item's task text, UTF-8), in text order.
    /// Target::start/end are byte offsets into `text`. Const and thread-safe.
    std::vector<Target> extract(const std::string& text) const;

    struct Rules;
    class MatcherPool;

private:
    std::shared_ptr<const Rules> rules_;
    std::shared_ptr<MatcherPool> matchers_;
};

/// Latest ISO date (yyyy-mm-dd) a deadline text allows, or nullopt: "2024年11月" -> 2024-11-30,
/// "10月1日" with year 2024 -> 2024-10-01, "年底前" -> year-12-31, "长期坚持" -> nullopt.
/// `year` fills in dates written without one.
std::optional<std::string> deadline_iso(const std::string& deadline, std::optional<int> year);

/// A completion time stated inside a task text, as written ("争取…10月1日完工开放" -> "10月1日",
/// "年底前建成" -> "年底前"), or nullopt.
std::optional<std::string> find_deadline(const std::string& text);

}  // namespace tasksplit
