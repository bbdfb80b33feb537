// Reading inputs for every subcommand: a notice (decoded and parsed) or a tasksplit JSON
// document (read back into the model). "-" is standard input.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "tasksplit/document.hpp"
#include "tasksplit/parse.hpp"
#include "tasksplit/readers.hpp"

namespace tasksplit {

/// An input that cannot be used; the message is one line naming the file.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Reads a whole file ("-" = stdin). Throws InputError (missing, directory, unreadable).
std::string read_input(const std::string& path);

/// A notice or a tasksplit JSON document, whichever the bytes are. A notice is read by the reader
/// its content calls for (text, HTML, DOCX, PDF: readers.hpp), or by `from`.
Document load_document(const std::string& path, const Parser& parser,
                       const std::optional<std::string>& encoding = std::nullopt,
                       std::optional<InputFormat> from = std::nullopt);

/// Expands directories (recursively, sorted) into their files; files stay as given.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths);

}  // namespace tasksplit
