// The writers behind DocumentStream, one file each, each writing one document; shared only within
// src/writers.
#pragma once

#include <ostream>
#include <string>

#include "tasksplit/document.hpp"

namespace tasksplit::writers {

/// Pretty-printed like nlohmann's dump(2), no final newline. `depth`: the indentation levels the
/// document sits at (1 as an element of a top-level array).
void write_json(const Document& doc, std::ostream& out, int depth);
/// One line and its newline (JSON Lines).
void write_json_line(const Document& doc, std::ostream& out);
/// `marker`: start with "---", as each document of a multi-document stream does.
void write_yaml(const Document& doc, std::ostream& out, bool marker);

enum class RowStyle { csv, tsv };
void write_item_header(RowStyle style, std::ostream& out);
void write_item_rows(const Document& doc, RowStyle style, std::ostream& out);
void write_target_header(RowStyle style, std::ostream& out);
void write_target_rows(const Document& doc, RowStyle style, std::ostream& out);

/// The shortest decimal that reads back as exactly `v` ("5", "6.5", "125.6").
std::string shortest_decimal(double v);

}  // namespace tasksplit::writers
