// Loading many inputs at once. Notices are parsed on worker threads with one Parser each: a Parser
// holds ICU regex matchers, which must not be shared between threads.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tasksplit/document.hpp"
#include "tasksplit/parse.hpp"
#include "tasksplit/readers.hpp"

namespace tasksplit {

/// One input's outcome: its documents (or the rendering of its one document, when a renderer ran),
/// or the error. A JSON array of documents gives several (load_file).
struct Loaded {
    std::vector<Document> docs;  ///< empty when rendered or failed
    std::string rendered;        ///< output bytes, when the worker rendered the document
    std::string error;           ///< "path: message" when the input could not be read
    std::string no_tasks;        ///< the message of a document's no-tasks error, if one has it
    bool ok() const { return error.empty(); }
};

/// The most inputs read at once: four per core. Parsing is work for a core; threads beyond the
/// cores only help while inputs wait on slow storage, and each holds a Parser of its own.
std::size_t max_jobs();

/// Loads every path on up to `jobs` threads (jobs <= 0: one per core; at most max_jobs()) and hands each outcome to `emit` in input order as soon
/// as it and every input before it are done, so at most a few documents wait in memory; `emit` runs
/// on one thread at a time. `configure` sets up each thread's Parser. `render`, when given, runs on
/// the worker right after loading (serialising output in parallel) and the document is not kept;
/// except for a large document, which `emit` gets as it is, to print it without a copy in memory.
/// `from` forces a reader (parse --from). Throws GrammarError when `grammar_files` do not compile.
void for_each_document(const std::vector<std::string>& paths, int jobs,
                       const std::vector<std::string>& grammar_files, std::optional<std::string> encoding,
                       const std::function<void(Parser&)>& configure,
                       const std::function<void(std::size_t, Loaded&)>& emit,
                       const std::function<std::string(const Document&)>& render = nullptr,
                       std::optional<InputFormat> from = std::nullopt);

/// Loads every path (a file or "-"; expand directories first with expand_inputs) with load_file
/// on up to `jobs` threads (jobs <= 0: one per core). Documents come back in input order. An input
/// that cannot be read or decoded is left out and reported in `errors` as "path: message", in input
/// order too.
/// Throws GrammarError when `grammar_files` do not compile.
std::vector<Document> load_documents(const std::vector<std::string>& paths, int jobs,
                                     const std::vector<std::string>& grammar_files,
                                     std::optional<std::string> encoding, std::vector<std::string>& errors);

}  // namespace tasksplit
