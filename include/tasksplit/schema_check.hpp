// A validator for the small subset of JSON Schema that grammars/schema/document.schema.json uses,
// since no JSON Schema library is a dependency.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tasksplit {

/// Checks `doc` against `schema` and returns one "JSON path: problem" line per violation (empty when
/// valid). Supports type, required, properties, items, enum, additionalProperties and $ref to
/// "#/$defs/..."; throws std::invalid_argument on any other keyword or on a dangling $ref.
std::vector<std::string> check_against_schema(const nlohmann::json& doc, const nlohmann::json& schema);

/// grammars/schema/document.schema.json as compiled into the binary.
const nlohmann::json& document_schema();

}  // namespace tasksplit
