// Rendering query and units results: terminal table measured in display columns, Markdown,
// CSV/TSV (the conventions of parse --to csv) and JSON / JSON Lines.
#include <algorithm>
#include <nlohmann/json.hpp>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "tasksplit/query.hpp"

namespace tasksplit {
namespace {

struct Glyph {
    std::size_t start;
    std::size_t size;
    int width;
    UChar32 c;
};

bool is_control(UChar32 c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }

int char_width(UChar32 c) {
    if (is_control(c)) return 0;
    int8_t category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) return 0;
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

std::vector<Glyph> glyphs(std::string_view s) {
    std::vector<Glyph> out;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t n = static_cast<int32_t>(s.size()), i = 0;
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) c = 0xFFFD;  // an invalid byte shows as one replacement character
        out.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(i - start), char_width(c), c});
    }
    return out;
}

/// One line of text safe to print in a cell: tabs and line breaks become spaces (CRLF one space),
/// other control characters, which a terminal would act on, are dropped.
std::string one_line(std::string_view s) {
    std::string out;
    std::vector<Glyph> gs = glyphs(s);
    for (std::size_t k = 0; k < gs.size(); ++k) {
        UChar32 c = gs[k].c;
        if (c == '\r' && k + 1 < gs.size() && gs[k + 1].c == '\n') continue;
        if (c == '\t' || c == '\n' || c == '\r') out += ' ';
        else if (c == 0xFFFD) out += "\uFFFD";  // also what an invalid byte decoded to
        else if (!is_control(c)) out.append(s.substr(gs[k].start, gs[k].size));
    }
    return out;
}

std::string pad(const std::string& cell, int width, bool right) {
    std::string fill(static_cast<std::size_t>(std::max(0, width - display_width(cell))), ' ');
    return right ? fill + cell : cell + fill;
}

/// `s` cut at its start to at most `width` columns, beginning with "…" when cut.
std::string fit_width_end(std::string_view s, int width) {
    if (display_width(s) <= width) return std::string(s);
    if (width <= 0) return "";
    std::vector<Glyph> gs = glyphs(s);
    int used = 0;
    std::size_t from = gs.size();
    while (from > 0 && used + gs[from - 1].width <= width - 1) used += gs[--from].width;
    return "…" + std::string(s.substr(from < gs.size() ? gs[from].start : s.size()));
}

/// An empty result prints nothing: a bare header tells a reader less than the command's message.
void write_table(const Grid& grid, int width, std::ostream& out) {
    if (grid.rows.empty()) return;
    const std::size_t ncols = grid.columns.size();
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : grid.rows) {
        std::vector<std::string> line;
        for (const auto& cell : row) line.push_back(one_line(cell));
        cells.push_back(std::move(line));
    }
    std::vector<int> w(ncols);
    for (std::size_t c = 0; c < ncols; ++c) {
        w[c] = display_width(grid.columns[c].name);
        for (const auto& line : cells) w[c] = std::max(w[c], display_width(line[c]));
    }
    int total = 2 * static_cast<int>(ncols > 0 ? ncols - 1 : 0);
    for (int x : w) total += x;
    // First cut down to a width at which a cell still says something: 16 columns for the columns cut
    // first (source, section), 8 for the ones cut last (unit, text). Only if that is not enough, down
    // to the header. Within a stage, rank 1 gives up width before rank 2.
    for (bool readable : {true, false}) {
        for (int rank = 1; rank <= 2; ++rank) {
            while (width > 0 && total > width) {
                int widest = -1;
                for (std::size_t c = 0; c < ncols; ++c) {
                    const Grid::Column& col = grid.columns[c];
                    int least = display_width(col.name);
                    if (readable) least = std::max(least, col.shrink == 1 ? 16 : 8);
                    if (col.shrink == rank && w[c] > least && (widest < 0 || w[c] > w[widest])) widest = static_cast<int>(c);
                }
                if (widest < 0) break;
                --w[widest];
                --total;
            }
        }
    }
    auto emit = [&](const std::vector<std::string>& line) {
        std::string text;
        for (std::size_t c = 0; c < ncols; ++c) {
            const Grid::Column& col = grid.columns[c];
            std::string cell = col.keep_end ? fit_width_end(line[c], w[c]) : fit_width(line[c], w[c]);
            if (c > 0) text += "  ";
            // The last column is not padded on the right: no trailing blanks.
            text += (c + 1 == ncols && !col.numeric) ? cell : pad(cell, w[c], col.numeric);
        }
        out << text << '\n';
    };
    std::vector<std::string> header, rule;
    for (std::size_t c = 0; c < ncols; ++c) {
        header.push_back(grid.columns[c].name);
        rule.push_back(std::string(static_cast<std::size_t>(w[c]), '-'));
    }
    emit(header);
    emit(rule);
    for (const auto& line : cells) emit(line);
}

void write_markdown(const Grid& grid, std::ostream& out) {
    const std::size_t ncols = grid.columns.size();
    auto cell_text = [](const std::string& s) {
        std::string out;
        for (char ch : one_line(s)) {
            if (ch == '|') out += '\\';
            out += ch;
        }
        return out;
    };
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : grid.rows) {
        std::vector<std::string> line;
        for (const auto& cell : row) line.push_back(cell_text(cell));
        cells.push_back(std::move(line));
    }
    // Padded by display width so the source lines up too, not only the rendered table.
    std::vector<int> w(ncols);
    for (std::size_t c = 0; c < ncols; ++c) {
        w[c] = std::max(3, display_width(grid.columns[c].name));
        for (const auto& line : cells) w[c] = std::max(w[c], display_width(line[c]));
    }
    auto emit = [&](const std::vector<std::string>& line) {
        out << '|';
        for (std::size_t c = 0; c < ncols; ++c) out << ' ' << pad(line[c], w[c], grid.columns[c].numeric) << " |";
        out << '\n';
    };
    std::vector<std::string> header;
    for (const auto& col : grid.columns) header.push_back(cell_text(col.name));
    emit(header);
    out << '|';
    for (std::size_t c = 0; c < ncols; ++c)
        out << ' ' << std::string(static_cast<std::size_t>(w[c] - 1), '-') << (grid.columns[c].numeric ? ':' : '-')
            << " |";
    out << '\n';
    for (const auto& line : cells) emit(line);
}

void write_delimited(const Grid& grid, bool tsv, std::ostream& out) {
    auto cell = [&](std::string s, bool from_source) {
        if (tsv) s = one_line(s);
        // A spreadsheet runs a cell starting with = + - @ as a formula (see rows_writer.cpp).
        if (from_source && !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos)
            s.insert(0, 1, '\'');
        if (tsv || s.find_first_of(",\"\r\n") == std::string::npos) return s;
        std::string quoted = "\"";
        for (char ch : s) {
            if (ch == '"') quoted += '"';
            quoted += ch;
        }
        return quoted + '"';
    };
    const char sep = tsv ? '\t' : ',';
    std::string text;
    for (std::size_t c = 0; c < grid.columns.size(); ++c) text += (c ? std::string(1, sep) : "") + cell(grid.columns[c].name, false);
    text += '\n';
    for (const auto& row : grid.rows) {
        for (std::size_t c = 0; c < row.size(); ++c)
            text += (c ? std::string(1, sep) : "") + cell(row[c], !grid.columns[c].numeric);
        text += '\n';
    }
    out << text;
}

nlohmann::ordered_json row_object(const Grid& grid, const std::vector<std::string>& row) {
    nlohmann::ordered_json obj = nlohmann::ordered_json::object();
    for (std::size_t c = 0; c < grid.columns.size(); ++c) {
        const Grid::Column& col = grid.columns[c];
        if (!col.numeric) obj[col.name] = row[c];
        else if (row[c].empty()) obj[col.name] = nullptr;
        else obj[col.name] = std::stoll(row[c]);
    }
    return obj;
}

std::string year_text(const std::optional<int>& year) { return year ? std::to_string(*year) : std::string(); }

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : "、") + n;
    return out;
}

}  // namespace

int display_width(std::string_view utf8) {
    int w = 0;
    for (const Glyph& g : glyphs(utf8)) w += g.width;
    return w;
}

std::string fit_width(std::string_view utf8, int width) {
    if (display_width(utf8) <= width) return std::string(utf8);
    if (width <= 0) return "";
    std::string out;
    int used = 0;
    for (const Glyph& g : glyphs(utf8)) {
        if (used + g.width > width - 1) break;
        out.append(utf8.substr(g.start, g.size));
        used += g.width;
    }
    return out + "…";
}

std::optional<GridFormat> parse_grid_format(std::string_view name) {
    if (name == "table") return GridFormat::table;
    if (name == "json") return GridFormat::json;
    if (name == "jsonl") return GridFormat::jsonl;
    if (name == "csv") return GridFormat::csv;
    if (name == "tsv") return GridFormat::tsv;
    if (name == "md") return GridFormat::md;
    return std::nullopt;
}

namespace {

std::string role_text(const std::string& role, const GridStyle& style) {
    return style.machine ? role : tr(style.lang, role);
}

/// A column that is never cut and holds a number (seq, year, line).
Grid::Column number_column(const char* name, const char* zh) { return {name, true, 0, false, zh}; }

}  // namespace

Grid query_grid(const std::vector<QueryRow>& rows, GridStyle style) {
    Grid grid;
    const Grid::Column seq = number_column("seq", "序号"), ref{"ref", false, 0, false, "编号"};
    grid.columns = {{"source", false, 1, true, "来源"}, number_column("year", "年度"), {"part", false, 0, false, "部分"},
                    {"section", false, 1, false, "章节"}, {"leader", false, 0, false, "分管领导"},
                    {"number", false, 0, false, "项号"}, {"role", false, 0, false, "职责"},
                    {"unit", false, 2, false, "单位"}, {"text", false, 2, false, "任务内容"}, number_column("line", "行")};
    if (style.machine) {
        grid.columns.push_back({"canonical", false, 2, false, "规范名称"});
        grid.columns.push_back(seq);
        grid.columns.push_back(ref);
    } else {
        grid.columns.insert(grid.columns.begin(), seq);
        grid.columns[6] = ref;  // the number with its section: what a reader looks up
    }
    std::size_t n = 0;
    for (const QueryRow& r : rows) {
        const std::string number = std::to_string(++n);
        std::vector<std::string> cells = {r.source, year_text(r.year), r.part, r.section, r.leader,
                                          style.machine ? r.number : r.ref, role_text(r.role, style), r.unit, r.text,
                                          std::to_string(r.line)};
        if (style.machine) {
            cells.insert(cells.end(), {r.canonical, number, r.ref});
        } else {
            cells.insert(cells.begin(), number);
        }
        grid.rows.push_back(std::move(cells));
    }
    return grid;
}

Grid task_grid(const std::vector<TaskRow>& rows, bool with_role, GridStyle style) {
    Grid grid;
    grid.columns = {number_column("seq", "序号"), {"source", false, 1, true, "来源"}, number_column("year", "年度"),
                    {"ref", false, 0, false, "编号"}, {"leader", false, 0, false, "分管领导"}};
    if (with_role) grid.columns.push_back({"role", false, 0, false, "职责"});
    grid.columns.insert(grid.columns.end(), {{"lead", false, 2, false, "牵头单位"}, {"support", false, 2, false, "配合单位"},
                                              {"deadline", false, 1, false, "完成时限"}, {"text", false, 2, false, "任务内容"},
                                              number_column("line", "行")});
    std::size_t n = 0;
    for (const TaskRow& r : rows) {
        std::vector<std::string> cells = {std::to_string(++n), r.source, year_text(r.year), r.ref, r.leader};
        if (with_role) cells.push_back(role_text(r.role, style));
        cells.insert(cells.end(), {joined(r.lead), joined(r.support), r.deadline, r.text, std::to_string(r.line)});
        grid.rows.push_back(std::move(cells));
    }
    return grid;
}

Grid units_grid(const std::vector<UnitSummary>& units, GridStyle style) {
    Grid grid;
    grid.columns = {{"unit", false, 2, false, "单位"},  {"kind", false, 0, false, "类别"}, {"names", false, 1, false, "其他名称"},
                    {"source", false, 1, true, "来源"}, number_column("year", "年度"),  number_column("lead", "牵头"),
                    number_column("support", "配合"), number_column("total", "合计")};
    const Grid::Column seq = number_column("seq", "序号");
    if (style.machine) grid.columns.push_back(seq);
    else grid.columns.insert(grid.columns.begin(), seq);
    std::size_t n = 0;
    for (const UnitSummary& u : units)
        for (const NoticeCount& c : u.notices) {
            std::vector<std::string> cells{u.unit, style.machine ? u.kind : tr(style.lang, u.kind), joined(c.names), c.source,
                                           year_text(c.year), std::to_string(c.lead), std::to_string(c.support),
                                           std::to_string(c.lead + c.support)};
            if (style.machine) cells.push_back(std::to_string(++n));
            else cells.insert(cells.begin(), std::to_string(++n));
            grid.rows.push_back(std::move(cells));
        }
    return grid;
}

void write_grid(const Grid& grid, GridFormat format, int width, std::ostream& out, bool zh_headers) {
    if (zh_headers && format != GridFormat::json && format != GridFormat::jsonl) {
        Grid named = grid;
        for (Grid::Column& c : named.columns)
            if (!c.zh.empty()) c.name = c.zh;
        write_grid(named, format, width, out, false);
        return;
    }
    switch (format) {
        case GridFormat::table:
            write_table(grid, width, out);
            break;
        case GridFormat::md:
            write_markdown(grid, out);
            break;
        case GridFormat::csv:
        case GridFormat::tsv:
            write_delimited(grid, format == GridFormat::tsv, out);
            break;
        case GridFormat::json: {
            nlohmann::ordered_json all = nlohmann::ordered_json::array();
            for (const auto& row : grid.rows) all.push_back(row_object(grid, row));
            out << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
            break;
        }
        case GridFormat::jsonl: {
            std::string text;
            for (const auto& row : grid.rows)
                text += row_object(grid, row).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
            out << text;
            break;
        }
    }
}

}  // namespace tasksplit
