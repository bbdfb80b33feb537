// What every workbook tasksplit writes shares (parse's ledger, src/writers/xlsx_writer.cpp; diff's
// change ledger, src/diff/render_xlsx.cpp): sheets with lines of title above a header row, the
// header frozen with filters on it, wrapped text with row heights from the text, A4 landscape one
// page wide with the header repeated; names and text Excel accepts. Cells are written as strings
// or numbers, never as formulas, so text from a notice cannot run as one (what the csv writer's
// leading ' guards against).
#pragma once

#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "xlsx_library.hpp"

namespace tasksplit::xlsx {

/// Text an XLSX cell can hold: valid UTF-8 (other bytes become U+FFFD, as in JSON), no control
/// characters but tabs and line breaks (XML 1.0 cannot carry them), at most Excel's 32767 characters.
std::string cell_text(std::string_view s);

/// A cell: text, or a number when `number` is set.
struct Cell {
    std::string text;
    std::optional<double> number;
    Cell(std::string t) : text(std::move(t)) {}
    Cell(const char* t) : text(t) {}
    Cell(double v) : number(v) {}
};

enum class Align { left, center };

struct Column {
    std::string name;
    double width;  ///< in Excel's units, about one Latin character; a Chinese one takes two
    Align align = Align::left;
};

struct Formats {
    lxw_format* title;
    lxw_format* subtitle;
    lxw_format* header;
    lxw_format* left;
    lxw_format* center;
};

/// One sheet: lines of title above a header row, then rows. A column named 完成状态 gets the
/// status drop-down (未启动, 推进中, 已完成, 滞后) on every row.
class Sheet {
public:
    Sheet(lxw_workbook* book, const Formats& formats, const std::string& name, std::vector<Column> columns,
          const std::vector<std::string>& title_lines);
    void row(const std::vector<Cell>& cells);
    /// A drop-down of `values` on every row of the column named `column` (as 完成状态 has its own).
    void choices(const std::string& column, std::vector<std::string> values);
    /// Breaks the printout before the next row.
    void page_break();
    /// The filter over the rows written, the drop-down, the page breaks.
    void finish();

private:
    const writers::XlsxLibrary& x_ = writers::xlsx_library();
    lxw_worksheet* sheet_;
    const Formats& formats_;
    std::vector<Column> columns_;
    lxw_row_t header_ = 0;
    std::size_t rows_ = 0;
    /// Columns with a drop-down and its values: 完成状态's, and those choices() adds.
    std::vector<std::pair<std::size_t, std::vector<std::string>>> lists_;
    std::vector<lxw_row_t> breaks_;
};

/// A workbook built in a temporary file (libxlsxwriter 1.1 writes only to a named file) and
/// copied into a stream when done.
class Book {
public:
    Book();
    ~Book();
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;
    /// A new sheet named after `name` as Excel allows: at most 31 characters, none of []:*?/\,
    /// no ' at either end, unique regardless of case, not "History" (Excel's own).
    Sheet sheet(const std::string& name, std::vector<Column> columns, const std::vector<std::string>& title_lines);
    void properties(const std::string& title, const std::string& subject);
    /// Closes the workbook and copies it into `out`.
    void write(std::ostream& out);

private:
    std::string legal_name(const std::string& wanted);

    const writers::XlsxLibrary& x_ = writers::xlsx_library();
    std::string path_;
    lxw_workbook* book_ = nullptr;
    Formats formats_{};
    std::set<std::string> names_;  ///< sheet names taken, lower-cased
};

}  // namespace tasksplit::xlsx
