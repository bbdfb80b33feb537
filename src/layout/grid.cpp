// Stage C for grids and tables, in any wording and however they were flattened: a cell per
// line (with or without bars and blank lines) or a row per line (bars, tabs, spaces). A grid
// is found by its numbering chain (lone numbers 1, 2, 3 … one period of cells apart, or rows
// that open with them); its columns are typed by what their cells hold (unit lists, names,
// times, long text). Header words, in any number, only settle lead vs support and text vs
// detail. Both layouts share one row-to-item path (align_row, make_item).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "layout.hpp"
#include "tasksplit/clauses.hpp"
#include "tasksplit/parse.hpp"
#include "tasksplit/units.hpp"

namespace tasksplit::layout {
namespace {

struct GCell {
    Run run;
    CellType type = CellType::empty;
    bool dated = false;  ///< a date, or a text naming dates ("塘溪学校:2024年9月;幼儿园:2024年11月")
    int line = 0, last_line = 0;  ///< 0-based
    int chars = 0;
};

icu::UnicodeString squeezed(const Run& r) {
    icu::UnicodeString s;
    for (int32_t k = 0; k < r.size(); ++k)
        if (!is_space(r.fold.charAt(k))) s.append(r.fold.charAt(k));
    return s;
}

bool sentence_inside(const icu::UnicodeString& s) {
    for (int32_t k = 0; k + 1 < s.length(); ++k)
        if (s.charAt(k) == u'。' || s.charAt(k) == u';' || s.charAt(k) == u'!') return true;
    return false;
}

/// Longer than this, a text naming dates is a task or its detail, not a time cell.
constexpr int32_t kDatedMaxChars = 80;

class Typer {
public:
    Typer(const SourceText& t, const Rules& r, const Evidence& ev) : t_(t), r_(r), ev_(ev) {}

    /// `chars` gets the cell's length without spaces.
    CellType type_of(const Run& cell, int32_t a, int32_t b, int& chars) const {
        const icu::UnicodeString sq = squeezed(cell);
        chars = sq.length();
        if (sq.isEmpty()) return CellType::empty;
        if (a < b) {
            NumberToken n = number_at(t_, a, b);
            if (n && n.style != NumberStyle::chinese_comma && n.style != NumberStyle::chinese_paren) {
                int32_t k = n.end;
                while (k < b && is_space(t_.fold.charAt(k))) ++k;
                if (k == b) return CellType::number;
            }
            if (n && (n.style == NumberStyle::chinese_comma || n.style == NumberStyle::chinese_paren) &&
                sq.length() <= ev_.heading_max_chars)
                return CellType::heading;
        }
        if (sq.length() <= 16 && r_.deadline_cell.find(sq)) return CellType::date;
        if (r_.clause_label.find(sq)) return CellType::text;  // "牵头单位：X" is a clause, not a cell
        // "商务局、高新区、岳麓区" opens with surnames too: names that end like units are units.
        if (sq.length() <= 12 && r_.person_cell.match_at(sq) && unit_kind(sq, r_) == "other" &&
            (r_.surnames.isEmpty() || r_.surnames.indexOf(sq.charAt(0)) >= 0) && unit_share(cell) < ev_.unit_share_min)
            return CellType::person;
        if (!sentence_inside(sq) && unit_share(cell) >= ev_.unit_share_min) return CellType::unit;
        return CellType::text;
    }

    /// A time cell of a grid may name several dates with labels ("启动项目:1. 泰康中路:2024年7月;…"):
    /// too long for a date cell, it still fits a time column better than a task text does.
    bool dated(const Run& cell, CellType type) const {
        if (type == CellType::date) return true;
        if (type != CellType::text || cell.size() > kDatedMaxChars) return false;
        const icu::UnicodeString sq = squeezed(cell);
        const int32_t stop = sq.indexOf(u'。');
        return (stop < 0 || stop == sq.length() - 1) && r_.deadline_cell.find(sq);
    }

    /// The share of the names in a cell that read as units (市发改委, 各乡镇, 招商工作部).
    double unit_share(const Run& cell) const {
        UnitList list = split_units(unit_run(cell), r_);
        // "新增公办托位200个" opens like a unit (公办) and runs on: a text.
        if (list.units.empty() || list.run_on) return 0;
        int known = 0;
        // A name holds no figures: "新建城市书房6处" ends like a division (处) but is a task.
        for (const auto& u : list.units)
            known += u.kind != "other" && u.name.size() <= 3 * 24 &&
                     std::none_of(u.name.begin(), u.name.end(), [](char c) { return c >= '0' && c <= '9'; });
        return static_cast<double>(known) / list.units.size();
    }

    /// A unit cell with its names set apart by spaces ("市商务局 市财政局", a cell printed over
    /// two lines) reads as a list: a space between two names becomes a separator.
    Run unit_run(const Run& cell) const {
        Run out;
        // A unit cell may close like a sentence ("…六安供电公司等。"): the stop is no part of a name.
        int32_t size = cell.size();
        while (size > 0 && (cell.fold.charAt(size - 1) == u'。' || cell.fold.charAt(size - 1) == u';' ||
                            is_space(cell.fold.charAt(size - 1))))
            --size;
        int32_t k = 0;
        while (k < size) {
            int32_t e = k;
            while (e < size && !is_space(cell.fold.charAt(e))) ++e;
            if (e > k) {
                if (!out.empty()) {
                    const char16_t last = out.fold.charAt(out.size() - 1);
                    const bool sep = std::find(r_.separators.begin(), r_.separators.end(), last) != r_.separators.end();
                    if (!sep) out.append_text(u"、");
                }
                out.append(cell.sub(k, e));
            }
            k = e;
            while (k < size && is_space(cell.fold.charAt(k))) ++k;
        }
        return out;
    }

private:
    const SourceText& t_;
    const Rules& r_;
    const Evidence& ev_;
};

/// A grid of fewer columns than this is no grid: a task and who does it.
constexpr int kMinStreamColumns = 2;

bool is_unit(Role r) { return r == Role::lead || r == Role::support || r == Role::units; }

struct Row {
    NumberToken number;
    bool glued = false;  ///< cells found in a run of glued text: an empty cell is none, not merged
    int line = 0;
    int32_t start = -1;  ///< where the row begins in the source, when not at its line's start
    std::vector<GCell> cells;
};

struct ColumnProfile {
    Role role = Role::other;
    double mean_chars = 0;
    bool named = false;  ///< the header names its role (牵头单位), not only its place among the unit columns
};

/// A column left empty: a merged cell, likelier in unit, name and time columns. A row always
/// prints its task: a task cell that reads like a unit ("新建县域物流集散中心") is still taken.
double empty_fit(Role role) {
    if (role == Role::text) return -3.0;
    return is_unit(role) || role == Role::leader || role == Role::deadline ? -0.3 : -0.6;
}

/// How well one cell fills a column by its type; `first` when no cell of the column precedes it.
double cell_fit(Role role, const GCell& c, bool first) {
    switch (role) {
        case Role::text:
        case Role::detail:
            // A text naming dates is likelier a time cell's continuation ("1. 滨河东段:2026年6月;…").
            if (c.type == CellType::text) return (first ? 1.0 : 0.4) - (c.dated ? 0.3 : 0.0);
            return c.type == CellType::unit ? -1.0 : -0.2;
        case Role::lead:
        case Role::support:
        case Role::units: return c.type == CellType::unit ? 1.0 : -1.0;
        case Role::leader: return c.type == CellType::person && first ? 1.0 : -1.0;
        case Role::deadline:
            return c.type == CellType::date ? 1.0 : c.dated ? 0.3 : c.type == CellType::text && c.chars <= 12 ? 0.0 : -1.0;
        case Role::number: return c.type == CellType::number ? 1.0 : -1.0;
        case Role::other: return 0.2;
    }
    return 0;
}

/// How well a group of cells fills a column (higher is better).
double fit(const ColumnProfile& col, const std::vector<GCell>& cells, std::size_t a, std::size_t b) {
    if (a == b) return empty_fit(col.role);
    double s = 0;
    for (std::size_t k = a; k < b; ++k) {
        const GCell& c = cells[k];
        const bool shaped = col.role != Role::leader && col.role != Role::deadline && col.role != Role::number &&
                            col.role != Role::other;
        const double shape = -0.25 * std::min(2.0, std::fabs(std::log((c.chars + 1.0) / (col.mean_chars + 1.0))));
        s += cell_fit(col.role, c, k == a) + (shaped ? shape : 0.0);
    }
    return s;
}

/// Where the rows of a stream of cells begin, each row a cell or none per column in order
/// (none: a merged cell), for the best total fit: a cell that fits no column after the
/// last one filled opens the next row. Columns without a mean length yet fit by type alone.
std::vector<std::size_t> stream_rows(const std::vector<ColumnProfile>& cols, const std::vector<GCell>& cells) {
    const std::size_t p = cols.size(), m = cells.size();
    constexpr double kNone = -1e18;
    // Merged cells group rows by the columns on the left (a lead printed once for its rows): a
    // cell missing further right is a little less likely ("县交通运输局 | 完成… | 县公安局 |
    // 推进… | 县财政局": the second unit list is the second row's, not the first's).
    constexpr double kRightMerge = 0.05;
    // The best fit of cells [i, i + len) as one row, each column taking one cell or none.
    auto row_fit = [&](std::size_t i, std::size_t len) {
        std::vector<double> took(len + 1, kNone), next(len + 1);
        took[0] = 0;
        for (std::size_t j = 0; j < p; ++j) {
            for (std::size_t k = 0; k <= len; ++k) {
                next[k] = took[k] == kNone ? kNone : took[k] + empty_fit(cols[j].role) - kRightMerge * static_cast<double>(j);
                const std::size_t c = i + k - 1;
                if (k > 0 && took[k - 1] != kNone)
                    next[k] = std::max(next[k], took[k - 1] + (cols[j].mean_chars > 0 ? fit(cols[j], cells, c, c + 1)
                                                                                        : cell_fit(cols[j].role, cells[c], true)));
            }
            took.swap(next);
        }
        return took[len];
    };
    std::vector<double> best(m + 1, kNone);
    std::vector<std::size_t> from(m + 1, 0);
    best[0] = 0;
    for (std::size_t e = 1; e <= m; ++e)
        for (std::size_t len = 1; len <= std::min(p, e); ++len) {
            if (best[e - len] == kNone) continue;
            const double v = best[e - len] + row_fit(e - len, len);
            if (v > best[e]) {
                best[e] = v;
                from[e] = e - len;
            }
        }
    std::vector<std::size_t> starts;
    for (std::size_t e = m; e > 0; e = from[e]) starts.push_back(from[e]);
    std::reverse(starts.begin(), starts.end());
    return starts;
}


/// A row of as many cells as columns, each of a type its column takes, is read one cell per
/// column: "区发改局" / "区经信局" after a task are its lead and its support, not one lead
/// cell printed over two lines with the support left empty.
/// A row of one cell per column, each fitting it. The task's cell (or its detail's) may read as
/// a unit: a task that ends like a unit name ("开工建设…艺术中心", "…建设示范区") is still the task
/// when every other column has a cell of its own type.
bool one_per_column(const std::vector<ColumnProfile>& cols, const std::vector<GCell>& cells) {
    if (cells.size() != cols.size()) return false;
    for (std::size_t j = 0; j < cols.size(); ++j)
        if (cell_fit(cols[j].role, cells[j], true) < 0 &&
            !((cols[j].role == Role::text || cols[j].role == Role::detail) && cells[j].type == CellType::unit))
            return false;
    return true;
}

std::vector<std::pair<std::size_t, std::size_t>> identity_groups(std::size_t n) {
    std::vector<std::pair<std::size_t, std::size_t>> groups(n);
    for (std::size_t j = 0; j < n; ++j) groups[j] = {j, j + 1};
    return groups;
}

/// A glued row's cells fill the columns in order (nothing is merged in one run of text); the
/// last column takes any cells beyond.
std::vector<std::pair<std::size_t, std::size_t>> glued_groups(std::size_t columns, std::size_t cells) {
    std::vector<std::pair<std::size_t, std::size_t>> groups(columns);
    for (std::size_t j = 0; j < columns; ++j) groups[j] = {std::min(j, cells), std::min(j + 1, cells)};
    if (cells > columns) groups.back().second = cells;
    return groups;
}

/// Aligns a row's cells to the columns in order. A column may take several cells (a text
/// wrapped over lines, a unit cell printed one name per line) or none (a merged cell); cells
/// after the last column that fit none are left over (a group label printed before the next
/// row's number). Returns [first, last) per column.
std::vector<std::pair<std::size_t, std::size_t>> align_row(const std::vector<ColumnProfile>& cols,
                                                           const std::vector<GCell>& cells) {
    const std::size_t p = cols.size(), m = cells.size();
    constexpr double kNone = -1e18;
    constexpr std::size_t kMaxGroup = 8;
    std::vector<std::vector<double>> best(p + 1, std::vector<double>(m + 1, kNone));
    std::vector<std::vector<std::size_t>> from(p + 1, std::vector<std::size_t>(m + 1, 0));
    best[0][0] = 0;
    for (std::size_t j = 0; j < p; ++j)
        for (std::size_t i = 0; i <= m; ++i) {
            if (best[j][i] == kNone) continue;
            for (std::size_t i2 = i; i2 <= m && i2 - i <= kMaxGroup; ++i2) {
                const double v = best[j][i] + fit(cols[j], cells, i, i2);
                if (v > best[j + 1][i2]) {
                    best[j + 1][i2] = v;
                    from[j + 1][i2] = i;
                }
            }
        }
    std::size_t end = 0;
    double top = kNone;
    for (std::size_t i = 0; i <= m; ++i) {
        if (best[p][i] == kNone) continue;
        const double v = best[p][i] - 0.2 * static_cast<double>(m - i);
        if (v > top) {
            top = v;
            end = i;
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> groups(p);
    for (std::size_t j = p; j > 0; --j) {
        groups[j - 1] = {from[j][end], end};
        end = from[j][end];
    }
    return groups;
}

class GridReader {
public:
    GridReader(const SourceText& t, std::vector<LineFeatures>& lines, const Rules& r, const Evidence& ev,
               const WalkScores& walk)
        : t_(t), lines_(lines), r_(r), ev_(ev), walk_(walk), typer_(t, r, ev) {}

    std::vector<Region> run() {
        bar_block_grids();
        bar_stream_grids();
        cell_grids();
        unnumbered_row_grids();
        row_grids();
        glued_row_grids();
        // Chains left to the clause walk come last, as readings that were never in the running.
        for (auto& r : skipped_) regions_.push_back(std::move(r));
        return std::move(regions_);
    }

private:
    const SourceText& t_;
    std::vector<LineFeatures>& lines_;  ///< cells are cut here on demand
    const Rules& r_;
    const Evidence& ev_;
    const WalkScores& walk_;
    Typer typer_;
    std::vector<Region> regions_, skipped_;
    std::vector<char> claimed_ = std::vector<char>(lines_.size(), 0);  ///< lines inside a proposed region

    GCell cell(int line, int32_t a, int32_t b) const {
        GCell c;
        c.run.append(t_, a, b);
        c.line = c.last_line = line;
        set_type(c, a, b);
        return c;
    }
    GCell whole(int line) const { return cell(line, lines_[line].ca, lines_[line].cb); }
    /// Type, length and dates of a cell whose run is filled.
    void set_type(GCell& c, int32_t a = 0, int32_t b = 0) const {
        c.type = typer_.type_of(c.run, a, b, c.chars);
        c.dated = typer_.dated(c.run, c.type);
    }

    /// A cell of a line whose cells are cut by bars: a space between two Chinese characters
    /// is where the cell was wrapped ("市政 府办 公厅"), and goes.
    GCell wrapped_cell(int line, int32_t a, int32_t b) const {
        const icu::UnicodeString& f = t_.fold;
        GCell c;
        c.line = c.last_line = line;
        int32_t piece = a;
        for (int32_t p = a + 1; p < b; ++p) {
            if (!is_space(f.charAt(p)) || f.charAt(p - 1) < 0x2E80) continue;
            int32_t q = p;
            while (q < b && is_space(f.charAt(q))) ++q;
            if (q < b && f.charAt(q) >= 0x2E80) {
                c.run.append(t_, piece, p);
                piece = q;
            }
            p = q;
        }
        c.run.append(t_, piece, b);
        set_type(c);
        return c;
    }

    static bool arabic(NumberStyle s) {
        return s == NumberStyle::arabic_bare || s == NumberStyle::arabic_dot || s == NumberStyle::arabic_paren;
    }

    /// A number chain goes on: the same style, a higher value, not too far.
    bool continues(const NumberToken& prev, const NumberToken& next) const {
        return prev.style == next.style && next.value > prev.value && next.value - prev.value <= ev_.number_max_jump;
    }

    static RowHeading heading_of(const GCell& c) {
        RowHeading h;
        h.line = c.line;
        h.title = c.run.utf8_nospace();
        return h;
    }

    // ---- a cell per line ---------------------------------------------------------------
    void cell_grids() {
        std::vector<int> stream;  // lines holding a cell
        for (int i = 0; i < static_cast<int>(lines_.size()); ++i)
            if (!lines_[i].blank && !lines_[i].separator) stream.push_back(i);
        std::vector<std::size_t> anchors;  // positions in stream of lone numbers
        for (std::size_t s = 0; s < stream.size(); ++s) {
            const LineFeatures& l = lines_[stream[s]];
            if (l.lone_number && arabic(l.head.style) && l.cut == CutKind::none) anchors.push_back(s);
        }
        // A chain holds one numbering style; numbers of another style between its rows are
        // headings or category rows ("1 | 大力提振消费。" between "(7)" and "(8)").
        for (const auto& [style, of_style] : by_style(anchors, [&](std::size_t s) { return lines_[stream[s]].head.style; })) {
            std::size_t k = 0;
            while (k < of_style.size()) {
                std::size_t e = k + 1;
                while (e < of_style.size()) {
                    const std::size_t gap = of_style[e] - of_style[e - 1] - 1;
                    if (gap < 1 || gap > static_cast<std::size_t>(2 * ev_.grid_max_period) ||
                        !continues(lines_[stream[of_style[e - 1]]].head, lines_[stream[of_style[e]]].head))
                        break;
                    ++e;
                }
                if (static_cast<int>(e - k) >= ev_.grid_min_rows) read_cell_chain(stream, of_style, k, e);
                k = e;
            }
        }
        unnumbered_cell_grids(stream);
    }

    /// Grids whose rows are blocks between lines of bars only ("|"), each cell after the first
    /// opened by a bar ("| 推进…"), lines without one continuing the cell above ("市政" / "府办"
    /// / "公厅"). A block with fewer cells than the header has merged cells (rowspan).
    void bar_block_grids() {
        const int n = static_cast<int>(lines_.size());
        // A block is a row: a few lines (a wrapped cell a line per character at most).
        const int max_block_lines = 3 * ev_.grid_max_period;
        std::vector<int> next_separator(n + 1, n);
        for (int k = n; k-- > 0;) next_separator[k] = lines_[k].separator ? k : next_separator[k + 1];
        int i = 0;
        while (i < n) {
            if (next_separator[i] - i > max_block_lines) {  // no bar line near: no block starts here
                i = next_separator[i] - max_block_lines;
                continue;
            }
            if (lines_[i].blank || lines_[i].separator || covered(i)) {
                ++i;
                continue;
            }
            // The blocks' shape first (cheap); their cells are typed only for enough blocks.
            std::vector<std::vector<std::pair<int, int>>> shapes;  // per block, first and last line per cell
            std::vector<int> block_lines;
            int k = i;
            while (k < n) {
                std::vector<std::pair<int, int>> cell_lines;  // first and last line per cell
                const int start = k;
                bool barred = false;
                for (; k < n && !lines_[k].separator && k - start <= max_block_lines; ++k) {
                    const LineFeatures& l = lines_[k];
                    if (l.blank) continue;
                    barred |= l.starts_with_bar && k > start;
                    if (cell_lines.empty() || l.starts_with_bar) cell_lines.push_back({k, k});
                    else cell_lines.back().second = k;
                }
                // A block of one cell is a row whose other cells are merged from above; it is
                // closed by a bar line too, or by the end of the file (a copy cut off there).
                const bool closed = k < n && lines_[k].separator;
                if (k - start > max_block_lines || cell_lines.empty() || (!barred && cell_lines.size() != 1)) break;
                shapes.push_back(std::move(cell_lines));
                block_lines.push_back(start);
                if (!closed) break;
                ++k;  // the separator
            }
            if (static_cast<int>(shapes.size()) <= ev_.grid_min_rows) {
                ++i;
                continue;
            }
            std::vector<std::vector<GCell>> blocks;
            for (const auto& shape : shapes) {
                std::vector<GCell> cells;
                for (const auto& [first, last] : shape) {
                    if (last == first) {
                        cells.push_back(whole(first));
                        continue;
                    }
                    GCell c;
                    c.line = first;
                    c.last_line = last;
                    for (int line = first; line <= last; ++line)
                        if (!lines_[line].blank) c.run.append(t_, lines_[line].ca, lines_[line].cb);
                    set_type(c);
                    cells.push_back(std::move(c));
                }
                blocks.push_back(std::move(cells));
            }
            read_bar_blocks(blocks, block_lines);
            i = std::max(k, i + 1);
        }
    }

    void read_bar_blocks(std::vector<std::vector<GCell>>& blocks, const std::vector<int>& block_lines) {
        // The header: the first block, short cells naming at least two columns.
        std::vector<GCell> header = blocks.front();
        int named = 0;
        bool short_cells = true;
        for (const auto& c : header) {
            named += r_.header_role(to_utf8(squeezed(c.run))) != nullptr;
            short_cells &= c.chars <= 12;
        }
        const bool has_header = named >= 2 && short_cells;
        if (!has_header) header.clear();
        const int period = has_header ? static_cast<int>(blocks.front().size()) : 0;
        std::vector<Row> rows;
        std::map<std::size_t, int> sizes;
        for (std::size_t b = has_header ? 1 : 0; b < blocks.size(); ++b) {
            Row row;
            row.line = block_lines[b];
            row.cells = std::move(blocks[b]);
            ++sizes[row.cells.size()];
            rows.push_back(std::move(row));
        }
        Region reg;
        reg.family = "bar-block-grid";
        reg.evidence.push_back(std::to_string(rows.size()) + " rows between bar lines");
        finish(reg, rows, header, period > 0 ? period : modal(sizes));
    }

    /// Grids joined into one line with all their rows ("牵头单位 | 目标任务 | 责任单位 | 市政府办公厅 |
    /// 强化… | 市直各单位 | 推进… | 市直各单位 | …": the line breaks and the bar lines between the
    /// rows were lost). The header's names give the columns; the cells after it fall into rows
    /// by what each holds (stream_rows), a row's merged cells left empty.
    /// A header cell's role by its name, or by its form for a column of units or names
    /// ("责任科室", "督办领导"); nullopt when it names none.
    std::optional<Role> named_role(const GCell& c) const {
        const std::string folded = to_utf8(squeezed(c.run));
        const std::string* name = r_.header_role(folded);
        if (!name) name = r_.role_by_form(folded);
        if (!name) return std::nullopt;
        for (Role r : {Role::number, Role::text, Role::detail, Role::lead, Role::support, Role::units, Role::leader, Role::deadline})
            if (*name == role_name(r)) return r;
        return Role::other;  // "事项分类": a group label, no task
    }

    /// Cells of one line, in order, cut into rows by their types (stream_rows), then again with
    /// each column's usual length from the rows that filled every column: a list of four units
    /// is no lead cell of one.
    std::vector<Row> rows_by_types(std::vector<ColumnProfile> cols, std::vector<GCell>& cells, int line) const {
        const std::size_t p = cols.size();
        std::vector<std::size_t> starts = stream_rows(cols, cells);
        std::vector<double> sum(p, 0.0);
        int full = 0;
        for (std::size_t r = 0; r < starts.size(); ++r) {
            const std::size_t end = r + 1 < starts.size() ? starts[r + 1] : cells.size();
            if (end - starts[r] != p) continue;
            ++full;
            for (std::size_t j = 0; j < p; ++j) sum[j] += cells[starts[r] + j].chars;
        }
        if (full > 0) {
            for (std::size_t j = 0; j < p; ++j) cols[j].mean_chars = sum[j] / full;
            starts = stream_rows(cols, cells);
        }
        std::vector<Row> rows;
        for (std::size_t r = 0; r < starts.size(); ++r) {
            Row row;
            const std::size_t end = r + 1 < starts.size() ? starts[r + 1] : cells.size();
            for (std::size_t k = starts[r]; k < end; ++k) row.cells.push_back(std::move(cells[k]));
            row.line = line;
            if (!row.cells.front().run.src.empty()) row.start = row.cells.front().run.src.front();
            rows.push_back(std::move(row));
        }
        return rows;
    }

    void bar_stream_grids() {
        for (int i = 0; i < static_cast<int>(lines_.size()); ++i) {
            LineFeatures& l = lines_[i];
            if (l.blank || l.separator || covered(i)) continue;
            int bar_count = 0;
            for (int32_t p = l.ca; p < l.cb && bar_count < 2 * kMinStreamColumns; ++p) bar_count += is_bar(t_.fold.charAt(p));
            if (bar_count < 2 * kMinStreamColumns) continue;
            cut_cells(t_, l);
            if (l.cut != CutKind::pipe) continue;
            std::vector<GCell> cells;
            for (const auto& c : l.cells)
                if (c.a < c.b) cells.push_back(wrapped_cell(i, c.a, c.b));
            // The header: the short cells that open the line, up to the last that names a
            // column; a cell between named ones is a column of another wording ("年度任务").
            std::vector<Role> roles;
            std::size_t p = 0;
            int named = 0;
            for (const auto& c : cells) {
                if (c.chars > 12 || static_cast<int>(roles.size()) == ev_.grid_max_period) break;
                const std::optional<Role> name = named_role(c);
                roles.push_back(name.value_or(Role::text));
                if (name) {
                    ++named;
                    p = roles.size();
                }
            }
            if (named < 2) continue;
            roles.resize(p);
            std::vector<GCell> header(cells.begin(), cells.begin() + static_cast<std::ptrdiff_t>(p));
            std::vector<ColumnProfile> cols(p);
            for (std::size_t j = 0; j < p; ++j) cols[j].role = roles[j];
            const bool names_text = std::any_of(roles.begin(), roles.end(), [](Role r) { return r == Role::text; });
            const bool names_who = std::any_of(roles.begin(), roles.end(), [](Role r) { return is_unit(r) || r == Role::leader; });
            // More than one row after the header: a grid whose rows have lines of their own is
            // read by the readers below.
            if (p < static_cast<std::size_t>(kMinStreamColumns) || !names_text || !names_who || cells.size() < 3 * p) continue;
            cells.erase(cells.begin(), cells.begin() + static_cast<std::ptrdiff_t>(p));
            std::vector<Row> rows = rows_by_types(cols, cells, i);
            if (static_cast<int>(rows.size()) < ev_.grid_min_rows) continue;
            Region reg;
            reg.family = "bar-stream-grid";
            reg.evidence.push_back(std::to_string(rows.size()) + " rows in one line, cut by what their cells hold");
            finish(reg, rows, header, static_cast<int>(p));
        }
    }

    /// Grids whose rows carry no number ("序号" printed in the header only, or no such column):
    /// a header of short cells naming columns, then rows each opened by a task text and filled
    /// by the unit, name and time cells after it.
    void unnumbered_cell_grids(const std::vector<int>& stream) {
        std::size_t s = 0;
        while (s < stream.size()) {
            // A run of short lines (judged from the line features: most lines are long)…
            std::size_t e = s;
            while (e < stream.size() && static_cast<int>(e - s) <= ev_.grid_max_period) {
                const LineFeatures& l = lines_[stream[e]];
                if (l.chars > 12 || l.head || t_.fold.charAt(l.cb - 1) == u'。') break;
                ++e;
            }
            // …followed by a row's text, not by a number (cells between numbered rows) …
            const bool text_follows = e < stream.size() && !lines_[stream[e]].lone_number;
            // … naming two different columns is a header ("主题分类" and "体裁分类" among a web
            // page's labels are two of one kind); the rows below must still show the period.
            if (e - s >= 2 && text_follows && !covered(stream[s])) {
                std::set<std::string> names;
                for (std::size_t k = s; k < e; ++k) {
                    const LineFeatures& l = lines_[stream[k]];
                    if (const std::string* name = r_.header_role(to_utf8(squeezed_fold(l.ca, l.cb)))) names.insert(*name);
                }
                if (names.size() >= 2) read_unnumbered(stream, s, e);
            }
            s = std::max(e, s + 1);
        }
    }

    bool covered(int line) const { return claimed_[line] != 0; }

    /// The folded text of [a, b) without its spaces ("工 作 任 务" -> "工作任务").
    icu::UnicodeString squeezed_fold(int32_t a, int32_t b) const {
        icu::UnicodeString out;
        for (int32_t c = a; c < b; ++c)
            if (!is_space(t_.fold.charAt(c))) out.append(t_.fold.charAt(c));
        return out;
    }

    // ---- rows glued into one run of text ---------------------------------------------------
    /// The number glued to the text that opens line `i` ("1加快建设…"), or -1; `after` gets where
    /// the text starts.
    int glued_number(int i, int32_t& after) const {
        const LineFeatures& l = lines_[i];
        if (l.blank || l.separator || covered(i)) return -1;
        const NumberToken n = glued_number_at(t_, l.ca, l.cb, r_);
        if (!n) return -1;
        after = n.end;
        return n.value;
    }

    /// Rows whose cells were glued with no separator ("1加快建设县城污水处理厂二期工程县住建局县发改局、
    /// 县财政局", the header "序号重点任务牵头单位配合单位"): a chain of numbers glued to the text
    /// opens consecutive lines; a row's unit names close it, the first opening with a level
    /// character (县, 区, 市…); within a cell names are set apart (、), between cells they are
    /// glued. A row whose end reads as no unit names keeps its whole text, with no units.
    void glued_row_grids() {
        const int n = static_cast<int>(lines_.size());
        int i = 0;
        while (i < n) {
            int32_t after = 0;
            int value = glued_number(i, after);
            if (value < 0) {
                ++i;
                continue;
            }
            std::vector<std::pair<int, int32_t>> rows{{i, after}};  // line and where its text starts
            int k = i + 1;
            while (k < n) {
                if (lines_[k].blank) {
                    ++k;
                    continue;
                }
                int32_t next_after = 0;
                if (glued_number(k, next_after) != value + 1) break;
                ++value;
                rows.push_back({k, next_after});
                ++k;
            }
            if (static_cast<int>(rows.size()) > ev_.grid_min_rows) read_glued(rows);
            i = std::max(i + 1, rows.back().first + 1);
        }
    }

    void read_glued(const std::vector<std::pair<int, int32_t>>& starts) {
        std::vector<Row> rows;
        std::map<std::size_t, int> sizes;
        int with_units = 0;
        for (const auto& [line, text_at] : starts) {
            Row row;
            row.glued = true;
            row.line = line;
            row.start = lines_[line].ca;
            row.number.style = NumberStyle::arabic_bare;
            row.number.start = lines_[line].ca;
            row.number.end = text_at;
            for (int32_t k = lines_[line].ca; k < text_at; ++k) row.number.value = 10 * row.number.value + (t_.fold.charAt(k) - u'0');
            const int32_t end = lines_[line].cb;
            std::vector<std::pair<int32_t, int32_t>> cells = glued_unit_cells(text_at, end);
            const int32_t text_end = cells.empty() ? end : cells.front().first;
            row.cells.push_back(cell(line, text_at, text_end));
            for (const auto& [a, b] : cells) row.cells.push_back(cell(line, a, b));
            with_units += !cells.empty();
            ++sizes[row.cells.size()];
            rows.push_back(std::move(row));
        }
        if (2 * with_units < static_cast<int>(rows.size())) return;  // no unit names close the rows
        // The header glued too: the line above, read as column names end to end.
        std::vector<GCell> header = glued_header(starts.front().first);
        Region reg;
        reg.family = "glued-row-grid";
        reg.evidence.push_back(std::to_string(rows.size()) + " rows opened by numbers glued to their text, closed by unit names");
        finish(reg, rows, header, header.empty() ? modal(sizes) : header_period(header, sizes, true));
    }

    /// The unit cells that close a glued row's text [a, b): the longest tail that splits into
    /// known unit names and opens with a level character, cut into cells where two names are
    /// glued; none when no tail reads so. A first name holding another tail that reads so took
    /// text ("县城污水处理厂二期工程县住建局"): the tail starts at the inner one.
    std::vector<std::pair<int32_t, int32_t>> glued_unit_cells(int32_t a, int32_t b) const {
        const icu::UnicodeString& level = r_.elision.level_chars;
        for (int32_t p = a + ev_.text_min_chars / 2; p + 2 < b; ++p) {
            if (level.indexOf(t_.fold.charAt(p)) < 0) continue;
            std::vector<std::pair<int32_t, int32_t>> names = glued_names(p, b);
            if (names.empty()) continue;
            bool inner = false;
            for (int32_t q = p + 1; q < names.front().second && !inner; ++q)
                inner = level.indexOf(t_.fold.charAt(q)) >= 0 && !glued_names(q, b).empty();
            if (inner) continue;
            std::vector<std::pair<int32_t, int32_t>> cells;
            for (std::size_t u = 0; u < names.size(); ++u) {
                if (u == 0 || names[u].first == names[u - 1].second) cells.push_back(names[u]);
                else cells.back().second = names[u].second;
            }
            cells.back().second = b;
            return cells;
        }
        return {};
    }

    /// Where the unit names of [p, b) lie, when all of it reads as known unit names from p on.
    std::vector<std::pair<int32_t, int32_t>> glued_names(int32_t p, int32_t b) const {
        Run tail;
        tail.append(t_, p, b);
        const UnitList list = split_units(tail, r_);
        if (list.units.empty() || list.run_on ||
            std::any_of(list.units.begin(), list.units.end(), [](const Unit& u) { return u.kind == "other"; }))
            return {};
        std::vector<std::pair<int32_t, int32_t>> at;
        int32_t from = 0;
        for (const Unit& u : list.units) {
            const icu::UnicodeString raw = icu::UnicodeString::fromUTF8(u.raw);
            const int32_t found = tail.orig.indexOf(raw, from);
            if (found < 0 || (at.empty() && found != 0)) return {};  // not as printed: no confident reading
            at.push_back({p + found, p + found + raw.length()});
            from = found + raw.length();
        }
        return at;
    }

    /// The column names glued into the line above `first_row` ("序号重点任务牵头单位配合单位"), as
    /// cells, when the names cover the whole line; else none.
    std::vector<GCell> glued_header(int first_row) const {
        int h = first_row - 1;
        while (h >= 0 && lines_[h].blank) --h;
        if (h < 0 || covered(h)) return {};
        const LineFeatures& l = lines_[h];
        if (l.cb - l.ca > 4 * 12) return {};
        std::vector<GCell> header;
        int32_t k = l.ca;
        while (k < l.cb) {
            int32_t best = 0;  // the longest column name from k
            for (int32_t e = std::min(l.cb, k + 12); e > k + 1 && !best; --e) {
                if (r_.column_role.count(to_utf8(squeezed_fold(k, e)))) best = e;
            }
            if (!best) return {};
            header.push_back(cell(h, k, best));
            k = best;
            while (k < l.cb && is_space(t_.fold.charAt(k))) ++k;
        }
        return header.size() >= 2 ? header : std::vector<GCell>{};
    }

    struct UnnumberedRows {
        std::vector<Row> rows;
        std::vector<RowHeading> headings;
        std::map<std::size_t, int> sizes;  ///< of the rows before the last
        int agreeing = 0;                  ///< rows of the most frequent size
    };

    /// Rows opened by a task text once the row before holds a cell of another type (a unit,
    /// name or time cell closes a row) and at least `open_after` cells. Texts stay in their row
    /// until then: a detail cell, a time cell over several lines ("启动项目:" / "1. 泰康中路:…").
    /// `typed` keeps the cells typed from `from` on, for the next reading of the same lines.
    UnnumberedRows unnumbered_rows(const std::vector<int>& stream, std::size_t from, std::size_t max_row,
                                   std::size_t open_after, std::vector<GCell>& typed) const {
        UnnumberedRows out;
        std::vector<Row>& rows = out.rows;
        bool row_has_other = false;
        for (std::size_t s = from; s < stream.size(); ++s) {
            if (s - from == typed.size()) typed.push_back(whole(stream[s]));
            GCell c = typed[s - from];
            if (c.type == CellType::heading) {
                out.headings.push_back(heading_of(c));
                continue;
            }
            if (c.type == CellType::number) break;  // a numbered grid or list starts here
            if (c.type == CellType::text && c.chars >= ev_.text_min_chars &&
                (rows.empty() || (row_has_other && rows.back().cells.size() >= open_after))) {
                Row row;
                row.line = stream[s];
                row.cells.push_back(std::move(c));
                rows.push_back(std::move(row));
                row_has_other = false;
                continue;
            }
            if (rows.empty() || rows.back().cells.size() >= max_row) break;
            row_has_other |= c.type != CellType::text && c.type != CellType::empty;
            rows.back().cells.push_back(std::move(c));
        }
        // Texts after the last row with no unit, name or time among them: prose after the table
        // (or its last row cut off), left to the other readers.
        if (!rows.empty() && !row_has_other) rows.pop_back();
        for (std::size_t k = 0; k + 1 < rows.size(); ++k) ++out.sizes[rows[k].cells.size()];
        const std::size_t usual = static_cast<std::size_t>(modal(out.sizes));
        for (const Row& row : rows) out.agreeing += row.cells.size() == usual;
        return out;
    }

    void read_unnumbered(const std::vector<int>& stream, std::size_t hs, std::size_t he) {
        Region reg;
        reg.family = "cell-grid";
        std::vector<GCell> header;
        for (std::size_t k = hs; k < he; ++k) header.push_back(whole(stream[k]));
        // A short first task ("新增普惠托育位300个") after the last column name is the first row's:
        // names of columns count nothing.
        auto counts = [](const GCell& c) {
            const icu::UnicodeString& f = c.run.fold;
            for (int32_t k = 0; k < f.length(); ++k)
                if (f.charAt(k) >= u'0' && f.charAt(k) <= u'9') return true;
            return false;
        };
        while (header.size() > 2 && !named_role(header.back()) && counts(header.back())) {
            header.pop_back();
            --he;
        }
        // A row fills the columns ahead of who does it (the task, its detail, a time) before the
        // next opens: merged cells are the unit and name columns'. Unless the header's first
        // columns are printed as headings of their own rows ("目标 | 任务 | 主要内容 | 责任单位" over
        // "一、…" / "(一)…"): the reading whose rows agree on their size more often wins.
        std::size_t before_who = 0;
        for (const GCell& h : header) {
            const std::optional<Role> role = named_role(h);
            if (role && (is_unit(*role) || *role == Role::leader)) break;
            before_who += role != Role::number;  // "序号" over rows that print no number
        }
        const std::size_t max_row = 2 * header.size();
        std::vector<GCell> typed;
        UnnumberedRows read = unnumbered_rows(stream, he, max_row, before_who, typed);
        if (before_who > 1)
            if (UnnumberedRows loose = unnumbered_rows(stream, he, max_row, 1, typed); loose.agreeing > read.agreeing)
                read = std::move(loose);
        if (static_cast<int>(read.rows.size()) < ev_.grid_min_rows) return;
        reg.headings = std::move(read.headings);
        reg.evidence.push_back("unnumbered rows, each opened by a task text");
        finish(reg, read.rows, header, header_period(header, read.sizes, false));
    }

    template <class T, class F>
    static std::map<NumberStyle, std::vector<T>> by_style(const std::vector<T>& xs, F style_of) {
        std::map<NumberStyle, std::vector<T>> out;
        for (const T& x : xs) out[style_of(x)].push_back(x);
        return out;
    }

    /// A grid scores at most one per row: where the clause walk already reads every row of a
    /// chain as a task with units, the chain is not read again (and --explain says so).
    bool walk_reads_all(const char* family, int first, int last, std::size_t rows) {
        // Its tables count as choose_regions counts them: a grid that cannot win is not read.
        const double walk = walk_.over(first, last);
        if (walk < static_cast<double>(rows)) return false;
        Region reg;
        reg.family = family;
        reg.first = first;
        reg.last = last;
        reg.evidence.push_back(std::to_string(rows) + " numbered rows; the clause walk reads them all, as tasks or as an appendix table (" +
                               std::to_string(walk).substr(0, 4) + "): not read as a grid");
        skipped_.push_back(std::move(reg));
        return true;
    }

    /// The line after the `count` non-blank lines that follow `line` (the end of a last row).
    int after_lines(int line, int count) const {
        int i = line + 1;
        for (; i < static_cast<int>(lines_.size()) && count > 0; ++i) count -= !lines_[i].blank;
        return i;
    }

    void read_cell_chain(const std::vector<int>& stream, const std::vector<std::size_t>& anchors, std::size_t k0,
                         std::size_t k1) {
        const int last_anchor = stream[anchors[k1 - 1]];
        const int tail = std::min<int>(static_cast<int>(lines_.size()) - 1, last_anchor + 2 * ev_.grid_max_period);
        if (walk_reads_all("cell-grid", stream[anchors[k0]], tail, k1 - k0)) return;
        Region reg;
        reg.family = "cell-grid";
        // Cells between anchors; headings ("二、…" rows of their own) set apart. The last row has
        // no next number to end it: it takes as many cells as a row has columns (`limit`), and
        // stops at a number of the chain's kind. A line of another numbering continues a cell
        // ("分两批:" / "1. 城东:6月;…").
        auto read_row = [&](std::size_t k, int limit) {
            Row row;
            row.line = stream[anchors[k]];
            row.number = lines_[row.line].head;
            const bool last = k + 1 == k1;
            const std::size_t end = last ? stream.size() : anchors[k + 1];
            int counted = 0;
            for (std::size_t s = anchors[k] + 1; s < end; ++s) {
                GCell c = whole(stream[s]);
                if (c.type == CellType::heading) {
                    if (last) break;
                    reg.headings.push_back(heading_of(c));
                    continue;
                }
                if (last) {
                    const NumberToken& head = lines_[stream[s]].head;
                    if (head && head.style == row.number.style) break;
                    if (limit > 0 && counted >= limit) break;
                    counted += !head;
                }
                row.cells.push_back(std::move(c));
            }
            return row;
        };
        std::vector<Row> rows;
        std::map<std::size_t, int> sizes;
        for (std::size_t k = k0; k + 1 < k1; ++k) {
            rows.push_back(read_row(k, 0));
            ++sizes[rows.back().cells.size()];
        }
        // The header: short cells above the first number, in any wording.
        std::vector<GCell> header;
        for (std::size_t s = anchors[k0]; s-- > 0;) {
            GCell c = whole(stream[s]);
            if (c.type == CellType::heading) {  // a heading over the header ends it
                if (!header.empty()) break;
                reg.headings.insert(reg.headings.begin(), heading_of(c));
                continue;
            }
            if (c.chars > 12 || c.type == CellType::number || static_cast<int>(header.size()) >= 2 * (ev_.grid_max_period + 1)) break;
            const icu::UnicodeString sq = squeezed(c.run);
            if (sq.endsWith(u"。")) break;
            header.insert(header.begin(), std::move(c));
        }
        const int period = header_period(header, sizes, true);
        if (static_cast<int>(header.size()) > 2 * (period + 1))
            header.erase(header.begin(), header.end() - 2 * (period + 1));
        rows.push_back(read_row(k1 - 1, period));
        finish(reg, rows, header, period);
    }

    /// The most frequent row size.
    static int modal(const std::map<std::size_t, int>& sizes) {
        int best = 0, count = 0;
        for (const auto& [size, n] : sizes)
            if (n > count) {
                best = static_cast<int>(size);
                count = n;
            }
        return best;
    }

    /// The row size: the most frequent one, or the header's count of columns when it names
    /// columns and some row fills them all. Merged and empty cells only shorten rows: a section
    /// whose rows mostly leave the support cell empty still has a support column ("项次 | 年度目标内容
    /// | 牵头推进部门 | 协同推进部门" over rows of two cells and of three).
    int header_period(const std::vector<GCell>& header, const std::map<std::size_t, int>& sizes, bool numbered) const {
        const int usual = modal(sizes);
        int named = 0, columns = static_cast<int>(header.size());
        for (std::size_t h = 0; h < header.size(); ++h)
            if (const std::optional<Role> role = named_role(header[h])) {
                ++named;
                columns -= h == 0 && *role == Role::number;
            }
        if (named < 2) return usual;
        // Rows that carry numbers: the header's first cell is likelier the number's, in a word
        // no list names ("项次"), than a column the rows fill.
        for (const int p : {numbered ? columns - 1 : columns, columns}) {
            if (p == usual) return usual;
            if (p > usual && p <= ev_.grid_max_period && sizes.count(static_cast<std::size_t>(p))) return p;
        }
        return usual;
    }

    // ---- a row per line ----------------------------------------------------------------
    /// Rows one per line with bars, tabs or spaces between cells and no number, under a header of
    /// short cells naming two columns or more ("重點任務 | 工作內容 | 負責科室 |", "重点任务 工作内容
    /// 责任科室"): each line of as many cells as the header (a closing bar may be missing), cut the
    /// same way, is a row.
    void unnumbered_row_grids() {
        const int n = static_cast<int>(lines_.size());
        for (int i = 0; i < n; ++i) {
            LineFeatures& h = lines_[i];
            if (h.blank || h.head || covered(i) || h.chars > 4 * 12) continue;
            // A header names its columns in short cells, without a comma or a stop.
            bool cuttable = false, prose = false;
            for (int32_t k = h.a; k < h.b && !prose; ++k) {
                const char16_t c = t_.fold.charAt(k);
                cuttable |= is_space(c) || c == u'|';
                prose = c == u'，' || c == u'。' || c == u'；';
            }
            if (!cuttable || prose) continue;
            cut_cells(t_, h);
            if (h.cut == CutKind::none || h.cells.size() < 2 || static_cast<int>(h.cells.size()) > ev_.grid_max_period) continue;
            // Judged on the folded text first: typing cells costs, and most tab lines are rows.
            std::vector<icu::UnicodeString> names;
            for (const auto& c : h.cells) {
                icu::UnicodeString& name = names.emplace_back();
                for (int32_t k = c.a; k < c.b && name.length() <= 12; ++k)
                    if (!is_space(t_.fold.charAt(k))) name.append(t_.fold.charAt(k));
            }
            if (std::any_of(names.begin(), names.end(), [](const auto& n) { return n.length() > 12; })) continue;
            int named = 0;
            for (const auto& name : names) named += !name.isEmpty() && r_.header_role(to_utf8(name)) != nullptr;
            if (named < 2) continue;
            std::vector<GCell> header;
            for (const auto& c : h.cells)
                if (c.a < c.b) header.push_back(cell(i, c.a, c.b));
            std::vector<Row> rows;
            int k = i + 1;
            for (; k < n; ++k) {
                LineFeatures& l = lines_[k];
                if (l.blank || l.separator) continue;
                if (l.head) break;
                cut_cells(t_, l);
                if (l.cut != h.cut) break;
                Row row;
                row.line = k;
                for (const auto& c : l.cells)
                    if (c.a < c.b) row.cells.push_back(cell(k, c.a, c.b));
                if (row.cells.size() != header.size()) break;
                rows.push_back(std::move(row));
            }
            if (static_cast<int>(rows.size()) < ev_.grid_min_rows) continue;
            Region reg;
            reg.family = "row-grid";
            reg.evidence.push_back(std::to_string(rows.size()) + " unnumbered rows of " + std::to_string(header.size()) +
                                   " cells under the header");
            finish(reg, rows, header, static_cast<int>(header.size()));
            i = k - 1;
        }
    }

    void row_grids() {
        std::vector<int> row_lines;
        for (int i = 0; i < static_cast<int>(lines_.size()); ++i) {
            LineFeatures& l = lines_[i];
            if (l.blank || !arabic(l.head.style)) continue;
            bool separated = false;  // a row has its cells set apart by spaces, tabs or bars
            for (int32_t k = l.head.end; k < l.cb && !separated; ++k)
                separated = is_space(t_.fold.charAt(k)) || t_.fold.charAt(k) == u'|';
            if (!separated) continue;
            // A labelled clause ("(责任单位：…)") makes the line a numbered task of a list, which
            // the clause walk reads; table rows hold their units in cells, without labels.
            if (r_.clause_label.find(t_.fold, l.ca, l.cb)) continue;
            cut_cells(t_, l);
            if (l.cut == CutKind::none || l.cells.size() < 2) continue;
            if (l.head.end > l.cells[0].b || (l.cut != CutKind::single_space && l.cut != CutKind::wide_space && number_cell_end(l) != l.cells[0].b))
                continue;
            row_lines.push_back(i);
        }
        for (const auto& [style, of_style] : by_style(row_lines, [&](int i) { return lines_[i].head.style; })) {
            std::size_t k = 0;
            while (k < of_style.size()) {
                std::size_t e = k + 1;
                while (e < of_style.size() && of_style[e] - of_style[e - 1] <= 8 &&
                       continues(lines_[of_style[e - 1]].head, lines_[of_style[e]].head))
                    ++e;
                if (static_cast<int>(e - k) >= ev_.grid_min_rows) read_row_chain(of_style, k, e);
                k = e;
            }
        }
    }

    int32_t number_cell_end(const LineFeatures& l) const {
        int32_t k = l.head.end;
        while (k < l.cb && is_space(t_.fold.charAt(k))) ++k;
        return k == l.cells[0].b || l.head.end == l.cells[0].b ? l.cells[0].b : -1;
    }

    /// The cells of a row line after its number.
    /// The cells of a line drawn with bars, the frame's outer bars set aside: "│  │设施│" has an
    /// empty first cell (which the line's content, trimmed of its frame, does not show).
    std::vector<CellRange> framed_cells(int i) const {
        const icu::UnicodeString& f = t_.fold;
        const LineFeatures& l = lines_[i];
        std::vector<CellRange> out;
        int32_t start = l.a;
        for (int32_t k = l.a; k <= l.b; ++k) {
            if (k < l.b && !is_bar(f.charAt(k))) continue;
            int32_t x = start, y = k;
            while (x < y && is_space(f.charAt(x))) ++x;
            while (y > x && is_space(f.charAt(y - 1))) --y;
            out.push_back({x, y});
            start = k + 1;
        }
        if (l.starts_with_bar && !out.empty()) out.erase(out.begin());
        if (l.ends_with_bar && !out.empty()) out.pop_back();
        return out;
    }

    void merge_in_columns(Row& row, const std::vector<CellRange>& cells, int line) const {
        for (std::size_t c = 1; c < cells.size(); ++c) {
            if (cells[c].a == cells[c].b) continue;
            GCell& into = row.cells[c - 1];
            into.run.append(t_, cells[c].a, cells[c].b);
            into.last_line = line;
            set_type(into);
        }
    }

    std::vector<GCell> row_cells(int i) const {
        const LineFeatures& l = lines_[i];
        std::vector<GCell> out;
        // With spaces as the cut, the number may be glued to the text ("1地区…" is not cut): the
        // first cell is what follows the number token.
        if (l.head.end < l.cells[0].b) {
            out.push_back(cell(i, l.head.end, l.cells[0].b));
        }
        for (std::size_t c = 1; c < l.cells.size(); ++c) out.push_back(cell(i, l.cells[c].a, l.cells[c].b));
        return out;
    }

    void read_row_chain(const std::vector<int>& row_lines, std::size_t k0, std::size_t k1) {
        const int tail = std::min<int>(static_cast<int>(lines_.size()) - 1, row_lines[k1 - 1] + 2);
        int above = row_lines[k0];  // the header line, where a table the walk read is anchored
        while (above > 0 && lines_[above - 1].blank) --above;
        if (above > 0) --above;
        if (walk_reads_all("row-grid", above, tail, k1 - k0)) return;
        Region reg;
        reg.family = "row-grid";
        std::vector<Row> rows;
        std::map<std::size_t, int> sizes;
        for (std::size_t k = k0; k < k1; ++k) {
            Row row;
            row.line = row_lines[k];
            row.number = lines_[row.line].head;
            row.cells = row_cells(row.line);
            // Lines up to the next row continue this one (a cell printed over lines), unless
            // they open with a number of another kind or a heading: those are heading rows.
            const int stop = k + 1 < k1 ? row_lines[k + 1] : after_lines(row.line, 2);
            bool in_headings = false;
            for (int i = row.line + 1; i < stop; ++i) {
                LineFeatures l = lines_[i];
                cut_cells(t_, l);
                if (l.blank || l.separator) continue;
                if (l.head || in_headings) {
                    in_headings = true;
                    if (k + 1 < k1) reg.headings.push_back(heading_of(whole(i)));
                    continue;
                }
                // A drawn table wraps a cell within its column: a line of as many cells as the
                // row's, its number cell empty, continues each cell in place.
                if (l.starts_with_bar) {
                    const std::vector<CellRange> first = framed_cells(row.line), here = framed_cells(i);
                    if (here.size() == first.size() && here[0].a == here[0].b &&
                        lines_[row.line].head.end >= first[0].b && row.cells.size() + 1 == first.size()) {
                        merge_in_columns(row, here, i);
                        continue;
                    }
                }
                std::vector<GCell> more;
                if (l.cut == CutKind::pipe || l.cut == CutKind::tab) {
                    for (const auto& c : l.cells)
                        if (c.a < c.b) more.push_back(cell(i, c.a, c.b));
                } else {
                    more.push_back(whole(i));
                }
                // After the last row only unit cells carry on (a lead cell's second line).
                if (k + 1 == k1 && std::any_of(more.begin(), more.end(), [](auto& c) { return c.type != CellType::unit; })) break;
                for (auto& c : more) row.cells.push_back(std::move(c));
            }
            ++sizes[row.cells.size()];
            rows.push_back(std::move(row));
        }
        // The header: the cut line above the first row, its cells short.
        std::vector<GCell> header;
        for (int i = row_lines[k0]; i-- > 0;) {
            LineFeatures l = lines_[i];
            cut_cells(t_, l);
            if (l.blank || l.separator) continue;
            if (l.head) {
                reg.headings.insert(reg.headings.begin(), heading_of(whole(i)));
                continue;
            }
            if (l.cut == CutKind::none) break;
            bool short_cells = true;
            for (const auto& c : l.cells) short_cells &= c.b - c.a <= 12;
            if (!short_cells) break;
            for (const auto& c : l.cells) {
                if (c.a == c.b) continue;
                GCell h = cell(i, c.a, c.b);
                // A letter-spaced name ("主 要 任 务") was cut at every character.
                if (h.chars == 1 && !header.empty() && header.back().chars <= 3 && l.cut == CutKind::single_space) {
                    header.back().run.append(h.run);
                    header.back().chars += 1;
                } else {
                    header.push_back(std::move(h));
                }
            }
            break;
        }
        finish(reg, rows, header, modal(sizes));
    }

    // ---- columns and items -------------------------------------------------------------
    void finish(Region& reg, std::vector<Row>& rows, std::vector<GCell>& header, int period) {
        if (period < 2 || period > ev_.grid_max_period) return;
        reg.period = period;
        std::vector<ColumnProfile> cols(period);
        std::vector<const Row*> full;
        for (const auto& row : rows)
            if (static_cast<int>(row.cells.size()) == period) full.push_back(&row);
        if (full.empty()) return;
        // Wrapped header names ("牵头责任" / "单位", "落实情况" / "(全年)") joined until the header
        // has one name per column (plus the number's).
        while (static_cast<int>(header.size()) > period + 1) {
            std::size_t at = 0;
            for (std::size_t h = 1; h < header.size() && !at; ++h)
                if (header[h].chars <= 2 || header[h].run.fold.charAt(0) == u'(') at = h;
            if (!at) break;
            header[at - 1].run.append(header[at].run);
            header[at - 1].chars += header[at].chars;
            header[at - 1].last_line = header[at].line;
            header.erase(header.begin() + static_cast<std::ptrdiff_t>(at));
        }
        std::vector<const std::string*> named(period, nullptr);
        std::vector<char> names_leaders(period, 0);  // by a list or by its form ("牵头负责领导")
        const int offset = static_cast<int>(header.size()) - period;
        if (offset == 0 || offset == 1)
            for (int j = 0; j < period; ++j) {
                named[j] = r_.header_role(to_utf8(squeezed(header[j + offset].run)));
                names_leaders[j] = named_role(header[j + offset]) == Role::leader;
            }
        else header.clear();
        for (int j = 0; j < period; ++j) {
            int unit = 0, person = 0, date = 0, filled = 0;
            double chars = 0;
            for (const Row* row : full) {
                const GCell& c = row->cells[j];
                if (c.type == CellType::empty) continue;
                ++filled;
                unit += c.type == CellType::unit;
                person += c.type == CellType::person;
                date += c.type == CellType::date;
                chars += c.chars;
            }
            if (filled == 0) continue;
            cols[j].mean_chars = chars / filled;
            if (unit >= ev_.unit_share_min * filled) cols[j].role = Role::units;
            else if (person >= ev_.person_share_min * filled && (varied(full, j) || names_leaders[j]))
                cols[j].role = Role::leader;  // a header naming leaders settles a column of few names
            else if (date >= ev_.date_share_min * filled) cols[j].role = Role::deadline;
            else cols[j].role = Role::text;  // text-like; settled below
        }
        // Text: the first text-like column before the units (tasks come before who does them;
        // progress and remarks after), else the longest.
        int text_col = -1, first_unit = period;
        for (int j = 0; j < period; ++j)
            if (is_unit(cols[j].role)) {
                first_unit = j;
                break;
            }
        for (int j = 0; j < first_unit; ++j)
            if (cols[j].role == Role::text && cols[j].mean_chars >= ev_.text_min_chars &&
                (text_col < 0 || (named[j] && *named[j] == "text")))
                text_col = j;
        if (text_col < 0)
            for (int j = 0; j < period; ++j)
                if (cols[j].role == Role::text && (text_col < 0 || cols[j].mean_chars > cols[text_col].mean_chars)) text_col = j;
        // Two columns the header names as tasks ("重點任務" | "工作內容", as "项目名称" | "实施内容"):
        // the first names the task, however short, and the second holds its detail.
        std::vector<int> named_text;
        for (int j = 0; j < first_unit; ++j)
            if (cols[j].role == Role::text && named[j] && *named[j] == "text") named_text.push_back(j);
        if (named_text.size() == 2) text_col = named_text[0];
        if (text_col < 0) return;
        // A long text column right after the task's, before who does it and named as nothing
        // else ("推进举措", "实施方案"), holds the task's detail.
        int first_who = period;
        for (int j = 0; j < period; ++j)
            if (is_unit(cols[j].role) || cols[j].role == Role::leader) {
                first_who = j;
                break;
            }
        for (int j = 0; j < period; ++j)
            if (cols[j].role == Role::text && j != text_col) {
                const bool detail_named = named[j] && (*named[j] == "detail" || (named_text.size() == 2 && j == named_text[1]));
                const bool detail_placed = !named[j] && j == text_col + 1 && j < first_who && cols[j].mean_chars >= ev_.text_min_chars;
                cols[j].role = j > text_col && (detail_named || detail_placed) ? Role::detail : Role::other;
            }
        // Units: header words settle lead and support; else the first unit column leads.
        std::vector<int> unit_cols;
        for (int j = 0; j < period; ++j)
            if (is_unit(cols[j].role)) unit_cols.push_back(j);
        bool has_leader = false;
        for (const auto& c : cols) has_leader |= c.role == Role::leader;
        if (unit_cols.empty() && !has_leader) return;
        for (std::size_t u = 0; u < unit_cols.size(); ++u) {
            const std::string* name = named[unit_cols[u]];
            Role role = unit_cols.size() == 1 ? Role::units : u == 0 ? Role::lead : Role::support;
            const bool named_role = name && (*name == "lead" || *name == "support");
            if (named_role) role = *name == "lead" ? Role::lead : Role::support;
            cols[unit_cols[u]].role = role;
            cols[unit_cols[u]].named = named_role;
        }
        cols[text_col].role = Role::text;
        for (const auto& c : cols) reg.columns.push_back(c.role);
        for (const auto& h : header) reg.header_lines.push_back(h.line);
        if (rows.front().number)
            reg.evidence.push_back("numbers " + std::to_string(rows.front().number.value) + ".." +
                                   std::to_string(rows.back().number.value) + " in " + std::to_string(rows.size()) + " rows");
        reg.evidence.push_back("period " + std::to_string(period) + " (" + std::to_string(full.size()) + " rows exactly)");
        reg.evidence.push_back(header.empty() ? "no header matched" : "header of " + std::to_string(header.size()) + " names");
        std::optional<Item> previous;
        for (const auto& row : rows) {
            std::vector<const GCell*> leftover;
            RowItem ri = make_item(row, cols, previous, leftover);
            // Nothing is dropped silently: a row with no task text, and cells after the last
            // column, are listed as unassigned.
            for (const GCell* c : leftover) reg.unclaimed.push_back({c->line + 1, c->run.utf8()});
            if (ri.item.text.empty()) {
                if (leftover.empty())
                    for (const auto& c : row.cells) reg.unclaimed.push_back({c.line + 1, c.run.utf8()});
                continue;
            }
            const bool has_units = !ri.item.lead.empty() || !ri.item.support.empty();
            reg.score += has_units || ri.item.leader ? 1.0 : 0.3;
            previous = ri.item;
            reg.items.push_back(std::move(ri));
        }
        if (reg.items.empty()) return;
        reg.first = reg.header_lines.empty() ? rows.front().line : std::min(rows.front().line, reg.header_lines.front());
        reg.last = 0;
        for (const auto& ri : reg.items) reg.last = std::max(reg.last, ri.last_line);
        for (const auto& h : reg.headings) reg.first = std::min(reg.first, h.line);
        // The frame drawn above and below the table ("┌──┬──┐", "+---+") is the grid's too.
        const int n = static_cast<int>(lines_.size());
        for (int k = reg.first - 1; k >= 0 && (lines_[k].blank || lines_[k].separator); --k)
            if (lines_[k].separator) reg.first = k;
        for (int k = reg.last + 1; k < n && (lines_[k].blank || lines_[k].separator); ++k)
            if (lines_[k].separator) reg.last = k;
        remove_where(reg.headings, [&](const RowHeading& h) { return h.line > reg.last; });
        std::fill(claimed_.begin() + reg.first, claimed_.begin() + reg.last + 1, 1);
        regions_.push_back(std::move(reg));
    }

    /// Names differ from row to row; a status or time word ("已完成", "全年") printed in every
    /// row is no one's name, however short.
    static bool varied(const std::vector<const Row*>& rows, int j) {
        if (rows.size() < 3) return true;
        std::vector<std::string> seen;
        for (const Row* row : rows) seen.push_back(row->cells[j].run.utf8_nospace());
        std::sort(seen.begin(), seen.end());
        const auto distinct = std::unique(seen.begin(), seen.end()) - seen.begin();
        return 2 * distinct > static_cast<std::ptrdiff_t>(rows.size());
    }

    /// The task a row holds; `leftover` gets the cells after its last column.
    RowItem make_item(const Row& row, const std::vector<ColumnProfile>& cols, const std::optional<Item>& previous,
                      std::vector<const GCell*>& leftover) const {
        RowItem out;
        Item& item = out.item;
        if (row.number) item.number = std::to_string(row.number.value);
        out.first_line = out.last_line = row.line;
        const auto groups = row.glued                          ? glued_groups(cols.size(), row.cells.size())
                            : one_per_column(cols, row.cells) ? identity_groups(cols.size())
                                                              : align_row(cols, row.cells);
        for (std::size_t k = groups.back().second; k < row.cells.size(); ++k)
            if (row.cells[k].type != CellType::empty) leftover.push_back(&row.cells[k]);
        const bool has_lead_column = std::any_of(cols.begin(), cols.end(), [](auto& c) { return c.role == Role::lead; });
        bool inherit = false;
        int32_t last_end = lines_[row.line].cb;
        for (std::size_t j = 0; j < cols.size(); ++j) {
            const auto [a, b] = groups[j];
            Run joined;
            for (std::size_t k = a; k < b; ++k) {
                if (is_unit(cols[j].role) && !joined.empty()) joined.append_text(u"、");
                joined.append(row.cells[k].run);
                out.last_line = std::max(out.last_line, row.cells[k].last_line);
                if (!row.cells[k].run.src.empty() && row.cells[k].run.src.back() >= 0)
                    last_end = std::max(last_end, row.cells[k].run.src.back() + 1);
            }
            switch (cols[j].role) {
                case Role::text:
                    item.text = joined.utf8();
                    out.text = std::move(joined);
                    break;
                case Role::detail:
                    if (!joined.empty()) item.detail = joined.utf8();
                    break;
                case Role::deadline:
                    if (!joined.empty()) item.deadline = joined.utf8();
                    break;
                case Role::leader:
                    if (auto names = leader_names(joined, r_); !names.empty()) {
                        Run first = make_run(names.front());
                        item.leader = leader_from_heading(first.fold, first.orig, r_).value_or(Person{names.front(), ""});
                    }
                    break;
                case Role::lead:
                case Role::support:
                case Role::units: {
                    if (joined.empty()) {
                        inherit |= cols[j].role != Role::support;
                        break;
                    }
                    UnitList units = split_units(typer_.unit_run(joined), r_);
                    if (cols[j].role == Role::lead) {
                        item.lead = units.units;
                        // With no header naming it, the first of two unit columns leads by its place.
                        item.lead_basis = cols[j].named ? "column" : "column-order";
                    } else if (cols[j].role == Role::support || has_lead_column) {
                        // "人民银行…、…银监分局分别牵头" in the support column: they lead too.
                        for (std::size_t u = 0; u < units.units.size(); ++u)
                            (units.marked_lead[u] ? item.lead : item.support).push_back(units.units[u]);
                    } else {
                        item.lead_basis = assign_roles(units, item.lead, item.support);
                    }
                    break;
                }
                default: break;
            }
        }
        // A merged cell printed once for several rows: the rows below take it over. A row that
        // has its own support cell under a merged lead cell takes the lead only.
        if (inherit && previous && item.lead.empty() && !row.glued) {
            item.lead = previous->lead;
            if (item.support.empty()) item.support = previous->support;
            item.lead_basis = previous->lead_basis;
            if (!item.leader) item.leader = previous->leader;
        }
        item.span.line = row.line + 1;
        item.span.end_line = out.last_line + 1;
        item.span.start = t_.byte_at(row.start >= 0 ? row.start : lines_[row.line].ca);
        item.span.end = t_.byte_at(last_end);
        return out;
    }
};

}  // namespace

std::vector<Region> propose_grids(const SourceText& text, std::vector<LineFeatures>& lines, const Rules& rules,
                                  const Evidence& ev, const WalkScores& walk) {
    return GridReader(text, lines, rules, ev, walk).run();
}

}  // namespace tasksplit::layout
