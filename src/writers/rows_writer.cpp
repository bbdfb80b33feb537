// csv / tsv: flat rows for spreadsheets and shell tools, one per item or (targets view) per target.
// CSV is RFC 4180 except that lines end in LF, not CRLF: Excel, LibreOffice and Python's csv module
// all accept LF, and LF keeps goldens and diffs clean. Cells inside quotes may hold LF or CR.
// TSV cannot quote, so tabs and line breaks inside a cell become spaces.
// Cells copied from the source are protected against formula injection in both: a spreadsheet runs a
// cell starting with = + - @ (or tab/CR, which some strip first) as a formula, so those get a leading '.
// Numbers we print ourselves (year, line, value, seq) are left alone so they stay numbers.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "writers_internal.hpp"

namespace tasksplit::writers {
namespace {

class RowWriter {
public:
    RowWriter(RowStyle style, std::ostream& out) : style_(style), out_(out) {}

    /// A cell whose text comes from the source document.
    RowWriter& text(std::string_view s) {
        std::string cell = style_ == RowStyle::tsv ? flatten(s) : std::string(s);
        if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
            cell.insert(0, 1, '\'');
        }
        return add(cell);
    }

    /// A cell we formatted ourselves: header names, numbers, booleans.
    RowWriter& plain(std::string_view s) { return add(std::string(s)); }

    void end_row() {
        out_ << '\n';
        first_ = true;
    }

private:
    // A tab separates TSV cells and a line break ends the row; CRLF counts as one break.
    static std::string flatten(std::string_view s) {
        std::string out;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
            out += (s[i] == '\t' || s[i] == '\r' || s[i] == '\n') ? ' ' : s[i];
        }
        return out;
    }

    static std::string quote_csv(const std::string& s) {
        if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
        std::string out = "\"";
        for (char c : s) {
            if (c == '"') out += '"';
            out += c;
        }
        return out + '"';
    }

    RowWriter& add(const std::string& cell) {
        if (!first_) out_ << (style_ == RowStyle::csv ? ',' : '\t');
        out_ << (style_ == RowStyle::csv ? quote_csv(cell) : cell);
        first_ = false;
        return *this;
    }

    RowStyle style_;
    std::ostream& out_;
    bool first_ = true;
};

std::string year_of(const Document& doc) {
    return doc.document.year ? std::to_string(*doc.document.year) : std::string();
}

/// What a cell is taken from: the document, the task, its target in the targets view, the row's
/// running number.
struct RowContext {
    const Document& doc;
    const TaskRef& task;
    const Target* target;
    std::size_t seq;
};

struct Column {
    RowColumn names;
    bool source_text;  ///< copied from the source: formula-protected; else printed by us
    std::function<std::string(const RowContext&)> value;
};

std::string leader_name(const RowContext& r) { return r.task.item->leader ? r.task.item->leader->name : ""; }
std::string section_title(const RowContext& r) { return r.task.section->title.value_or(""); }

const std::vector<Column>& item_columns() {
    static const std::vector<Column> columns{
        {{"source", "来源", true}, true, [](const RowContext& r) { return r.doc.source.path; }},
        {{"year", "年度", true}, false, [](const RowContext& r) { return year_of(r.doc); }},
        {{"part", "部分", true}, true, [](const RowContext& r) { return r.task.part->title; }},
        {{"section", "章节", true}, true, section_title},
        {{"leader", "分管领导", true}, true, leader_name},
        {{"leader_role", "领导职务", true}, true,
         [](const RowContext& r) { return r.task.item->leader ? r.task.item->leader->role : ""; }},
        {{"number", "项号", true}, true, [](const RowContext& r) { return r.task.item->number.value_or(""); }},
        {{"text", "任务内容", true}, true, [](const RowContext& r) { return r.task.item->text; }},
        {{"lead", "牵头单位", true}, true, [](const RowContext& r) { return unit_names(r.task.item->lead); }},
        {{"support", "配合单位", true}, true, [](const RowContext& r) { return unit_names(r.task.item->support); }},
        {{"deadline", "完成时限", true}, true, [](const RowContext& r) { return r.task.item->deadline.value_or(""); }},
        {{"line", "行", true}, false, [](const RowContext& r) { return std::to_string(r.task.item->span.line); }},
        {{"seq", "序号", false}, false, [](const RowContext& r) { return std::to_string(r.seq); }},
        {{"ref", "编号", false}, true, [](const RowContext& r) { return r.task.ref; }},
        {{"frequency", "汇报频次", false}, false, [](const RowContext& r) { return report_frequency(r.doc); }},
    };
    return columns;
}

const std::vector<Column>& target_columns() {
    static const std::vector<Column> columns{
        {{"source", "来源", true}, true, [](const RowContext& r) { return r.doc.source.path; }},
        {{"year", "年度", true}, false, [](const RowContext& r) { return year_of(r.doc); }},
        {{"section", "章节", true}, true, section_title},
        {{"leader", "分管领导", true}, true, leader_name},
        {{"number", "项号", true}, true, [](const RowContext& r) { return r.task.item->number.value_or(""); }},
        {{"indicator", "指标", true}, true, [](const RowContext& r) { return r.target->indicator; }},
        {{"verb", "动词", true}, true, [](const RowContext& r) { return r.target->verb; }},
        {{"value", "数值", true}, false, [](const RowContext& r) { return shortest_decimal(r.target->value); }},
        {{"measure", "计量单位", true}, true, [](const RowContext& r) { return r.target->measure; }},
        {{"bound", "约束", true}, true, [](const RowContext& r) { return r.target->bound; }},
        {{"aspirational", "预期性", true}, false,
         [](const RowContext& r) { return std::string(r.target->aspirational ? "true" : "false"); }},
        {{"lead", "牵头单位", true}, true, [](const RowContext& r) { return unit_names(r.task.item->lead); }},
        {{"text", "指标原文", true}, true, [](const RowContext& r) { return r.target->text; }},
        {{"seq", "序号", false}, false, [](const RowContext& r) { return std::to_string(r.seq); }},
        {{"ref", "编号", false}, true, [](const RowContext& r) { return r.task.ref; }},
    };
    return columns;
}

const std::vector<Column>& columns_of(const RowView& view) { return view.targets ? target_columns() : item_columns(); }

void write_cells(RowWriter& w, const RowView& view, const RowContext& r) {
    for (std::size_t c : view.columns) {
        const Column& column = columns_of(view)[c];
        if (column.source_text) w.text(column.value(r));
        else w.plain(column.value(r));
    }
    w.end_row();
}

}  // namespace

RowView row_view(RowStyle style, const WriteOptions& options) {
    RowView view{style, options.targets, {}, options.zh_headers};
    const auto& columns = options.targets ? target_columns() : item_columns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (options.columns.empty() && columns[c].names.by_default) view.columns.push_back(c);
    }
    // Names were checked against row_columns by the caller: one that is not there names nothing.
    for (const std::string& name : options.columns) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (columns[c].names.name == name) view.columns.push_back(c);
        }
    }
    return view;
}

bool RowView::numbered() const {
    for (std::size_t c : columns) {
        if (columns_of(*this)[c].names.name == "seq") return true;
    }
    return false;
}

void write_row_header(const RowView& view, std::ostream& out) {
    RowWriter w(view.style, out);
    for (std::size_t c : view.columns) {
        const RowColumn& names = columns_of(view)[c].names;
        w.plain(view.zh_headers ? names.zh : names.name);
    }
    w.end_row();
}

std::size_t write_rows(const Document& doc, const RowView& view, std::size_t first_seq, std::ostream& out) {
    RowWriter w(view.style, out);
    std::size_t seq = first_seq;
    for (const TaskRef& task : tasks_of(doc)) {
        if (!view.targets) {
            write_cells(w, view, RowContext{doc, task, nullptr, seq++});
            continue;
        }
        for (const Target& t : task.item->targets) write_cells(w, view, RowContext{doc, task, &t, seq++});
    }
    return seq - first_seq;
}

}  // namespace tasksplit::writers

namespace tasksplit {

std::vector<RowColumn> row_columns(bool targets) {
    std::vector<RowColumn> out;
    for (const auto& c : targets ? writers::target_columns() : writers::item_columns()) out.push_back(c.names);
    return out;
}

}  // namespace tasksplit
