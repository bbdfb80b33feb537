// Reading inputs for every subcommand: a notice (decoded and parsed) or a tasksplit JSON
// document (read back into the model). "-" is standard input.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
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

/// Parses a decoded notice and checks that it yielded tasks (check_tasks_found): how every
/// subcommand reads a notice (readers.hpp parse_notice reads the bytes first).
Document parse_notice(const SourceText& text, const Parser& parser);

/// The documents a file holds: a notice gives one, a tasksplit JSON file one or, when it is the
/// array `parse` writes for several inputs, each of them. A notice is read by the reader its content
/// calls for (text, HTML, DOCX, PDF: readers.hpp), or by `from`. Our YAML output is refused
/// (refuse_document_yaml): it cannot be read back without guessing its scalars' types.
std::vector<Document> load_file(const std::string& path, const Parser& parser,
                                const std::optional<std::string>& encoding = std::nullopt,
                                std::optional<InputFormat> from = std::nullopt);

/// load_file for a command that reads one document: a file of several is an InputError.
Document load_document(const std::string& path, const Parser& parser,
                       const std::optional<std::string>& encoding = std::nullopt,
                       std::optional<InputFormat> from = std::nullopt);

/// Throws InputError when `bytes` are a document `parse --to yaml` wrote (a first line
/// "format: tasksplit/1"), saying to use JSON.
void refuse_document_yaml(const std::string& path, std::string_view bytes);

/// A file a directory held that is not read, and why ("hidden file", "binary data (PDF)").
struct SkippedInput {
    std::string path;
    std::string reason;
};

/// The inputs to read: the files given, and in place of each directory the notices it holds.
struct Inputs {
    std::vector<std::string> files;
    std::vector<SkippedInput> skipped;
    /// "dir: message" for each directory that holds nothing to read: an empty batch must not pass
    /// for a successful one.
    std::vector<std::string> errors;
};

/// Expands directories, recursively and sorted, into the notices they hold. Left out, each noted in
/// `skipped`: hidden files and directories (a name starting with '.': .DS_Store, .git) and files
/// that are not notices (not_a_notice); left out silently: files whose name matches none of `globs`
/// (shell patterns, "*.txt"), when there are any. Files named directly stay as given: they were asked for.
Inputs expand_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& globs = {});

/// Why the file at `path` is no notice, from its content: binary data (a PDF, a DOCX), a page the
/// report writer made, JSON that is not a tasksplit document, a YAML document parse wrote. nullopt when it may be one.
std::optional<std::string> not_a_notice(const std::string& path);

}  // namespace tasksplit
