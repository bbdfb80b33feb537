// Output formats for parsed documents (docs/output-contract): JSON and YAML carry the whole tree,
// jsonl one compact document per line, csv/tsv one row per item (or per target), xlsx a
// supervision ledger (督办台账) workbook of all the documents.
#pragma once

#include <optional>
#include <string>
#include <ostream>
#include <string_view>
#include <vector>

#include "tasksplit/document.hpp"

namespace tasksplit {

enum class OutputFormat { json, yaml, jsonl, csv, tsv, xlsx };

/// "json", "yaml", "jsonl", "csv", "tsv" or "xlsx"; nullopt for anything else.
std::optional<OutputFormat> parse_output_format(std::string_view name);

struct WriteOptions {
    bool targets = false;  ///< csv/tsv only: one row per target instead of one per item
    /// csv/tsv: these columns (English names from row_columns), in this order; empty: the default set.
    std::vector<std::string> columns;
    bool zh_headers = false;  ///< csv/tsv: the header row in Chinese (序号, 来源, …)
    bool bom = false;         ///< csv/tsv: start with a UTF-8 byte order mark, which Excel needs to read UTF-8
};

/// A csv/tsv column: its English name (the header by default and the name --columns takes), its
/// Chinese header, and whether the default set holds it (seq and ref are written on request only,
/// so the contract's columns stay as they were).
struct RowColumn {
    std::string name;
    std::string zh;
    bool by_default;
};
/// The columns of the item view, or of the targets view, default ones first in their order.
std::vector<RowColumn> row_columns(bool targets);

/// Each task's reference in document order, as the ledger's 编号 prints it: section label and item
/// number ("二.3"), the part's place first from the second part with tasks on ("2-一.1").
std::vector<std::string> task_refs(const Document& doc);

/// Why xlsx cannot be written on this system (libxlsxwriter, loaded when needed, is missing), or
/// "" when it can.
std::string xlsx_unavailable();

/// Writes every document in `format`. JSON gives one object for one document and an array otherwise;
/// YAML gives a multi-document stream when there are several; csv/tsv write the header once; xlsx
/// one workbook.
void write_documents(const std::vector<Document>& docs, OutputFormat format, const WriteOptions& options,
                     std::ostream& out);

/// Writes `count` documents one at a time, giving the same bytes as write_documents on the whole
/// list, so a long batch streams instead of waiting in memory.
class DocumentStream {
public:
    DocumentStream(OutputFormat format, const WriteOptions& options, std::ostream& out, std::size_t count);
    /// Prints the document straight into the output: no copy of it in memory (xlsx: a copy kept
    /// until finish(), which writes the workbook of them all).
    void write(const Document& doc);
    /// Whether render() can give a document's bytes on its own: not for xlsx (one workbook of all
    /// documents) nor for rows with a running seq.
    bool renders_alone() const;
    /// The bytes of one document, without what depends on its position (separators, header): safe
    /// to call on several threads at once, then hand the results to write_rendered in order.
    /// Only when renders_alone().
    std::string render(const Document& doc) const;
    void write_rendered(const std::string& text);
    /// Closes the output (the JSON array, the CSV header of an empty batch) or writes it all (xlsx).
    void finish();

private:
    bool json_array() const;  ///< JSON of other than one document: an array of them
    bool rows() const;  ///< csv or tsv
    /// Prints one document; `first_seq` numbers its rows. Returns the rows printed (csv/tsv).
    std::size_t print(const Document& doc, std::size_t first_seq, std::ostream& out) const;
    void begin_entry();
    void write_header();

    OutputFormat format_;
    WriteOptions options_;
    std::ostream& out_;
    std::size_t count_;
    std::size_t written_ = 0;
    std::size_t rows_ = 0;        ///< csv/tsv rows written, for the running seq
    std::vector<Document> kept_;  ///< xlsx: copies of the documents, written at finish()
};

}  // namespace tasksplit
