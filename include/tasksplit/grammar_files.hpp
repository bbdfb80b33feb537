// Access to the grammar files (grammars/*.yaml) compiled into the binary.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace tasksplit {

/// Every grammars/*.yaml file as (file name, text), generated at build time.
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_grammars();

/// Parses the embedded grammar file `name` (e.g. "targets.yaml"); throws std::runtime_error if absent.
YAML::Node load_embedded_grammar(std::string_view name);

}  // namespace tasksplit
