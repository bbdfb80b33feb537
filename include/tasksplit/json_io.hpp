// The document model as JSON (docs/output-contract, format 1): the tree every writer emits
// and the reader that turns a written document back into the model for validate, diff and query.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "tasksplit/document.hpp"

namespace tasksplit {

/// Receives a JSON value as a stream of events, so a writer can print a document of any size
/// without first building its tree. Containers announce how many entries they will hold.
class JsonSink {
public:
    virtual ~JsonSink() = default;
    virtual void begin_object(std::size_t members) = 0;
    virtual void end_object() = 0;
    virtual void begin_array(std::size_t elements) = 0;
    virtual void end_array() = 0;
    virtual void key(std::string_view name) = 0;
    virtual void string(std::string_view value) = 0;
    virtual void integer(std::int64_t value) = 0;
    virtual void real(double value) = 0;  ///< never integral: those come as integer()
    virtual void boolean(bool value) = 0;
    virtual void null() = 0;
};

/// The whole document with keys in contract order; empty optionals, aliases, roles and bounds are null.
/// The one description of the document's JSON shape: every writer and to_json walk it.
void walk_document(const Document& doc, JsonSink& sink);

/// walk_document as a tree.
nlohmann::ordered_json to_json(const Document& doc);

/// A document JSON that does not fit the model; `path` is the JSON Pointer of the offending value.
struct ReadError : std::runtime_error {
    ReadError(std::string path, const std::string& problem);
    std::string path;  ///< e.g. "/parts/0/sections/1/items/3/lead"; "" for the root
};

/// Inverse of to_json; throws ReadError on a missing key, a wrong type or a format other than kFormat.
/// Unknown keys are ignored, and keys the contract lets a writer leave out read as empty when absent:
/// nullable ones, and column, aspirational, target span and unit canonical, which the contract's
/// example predates.
Document document_from_json(const nlohmann::json& j);

/// Cheap sniff: the first non-blank character is '{' or '[' and the text mentions "tasksplit/1".
bool looks_like_document_json(std::string_view bytes);

}  // namespace tasksplit
