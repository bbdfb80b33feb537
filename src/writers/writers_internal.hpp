// The writers behind DocumentStream, one file each, each writing one document (the XLSX workbook:
// all of them); shared only within src/writers.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "tasksplit/document.hpp"
#include "tasksplit/writers.hpp"

namespace tasksplit::writers {

/// Pretty-printed like nlohmann's dump(2), no final newline. `depth`: the indentation levels the
/// document sits at (1 as an element of a top-level array).
void write_json(const Document& doc, std::ostream& out, int depth);
/// One line and its newline (JSON Lines).
void write_json_line(const Document& doc, std::ostream& out);
/// `marker`: start with "---", as each document of a multi-document stream does.
void write_yaml(const Document& doc, std::ostream& out, bool marker);

enum class RowStyle { csv, tsv };
/// The csv/tsv columns to write: indices into the view's column list (row_columns).
struct RowView {
    RowStyle style;
    bool targets;
    std::vector<std::size_t> columns;
    bool zh_headers;
    /// Whether a row's cells depend on the rows before it (the running seq).
    bool numbered() const;
};
RowView row_view(RowStyle style, const WriteOptions& options);
void write_row_header(const RowView& view, std::ostream& out);
/// Writes the document's rows, numbering them from `first_seq`; returns how many it wrote.
std::size_t write_rows(const Document& doc, const RowView& view, std::size_t first_seq, std::ostream& out);

/// The whole workbook (docs/output-contract, XLSX): every document's tasks in one ledger.
void write_xlsx(const std::vector<Document>& docs, std::ostream& out);

/// An item with the part and section that hold it, and its reference: the section's label (or
/// ordinal) and the item's number as printed (or its position in the section), "二.3"; a notice
/// with tasks in more than one part prefixes the part's place among those parts from the second
/// on ("2-一.1"), since such parts (民生实事) number their sections afresh. A number the notice
/// prints twice gives the same reference twice.
struct TaskRef {
    const Part* part;
    const Section* section;
    const Item* item;
    std::string ref;
};
std::vector<TaskRef> tasks_of(const Document& doc);

/// A task's 汇报频次 in `doc`: the one rhythm its cover letter sets for every task, else "".
std::string report_frequency(const Document& doc);

/// Unit names joined with 、.
std::string unit_names(const std::vector<Unit>& units);

/// The shortest decimal that reads back as exactly `v` ("5", "6.5", "125.6").
std::string shortest_decimal(double v);

}  // namespace tasksplit::writers
