// Access to the grammar files (grammars/*.yaml) compiled into the binary.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace tasksplit {

/// Every grammars/*.yaml file as (file name, its content as JSON), generated at build time by
/// tools/gen_grammars.cpp.
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_grammars();

/// The embedded grammar file `name` (e.g. "targets.yaml") as a fresh tree of its own, which the
/// caller may change and another thread may build at the same time; throws std::runtime_error if
/// absent. Its nodes carry no source positions (YAML::Mark::is_null()).
YAML::Node load_embedded_grammar(std::string_view name);

}  // namespace tasksplit
