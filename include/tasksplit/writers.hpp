// Output formats for parsed documents (docs/output-contract): JSON and YAML carry the whole tree,
// jsonl one compact document per line, csv/tsv one row per item (or per target).
#pragma once

#include <optional>
#include <string>
#include <ostream>
#include <string_view>
#include <vector>

#include "tasksplit/document.hpp"

namespace tasksplit {

enum class OutputFormat { json, yaml, jsonl, csv, tsv };

/// "json", "yaml", "jsonl", "csv" or "tsv"; nullopt for anything else.
std::optional<OutputFormat> parse_output_format(std::string_view name);

struct WriteOptions {
    bool targets = false;  ///< csv/tsv only: one row per target instead of one per item
};

/// Writes every document in `format`. JSON gives one object for one document and an array otherwise;
/// YAML gives a multi-document stream when there are several; csv/tsv write the header once.
void write_documents(const std::vector<Document>& docs, OutputFormat format, const WriteOptions& options,
                     std::ostream& out);

/// Writes `count` documents one at a time, giving the same bytes as write_documents on the whole
/// list, so a long batch streams instead of waiting in memory.
class DocumentStream {
public:
    DocumentStream(OutputFormat format, const WriteOptions& options, std::ostream& out, std::size_t count);
    /// Prints the document straight into the output: no copy of it in memory.
    void write(const Document& doc);
    /// The bytes of one document, without what depends on its position (separators, header): safe
    /// to call on several threads at once, then hand the results to write_rendered in order.
    std::string render(const Document& doc) const;
    void write_rendered(const std::string& text);
    /// Closes the output (the JSON array, the CSV header of an empty batch).
    void finish();

private:
    bool json_array() const;  ///< JSON of other than one document: an array of them
    void print(const Document& doc, std::ostream& out) const;
    void begin_entry();
    void write_header();

    OutputFormat format_;
    WriteOptions options_;
    std::ostream& out_;
    std::size_t count_;
    std::size_t written_ = 0;
};

}  // namespace tasksplit
