#include "xlsx_book.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

#include <unicode/utf8.h>

#include "tasksplit/query.hpp"

namespace tasksplit::xlsx {
namespace {

const std::vector<std::string> kStatusChoices{"未启动", "推进中", "已完成", "滞后"};

std::string first_chars(const std::string& s, int count) {
    std::int32_t i = 0;
    const auto n = static_cast<std::int32_t>(s.size());
    for (int k = 0; k < count && i < n; ++k) U8_FWD_1(s.data(), i, n);
    return s.substr(0, static_cast<std::size_t>(i));
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

int wrapped_lines(const std::string& text, double width) {
    const int room = std::max(1, static_cast<int>(width) - 1);
    int lines = 0;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        const int w = display_width(std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start));
        lines += std::max(1, (w + room - 1) / room);
        if (end == std::string::npos) return lines;
        start = end + 1;
    }
}

}  // namespace

std::string cell_text(std::string_view s) {
    std::string out;
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(s.size());
    std::int32_t i = 0;
    int chars = 0;
    while (i < n && chars < 32767) {
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c >= 0 && c < 0x20 && c != '\n' && c != '\t') continue;
        ++chars;
        if (c < 0) out += "\xEF\xBF\xBD";
        else out.append(s.data() + start, static_cast<std::size_t>(i - start));
    }
    return out;
}

Sheet::Sheet(lxw_workbook* book, const Formats& formats, const std::string& name, std::vector<Column> columns,
             const std::vector<std::string>& title_lines)
    : sheet_(x_.workbook_add_worksheet(book, name.c_str())), formats_(formats), columns_(std::move(columns)) {
    if (!sheet_) throw std::runtime_error("xlsx: cannot add the sheet " + name);
    const auto last_col = static_cast<lxw_col_t>(columns_.size() - 1);
    for (const std::string& line : title_lines) {
        lxw_format* f = header_ == 0 ? formats_.title : formats_.subtitle;
        x_.worksheet_merge_range(sheet_, header_, 0, header_, last_col, cell_text(line).c_str(), f);
        x_.worksheet_set_row(sheet_, header_, header_ == 0 ? 24 : 18, nullptr);
        ++header_;
    }
    int lines = 1;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        x_.worksheet_set_column(sheet_, col, col, columns_[c].width, nullptr);
        x_.worksheet_write_string(sheet_, header_, col, cell_text(columns_[c].name).c_str(), formats_.header);
        lines = std::max(lines, wrapped_lines(columns_[c].name, columns_[c].width));
        if (columns_[c].name == "完成状态") lists_.emplace_back(c, kStatusChoices);
    }
    x_.worksheet_set_row(sheet_, header_, 15.0 * lines + 5, nullptr);
    x_.worksheet_freeze_panes(sheet_, header_ + 1, 0);
    // A4 landscape, all columns on the page's width, the header row on every page.
    x_.worksheet_set_landscape(sheet_);
    x_.worksheet_set_paper(sheet_, 9);
    x_.worksheet_set_margins(sheet_, 0.4, 0.4, 0.6, 0.6);
    x_.worksheet_fit_to_pages(sheet_, 1, 0);
    x_.worksheet_repeat_rows(sheet_, header_, header_);
    x_.worksheet_set_footer(sheet_, "&C第 &P 页，共 &N 页");
}

void Sheet::row(const std::vector<Cell>& cells) {
    const lxw_row_t r = header_ + 1 + static_cast<lxw_row_t>(rows_++);
    int lines = 1;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        lxw_format* f = columns_[c].align == Align::center ? formats_.center : formats_.left;
        if (cells[c].number) {
            x_.worksheet_write_number(sheet_, r, col, *cells[c].number, f);
            continue;
        }
        const std::string text = cell_text(cells[c].text);
        x_.worksheet_write_string(sheet_, r, col, text.c_str(), f);
        lines = std::max(lines, wrapped_lines(text, columns_[c].width));
    }
    // Excel does not size rows of wrapped text in a file it did not lay out itself: the height is
    // set from the lines each cell wraps to at its column's width (15 points a line).
    x_.worksheet_set_row(sheet_, r, 15.0 * lines + 3, nullptr);
}

void Sheet::choices(const std::string& column, std::vector<std::string> values) {
    for (std::size_t c = 0; c < columns_.size(); ++c)
        if (columns_[c].name == column && !values.empty()) lists_.emplace_back(c, std::move(values));
}

void Sheet::page_break() {
    if (rows_ > 0) breaks_.push_back(header_ + 1 + static_cast<lxw_row_t>(rows_));
}

void Sheet::finish() {
    const auto last_col = static_cast<lxw_col_t>(columns_.size() - 1);
    const lxw_row_t last_row = header_ + static_cast<lxw_row_t>(rows_);
    x_.worksheet_autofilter(sheet_, header_, 0, last_row, last_col);
    for (const auto& [col, values] : lists_) {
        if (rows_ == 0) break;
        std::vector<std::string> texts;
        for (const std::string& v : values) texts.push_back(cell_text(v));
        std::vector<char*> list;
        std::string shown;
        for (std::string& t : texts) {
            list.push_back(t.data());
            shown += (shown.empty() ? "" : " / ") + t;
        }
        list.push_back(nullptr);
        const std::string title = cell_text(columns_[col].name);
        lxw_data_validation validation{};
        validation.validate = LXW_VALIDATION_TYPE_LIST;
        validation.value_list = list.data();
        validation.input_title = const_cast<char*>(title.c_str());
        validation.input_message = const_cast<char*>(shown.c_str());
        const auto c = static_cast<lxw_col_t>(col);
        x_.worksheet_data_validation_range(sheet_, header_ + 1, c, last_row, c, &validation);
    }
    if (!breaks_.empty()) {
        breaks_.push_back(0);  // libxlsxwriter's list ends in 0
        x_.worksheet_set_h_pagebreaks(sheet_, breaks_.data());
    }
}

Book::Book() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/tasksplit-xlsx-XXXXXX";
    const int fd = ::mkstemp(path_.data());
    if (fd < 0) throw std::runtime_error(std::string("cannot create a temporary file: ") + std::strerror(errno));
    ::close(fd);
    book_ = x_.workbook_new(path_.c_str());
    if (!book_) {
        std::remove(path_.c_str());
        throw std::runtime_error("xlsx: cannot create the workbook");
    }
    auto format = [&](bool bold, double size, bool border, Align align) {
        lxw_format* f = x_.workbook_add_format(book_);
        if (bold) x_.format_set_bold(f);
        x_.format_set_font_size(f, size);
        if (border) {
            x_.format_set_border(f, LXW_BORDER_THIN);
            x_.format_set_text_wrap(f);
        }
        x_.format_set_align(f, align == Align::center ? LXW_ALIGN_CENTER : LXW_ALIGN_LEFT);
        x_.format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        return f;
    };
    formats_ = {format(true, 14, false, Align::center), format(false, 10, false, Align::center),
                format(true, 11, true, Align::center), format(false, 11, true, Align::left),
                format(false, 11, true, Align::center)};
    x_.format_set_bg_color(formats_.header, 0xD9E1F2);
}

Book::~Book() {
    if (book_) x_.workbook_close(book_);  // frees it; the file is removed below
    std::remove(path_.c_str());
}

Sheet Book::sheet(const std::string& name, std::vector<Column> columns, const std::vector<std::string>& title_lines) {
    return Sheet(book_, formats_, legal_name(name), std::move(columns), title_lines);
}

void Book::properties(const std::string& title, const std::string& subject) {
    const std::string t = cell_text(title), s = cell_text(subject);
    lxw_doc_properties p{};
    p.title = const_cast<char*>(t.c_str());
    p.subject = const_cast<char*>(s.c_str());
    x_.workbook_set_properties(book_, &p);
}

void Book::write(std::ostream& out) {
    const lxw_error e = x_.workbook_close(book_);
    book_ = nullptr;
    if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + x_.lxw_strerror(e));
    std::ifstream in(path_, std::ios::binary);
    out << in.rdbuf();
}

std::string Book::legal_name(const std::string& wanted) {
    std::string base;
    for (char c : cell_text(wanted)) base += std::string_view("[]:*?/\\\n\t").find(c) == std::string_view::npos ? c : '_';
    while (!base.empty() && base.front() == '\'') base.erase(0, 1);
    while (!base.empty() && base.back() == '\'') base.pop_back();
    if (base.empty()) base = "_";
    for (int k = 1;; ++k) {
        const std::string suffix = k == 1 ? "" : "(" + std::to_string(k) + ")";
        const std::string name = first_chars(base, 31 - static_cast<int>(suffix.size())) + suffix;
        if (lower(name) != "history" && names_.insert(lower(name)).second) return name;
    }
}

}  // namespace tasksplit::xlsx
