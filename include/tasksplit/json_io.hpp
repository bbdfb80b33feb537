// The document model as JSON (docs/output-contract, format 1): the tree every writer emits
// and the reader that turns a written document back into the model for validate, diff and query.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "tasksplit/document.hpp"

namespace tasksplit {

/// The whole document with keys in contract order; empty optionals, aliases, roles and bounds are null.
nlohmann::ordered_json to_json(const Document& doc);

/// A document JSON that does not fit the model; `path` is the JSON Pointer of the offending value.
struct ReadError : std::runtime_error {
    ReadError(std::string path, const std::string& problem);
    std::string path;  ///< e.g. "/parts/0/sections/1/items/3/lead"; "" for the root
};

/// Inverse of to_json; throws ReadError on a missing key, a wrong type or a format other than kFormat.
/// Unknown keys are ignored, and keys the contract lets a writer leave out read as empty when absent:
/// nullable ones, and column, aspirational and target span, which the contract's example predates.
Document document_from_json(const nlohmann::json& j);

/// Cheap sniff: the first non-blank character is '{' or '[' and the text mentions "tasksplit/1".
bool looks_like_document_json(std::string_view bytes);

}  // namespace tasksplit
