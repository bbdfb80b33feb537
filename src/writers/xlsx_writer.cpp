// xlsx: the supervision ledger (督办台账) a 督查室 keeps in Excel or WPS, written with libxlsxwriter.
// One workbook for all the documents: 督办台账 (every task, with columns for the office to fill in
// and a status drop-down), 按分管领导 (the same tasks grouped by leading official, a page each
// when printed), 量化指标 (one row per target), 问题 (diagnostics), then one sheet per unit with
// the tasks it leads and supports and the other units of each. With several documents a 来源
// column says which notice a row comes from.
// Cells are written as strings or numbers, never as formulas, so text from a notice cannot run as
// one (what the csv writer's leading ' guards against).
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

#include <unicode/utf8.h>
#include "tasksplit/query.hpp"
#include "writers_internal.hpp"
#include "xlsx_library.hpp"

namespace tasksplit::writers {
namespace {

/// Text an XLSX cell can hold: valid UTF-8 (other bytes become U+FFFD, as in JSON), no control
/// characters but line breaks (XML 1.0 cannot carry them), at most Excel's 32767 characters.
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
        ++chars;
        if (c < 0) out += "\xEF\xBF\xBD";
        else if (c == '\n' || c == '\t' || c >= 0x20) out.append(s.data() + start, static_cast<std::size_t>(i - start));
        else --chars;
    }
    return out;
}

/// Excel's rules for sheet names: at most 31 characters, none of []:*?/\, no ' at either end,
/// unique regardless of case, and not "History" (Excel's own).
class SheetNames {
public:
    std::string claim(const std::string& wanted) {
        std::string base;
        for (char c : cell_text(wanted)) base += std::string_view("[]:*?/\\\n\t").find(c) == std::string_view::npos ? c : '_';
        while (!base.empty() && base.front() == '\'') base.erase(0, 1);
        while (!base.empty() && base.back() == '\'') base.pop_back();
        if (base.empty()) base = "_";
        for (int k = 1;; ++k) {
            const std::string suffix = k == 1 ? "" : "(" + std::to_string(k) + ")";
            std::string name = first_chars(base, 31 - static_cast<int>(suffix.size())) + suffix;
            if (key(name) != "history" && taken_.insert(key(name)).second) return name;
        }
    }

private:
    static std::string first_chars(const std::string& s, int count) {
        std::int32_t i = 0;
        const auto n = static_cast<std::int32_t>(s.size());
        for (int k = 0; k < count && i < n; ++k) U8_FWD_1(s.data(), i, n);
        return s.substr(0, static_cast<std::size_t>(i));
    }
    static std::string key(std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }
    std::set<std::string> taken_;
};

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

const char* const kStatusChoices[] = {"未启动", "推进中", "已完成", "滞后", nullptr};

/// One sheet: lines of title above a header row, then rows; frozen header, filter, print setup.
class Sheet {
public:
    Sheet(lxw_workbook* book, const Formats& formats, const std::string& name, std::vector<Column> columns,
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
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            x_.worksheet_set_column(sheet_, col, col, columns_[c].width, nullptr);
            x_.worksheet_write_string(sheet_, header_, col, columns_[c].name.c_str(), formats_.header);
            if (columns_[c].name == "完成状态") status_col_ = c;
        }
        x_.worksheet_set_row(sheet_, header_, 20, nullptr);
        x_.worksheet_freeze_panes(sheet_, header_ + 1, 0);
        // A4 landscape, all columns on the page's width, the header row on every page.
        x_.worksheet_set_landscape(sheet_);
        x_.worksheet_set_paper(sheet_, 9);
        x_.worksheet_set_margins(sheet_, 0.4, 0.4, 0.6, 0.6);
        x_.worksheet_fit_to_pages(sheet_, 1, 0);
        x_.worksheet_repeat_rows(sheet_, header_, header_);
        x_.worksheet_set_footer(sheet_, "&C第 &P 页，共 &N 页");
    }

    void row(const std::vector<Cell>& cells) {
        const lxw_row_t r = header_ + 1 + rows_++;
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
        // Excel does not size rows of wrapped text in a file it did not lay out itself: the height
        // is set from the lines each cell wraps to at its column's width (15 points a line).
        x_.worksheet_set_row(sheet_, r, 15.0 * lines + 3, nullptr);
    }

    /// Breaks the printout before the next row.
    void page_break() {
        if (rows_ > 0) breaks_.push_back(header_ + 1 + rows_);
    }

    void finish() {
        const auto last_col = static_cast<lxw_col_t>(columns_.size() - 1);
        const lxw_row_t last_row = header_ + static_cast<lxw_row_t>(rows_);
        x_.worksheet_autofilter(sheet_, header_, 0, last_row, last_col);
        // A 完成状态 column gets the status drop-down on every row.
        if (status_col_ && rows_ > 0) {
            lxw_data_validation validation{};
            validation.validate = LXW_VALIDATION_TYPE_LIST;
            validation.value_list = const_cast<char**>(kStatusChoices);
            validation.input_title = const_cast<char*>("完成状态");
            validation.input_message = const_cast<char*>("未启动 / 推进中 / 已完成 / 滞后");
            const auto col = static_cast<lxw_col_t>(*status_col_);
            x_.worksheet_data_validation_range(sheet_, header_ + 1, col, last_row, col, &validation);
        }
        if (!breaks_.empty()) {
            breaks_.push_back(0);  // libxlsxwriter's list ends in 0
            x_.worksheet_set_h_pagebreaks(sheet_, breaks_.data());
        }
    }

private:
    static int wrapped_lines(const std::string& text, double width) {
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

    const XlsxLibrary& x_ = xlsx_library();
    lxw_worksheet* sheet_;
    const Formats& formats_;
    std::vector<Column> columns_;
    lxw_row_t header_ = 0;
    std::size_t rows_ = 0;
    std::optional<std::size_t> status_col_;  ///< the 完成状态 column, if the sheet has one
    std::vector<lxw_row_t> breaks_;
};

/// A task with the document it comes from.
struct Task {
    const Document* doc;
    TaskRef ref;
};

std::string source_of(const Document& doc) { return doc.source.path; }

std::string leader_of(const Item& item) { return item.leader ? item.leader->name : ""; }

std::string targets_text(const Item& item) {
    std::string out;
    for (const Target& t : item.targets) out += (out.empty() ? "" : "\n") + t.text;
    return out;
}

/// The name a unit is grouped by: the whole name the notice implies (Unit::canonical), else its own.
std::string unit_key(const Unit& u) { return u.canonical.empty() ? u.name : u.canonical; }

std::string names_except(const std::vector<Unit>& units, const std::string& key) {
    std::vector<Unit> others;
    for (const Unit& u : units) {
        if (unit_key(u) != key) others.push_back(u);
    }
    return unit_names(others);
}

/// Lines above the ledger: the notice's title, then its number, issuer and date; with several
/// notices one line each.
std::vector<std::string> ledger_title(const std::vector<Document>& docs) {
    auto title_of = [](const Document& d) { return d.document.title.value_or(d.source.path); };
    if (docs.size() == 1) {
        const DocumentMeta& m = docs.front().document;
        std::string line;
        for (const auto& part : {m.doc_number, m.issuer, m.date}) {
            if (part) line += (line.empty() ? "" : "　") + *part;
        }
        return {"督办台账：" + title_of(docs.front()), line};
    }
    std::vector<std::string> out{"督办台账（" + std::to_string(docs.size()) + " 份通知）"};
    for (const Document& d : docs) {
        out.push_back(title_of(d) + (d.document.doc_number ? "　" + *d.document.doc_number : "") + "（" + d.source.path + "）");
    }
    return out;
}

class Workbook {
public:
    Workbook(const std::string& path, const std::vector<Document>& docs) : docs_(docs), several_(docs.size() > 1) {
        book_ = x_.workbook_new(path.c_str());
        if (!book_) throw std::runtime_error("xlsx: cannot create the workbook");
        auto format = [&](bool bold, double size, bool border, bool wrap, Align align) {
            lxw_format* f = x_.workbook_add_format(book_);
            if (bold) x_.format_set_bold(f);
            x_.format_set_font_size(f, size);
            if (border) x_.format_set_border(f, LXW_BORDER_THIN);
            if (wrap) x_.format_set_text_wrap(f);
            x_.format_set_align(f, align == Align::center ? LXW_ALIGN_CENTER : LXW_ALIGN_LEFT);
            x_.format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
            return f;
        };
        formats_ = {format(true, 14, false, false, Align::center), format(false, 10, false, false, Align::center),
                    format(true, 11, true, true, Align::center), format(false, 11, true, true, Align::left),
                    format(false, 11, true, true, Align::center)};
        x_.format_set_bg_color(formats_.header, 0xD9E1F2);
        for (const Document& d : docs_) {
            for (const TaskRef& r : tasks_of(d)) tasks_.push_back({&d, r});
        }
    }
    ~Workbook() {
        if (book_) x_.workbook_close(book_);
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    void write() {
        if (docs_.size() == 1 && docs_.front().document.title) {
            lxw_doc_properties properties{};
            properties.title = const_cast<char*>(docs_.front().document.title->c_str());
            properties.subject = const_cast<char*>("督办台账");
            x_.workbook_set_properties(book_, &properties);
        }
        ledger();
        by_leader();
        targets();
        diagnostics();
        units();
        const lxw_error e = x_.workbook_close(book_);
        book_ = nullptr;
        if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + x_.lxw_strerror(e));
    }

private:
    /// `columns` with 来源 after the first when there are several notices.
    std::vector<Column> with_source(std::vector<Column> columns) const {
        if (several_) columns.insert(columns.begin() + 1, Column{"来源", 18});
        return columns;
    }
    std::vector<Cell> with_source(std::vector<Cell> cells, const Document& doc) const {
        if (several_) cells.insert(cells.begin() + 1, Cell(source_of(doc)));
        return cells;
    }

    void ledger() {
        Sheet sheet(book_, formats_, names_.claim("督办台账"),
                    with_source({{"序号", 5, Align::center}, {"编号", 7, Align::center}, {"分管领导", 9, Align::center},
                                 {"任务内容", 50}, {"牵头单位", 16}, {"配合单位", 18}, {"完成时限", 10, Align::center},
                                 {"汇报频次", 8, Align::center}, {"量化指标", 20}, {"进展情况", 20},
                                 {"完成状态", 9, Align::center}, {"备注", 10}}),
                    ledger_title(docs_));
        double seq = 0;
        for (const Task& t : tasks_) {
            const Item& item = *t.ref.item;
            // 汇报频次 stays empty: the model does not read the reporting rhythm (yet); the office fills it.
            sheet.row(with_source({++seq, t.ref.ref, leader_of(item), item.text, unit_names(item.lead),
                                   unit_names(item.support), item.deadline.value_or(""), "", targets_text(item), "", "", ""},
                                  *t.doc));
        }
        sheet.finish();
    }

    void by_leader() {
        Sheet sheet(book_, formats_, names_.claim("按分管领导"),
                    with_source({{"分管领导", 10, Align::center}, {"序号", 5, Align::center}, {"编号", 7, Align::center},
                                 {"任务内容", 56}, {"牵头单位", 18}, {"配合单位", 20}, {"完成时限", 10, Align::center}}),
                    {"督办台账：按分管领导"});
        std::vector<std::string> leaders;
        for (const Task& t : tasks_) {
            const std::string name = leader_of(*t.ref.item);
            if (std::find(leaders.begin(), leaders.end(), name) == leaders.end()) leaders.push_back(name);
        }
        for (const std::string& leader : leaders) {
            sheet.page_break();
            double seq = 0;
            for (const Task& t : tasks_) {
                const Item& item = *t.ref.item;
                if (leader_of(item) != leader) continue;
                sheet.row(with_source({leader.empty() ? "（未注明）" : leader, ++seq, t.ref.ref, item.text,
                                       unit_names(item.lead), unit_names(item.support), item.deadline.value_or("")},
                                      *t.doc));
            }
        }
        sheet.finish();
    }

    void targets() {
        Sheet sheet(book_, formats_, names_.claim("量化指标"),
                    with_source({{"序号", 5, Align::center}, {"编号", 7, Align::center}, {"分管领导", 9, Align::center},
                                 {"指标", 24}, {"动词", 7, Align::center}, {"数值", 8, Align::center},
                                 {"计量单位", 8, Align::center}, {"约束", 6, Align::center}, {"预期性", 7, Align::center},
                                 {"牵头单位", 18}, {"指标原文", 40}}),
                    {"量化指标"});
        double seq = 0;
        for (const Task& t : tasks_) {
            const Item& item = *t.ref.item;
            for (const Target& target : item.targets) {
                sheet.row(with_source({++seq, t.ref.ref, leader_of(item), target.indicator, target.verb, target.value,
                                       target.measure, target.bound, target.aspirational ? "是" : "否",
                                       unit_names(item.lead), target.text},
                                      *t.doc));
            }
        }
        sheet.finish();
    }

    void diagnostics() {
        static const std::map<std::string, std::string> severity{{"error", "错误"}, {"warning", "警告"}, {"info", "提示"}};
        Sheet sheet(book_, formats_, names_.claim("问题"),
                    with_source({{"序号", 5, Align::center}, {"级别", 6, Align::center}, {"代码", 22}, {"行", 6, Align::center},
                                 {"列", 5, Align::center}, {"说明", 80}}),
                    {"解析问题（tasksplit 的诊断）"});
        double seq = 0;
        for (const Document& doc : docs_) {
            for (const Diagnostic& d : doc.diagnostics) {
                auto level = severity.find(d.severity);
                sheet.row(with_source({++seq, level == severity.end() ? d.severity : level->second, d.code,
                                       static_cast<double>(d.line), static_cast<double>(d.column), d.message},
                                      doc));
            }
        }
        sheet.finish();
    }

    /// One sheet per unit, in order of first appearance: the tasks it leads, then those it supports.
    void units() {
        std::vector<std::string> keys;
        for (const Task& t : tasks_) {
            for (const auto* list : {&t.ref.item->lead, &t.ref.item->support}) {
                for (const Unit& u : *list) {
                    if (std::find(keys.begin(), keys.end(), unit_key(u)) == keys.end()) keys.push_back(unit_key(u));
                }
            }
        }
        auto holds = [](const std::vector<Unit>& units, const std::string& key) {
            return std::any_of(units.begin(), units.end(), [&](const Unit& u) { return unit_key(u) == key; });
        };
        for (const std::string& key : keys) {
            std::vector<const Task*> lead, support;
            for (const Task& t : tasks_) {
                if (holds(t.ref.item->lead, key)) lead.push_back(&t);
                else if (holds(t.ref.item->support, key)) support.push_back(&t);
            }
            Sheet sheet(book_, formats_, names_.claim(key),
                        with_source({{"序号", 5, Align::center}, {"编号", 7, Align::center}, {"承担方式", 8, Align::center},
                                     {"任务内容", 48}, {"其他牵头单位", 16}, {"其他配合单位", 18},
                                     {"分管领导", 9, Align::center}, {"完成时限", 10, Align::center}, {"进展情况", 20},
                                     {"完成状态", 9, Align::center}}),
                        {key, "牵头 " + std::to_string(lead.size()) + " 项，配合 " + std::to_string(support.size()) + " 项"});
            double seq = 0;
            for (const auto* group : {&lead, &support}) {
                for (const Task* t : *group) {
                    const Item& item = *t->ref.item;
                    sheet.row(with_source({++seq, t->ref.ref, group == &lead ? "牵头" : "配合", item.text,
                                           names_except(item.lead, key), names_except(item.support, key),
                                           leader_of(item), item.deadline.value_or(""), "", ""},
                                          *t->doc));
                }
            }
            sheet.finish();
        }
    }

    const XlsxLibrary& x_ = xlsx_library();
    lxw_workbook* book_;
    const std::vector<Document>& docs_;
    bool several_;
    Formats formats_{};
    std::vector<Task> tasks_;
    SheetNames names_;
};

}  // namespace

void write_xlsx(const std::vector<Document>& docs, std::ostream& out) {
    // libxlsxwriter 1.1 writes only to a named file: build the workbook in a temporary one, then
    // copy it into `out` (the caller's atomic output, or stdout).
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/tasksplit-xlsx-XXXXXX";
    const int fd = ::mkstemp(path.data());
    if (fd < 0) throw std::runtime_error(std::string("cannot create a temporary file: ") + std::strerror(errno));
    ::close(fd);
    struct Remove {
        const std::string& path;
        ~Remove() { std::remove(path.c_str()); }
    } remove{path};
    Workbook(path, docs).write();
    std::ifstream in(path, std::ios::binary);
    out << in.rdbuf();
}

}  // namespace tasksplit::writers
