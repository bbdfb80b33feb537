// csv / tsv: flat rows for spreadsheets and shell tools, one per item or (targets view) per target.
// CSV is RFC 4180 except that lines end in LF, not CRLF: Excel, LibreOffice and Python's csv module
// all accept LF, and LF keeps goldens and diffs clean. Cells inside quotes may hold LF or CR.
// TSV cannot quote, so tabs and line breaks inside a cell become spaces.
// Cells copied from the source are protected against formula injection in both: a spreadsheet runs a
// cell starting with = + - @ (or tab/CR, which some strip first) as a formula, so those get a leading '.
// Numbers we print ourselves (year, line, value) are left alone so they stay numbers.
#include <initializer_list>
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

std::string names(const std::vector<Unit>& units) {
    std::string out;
    for (const Unit& u : units) out += (out.empty() ? "" : "、") + u.name;
    return out;
}

std::string year_of(const Document& doc) {
    return doc.document.year ? std::to_string(*doc.document.year) : std::string();
}

void header(RowWriter& w, std::initializer_list<std::string_view> columns) {
    for (std::string_view c : columns) w.plain(c);
    w.end_row();
}

}  // namespace

void write_item_header(RowStyle style, std::ostream& out) {
    RowWriter w(style, out);
    header(w, {"source", "year", "part", "section", "leader", "leader_role", "number", "text", "lead", "support",
               "deadline", "line"});
}

void write_item_rows(const Document& doc, RowStyle style, std::ostream& out) {
    RowWriter w(style, out);
    for (const Part& part : doc.parts) {
        for (const Section& section : part.sections) {
            for (const Item& item : section.items) {
                w.text(doc.source.path).plain(year_of(doc)).text(part.title).text(section.title.value_or(""));
                w.text(item.leader ? item.leader->name : "").text(item.leader ? item.leader->role : "");
                w.text(item.number.value_or("")).text(item.text).text(names(item.lead)).text(names(item.support));
                w.text(item.deadline.value_or("")).plain(std::to_string(item.span.line));
                w.end_row();
            }
        }
    }
}

void write_target_header(RowStyle style, std::ostream& out) {
    RowWriter w(style, out);
    header(w, {"source", "year", "section", "leader", "number", "indicator", "verb", "value", "measure", "bound",
               "aspirational", "lead", "text"});
}

void write_target_rows(const Document& doc, RowStyle style, std::ostream& out) {
    RowWriter w(style, out);
    for (const Part& part : doc.parts) {
        for (const Section& section : part.sections) {
            for (const Item& item : section.items) {
                for (const Target& t : item.targets) {
                    w.text(doc.source.path).plain(year_of(doc)).text(section.title.value_or(""));
                    w.text(item.leader ? item.leader->name : "").text(item.number.value_or(""));
                    w.text(t.indicator).text(t.verb).plain(shortest_decimal(t.value)).text(t.measure);
                    w.text(t.bound).plain(t.aspirational ? "true" : "false").text(names(item.lead)).text(t.text);
                    w.end_row();
                }
            }
        }
    }
}

}  // namespace tasksplit::writers
