// libxlsxwriter, loaded when a workbook is written rather than linked: linked, it (with the
// libcrypto it needs) is loaded by every run of every command, +0.9 ms of CPU on a 1.4 ms
// `tasksplit --version`, for the one output format that uses it. Only its headers are compiled in.
#pragma once

#include <xlsxwriter.h>

namespace tasksplit::writers {

#define TASKSPLIT_XLSX_FUNCTIONS(X)                                                                        \
    X(workbook_new) X(workbook_add_worksheet) X(workbook_add_format) X(workbook_set_properties)            \
    X(workbook_close) X(format_set_bold) X(format_set_font_size) X(format_set_border)                      \
    X(format_set_text_wrap) X(format_set_align) X(format_set_bg_color) X(worksheet_merge_range)            \
    X(worksheet_set_row) X(worksheet_set_column) X(worksheet_write_string) X(worksheet_write_number)       \
    X(worksheet_freeze_panes) X(worksheet_set_landscape) X(worksheet_set_paper) X(worksheet_set_margins)   \
    X(worksheet_fit_to_pages) X(worksheet_repeat_rows) X(worksheet_set_footer) X(worksheet_autofilter)     \
    X(worksheet_data_validation_range) X(worksheet_set_h_pagebreaks) X(lxw_strerror)

/// The functions of libxlsxwriter that the xlsx writer calls, under their own names.
struct XlsxLibrary {
#define TASKSPLIT_XLSX_MEMBER(name) decltype(&::name) name;
    TASKSPLIT_XLSX_FUNCTIONS(TASKSPLIT_XLSX_MEMBER)
#undef TASKSPLIT_XLSX_MEMBER
};

/// Loads the library on first use (thread-safe). Throws std::runtime_error naming the Debian
/// package when it is not installed or lacks a function.
const XlsxLibrary& xlsx_library();

}  // namespace tasksplit::writers
