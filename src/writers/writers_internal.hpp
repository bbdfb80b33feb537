// The writers behind write_documents, one file each; shared only within src/writers.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "tasksplit/document.hpp"

namespace tasksplit::writers {

void write_json(const std::vector<Document>& docs, std::ostream& out);
void write_jsonl(const std::vector<Document>& docs, std::ostream& out);
/// One document as an element of a pretty-printed JSON array, without the separator before it.
void write_json_element(const Document& doc, std::ostream& out);
/// `stream`: mark each document with "---", as a multi-document stream does.
void write_yaml(const std::vector<Document>& docs, std::ostream& out, bool stream = false);

enum class RowStyle { csv, tsv };
void write_item_rows(const std::vector<Document>& docs, RowStyle style, std::ostream& out, bool with_header = true);
void write_target_rows(const std::vector<Document>& docs, RowStyle style, std::ostream& out, bool with_header = true);

/// The shortest decimal that reads back as exactly `v` ("5", "6.5", "125.6").
std::string shortest_decimal(double v);

}  // namespace tasksplit::writers
