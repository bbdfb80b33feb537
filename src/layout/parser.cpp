// Layout recognition and assembly: one pass over classified lines builds parts, sections,
// item blocks, cell-per-line grids and tab-separated tables; blocks then become items
// through clauses (clauses.cpp) and unit lists (units.cpp).
#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <tuple>
#include <unordered_set>

#include <unicode/uchar.h>

#include "tasksplit/clauses.hpp"
#include "tasksplit/numerals.hpp"
#include "tasksplit/parse.hpp"
#include "tasksplit/run.hpp"
#include "tasksplit/targets.hpp"
#include "tasksplit/units.hpp"
#include "layout.hpp"
#include "reporting.hpp"

namespace tasksplit {
namespace {

enum class Kind { blank, page, part, attachment, section, item, tab, footer, signature, contact, note, column, text };

/// What a line is on its own, before context.
struct LineInfo {
    Kind kind = Kind::blank;
    int32_t a = 0, b = 0;  ///< trimmed range in the source
    int heading_level = -1;
    int32_t label_a = 0, label_b = 0;  ///< section label (一) or item number, as printed
    int value = 0;                     ///< item number as an integer
    int32_t rest = 0;                  ///< where the heading title or item text starts
    bool dotted = true;
    int style = -1;  ///< which numbering pattern numbered an item line (1. / （1） / 1) …)
    const std::string* column_role = nullptr;  ///< into Rules::column_role; one per line, so no copy
};

struct Block {
    std::optional<std::string> number;
    int value = 0;  ///< the number as an integer
    int line = 0;
    int32_t start = 0;  ///< first character of the item (its number)
    int32_t number_end = 0;  ///< just after the number and its punctuation
    std::vector<std::pair<int32_t, int32_t>> ranges;
    std::vector<int> lines;
    bool has_clause = false;
    int style = -1;      ///< numbering pattern of the item's number
    int point_style = -1;  ///< numbering of the points listed inside it, once seen
};

struct Cell {
    Run run;
    int line = 0;
    std::vector<int> lines;
};

struct TabRow {
    int line = 0;
    std::vector<Run> cells;
    std::size_t printed_cells = 0;  ///< including the empty boxes at the end of the row
};

class Assembler {
public:
    Assembler(const SourceText& text, const Rules& rules, const TargetExtractor& targets, bool line_map)
        : t_(text), r_(rules), targets_(targets), line_map_(line_map), role_(text.line_count(), nullptr) {}

    Document run() {
        classify();
        int body = 0;
        while (body < t_.line_count() && !starts_body(lines_[body])) ++body;
        doc_.source.lines = t_.line_count();
        std::vector<bool> meta(t_.line_count(), false);
        std::vector<bool> furniture(body, false);
        for (int i = 0; i < body; ++i) furniture[i] = lines_[i].kind == Kind::page;
        read_front_matter(t_, body, furniture, r_, doc_.document, meta);
        for (int i = 0; i < body; ++i)
            if (lines_[i].kind != Kind::blank) front_lines_.push_back(squeezed_line(i));
        // A breakdown published without a notice around it opens with its part heading
        // ("2024年市政府工作报告重点工作责任分工"): that line is the document's title too.
        if (!doc_.document.title && body < t_.line_count() && lines_[body].kind == Kind::part) {
            bool first = true;
            for (int i = 0; i < body; ++i) first &= lines_[i].kind == Kind::blank || lines_[i].kind == Kind::page;
            if (first) {
                Run title;
                title.append(t_, lines_[body].a, lines_[body].b);
                doc_.document.title = title.utf8_nospace();
            }
        }
        for (int i = 0; i < body; ++i)
            if (meta[i]) claim(i, "meta");
            else if (furniture[i]) claim(i, "page");
        for (int i = body; i < t_.line_count(); ++i) step(i);
        flush_all();
        finish();
        return std::move(doc_);
    }

private:
    const SourceText& t_;
    const Rules& r_;
    const TargetExtractor& targets_;
    bool line_map_;
    Document doc_;
    std::vector<LineInfo> lines_;
    /// How many lines a task that wraps after a heading-shaped first line may run on for.
    static constexpr int kWrappedTaskLines = 3;
    /// Lines at the right margin that show a prose block is hard-wrapped.
    static constexpr std::size_t kWrapEvidenceLines = 3;
    /// Web page furniture is short ("【打印本页】【关闭窗口】", a site footer): longer lines are text.
    static constexpr int32_t kFurnitureMaxChars = 80;
    static constexpr int32_t kLongColumnName = 8;  ///< "牵头单位（部门）"
    std::vector<const char*> role_;  ///< what claimed each line (meta, part, section, item, …); null: nothing

    // Context while walking the body.
    std::optional<Block> block_;
    std::vector<Cell> cells_;
    std::vector<std::string> grid_roles_;
    bool grid_mode_ = false;
    int header_end_ = -1;  ///< last line of the grid header being read
    bool in_footer_ = false;
    bool footer_breaks_off_ = false;  ///< the footer's last line ended at a comma: it goes on
    bool in_attachment_list_ = false;  ///< reading the notice's "附件：1．… 2．…" list
    std::vector<int> space_columns_;  ///< display columns of the open space-aligned grid's header
    int space_blank_run_ = 0;
    std::map<int, std::vector<std::pair<int32_t, int32_t>>> space_cells_;  ///< per line of such a grid
    std::set<int> subheading_lines_;  ///< 1-based lines of the sub-headings kept out of the items
    int last_item_value_ = 0;  ///< the number of the part's last numbered item
    std::optional<TabRow> tab_header_;           ///< the header of the part's tab grid, for rows after a theme row
    mutable std::unordered_set<std::u16string> part_titles_;  ///< see seen_part_title
    mutable std::size_t indexed_parts_ = 0;
    bool heading_wraps_ = false;                 ///< the section heading just read broke off at a comma
    bool after_page_number_ = false;             ///< only blank lines since a page number
    std::vector<icu::UnicodeString> front_lines_;  ///< front-matter lines, spaces removed
    bool part_has_units_ = false;  ///< an item of the open part names units: its layout uses clauses
    int last_blank_run_ = 0;
    std::vector<TabRow> tab_rows_;
    std::optional<Run> attachment_title_;
    int attachment_line_ = 0;
    bool attachment_pending_ = false;
    std::vector<bool> part_is_appendix_;
    std::vector<int> part_level_;
    std::optional<Person> line_leader_;
    std::vector<int> signature_lines_;  ///< 1-based lines of an issuer's name or a signing date

    void claim(int line, const char* role) { role_[line] = role; }

    /// Text no item holds: listed in `unassigned`, and the lines it fills entirely are no longer
    /// claimed (a line it shares with an item stays the item's).
    void release(const Run& text) {
        // One entry per source line, holding the part of `text` printed on that line.
        int32_t from = 0;
        while (from < text.size()) {
            if (text.src[from] < 0) {
                ++from;
                continue;
            }
            const int line = t_.line_at(text.src[from]);
            int32_t to = from;
            int32_t chars = 0;
            while (to < text.size() && text.src[to] >= 0 && t_.line_at(text.src[to]) == line) {
                chars += !is_space(text.orig.charAt(to));
                ++to;
            }
            Run piece = text.sub(from, to).trimmed();
            if (!piece.empty()) doc_.unassigned.push_back({line + 1, piece.utf8()});
            int32_t own = 0;
            for (int32_t k = lines_[line].a; k < lines_[line].b; ++k) own += !is_space(t_.orig.charAt(k));
            if (chars == own) claim(line, nullptr);
            from = to;
        }
    }

    // ---- classification -------------------------------------------------------------
    /// A decimal number ("1.1", "2.3") read so far: whole part and place after the dot.
    struct DecimalNumber {
        int whole = 0;
        int place = 0;
    };

    /// Decimal numbering opens a group at x.1 and runs on by one ("1.1", "1.2", "2.1"): a
    /// number out of turn is a task number before a text that opens with digits ("2.5G基站",
    /// "3.3月底前出台…") or a decimal split by extraction, and is read by the rules after.
    /// Numbers without a dot always pass.
    bool decimal_in_turn(int32_t a, int32_t b, std::optional<DecimalNumber>& last) const {
        const icu::UnicodeString number(t_.fold, a, b - a);
        const int32_t dot = number.indexOf(u'.');
        if (dot < 0) return true;
        const DecimalNumber n{numeral_value(icu::UnicodeString(number, 0, dot)), numeral_value(number)};
        if (n.place != 1 && !(last && last->whole == n.whole && last->place + 1 == n.place)) return false;
        last = n;
        return true;
    }

    void classify() {
        lines_.resize(t_.line_count());
        std::optional<DecimalNumber> last_decimal;
        int32_t head_a = -1, head_b = -1;  ///< the file's first line with text
        for (int i = 0; i < t_.line_count(); ++i) {
            LineInfo& li = lines_[i];
            int32_t a = t_.line_start[i], b = t_.line_end[i];
            bool tabs = false;
            int tab_count = 0;
            for (int32_t k = a; k < b; ++k) tab_count += t_.orig.charAt(k) == u'\t';
            tabs = tab_count >= 2;
            const bool first_cell_filled = a < b && !is_space(t_.orig.charAt(a));
            std::tie(a, b) = trimmed(i);
            li.a = a;
            li.b = b;
            if (a == b) {
                li.kind = Kind::blank;
                if (!space_columns_.empty() && ++space_blank_run_ > 1) space_columns_.clear();
                continue;
            }
            // A row of a tab grid that holds a theme heading in its first cell only
            // ("一、扩大有效投资\t\t\t") heads the rows under it, like a section heading.
            if (tabs && first_cell_filled && t_.orig.tempSubStringBetween(a, b).indexOf(u'\t') < 0 &&
                std::any_of(r_.section_heading.begin(), r_.section_heading.end(),
                            [&](const Regex& re) { return re.match_at(t_.fold, a, b); }))
                tabs = false;
            if (tabs) { li.kind = Kind::tab; continue; }
            if (frame_rule(a, b)) { li.kind = Kind::page; continue; }
            if (auto cells = pipe_cells(a, b)) {
                if (pipe_rule(a, b)) { li.kind = Kind::page; continue; }
                const bool first_only = std::all_of(cells->begin() + 1, cells->end(), [](const auto& c) { return c.first == c.second; });
                if (!first_only) {
                    space_cells_[i] = std::move(*cells);
                    li.kind = Kind::tab;
                    continue;
                }
                // "｜一、扩大有效需求｜｜｜｜": a theme heading over the rows under it, read as a line.
                std::tie(a, b) = cells->front();
                li.a = a;
                li.b = b;
            }
            // Regexes run on the line's region of the folded text: no copy per line.
            const icu::UnicodeString& f = t_.fold;
            // A page number inside a space-aligned grid is no row, and the grid goes on past it.
            if (r_.page_number.match_at(f, a, b) || (r_.page_marker.match_at(f, a, b) && r_.page_marker.end() == b)) {
                li.kind = Kind::page;
                space_blank_run_ = 0;
                continue;
            }
            if (space_grid_row(i, a, b)) { li.kind = Kind::tab; continue; }
            if (b - a <= kFurnitureMaxChars && r_.web_furniture.find(f, a, b)) { li.kind = Kind::page; continue; }
            if (r_.note_line.match_at(f, a, b) || is_convention_line(a, b)) { li.kind = Kind::note; continue; }
            if (r_.contact.match_at(f, a, b)) { li.kind = Kind::contact; continue; }
            if (r_.footer.match_at(f, a, b)) { li.kind = Kind::footer; continue; }
            if (r_.attachment_label.match_at(f, a, b)) {
                li.kind = Kind::attachment;
                int32_t s = r_.attachment_label.start(1);
                li.rest = s >= 0 ? s : b;
                continue;
            }
            if (head_a < 0) head_a = a, head_b = b;
            if (is_part_heading(a, b, head_a, head_b)) { li.kind = Kind::part; continue; }
            bool done = false;
            for (std::size_t level = 0; level < r_.section_heading.size() && !done; ++level) {
                const Regex& re = r_.section_heading[level];
                if (re.match_at(f, a, b)) {
                    li.kind = Kind::section;
                    li.heading_level = static_cast<int>(level);
                    li.label_a = re.start(1);
                    li.label_b = re.end(1);
                    li.rest = re.start(2);
                    done = true;
                    if (heading_is_task(li) || unit_clause_follows(i) || wrapped_task_follows(i, li)) {
                        li.kind = Kind::item;
                        li.value = numeral_value(label(li));
                    }
                }
            }
            if (done) continue;
            for (const auto& rule : r_.item_number) {
                if (rule.re.match_at(f, a, b)) {
                    if (!decimal_in_turn(rule.re.start(1), rule.re.end(1), last_decimal)) continue;
                    li.kind = Kind::item;
                    li.label_a = rule.re.start(1);
                    li.label_b = rule.re.end(1);
                    li.value = numeral_value(label(li));
                    li.rest = rule.re.end(0);
                    li.dotted = rule.dotted;
                    li.style = static_cast<int>(&rule - &r_.item_number.front());
                    done = true;
                    break;
                }
            }
            if (done) continue;
            if (unlabeled_leader_heading(a, b) && nothing_open_before(i)) {
                li.kind = Kind::section;
                li.heading_level = 0;
                li.label_a = li.label_b = li.rest = a;
                continue;
            }
            // Column names are short: only short lines are looked up.
            if (b - a <= 16) {
                // A column name alone on its line; a header of a cell-per-line grid is three or
                // more of them in a row (grid_header_at). A longer name holding one ("重点工作任务")
                // is short and no label with its value ("【牵头单位】区工信局", "责任单位：各镇").
                const std::string name = to_utf8(squeezed_fold_range(a, b));
                const auto exact = r_.column_role.find(name);
                const std::string* role = exact != r_.column_role.end() ? &exact->second : nullptr;
                // (The folded text has ":" for "：".)
                if (!role && b - a <= kLongColumnName && name.find_first_of(":]") == std::string::npos &&
                    name.find("】") == std::string::npos)
                    role = r_.header_role(name);
                if (role) {
                    li.kind = Kind::column;
                    li.column_role = role;
                    continue;
                }
            }
            li.kind = is_signature(i, a, b) ? Kind::signature : Kind::text;
        }
    }

    /// "夏泉常务副区长牵头重点工作" on a line of its own, without "一、": a heading all the same
    /// (web copies and some PDFs lose the heading numbers). Short, no sentence, and it names
    /// an official before the 牵头 suffix.
    bool unlabeled_leader_heading(int32_t a, int32_t b) const {
        if (b - a > r_.heading_max_title) return false;
        const icu::UnicodeString line(t_.fold, a, b - a);
        if (line.indexOf(u'。') >= 0 || line.indexOf(u';') >= 0 || !r_.leader_suffix.find(line)) return false;
        return leader_from_heading(line, icu::UnicodeString(t_.orig, a, b - a), r_).has_value();
    }

    /// Line i starts afresh: the line before it is blank, a heading or a note, or ends a sentence
    /// or a clause. Otherwise it may be a task wrapped over lines ("…，具体工作" / "由常务副县长李四牵头").
    bool nothing_open_before(int i) const {
        if (i == 0) return true;
        const LineInfo& prev = lines_[i - 1];
        switch (prev.kind) {
            case Kind::blank: case Kind::part: case Kind::section: case Kind::note: case Kind::attachment: case Kind::page:
                return true;
            default:
                break;
        }
        const char16_t last = t_.fold.charAt(prev.b - 1);
        return last == u'。' || last == u';' || last == u')' || last == u'】' || last == u']';
    }

    /// A line that holds nothing but the convention sentence: "（列第一位的为牵头单位，下同）".
    bool is_convention_line(int32_t a, int32_t b) const {
        if (!find_convention(t_, a, b, r_)) return false;
        for (int32_t k = a; k < b; ++k) {
            if (k == r_.convention.start()) k = r_.convention.end();
            if (k >= b) break;
            const char16_t c = t_.fold.charAt(k);
            if (!is_space(c) && !u_ispunct(c)) return false;
        }
        return true;
    }

    /// The signature printed after the breakdown: the signing date on a line of its own, and the
    /// office's name on the line above it ("安吉县人民政府办公室" / "2024年3月1日").
    bool is_signature(int i, int32_t a, int32_t b) const {
        if (r_.date.match_at(t_.fold, a, b)) return true;
        if (b - a > 40 || !office_name(icu::UnicodeString(t_.fold, a, b - a), r_)) return false;
        const auto next = next_nonblank(i);
        return next && r_.date.match_at(t_.fold, next->first, next->second);
    }

    /// Line k without its leading and trailing whitespace, as [a, b) in the source.
    std::pair<int32_t, int32_t> trimmed(int k) const {
        int32_t a = t_.line_start[k], b = t_.line_end[k];
        while (a < b && is_space(t_.orig.charAt(a))) ++a;
        while (b > a && is_space(t_.orig.charAt(b - 1))) --b;
        return {a, b};
    }

    /// The first line after i with any text, trimmed (classification looks ahead before lines_ is filled).
    std::optional<std::pair<int32_t, int32_t>> next_nonblank(int i) const {
        for (int k = i + 1; k < t_.line_count(); ++k) {
            const auto range = trimmed(k);
            if (range.first < range.second) return range;
        }
        return std::nullopt;
    }

    icu::UnicodeString label(const LineInfo& li) const {
        return icu::UnicodeString(t_.orig, li.label_a, li.label_b - li.label_a);
    }

    /// "（一）推进数字经济发展。（责任单位：市经信局）" is numbered like a heading but is a task.
    bool heading_is_task(const LineInfo& li) const {
        if (clause_names_units(li.rest, li.b, false)) return true;
        // "三、对…的市，予以通报表扬。（国务院办公厅负责）": a sentence closed by a bracket naming
        // units with a 牵头 or 负责 marker. A title with such a bracket and no sentence end
        // ("一、产业发展（市发改委牵头）") may name the lead of the tasks under it: it stays a heading.
        if (t_.fold.charAt(li.b - 1) == u')') {
            Run run;
            run.append(t_, li.rest, li.b);
            if (auto t = trailing_unit_bracket(run, r_); t && (t->list.has_marker || t->list.has_support_marker)) {
                int32_t k = t->start;
                while (k > 0 && is_space(run.fold.charAt(k - 1))) --k;
                if (k > 0 && (run.fold.charAt(k - 1) == u'。' || run.fold.charAt(k - 1) == u';')) return true;
            }
        }
        char16_t last = t_.fold.charAt(li.b - 1);
        return last == u'。' || last == u';' || li.b - li.rest > r_.heading_max_title;
    }

    /// "（一）优化营商环境" over "责任单位：市发改委" is a task too: the next non-blank line opens
    /// with a clause naming units.
    bool unit_clause_follows(int i) const {
        const auto next = next_nonblank(i);
        return next && clause_names_units(next->first, next->second, true);
    }

    /// [a, b) holds a clause that names units or a deadline, not only a leader; with
    /// `at_start`, one that opens the range.
    bool clause_names_units(int32_t a, int32_t b, bool at_start) const {
        if (!line_has_clause(a, b)) return false;
        Run run;
        run.append(t_, a, b);
        for (const auto& c : find_clauses(run, r_, true)) {
            if (at_start && c.start != 0) continue;
            for (const auto& f : c.fields)
                if (f.role != "leader" && f.role != "contact") return true;
        }
        return false;
    }

    /// "（四）优化营商环境，" / "推进“一件事”改革。（牵头单位：市营商办）": a heading-shaped line that
    /// breaks off mid-sentence and whose next lines, before any numbered line, name units is the
    /// first line of a task. A wrapped heading of a prose plan names none and stays a heading.
    bool wrapped_task_follows(int i, const LineInfo& li) const {
        if (!breaks_off(li)) return false;
        int looked = 0;
        for (int k = i + 1; k < t_.line_count() && looked < kWrappedTaskLines; ++k) {
            const std::pair<int32_t, int32_t> range = trimmed(k);
            const int32_t a = range.first, b = range.second;  // named: clang 14 lambdas cannot capture bindings
            if (a == b) continue;
            ++looked;
            const auto numbered = [&](const Regex& re) { return re.match_at(t_.fold, a, b); };
            if (std::any_of(r_.section_heading.begin(), r_.section_heading.end(), numbered) ||
                std::any_of(r_.item_number.begin(), r_.item_number.end(), [&](const auto& rule) { return numbered(rule.re); }))
                return false;
            if (clause_names_units(a, b, false)) return true;
        }
        return false;
    }

    // ---- space-aligned grids (pdftotext -layout) ---------------------------------------
    // "序号  工作任务        牵头领导  责任单位      完成时限": columns set apart by runs of spaces,
    // aligned by display width (a Chinese character is two columns wide). Such a header line and
    // the rows under it become tab rows; each piece of a row goes to the column it starts under.

    /// Pieces of [a, b) between runs of two or more spaces, with their display columns.
    struct SpacedPiece {
        int32_t a, b;
        int column;
    };
    std::vector<SpacedPiece> spaced_pieces(int i, int32_t a, int32_t b) const {
        std::vector<SpacedPiece> out;
        int column = 0;
        for (int32_t k = t_.line_start[i]; k < a; ++k) column += display_width(t_.orig.charAt(k));
        int32_t k = a;
        while (k < b) {
            SpacedPiece p{k, k, column};
            while (k < b) {
                int32_t gap = k;
                int gap_width = 0;
                while (gap < b && is_space(t_.orig.charAt(gap))) gap_width += display_width(t_.orig.charAt(gap++));
                if (gap > k && (gap_width >= 2 || gap == b)) break;
                for (const int32_t next = std::max(gap, k + 1); k < next; ++k) column += display_width(t_.orig.charAt(k));
                p.b = k;
            }
            while (k < b && is_space(t_.orig.charAt(k))) column += display_width(t_.orig.charAt(k++));
            out.push_back(p);
        }
        return out;
    }

    static int display_width(char16_t c) {
        const int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        return w == U_EA_WIDE || w == U_EA_FULLWIDTH ? 2 : 1;
    }

    /// "| 1 | 地区生产总值增长6%左右 | 张三 | 县发改局 |": a row of a Markdown table (a web page
    /// converted to text): its cells, between the bars, or nullopt for any other line.
    std::optional<std::vector<std::pair<int32_t, int32_t>>> pipe_cells(int32_t a, int32_t b) const {
        auto bar = [&](int32_t k) { return t_.fold.charAt(k) == u'|'; };  // | and ｜ fold alike
        if (b - a < 3 || !bar(a) || !bar(b - 1)) return std::nullopt;
        std::vector<std::pair<int32_t, int32_t>> cells;
        for (int32_t s = a + 1, k = a + 1; k < b; ++k) {
            if (!bar(k)) continue;
            int32_t x = s, y = k;
            while (x < y && is_space(t_.orig.charAt(x))) ++x;
            while (y > x && is_space(t_.orig.charAt(y - 1))) --y;
            cells.push_back({x, y});
            s = k + 1;
        }
        if (cells.size() < 2) return std::nullopt;
        return cells;
    }

    /// "|---|:---:|": the rule under a Markdown table's header.
    /// "+-----+-----+", "├────┼────┤": the rule of a drawn table, no text.
    bool frame_rule(int32_t a, int32_t b) const {
        if (b - a < 3) return false;
        for (int32_t k = a; k < b; ++k) {
            const char16_t c = t_.fold.charAt(k);
            const bool frame = c == u'+' || c == u'-' || c == u'=' || c == u'_' || c == u'|' || c == u':' ||
                               (c >= 0x2500 && c <= 0x257F);
            if (!frame && !is_space(c)) return false;
        }
        return true;
    }

    bool pipe_rule(int32_t a, int32_t b) const {
        for (int32_t k = a; k < b; ++k) {
            const char16_t c = t_.fold.charAt(k);
            if (c != u'|' && c != u'-' && c != u':' && !is_space(c)) return false;
        }
        return true;
    }

    /// Classifies line i as a header or row of a space-aligned grid, recording its cells.
    bool space_grid_row(int i, int32_t a, int32_t b) {
        if (space_columns_.empty()) {
            // Most lines hold no run of spaces at all: no header there.
            bool gap = false;
            for (int32_t k = a + 1; k < b && !gap; ++k)
                gap = is_space(t_.orig.charAt(k)) && (is_space(t_.orig.charAt(k - 1)) || t_.orig.charAt(k) == u'\u3000');
            if (!gap) return false;
        }
        const auto pieces = spaced_pieces(i, a, b);
        if (!space_columns_.empty()) {
            // A row: several pieces, or one indented piece (a cell wrapped onto the next line).
            if (pieces.size() >= 2 || (pieces.size() == 1 && pieces[0].column > space_columns_.front() + 1)) {
                space_blank_run_ = 0;
                std::vector<std::pair<int32_t, int32_t>> cells(space_columns_.size(), {a, a});
                for (const auto& p : pieces) {
                    std::size_t c = 0;
                    while (c + 1 < space_columns_.size() && space_columns_[c + 1] <= p.column + 1) ++c;
                    if (cells[c].first == cells[c].second) cells[c] = {p.a, p.b};
                    else cells[c].second = p.b;
                }
                space_cells_[i] = std::move(cells);
                return true;
            }
            space_columns_.clear();
        }
        if (pieces.size() < 3) return false;
        std::vector<std::string> roles;
        for (const auto& p : pieces) {
            const std::string* role = r_.header_role(to_utf8(squeezed_fold_range(p.a, p.b)));
            if (!role) return false;
            roles.push_back(*role);
        }
        const auto has = [&](const char* role) { return std::find(roles.begin(), roles.end(), role) != roles.end(); };
        if (!has("text") || !(has("lead") || has("units"))) return false;
        for (const auto& p : pieces) {
            space_columns_.push_back(p.column);
            space_cells_[i].push_back({p.a, p.b});
        }
        space_blank_run_ = 0;
        return true;
    }

    icu::UnicodeString squeezed_fold_range(int32_t a, int32_t b) const {
        icu::UnicodeString out;
        for (int32_t k = a; k < b; ++k)
            if (!is_space(t_.fold.charAt(k))) out.append(t_.fold.charAt(k));
        return out;
    }

    icu::UnicodeString squeezed_line(int i) const { return squeezed_fold_range(lines_[i].a, lines_[i].b); }

    /// A line printed again at the top of a page: after a page number, the masthead, a front-matter
    /// line or a part title seen before; anywhere, the title of the part it would reopen.
    bool running_header(int i) const {
        const LineInfo& li = lines_[i];
        if (li.kind != Kind::part && !after_page_number_) return false;
        const icu::UnicodeString line = squeezed_line(i);
        if (li.kind == Kind::part && !doc_.parts.empty() && line == squeezed_fold(make_run(doc_.parts.back().title)))
            return true;
        if (!after_page_number_ || line.length() < 4) return false;
        // The masthead, "芜湖市人民政府办公室文件", whether or not the first page printed it.
        if (line.endsWith(u"文件") && line.length() <= 40) return true;
        if (std::find(front_lines_.begin(), front_lines_.end(), line) != front_lines_.end()) return true;
        return seen_part_title(line);
    }

    /// A part title read so far, spaces removed. Titles are indexed as parts open, so a long
    /// notice with many parts and page breaks is not searched part by part at every page.
    bool seen_part_title(const icu::UnicodeString& line) const {
        for (; indexed_parts_ < doc_.parts.size(); ++indexed_parts_) {
            const icu::UnicodeString title = squeezed_fold(make_run(doc_.parts[indexed_parts_].title));
            part_titles_.emplace(title.getBuffer(), title.length());
        }
        return part_titles_.count(std::u16string(line.getBuffer(), line.length())) > 0;
    }

    /// [head_a, head_b): the file's first line with text. A title naming its place there, or
    /// printed again below it ("区人民政府2024年工作计划" three times over a web copy, spaced
    /// differently), is the document's own.
    bool is_part_heading(int32_t a, int32_t b, int32_t head_a, int32_t head_b) const {
        if (r_.part_heading_numbered.match_at(t_.fold, a, b)) return true;
        if (!r_.part_heading.match_at(t_.fold, a, b)) return false;
        if (r_.part_heading.start(1) >= 0 &&
            (a == head_a || squeezed_fold_range(a, b) == squeezed_fold_range(head_a, head_b)))
            return false;
        // Spaces squeezed out: letter-spaced print splits the last word ("…（舟山部分） 责任分 解").
        const icu::UnicodeString f = squeezed_fold_range(a, b);
        for (const auto& w : r_.part_heading_never)
            if (f.indexOf(w) >= 0) return false;
        for (const auto& w : r_.part_heading_ends)
            if (f.endsWith(w)) return true;
        return false;
    }

    bool starts_body(const LineInfo& li) const {
        return li.kind == Kind::part || li.kind == Kind::section || li.kind == Kind::tab ||
               (li.kind == Kind::item && li.dotted) || li.kind == Kind::attachment;
    }

    /// A run of at least three column-name lines (blank lines between) is a grid header.
    bool grid_header_at(int i, std::vector<std::string>& roles, int& last) const {
        roles.clear();
        int k = i;
        // A page break may fall inside the header: its page number is no column.
        while (k < t_.line_count() && (lines_[k].kind == Kind::column || lines_[k].kind == Kind::blank ||
                                       lines_[k].kind == Kind::page)) {
            if (lines_[k].kind == Kind::column) {
                roles.push_back(*lines_[k].column_role);
                last = k;
            }
            ++k;
        }
        bool has_units = false;
        for (const auto& role : roles) has_units |= role == "lead" || role == "units" || role == "support" || role == "leader";
        return roles.size() >= 3 && has_units;
    }

    /// "附件：1．…": a label whose value opens with a list number lists the attachments in the
    /// notice body; "附件1" or "附件：2024年…任务分解" heads an attachment.
    bool opens_attachment_list(const LineInfo& li) const {
        if (li.rest >= li.b) return false;
        for (const auto& number : r_.item_number)
            if (number.re.match_at(t_.fold, li.rest, li.b)) return true;
        return false;
    }

    // ---- the walk ---------------------------------------------------------------------
    void step(int i) {
        const LineInfo& li = lines_[i];
        if (li.kind == Kind::blank) {
            ++last_blank_run_;
            in_footer_ &= footer_breaks_off_;
            in_attachment_list_ = false;
            return;
        }
        // Page furniture wherever it falls: a page number, and the running header after it (the
        // masthead or a title printed again on each page). The task it interrupts runs on past it.
        if (li.kind == Kind::page) {
            claim(i, "page");
            after_page_number_ = true;
            return;
        }
        if (running_header(i)) {
            claim(i, "page");
            return;
        }
        after_page_number_ = false;
        const bool heading_wraps = heading_wraps_;
        heading_wraps_ = false;
        // The 版记 footer runs on over adjacent lines ("抄送：…，" / "市法院，…"), and past a blank
        // line while its list breaks off at a comma; no field holds it.
        // A line that opens an attachment or a part, or a numbered task with its clause, fails the
        // footer's continuation test: the footer ends there even with no blank line after it.
        if (in_footer_ && (li.kind == Kind::attachment || li.kind == Kind::part ||
                           (li.kind == Kind::item && holds_clause(li.a, li.b))))
            in_footer_ = false;
        if (in_footer_) {
            footer_breaks_off_ = breaks_off(li);
            return;
        }
        // "附件：1．重点工作任务分解" / "      2．民生实事项目任务分解": the notice lists what it
        // attaches; the numbered titles under the label are list entries, not tasks.
        in_attachment_list_ &= li.kind == Kind::item;
        if (in_attachment_list_) {
            claim(i, "attachment");
            return;
        }
        int blanks = last_blank_run_;
        last_blank_run_ = 0;
        switch (li.kind) {
            case Kind::footer:
                flush_all();
                in_footer_ = true;
                footer_breaks_off_ = breaks_off(li);
                return;
            case Kind::note: {
                // A note ends the task before it; a convention sentence in it is the document's.
                flush_all();
                auto convention = find_convention(t_, li.a, li.b, r_);
                if (convention && !doc_.document.lead_convention) doc_.document.lead_convention = convention;
                if (is_convention_line(li.a, li.b)) claim(i, "meta");
                return;
            }
            case Kind::contact: {
                // "联系人：李四，联系电话：…" after the tasks: the notice's contact, like one in
                // its front matter.
                flush_all();
                claim(i, "meta");
                Run line;
                line.append(t_, li.a, li.b);
                if (auto c = read_contact(line, r_)) doc_.document.contacts.push_back(std::move(*c));
                return;
            }
            case Kind::signature: {
                flush_all();
                claim(i, "meta");
                signature_lines_.push_back(i + 1);
                DocumentMeta& meta = doc_.document;
                if (r_.date.match_at(t_.fold, li.a, li.b)) {
                    if (!meta.date) meta.date = iso_date(r_.date);
                } else if (!meta.issuer) {
                    Run name;
                    name.append(t_, li.a, li.b);
                    meta.issuer = name.utf8_nospace();
                }
                return;
            }
            case Kind::attachment:
                flush_all();
                if (opens_attachment_list(li)) {
                    in_attachment_list_ = true;
                    claim(i, "attachment");
                    return;
                }
                attachment_pending_ = true;
                attachment_line_ = i;
                claim(i, "attachment");
                if (li.rest < li.b) {
                    Run title;
                    title.append(t_, li.rest, li.b);
                    attachment_title_ = title;
                }
                return;
            case Kind::part:
                flush_all();
                open_part(i);
                return;
            case Kind::tab:
                flush_block();
                flush_grid();
                tab_rows_.push_back(tab_row(i));
                claim(i, "table");
                return;
            default:
                break;
        }
        if (!tab_rows_.empty()) flush_tabs();
        // "附件1" on a line of its own, then the attachment's title in any wording
        // ("市《…》确定的2026年重点项目责任分解"): a short line that ends no sentence and holds no
        // clause, right under the label, titles the part the label opens.
        if (li.kind == Kind::text && attachment_pending_ && !attachment_title_ && !block_ && cells_.empty() &&
            li.b - li.a <= r_.heading_max_title && !ends_sentence(li) && !holds_clause(li.a, li.b)) {
            flush_all();
            open_part(i);
            return;
        }
        if (li.kind == Kind::section) {
            ensure_part(i);
            int level = part_level_.back();
            if (level < 0) part_level_.back() = level = li.heading_level;
            if (li.heading_level == level) {
                flush_block();
                flush_grid();
                open_section(i);
                heading_wraps_ = breaks_off(li);
                return;
            }
            // A heading of another level inside a section: a sub-heading the model has no place
            // for; it ends the item before it.
            flush_block();
            add_diag("info", "subheading", i, "sub-heading kept out of the items: " + line_text(i));
            subheading_lines_.insert(i + 1);
            return;
        }
        if (li.kind == Kind::column) {
            if (i <= header_end_) {
                claim(i, "grid-header");
                return;
            }
            std::vector<std::string> roles;
            int last = i;
            if (grid_header_at(i, roles, last)) {
                header_end_ = last;
                flush_block();
                flush_grid();
                ensure_part(i);
                grid_roles_ = roles;
                grid_mode_ = true;
                claim(i, "grid-header");
                return;
            }
        }
        if (grid_mode_) {
            if (blanks == 0 && !cells_.empty()) {
                cells_.back().run.append(t_, li.a, li.b);
                cells_.back().lines.push_back(i);
            } else {
                Cell c;
                c.run.append(t_, li.a, li.b);
                c.line = i;
                c.lines.push_back(i);
                cells_.push_back(std::move(c));
            }
            return;
        }
        if (li.kind == Kind::item && nested_numbering(i)) return;
        if (li.kind == Kind::item && accept_number(li) && !(!li.dotted && splits_number(i))) {
            flush_block();
            ensure_part(i);
            Block b;
            b.number = to_utf8(label(li));
            b.value = li.value;
            last_item_value_ = li.value;
            b.line = i;
            b.start = li.a;
            b.number_end = li.rest;
            b.ranges.emplace_back(li.rest, li.b);
            b.lines.push_back(i);
            b.has_clause = line_has_clause(li.rest, li.b);
            b.style = li.style;
            block_ = std::move(b);
            return;
        }
        // Plain text: the rest of a wrapped heading, a leader line, a continuation of the open
        // block, or a new unnumbered block.
        if (heading_wraps && li.kind == Kind::text && !block_) {
            continue_heading(i);
            return;
        }
        if (is_document_issuer(li)) {
            flush_all();
            return;
        }
        if (!block_ && try_leader_line(i)) return;
        if (!block_ && is_form_field(i)) {
            claim(i, "form");
            return;
        }
        if (!block_) {
            ensure_part(i);
            Block b;
            b.line = i;
            b.start = li.a;
            block_ = std::move(b);
        }
        block_->ranges.emplace_back(li.a, li.b);
        block_->lines.push_back(i);
        block_->has_clause = block_->has_clause || line_has_clause(li.a, li.b);
    }

    /// [a, b) holds a responsibility clause, labelled or not ("（县工信局牵头，县统计局配合）").
    bool holds_clause(int32_t a, int32_t b) const {
        if (line_has_clause(a, b)) return true;
        Run run;
        run.append(t_, a, b);
        return !find_clauses(run, r_, true).empty();
    }

    /// A line numbered in another style inside a task that names no units yet. When the first
    /// such line neither holds a clause nor is followed by one, the lines are points of the task
    /// ("2.推进城市更新行动。" / "（1）改造…；" / "（2）…；" / "责任单位：…") and join its text.
    /// Otherwise they are the tasks and the line above them was a sub-heading ("1.工业提质" /
    /// "（1）规上工业总产值增长10%。（县工信局牵头）"). Returns true when line i joined the task.
    bool nested_numbering(int i) {
        const LineInfo& li = lines_[i];
        // Only list numbering counts: a bare "5 " may be a quantity split from the line above.
        if (!block_ || !block_->number || block_->has_clause || !li.dotted || li.style < 0 || li.style == block_->style)
            return false;
        if (block_->point_style < 0 && holds_clause(block_->ranges.back().first, block_->ranges.back().second)) return false;
        if (li.style == block_->point_style || (block_->point_style < 0 && !holds_clause(li.rest, li.b) &&
                                                 !unit_clause_follows(i))) {
            block_->point_style = li.style;
            block_->ranges.emplace_back(li.a, li.b);
            block_->lines.push_back(i);
            return true;
        }
        if (block_->point_style >= 0) return false;
        // The task line above was a heading over tasks numbered in the nested style.
        for (int l : block_->lines) claim(l, "section");
        add_diag("info", "subheading", block_->line, "sub-heading kept out of the items: " + line_text(block_->line));
        subheading_lines_.insert(block_->line + 1);
        block_.reset();
        return false;
    }

    /// A blank form's field labels ("填报单位 (盖章):", "联系人:") in an appendix: short lines
    /// that end with a colon and ask for a value.
    bool is_form_field(int i) const {
        const LineInfo& li = lines_[i];
        if (part_is_appendix_.empty() || !part_is_appendix_.back() || li.b - li.a > 24) return false;
        return t_.fold.charAt(li.b - 1) == u':';
    }

    bool is_document_issuer(const LineInfo& li) const {
        if (!doc_.document.issuer) return false;
        Run r;
        r.append(t_, li.a, li.b);
        return r.utf8_nospace() == *doc_.document.issuer;
    }

    bool line_has_clause(int32_t a, int32_t b) const { return r_.clause_label.find(t_.fold, a, b); }

    /// "…完成幸福河湖农村水系整治1" / "6.2公里以上。": a line that opens with digits right after a
    /// line that ends in one continues a number the wrap split.
    bool splits_number(int i) const {
        const LineInfo& li = lines_[i];
        if (!u_isdigit(t_.fold.charAt(li.a))) return false;
        for (int k = i - 1; k >= 0; --k) {
            if (lines_[k].kind == Kind::blank) continue;
            return lines_[k].b > lines_[k].a && u_isdigit(t_.fold.charAt(lines_[k].b - 1));
        }
        return false;
    }

    bool accept_number(const LineInfo& li) const {
        int n = li.value;
        // Numbering may run on across sections: a section's first item may be the part's next number.
        if (!block_ || !block_->number) return li.dotted || n == 1 || n == last_item_value_ + 1 || (block_ && block_->has_clause);
        int prev = block_->value;
        if (!li.dotted) return block_->has_clause && n == prev + 1;
        if (li.style != block_->style) return true;  // another level of numbering counts apart
        if (!block_->has_clause && part_has_units_ && n != prev + 1) return false;
        return true;
    }


    /// The first official named in a leader field or cell; "洪碧副市长" splits into name and role.
    std::optional<Person> first_person(const Run& value) const {
        auto names = leader_names(value, r_);
        if (names.empty()) return std::nullopt;
        Run first = make_run(names.front());
        if (auto p = leader_from_heading(first.fold, first.orig, r_)) return p;
        return Person{names.front(), ""};
    }

    bool try_leader_line(int i) {
        Run run;
        run.append(t_, lines_[i].a, lines_[i].b);
        auto clauses = find_clauses(run, r_, true);
        if (clauses.size() != 1 || clauses[0].start != 0 || clauses[0].end != run.size()) return false;
        for (const auto& f : clauses[0].fields)
            if (f.role != "leader" && f.role != "contact") return false;
        auto person = first_person(clauses[0].fields.front().value);
        if (!person) return false;
        flush_block();
        line_leader_ = person;
        claim(i, "leader");
        return true;
    }

    // ---- parts and sections ------------------------------------------------------------
    void open_part(int i) {
        Part p;
        Run title;
        title.append(t_, lines_[i].a, lines_[i].b);
        p.title = title.utf8();
        p.line = i + 1;
        push_part(std::move(p));
        line_leader_.reset();
        claim(i, "part");
    }

    /// Starts a new part; a pending 附件 label makes it an appendix.
    void push_part(Part p) {
        settle_last_section();
        doc_.parts.push_back(std::move(p));
        part_is_appendix_.push_back(attachment_pending_);
        part_level_.push_back(-1);
        attachment_pending_ = false;
        attachment_title_.reset();
        grid_mode_ = false;
        part_has_units_ = false;
        last_item_value_ = 0;
        tab_header_.reset();
    }

    void ensure_part(int i) {
        if (!doc_.parts.empty() && !attachment_pending_) return;
        Part p;
        if (attachment_pending_ && attachment_title_) {
            p.title = attachment_title_->utf8();
            p.line = attachment_line_ + 1;
        } else {
            p.title = doc_.document.title.value_or("");
            p.line = i + 1;
        }
        push_part(std::move(p));
    }

    void open_section(int i) {
        const LineInfo& li = lines_[i];
        Part& part = doc_.parts.back();
        Section s;
        s.ordinal = static_cast<int>(part.sections.size()) + 1;
        if (!part.sections.empty() && part.sections.front().ordinal == 0 && part.sections.front().items.empty())
            part.sections.clear(), s.ordinal = 1;
        if (li.label_b > li.label_a) s.label = to_utf8(label(li));
        Run title;
        title.append(t_, li.rest, li.b);
        s.title = title.utf8_nospace();
        s.line = i + 1;
        s.leader = leader_from_heading(title.fold, title.orig, r_);
        // "一、聚焦高质量发展（牵头领导：张三）": the leader in a clause of the heading.
        for (const auto& c : find_clauses(title, r_, true))
            for (const auto& f : c.fields)
                if (f.role == "leader" && !s.leader) s.leader = first_person(f.value);
        // "一、经济运行和财政金融（县长 王五）": the leader alone in a closing bracket.
        if (!s.leader && title.size() > 2 && (title.fold.endsWith(u")") || title.fold.endsWith(u"）"))) {
            const int32_t open = std::max(title.fold.lastIndexOf(u'('), title.fold.lastIndexOf(u'（'));
            if (open > 0) {
                const Run inner = title.sub(open + 1, title.size() - 1);
                s.leader = leader_from_heading(inner.fold, inner.orig, r_);
            }
        }
        settle_last_section();
        part.sections.push_back(std::move(s));
        line_leader_.reset();
        claim(i, "section");
    }

    /// A line that breaks off mid-sentence: "（一）坚持稳中求进，".
    /// The line closes a sentence ("…责任分解" does not; "…报送进展情况。" does).
    bool ends_sentence(const LineInfo& li) const {
        const char16_t last = t_.fold.charAt(li.b - 1);
        return last == u'。' || last == u';' || last == u'!' || last == u'?' || last == u'.';
    }

    bool breaks_off(const LineInfo& li) const {
        const char16_t last = t_.fold.charAt(li.b - 1);
        return last == u',' || last == u'、';
    }

    /// "（一）坚持稳中求进，" / "更高质量推动经济运行": the line completes the heading above it.
    void continue_heading(int i) {
        const LineInfo& li = lines_[i];
        Section& s = doc_.parts.back().sections.back();
        Run rest;
        rest.append(t_, li.a, li.b);
        *s.title += rest.utf8_nospace();
        if (!s.leader) {
            const Run title = make_run(*s.title);
            s.leader = leader_from_heading(title.fold, title.orig, r_);
        }
        claim(i, "section");
        heading_wraps_ = breaks_off(li);
    }

    /// Items only ever join the newest section: once another opens, the last one's item list
    /// gives back its growth slack (on a large notice that is a quarter of the model).
    void settle_last_section() {
        if (!doc_.parts.empty() && !doc_.parts.back().sections.empty())
            doc_.parts.back().sections.back().items.shrink_to_fit();
    }

    Section& current_section() {
        Part& part = doc_.parts.back();
        if (part.sections.empty()) {
            Section s;
            s.ordinal = 0;
            s.line = part.line;
            part.sections.push_back(std::move(s));
        }
        return part.sections.back();
    }

    // ---- items from clause blocks ------------------------------------------------------
    Run block_run(const Block& b) const {
        Run run;
        for (const auto& [a, e] : b.ranges) run.append(t_, a, e);
        return run;
    }

    void flush_all() {
        flush_block();
        flush_grid();
        flush_tabs();
    }

    void flush_block() {
        if (!block_) return;
        Block b = std::move(*block_);
        block_.reset();
        for (int l : b.lines) claim(l, "item");
        Run run = block_run(b);
        if (b.number) {
            numbered_item(b, run);
        } else {
            unnumbered_items(b, run);
        }
    }

    void numbered_item(const Block& b, const Run& run) {
        auto clauses = find_clauses(run, r_, false);
        Item item;
        item.number = b.number;
        int32_t text_end = clauses.empty() ? run.size() : clauses.front().start;
        Run text = without_comma_before_clause(run.sub(0, text_end).trimmed(), !clauses.empty());
        item.text = text.utf8();
        int32_t last = text_end;
        std::vector<const Clause*> mine;
        // Clauses that follow each other with nothing between belong to this item; text after
        // a clause that ends with another clause is an unnumbered item of its own.
        std::size_t k = 0;
        for (; k < clauses.size(); ++k) {
            if (k > 0 && !run.sub(clauses[k - 1].end, clauses[k].start).trimmed().empty()) break;
            mine.push_back(&clauses[k]);
            last = clauses[k].end;
        }
        apply_clauses(item, mine);
        // "1.市发改委：全年固定资产投资增长7%以上。配合单位：市统计局": the lead before the text.
        if (const int32_t colon = text.fold.indexOf(u':'); item.lead.empty() && colon > 0 && colon <= 40) {
            const Run head = text.sub(0, colon);
            if (looks_like_units(head, r_)) {
                std::vector<Unit> lead, support;
                item.lead_basis = assign_roles(split_units(head, r_), lead, support);
                item.lead = std::move(lead);
                item.support.insert(item.support.begin(), support.begin(), support.end());
                text = text.sub(colon + 1, text.size()).trimmed();
                item.text = text.utf8();
            }
        }
        item.span = span_of(b.start, run, last);
        // The span covers at least the printed number ("2)" with nothing after it).
        item.span.end = std::max(item.span.end, t_.byte_at(b.number_end));
        if (text.empty() && mine.empty())
            add_diag("warning", "empty-item", b.line, "item " + *item.number + " has no text and no responsible unit");
        push_item(std::move(item), b.line, text);
        if (k < clauses.size()) {
            segment_stream(run, clauses, k, last);
        } else {
            Run tail = run.sub(last, run.size()).trimmed();
            if (!tail.empty() && !only_punctuation(tail)) {
                add_diag("warning", "text-after-clause", t_.line_at(tail.src.front()),
                         "text after the responsibility clause belongs to no item: " + tail.utf8());
                release(tail);
            }
        }
    }

    /// "1、老年助餐服务,牵头单位:市民政局。": the comma that led into an unbracketed clause is no
    /// part of the task's text.
    static Run without_comma_before_clause(const Run& text, bool clause_follows) {
        if (!clause_follows || text.empty()) return text;
        const char16_t last = text.fold.charAt(text.size() - 1);
        return last == u',' || last == u'，' ? text.sub(0, text.size() - 1).trimmed() : text;
    }

    /// An unnumbered task without the list mark before it ("●新建学校5所。").
    Run without_bullet(const Run& text) const {
        return r_.bullet.match_at(text.fold) ? text.sub(r_.bullet.end(0), text.size()) : text;
    }

    static bool only_punctuation(const Run& r) {
        for (int32_t i = 0; i < r.size(); ++i) {
            char16_t c = r.fold.charAt(i);
            if (!(c == u'。' || c == u'.' || c == u';' || c == u',' || c == u'、' || is_space(c))) return false;
        }
        return true;
    }

    /// One item per clause: the text since the previous clause ("…。（牵头领导：洪碧，责任单位：市卫健委）…").
    void segment_stream(const Run& run, const std::vector<Clause>& clauses, std::size_t from, int32_t pos) {
        for (std::size_t k = from; k < clauses.size(); ++k) {
            Run text = run.sub(pos, clauses[k].start).trimmed();
            std::vector<const Clause*> mine{&clauses[k]};
            int32_t end = clauses[k].end;
            while (k + 1 < clauses.size() && run.sub(end, clauses[k + 1].start).trimmed().empty()) {
                mine.push_back(&clauses[++k]);
                end = clauses[k].end;
            }
            if (text.empty()) {
                // A clause with no task text before it names units for nothing we can tell:
                // it stays visible in unassigned rather than vanishing.
                const Run orphan = run.sub(mine.front()->start, end).trimmed();
                if (!orphan.empty() && orphan.src.back() >= 0) {
                    // Reported on its last line, where the label stands ("(" may open it a line above).
                    add_diag("warning", "clause-without-text", t_.line_at(orphan.src.back()),
                             "a responsibility clause with no task text before it: " + orphan.utf8());
                    release(orphan);
                }
                pos = end;
                continue;
            }
            Item item;
            const int32_t start = text.src.front();
            // "…（…）2.为全县中小学…（…）": a number inside the paragraph still opens its task.
            for (const auto& rule : r_.item_number) {
                if (!rule.dotted || !rule.re.match_at(text.fold)) continue;
                item.number = to_utf8(text.orig.tempSubStringBetween(rule.re.start(1), rule.re.end(1)));
                text = text.sub(rule.re.end(0), text.size()).trimmed();
                break;
            }
            if (!item.number) text = without_bullet(text);
            item.text = text.utf8();
            apply_clauses(item, mine);
            item.span = span_of(start, run, end);
            push_item(std::move(item), t_.line_at(start), text);
            pos = end;
        }
        Run tail = without_bullet(run.sub(pos, run.size()).trimmed());
        if (!tail.empty() && !only_punctuation(tail)) {
            Item item;
            item.text = tail.utf8();
            item.span = span_of(tail.src.front(), run, run.size());
            push_item(std::move(item), t_.line_at(tail.src.front()), tail);
        }
    }

    void unnumbered_items(const Block& b, const Run& run) {
        // Lines of a stream, kept apart so that an unbracketed clause ends at its line.
        auto clauses = find_clauses(run, r_, true);
        if (!clauses.empty()) {
            segment_stream(run, clauses, 0, 0);
            return;
        }
        // No clause: a prose plan. One item per paragraph; a line that does not end a sentence
        // continues on the next line (a page break).
        Run para;
        int first_line = -1, para_lines = 0;
        auto emit = [&]() {
            Run p = without_bullet(para.trimmed());
            para = Run();
            const int lines = std::exchange(para_lines, 0);
            if (p.empty()) return;
            if (r_.closing_paragraph.match_at(p.fold) || form_fragments(p, lines)) {
                release(p);
                return;
            }
            Item item;
            item.text = p.utf8();
            item.span = span_of(p.src.front(), p, p.size());
            push_item(std::move(item), first_line, p);
        };
        const std::vector<bool> ends = paragraph_ends(b);
        for (std::size_t k = 0; k < b.ranges.size(); ++k) {
            if (para.empty()) first_line = b.lines[k];
            para.append(t_, b.ranges[k].first, b.ranges[k].second);
            ++para_lines;
            if (ends[k]) emit();
        }
        emit();
    }

    /// A "paragraph" of short pieces with no clause punctuation, or of blank form fields: a table
    /// or form whose cells came one per line ("牵头区领导" / "牵头责任单位" / "工作内容" / "3 月" …,
    /// "填报单位(盖章):" / "联系人:"). Prose, even a plan's shortest item, has its commas and stops.
    bool form_fragments(const Run& p, int lines) const {
        int punctuation = 0, colons = 0;
        for (int32_t i = 0; i < p.size(); ++i) {
            const char16_t c = p.fold.charAt(i);
            punctuation += c == u'，' || c == u',' || c == u'。' || c == u'；' || c == u';' || c == u'、';
            colons += c == u'：' || c == u':';
        }
        if (punctuation > 0) return false;
        const bool blank_fields = colons > 0 && (p.fold.endsWith(u"：") || p.fold.endsWith(u":"));
        return blank_fields || (lines >= evidence("form_min_lines", 3) && p.size() <= lines * evidence("form_cell_max_chars", 8));
    }

    /// A named weight or threshold of layout.yaml `evidence`.
    int evidence(const char* name, int fallback) const {
        const auto it = r_.evidence.find(name);
        return it == r_.evidence.end() ? fallback : static_cast<int>(it->second);
    }

    /// Where the paragraphs of a prose block end, line by line. Paragraphs printed with a first-line
    /// indent end before the next indented line, whatever the line before ends with. Otherwise a
    /// paragraph ends with a sentence, unless the line runs to the right margin of a text that is
    /// hard-wrapped (a PDF page): there the sentence end fell at the wrap by chance.
    std::vector<bool> paragraph_ends(const Block& b) const {
        const std::size_t n = b.ranges.size();
        std::vector<bool> ends(n, false);
        std::vector<bool> indented(n, false);
        std::size_t indented_count = 0;
        int32_t widest = 0;
        for (std::size_t k = 0; k < n; ++k) {
            const int line = b.lines[k];
            indented[k] = t_.line_start[line] < b.ranges[k].first && b.ranges[k].first == lines_[line].a;
            if (k > 0) indented_count += indented[k];
            widest = std::max(widest, b.ranges[k].second - b.ranges[k].first);
        }
        if (indented_count > 0 && indented_count + 1 < n) {
            for (std::size_t k = 0; k + 1 < n; ++k) ends[k] = indented[k + 1];
            ends[n - 1] = true;
            return ends;
        }
        std::size_t at_margin = 0;
        for (const auto& [a, e] : b.ranges) at_margin += e - a >= widest - 1;
        const bool wrapped = at_margin >= kWrapEvidenceLines && at_margin * 5 >= n * 2;
        for (std::size_t k = 0; k < n; ++k) {
            const char16_t last = t_.fold.charAt(b.ranges[k].second - 1);
            const bool sentence = last == u'。' || last == u'!' || last == u'?' || last == u';' || last == u'”';
            const bool reaches_margin = b.ranges[k].second - b.ranges[k].first >= widest - 1;
            ends[k] = sentence && !(wrapped && reaches_margin && k + 1 < n);
        }
        return ends;
    }

    Span span_of(int32_t start, const Run& run, int32_t end_in_run) const {
        Span s;
        int32_t last = end_in_run > 0 ? run.src[end_in_run - 1] : start;
        s.line = t_.line_at(start) + 1;
        s.end_line = t_.line_at(last) + 1;
        s.start = t_.byte_at(start);
        s.end = t_.byte_at(last + 1);
        return s;
    }

    void apply_clauses(Item& item, const std::vector<const Clause*>& clauses) {
        bool has_lead_field = false;
        for (const Clause* c : clauses)
            for (const auto& f : c->fields) has_lead_field |= f.role == "lead";
        for (const Clause* c : clauses) {
            for (const auto& f : c->fields) {
                if (!f.form_label.empty() && !f.value.src.empty() && f.value.src.front() >= 0)
                    add_diag("info", "label-by-form", t_.line_at(f.value.src.front()),
                             "label '" + f.form_label + "' is in no list; read by its form as " + f.role);
                if (f.role == "leader") {
                    if (auto person = first_person(f.value)) item.leader = person;
                    continue;
                }
                if (f.role == "deadline") {
                    if (!f.value.empty()) item.deadline = f.value.utf8();
                    continue;
                }
                if (f.role == "contact") continue;  // a person or a telephone number, no unit
                const UnitsAndDeadline peeled = peel_deadline(f.value, r_);
                if (peeled.deadline && !item.deadline) item.deadline = peeled.deadline->utf8();
                UnitList list = split_units(peeled.units, r_);
                note_list(list, peeled.units);
                if (f.role == "lead") {
                    item.lead.insert(item.lead.end(), list.units.begin(), list.units.end());
                    item.lead_basis = "explicit";
                } else if (f.role == "support" || (f.role == "units" && has_lead_field)) {
                    item.support.insert(item.support.end(), list.units.begin(), list.units.end());
                } else {
                    std::string basis = assign_roles(list, item.lead, item.support);
                    if (item.lead_basis.empty()) item.lead_basis = basis;
                }
            }
        }
    }

    void note_list(const UnitList& list, const Run& value) {
        if (list.convention && !doc_.document.lead_convention) {
            LeadConvention c;
            c.text = list.convention->utf8();
            c.rule = "first-listed";
            c.line = list.convention->src.empty() || list.convention->src.front() < 0 ? 0 : t_.line_at(list.convention->src.front()) + 1;
            doc_.document.lead_convention = c;
        }
        if (list.run_on && !list.run_on->src.empty() && list.run_on->src.front() >= 0)
            add_diag("warning", "text-after-units", t_.line_at(list.run_on->src.front()),
                     "text run into the last unit is no unit name (a line break lost before it?): " + list.run_on->utf8());
        if (list.empty_pieces > 0 && !value.src.empty() && value.src.front() >= 0)
            add_diag("warning", "dangling-separator", t_.line_at(value.src.back()),
                     "a unit list has a separator with no unit after it (a unit may be missing): " + value.utf8());
    }

    /// Adds an item to the open section. `text` is the run its text was sliced from: target
    /// offsets found in the text map back to the source through it.
    void push_item(Item item, int line0, const Run& text) {
        Section& s = current_section();
        item.targets = targets_.extract(item.text);
        for (auto& target : item.targets) {
            target.start = layout::source_byte(t_, text, item.text, target.start);
            target.end = layout::source_byte(t_, text, item.text, target.end);
        }
        if (!item.deadline) item.deadline = find_deadline(item.text);
        if (!item.leader) {
            if (line_leader_) item.leader = line_leader_;
            else if (s.leader) item.leader = s.leader;
        } else if (item.leader->role.empty()) {
            // "（责任领导：李强）" under "二、李强常务副市长牵头的重点工作": the heading gives the title.
            for (const auto* known : {line_leader_ ? &*line_leader_ : nullptr, s.leader ? &*s.leader : nullptr}) {
                if (known && known->name == item.leader->name && !known->role.empty()) {
                    item.leader->role = known->role;
                    break;
                }
            }
        }
        item.span.line = std::min(item.span.line == 0 ? line0 + 1 : item.span.line, line0 + 1);
        part_has_units_ |= !item.lead.empty() || !item.support.empty();
        // Lists and text were grown piece by piece; the model keeps them at their size.
        item.text.shrink_to_fit();
        item.lead.shrink_to_fit();
        item.support.shrink_to_fit();
        item.targets.shrink_to_fit();
        s.items.push_back(std::move(item));
    }

    // ---- cell-per-line grids -----------------------------------------------------------
    bool person_like(const Run& cell) const {
        if (cell.size() > 20) return false;
        // Two-character names are padded to the width of three ("王　五", "刘 学文").
        const icu::UnicodeString name = squeezed_fold(cell);
        return r_.person_cell.match_at(name) && unit_kind(name, r_) == "other" && !r_.deadline_cell.find(name);
    }

    bool ends_with_colon(const Run& r) const {
        return !r.empty() && r.fold.charAt(r.size() - 1) == u':';
    }

    void flush_grid() {
        if (cells_.empty()) return;
        std::vector<Cell> cells = std::move(cells_);
        cells_.clear();
        bool numbered = std::find(grid_roles_.begin(), grid_roles_.end(), "number") != grid_roles_.end();
        // cells_ holds runs of lines between blank lines. Where blank lines separate most cells, a
        // run is one cell printed on several lines; a grid copied without them prints one cell per
        // line, and there a rare blank line is a cell left empty.
        std::size_t line_count = 0;
        for (const auto& c : cells) line_count += c.lines.size();
        if ((cells.size() - 1) * 3 < line_count) cells = one_cell_per_line(cells, numbered);
        for (const auto& c : cells)
            for (int l : c.lines) claim(l, "item");
        std::vector<std::string> roles;
        for (const auto& r : grid_roles_)
            if (r != "number") roles.push_back(r);
        std::optional<Item> previous;
        std::size_t ci = 0;
        while (ci < cells.size()) {
            std::optional<std::string> number;
            int32_t start = cells[ci].run.src.empty() ? 0 : cells[ci].run.src.front();
            int line = cells[ci].line;
            std::size_t row_end = cells.size();
            if (numbered) {
                if (!is_number_cell(cells[ci].run)) {
                    release(cells[ci].run);
                    ++ci;
                    continue;
                }
                number = cells[ci].run.utf8();
                ++ci;
                row_end = ci;
                while (row_end < cells.size() && !is_number_cell(cells[row_end].run)) ++row_end;
                if (ci < cells.size()) line = cells[ci].line;
            }
            Item item;
            item.number = number;
            std::size_t row_first = ci;
            std::size_t used = grid_row(cells, ci, row_end, roles, item, previous, numbered);
            int32_t last = cells[ci + (used ? used - 1 : 0)].run.src.empty() ? start : cells[ci + (used ? used - 1 : 0)].run.src.back();
            Span s;
            s.line = t_.line_at(start) + 1;
            s.end_line = t_.line_at(last) + 1;
            s.start = t_.byte_at(start);
            s.end = t_.byte_at(last + 1);
            item.span = s;
            ci += std::max<std::size_t>(used, 1);
            if (numbered) {
                for (; ci < row_end; ++ci) release(cells[ci].run);
            }
            // A row with neither text nor a unit holds no task: a blank form's rows ("3 月", "4 月"
            // under 工作内容 / 牵头单位 headers) keep their cells in unassigned.
            if (item.text.empty() && item.lead.empty() && item.support.empty()) {
                for (std::size_t k = row_first; k < ci; ++k) release(cells[k].run);
                continue;
            }
            previous = item;
            push_item(std::move(item), line, text_cell(cells, row_first, roles));
        }
    }

    /// The cell a grid row's text came from (the first cell of the row when text leads).
    static Run text_cell(const std::vector<Cell>& cells, std::size_t first, const std::vector<std::string>& roles) {
        std::size_t k = first;
        for (const auto& role : roles) {
            if (role == "text") return k < cells.size() ? cells[k].run : Run();
            ++k;
        }
        return Run();
    }

    std::vector<Cell> one_cell_per_line(const std::vector<Cell>& cells, bool numbered) const {
        std::vector<Cell> out;
        for (const auto& c : cells) {
            const std::size_t first = out.size();
            for (int l : c.lines) {
                Cell one;
                one.run.append(t_, lines_[l].a, lines_[l].b);
                one.line = l;
                one.lines.push_back(l);
                out.push_back(std::move(one));
            }
            // A blank line inside a row is an empty cell; before a row's number it only parts rows.
            if (first > 0 && !(numbered && is_number_cell(out[first].run))) {
                Cell empty;
                empty.line = out[first - 1].line;
                out.insert(out.begin() + static_cast<std::ptrdiff_t>(first), std::move(empty));
            }
        }
        return out;
    }

    bool is_number_cell(const Run& r) const {
        if (r.empty() || r.size() > 3) return false;
        for (int32_t i = 0; i < r.size(); ++i)
            if (r.fold.charAt(i) < u'0' || r.fold.charAt(i) > u'9') return false;
        return true;
    }

    /// Fills one row from cells [ci, end) following the column roles; returns the cells used.
    std::size_t grid_row(const std::vector<Cell>& cells, std::size_t ci, std::size_t end,
                         const std::vector<std::string>& roles, Item& item, const std::optional<Item>& previous,
                         bool numbered) {
        if (!numbered || end - ci == roles.size()) return fill_row(cells, ci, end, roles, item, previous, numbered);
        const std::vector<Cell> grouped = group_cells(cells, ci, end, roles);
        fill_row(grouped, 0, grouped.size(), roles, item, previous, numbered);
        return end - ci;
    }

    /// Whether cells, one or several joined, read as units: asked again and again by group_cells.
    struct UnitsMemo {
        std::map<std::pair<std::size_t, std::size_t>, bool> ranges;
        std::map<std::size_t, bool> starts_column;  ///< a line that is a unit, a person or a date
    };
    bool units_in(const std::vector<Cell>& cells, std::size_t a, std::size_t b, UnitsMemo& memo) const {
        const auto [at, fresh] = memo.ranges.try_emplace({a, b}, false);
        if (fresh) at->second = looks_like_units(b == a + 1 ? cells[a].run : join_cells(cells, a, b).run, r_);
        return at->second;
    }

    /// How well the lines [a, b) fit as the cell of a column with `role`; `later` columns follow it.
    double cell_fit(const std::vector<Cell>& cells, std::size_t a, std::size_t b, const std::string& role,
                    std::size_t later, UnitsMemo& memo) const {
        // A column left without a cell; rows that stop short leave their last columns empty.
        if (a == b) return -3 - 0.01 * static_cast<double>(later);
        // A cell does not end on a separator: "区发改局、区统计局、" runs on into "各镇街".
        const Run& last = cells[b - 1].run;
        if (!last.empty() && std::find(r_.separators.begin(), r_.separators.end(), last.fold.charAt(last.size() - 1)) !=
                                 r_.separators.end())
            return -4;
        const double extra_lines = static_cast<double>(b - a - 1);
        if (role == "text" || role == "detail") {
            // Text runs on over any lines, but a line that is a unit, a person or a date on its own
            // more likely starts the next column ("区住建局" / "区交通运输局" is a two-line lead cell).
            double fit = 1;
            for (std::size_t k = a + 1; k < b; ++k) {
                const auto [at, fresh] = memo.starts_column.try_emplace(k, false);
                if (fresh) {
                    const Run& line = cells[k].run;
                    at->second = units_in(cells, k, k + 1, memo) || person_like(line) || r_.deadline_cell.find(line.fold);
                }
                if (at->second) fit -= 1;
            }
            return fit;
        }
        if (role == "lead" || role == "units" || role == "support") {
            // A unit cell opens with a unit, whole or cut by the line end ("市自然资源和" / "规划局").
            const Run& first = cells[a].run;
            const bool opens_unit = units_in(cells, a, a + 1, memo) ||
                                    std::find(r_.unit_starts.begin(), r_.unit_starts.end(), first.fold.charAt(0)) != r_.unit_starts.end();
            // Of two unit columns, the lead one is the one printed on several lines ("东钱湖开发建设局" /
            // "东钱湖经旅湖局" above a one-line support cell).
            const double per_line = role == "support" ? 0.3 : 0.2;
            return opens_unit && units_in(cells, a, b, memo) ? 2 - per_line * extra_lines : -4;
        }
        if (role == "leader") return b - a == 1 && person_like(cells[a].run) ? 2 : -4;
        if (role == "deadline") return r_.deadline_cell.find(join_cells(cells, a, b).run.fold) ? 2 - 0.5 * extra_lines : -2;
        return 1 - extra_lines;
    }

    Cell join_cells(const std::vector<Cell>& cells, std::size_t a, std::size_t b) const {
        Cell out;
        if (a == b) return out;
        out.line = cells[a].line;
        for (std::size_t k = a; k < b; ++k) {
            out.run.append(cells[k].run);
            out.lines.insert(out.lines.end(), cells[k].lines.begin(), cells[k].lines.end());
        }
        return out;
    }

    /// A numbered row of a one-cell-per-line grid whose line count differs from its columns: a cell
    /// wrapped onto several lines ("新建公办幼儿园5所，新增学位" / "1500个") or a cell missing. Each
    /// column takes the consecutive lines that fit it best (units where units fit, a date where a
    /// deadline goes, the rest to the text), found by dynamic programming over the row.
    std::vector<Cell> group_cells(const std::vector<Cell>& cells, std::size_t ci, std::size_t end,
                                  const std::vector<std::string>& roles) const {
        constexpr std::size_t kMaxLinesPerCell = 12;
        const std::size_t m = end - ci, r = roles.size();
        constexpr double kNone = -1e18;
        std::vector<std::vector<double>> best(m + 1, std::vector<double>(r + 1, kNone));
        std::vector<std::vector<std::size_t>> from(m + 1, std::vector<std::size_t>(r + 1, 0));
        UnitsMemo memo;
        best[0][0] = 0;
        for (std::size_t j = 1; j <= r; ++j)
            for (std::size_t i = 0; i <= m; ++i)
                for (std::size_t k = i >= kMaxLinesPerCell ? i - kMaxLinesPerCell : 0; k <= i; ++k) {
                    if (best[k][j - 1] == kNone) continue;
                    const double score = best[k][j - 1] + cell_fit(cells, ci + k, ci + i, roles[j - 1], r - j, memo);
                    if (score > best[i][j]) {
                        best[i][j] = score;
                        from[i][j] = k;
                    }
                }
        std::vector<Cell> grouped(r);
        std::size_t i = m;
        if (best[m][r] == kNone) return {cells.begin() + static_cast<std::ptrdiff_t>(ci), cells.begin() + static_cast<std::ptrdiff_t>(end)};
        for (std::size_t j = r; j > 0; --j) {
            const std::size_t k = from[i][j];
            grouped[j - 1] = join_cells(cells, ci + k, ci + i);
            i = k;
        }
        return grouped;
    }

    /// Fills one row from cells [ci, end) taken one per column. Rows of merged grids that print
    /// only their first cells inherit leader and units from the row above.
    std::size_t fill_row(const std::vector<Cell>& cells, std::size_t ci, std::size_t end,
                         const std::vector<std::string>& roles, Item& item, const std::optional<Item>& previous,
                         bool numbered) {
        std::size_t k = ci;
        bool inherit = false;
        const bool has_lead_column = std::find(roles.begin(), roles.end(), "lead") != roles.end();
        for (std::size_t ri = 0; ri < roles.size() && k < end; ++ri) {
            const std::string& role = roles[ri];
            const Run& cell = cells[k].run;
            if (role == "text") {
                Run text = cell;
                ++k;
                item.text = text.utf8();
            } else if (role == "detail") {
                if (!cell.empty()) item.detail = cell.utf8();
                ++k;
            } else if (role == "deadline") {
                std::string d = cell.utf8();
                bool colon = ends_with_colon(cell);
                ++k;
                while (k < end && (colon || ends_with_colon(cells[k].run)) && !person_like(cells[k].run)) {
                    d += " " + cells[k].run.utf8();
                    colon = ends_with_colon(cells[k].run);
                    ++k;
                }
                if (!d.empty()) item.deadline = d;
            } else if (role == "leader") {
                if (!person_like(cell)) { inherit = true; break; }
                item.leader = first_person(cell);
                ++k;
            } else if (is_unit_role(role)) {
                if (!numbered && !looks_like_units(cell, r_)) {
                    if (role != "support") inherit = true;
                    break;
                }
                ++k;
                apply_unit_cell(item, role, cell, has_lead_column);
            } else {
                ++k;  // category and other columns carry nothing the model holds
            }
        }
        bool has_unit_column = std::any_of(roles.begin(), roles.end(), [](auto& r) { return r == "lead" || r == "units"; });
        if ((inherit || (has_unit_column && item.lead.empty() && item.support.empty() && !numbered)) && previous) {
            if (!item.leader) item.leader = previous->leader;
            item.lead = previous->lead;
            item.support = previous->support;
            item.lead_basis = previous->lead_basis;
        }
        return k - ci;
    }

    // ---- tab-separated grids -----------------------------------------------------------
    TabRow tab_row(int i) const {
        TabRow row;
        row.line = i;
        if (auto it = space_cells_.find(i); it != space_cells_.end()) {
            for (const auto& [a, b] : it->second) {
                Run cell;
                cell.append(t_, a, b);
                row.cells.push_back(cell);
            }
            row.printed_cells = row.cells.size();
            while (!row.cells.empty() && row.cells.back().empty()) row.cells.pop_back();
            return row;
        }
        int32_t a = t_.line_start[i], b = t_.line_end[i];
        int32_t s = a;
        for (int32_t k = a; k <= b; ++k) {
            if (k == b || t_.orig.charAt(k) == u'\t') {
                Run cell;
                cell.append(t_, s, k);
                row.cells.push_back(cell);
                s = k + 1;
            }
        }
        row.printed_cells = row.cells.size();
        // Trailing empty cells are the printed grid's border, not columns.
        while (!row.cells.empty() && row.cells.back().empty()) row.cells.pop_back();
        return row;
    }

    void flush_tabs() {
        if (tab_rows_.empty()) return;
        std::vector<TabRow> rows = std::move(tab_rows_);
        tab_rows_.clear();
        ensure_part(rows.front().line);
        std::size_t filled = 0, total = 0;
        for (const auto& r : rows) {
            total += r.printed_cells;
            for (const auto& c : r.cells) filled += !c.empty();
        }
        Part& part = doc_.parts.back();
        if (!part_is_appendix_.back() && tab_items(rows)) return;
        // A blank form (推进计划表) has labels and empty boxes: mostly empty cells.
        if (total == 0 || filled * 10 < total * 4 || rows.size() < 2) {
            if (part.kind.empty()) part.kind = "form";
            for (const auto& r : rows) claim(r.line, "form");
            return;
        }
        Table table;
        table.id = "t" + std::to_string(doc_.tables.size() + 1);
        table.part = "p" + std::to_string(doc_.parts.size());
        table.title = part.title;
        table.line = rows.front().line + 1;
        std::vector<std::string> header_key;
        for (const auto& c : rows.front().cells) {
            table.columns.push_back(c.utf8_nospace());
            header_key.push_back(c.utf8_nospace());
        }
        const std::vector<std::string> roles = tab_roles(rows.front());
        std::vector<std::string> above(table.columns.size());
        for (std::size_t k = 1; k < rows.size(); ++k) {
            std::vector<std::string> raw, key;
            for (const auto& c : rows[k].cells) {
                raw.push_back(c.utf8());
                key.push_back(c.utf8_nospace());
            }
            if (key == header_key) continue;  // header repeated at a page break
            raw.resize(std::max(raw.size(), table.columns.size()));
            std::vector<std::string> filled_row = raw;
            for (std::size_t c = 0; c < filled_row.size() && c < roles.size(); ++c) {
                bool merged_column = roles[c] == "number" || roles[c] == "category" || roles[c] == "units" ||
                                     roles[c] == "lead" || roles[c] == "support" || roles[c] == "leader";
                if (filled_row[c].empty() && merged_column) filled_row[c] = above[c];
                if (c < above.size()) above[c] = filled_row[c];
            }
            table.rows.push_back(filled_row);
            table.raw_rows.push_back(raw);
        }
        if (part.kind.empty()) part.kind = "appendix";
        doc_.tables.push_back(std::move(table));
    }

    /// A tab-separated grid in the body with a task column and a unit column lists the tasks
    /// themselves ("序号\t重点工作\t牵头单位\t配合单位"): each row becomes an item. Grids under
    /// an 附件 label are appendix tables instead.
    bool tab_items(const std::vector<TabRow>& block) {
        std::vector<std::string> roles = tab_roles(block.front());
        auto has = [&](const char* role) { return std::find(roles.begin(), roles.end(), role) != roles.end(); };
        // Rows after a theme heading inside the grid go on under the grid's header.
        std::vector<TabRow> rows = block;
        if (!has("text") && tab_header_) {
            rows.insert(rows.begin(), *tab_header_);
            roles = tab_roles(*tab_header_);
        } else if (has("text")) {
            claim(rows.front().line, "grid-header");
        }
        if (!has("text") || !(has("lead") || has("units"))) return false;
        tab_header_ = rows.front();
        std::vector<Run> above(roles.size());
        // The item of the row above waits: the next row may continue its text or a unit list.
        std::optional<Item> open;
        Run open_text;
        std::vector<Run> open_cells;  ///< the waiting row's cells, merged cells filled in
        auto push_open = [&]() {
            if (!open) return;
            open->text = open_text.utf8();
            for (std::size_t c = 0; c < roles.size(); ++c)
                if (!open_cells[c].empty()) apply_unit_cell(*open, roles[c], open_cells[c], has("lead"));
            push_item(std::move(*open), open->span.line - 1, open_text);
            open.reset();
        };
        for (std::size_t k = 1; k < rows.size(); ++k) {
            const TabRow& row = rows[k];
            std::vector<Run> cells = row.cells;
            cells.resize(roles.size());
            // In a numbered grid, a row with neither number nor units nor date carries on the text
            // of the row above, wrapped by the extraction ("1\t新建…新增学位1500个，\t市教育局" /
            // "\t进一步扩大普惠性学前教育资源\t\t").
            if (open && has("number") && continues_row(roles, cells, open_cells)) {
                claim(row.line, "item");
                for (std::size_t c = 0; c < roles.size(); ++c) {
                    if (cells[c].empty()) continue;
                    if (roles[c] == "text") open_text.append(cells[c]);
                    else if (roles[c] == "detail") open->detail = open->detail.value_or("") + cells[c].utf8();
                    else if (is_unit_role(roles[c])) {
                        // A list that did not break off at a separator gets one.
                        if (!breaks_off_list(open_cells[c].fold.charAt(open_cells[c].size() - 1))) open_cells[c].append_text(u"、");
                        open_cells[c].append(cells[c]);
                        above[c] = open_cells[c];
                    }
                }
                open->span.end_line = row.line + 1;
                open->span.end = t_.byte_at(lines_[row.line].b);
                continue;
            }
            bool header_again = true;
            for (std::size_t c = 0; c < roles.size() && c < rows.front().cells.size(); ++c)
                header_again &= squeezed_fold(cells[c]) == squeezed_fold(rows.front().cells[c]);
            if (header_again) {
                claim(row.line, "grid-header");
                continue;
            }
            claim(row.line, "item");
            Item item;
            Run text;
            std::vector<Run> unit_cells(roles.size());
            // Merged cells print only in their first row: an empty leader or lead cell is the one
            // above. A 配合单位 cell is merged only along with the lead; beside a printed 牵头单位
            // an empty one is just empty.
            bool lead_printed = false;
            for (std::size_t c = 0; c < roles.size(); ++c)
                if (roles[c] == "lead" || roles[c] == "units") lead_printed |= !cells[c].empty();
            for (std::size_t c = 0; c < roles.size(); ++c) {
                const std::string& role = roles[c];
                const bool merged = role == "leader" || role == "lead" || role == "units" || (role == "support" && !lead_printed);
                if (cells[c].empty() && merged) cells[c] = above[c];
                above[c] = cells[c];
                const Run& cell = cells[c];
                if (cell.empty()) continue;
                if (role == "number") item.number = cell.utf8();
                else if (role == "text") text = cell;
                else if (role == "detail") item.detail = cell.utf8();
                else if (role == "deadline") item.deadline = cell.utf8();
                else if (role == "leader") item.leader = first_person(cell);
                else if (is_unit_role(role)) unit_cells[c] = cell;  // read when the row is complete
            }
            // A row without text is no task: it stays unassigned, and the row above it can take
            // no continuation across it (its span would hold this row).
            push_open();
            if (text.empty()) {
                claim(row.line, nullptr);
                continue;
            }
            open_cells = std::move(unit_cells);
            Span span;
            span.line = span.end_line = row.line + 1;
            span.start = t_.byte_at(lines_[row.line].a);
            span.end = t_.byte_at(lines_[row.line].b);
            item.span = span;
            open = std::move(item);
            open_text = text;
        }
        push_open();
        return true;
    }

    std::vector<std::string> tab_roles(const TabRow& header) const {
        std::vector<std::string> roles;
        for (const auto& c : header.cells) {
            const std::string* role = r_.header_role(to_utf8(squeezed_fold(c)));
            roles.push_back(role ? *role : "");
        }
        return roles;
    }

    /// A tab row that holds only text or detail: no number, unit, leader or date of its own.
    /// A row without a number carries on the row above: its text wrapped by the extraction, or a
    /// unit list that broke off at a separator ("县统计局、" / "县经信局").
    /// A row of unit cells alone carries them on too: a cell printed over two rows ("县财政局" /
    /// "县住建局").
    static bool continues_row(const std::vector<std::string>& roles, const std::vector<Run>& cells,
                              const std::vector<Run>& open_cells) {
        bool text = false;
        for (std::size_t c = 0; c < roles.size(); ++c)
            text |= !cells[c].empty() && (roles[c] == "text" || roles[c] == "detail");
        bool any = false;
        for (std::size_t c = 0; c < roles.size(); ++c) {
            if (cells[c].empty()) continue;
            const bool wrapped_list = is_unit_role(roles[c]) && !open_cells[c].empty() &&
                                      (!text || breaks_off_list(open_cells[c].fold.charAt(open_cells[c].size() - 1)));
            if (roles[c] != "text" && roles[c] != "detail" && !wrapped_list) return false;
            any = true;
        }
        return any;
    }

    static bool is_unit_role(const std::string& role) { return role == "lead" || role == "support" || role == "units"; }
    static bool breaks_off_list(char16_t last) { return last == u'、' || last == u',' || last == u';'; }

    /// A grid's unit cell read into the item: 牵头单位 leads, 配合单位 supports, a 责任单位 column
    /// supports beside a 牵头单位 column and otherwise follows the first-listed convention.
    void apply_unit_cell(Item& item, const std::string& role, const Run& cell, bool has_lead_column) {
        UnitList units = split_units(cell, r_);
        note_list(units, cell);
        if (role == "lead") {
            item.lead = units.units;
            item.lead_basis = "column";
        } else if (role == "support" || has_lead_column) {
            item.support = units.units;
        } else {
            item.lead_basis = assign_roles(units, item.lead, item.support);
        }
    }

    static icu::UnicodeString squeezed_fold(const Run& r) {
        icu::UnicodeString out;
        for (int32_t i = 0; i < r.size(); ++i)
            if (!is_space(r.fold.charAt(i))) out.append(r.fold.charAt(i));
        return out;
    }

    // ---- finishing ------------------------------------------------------------------------
    // "1.规上工业增加值增长7%以上。（市工信局、市统计局）": some notices name the units only in a
    // trailing bracket, without a label or a 牵头 marker. Such a bracket might also be a project's
    // name ("建设三级医院（市中心医院）"), so it is read as units only where the document does this
    // throughout: in at least three items and in most of the items that name no units otherwise.
    void adopt_trailing_unit_brackets() {
        std::vector<std::pair<Item*, TrailingUnits>> found;
        std::size_t without_units = 0;
        for (auto& p : doc_.parts)
            for (auto& s : p.sections)
                for (auto& it : s.items) {
                    if (!it.lead.empty() || !it.support.empty()) continue;
                    ++without_units;
                    if (auto t = trailing_unit_bracket(make_run(it.text), r_)) found.emplace_back(&it, std::move(*t));
                }
        if (found.size() < 3 || found.size() * 2 <= without_units) return;
        for (auto& [item, t] : found) {
            item->lead_basis = assign_roles(t.list, item->lead, item->support);
            if (t.deadline && !item->deadline) item->deadline = t.deadline->utf8();
            item->text = make_run(item->text).sub(0, t.start).trimmed().utf8();
        }
    }

    /// "一、区发展和改革局" over "1.…（区统计局、各街道）": tasks grouped by the unit that leads
    /// them. A heading that is one unit's name and nothing else names the lead of its tasks; the
    /// units a task lists support it, unless the task marks its own lead (牵头, a 牵头单位 label).
    void lead_from_unit_headings() {
        for (auto& p : doc_.parts)
            for (auto& s : p.sections) {
                if (s.leader || !s.title || s.items.empty()) continue;
                Run title = make_run(*s.title);
                // "一、区发展和改革局（5项）": the task count is no part of the name.
                if (r_.leader_count.find(title.fold)) title = title.sub(0, r_.leader_count.start());
                UnitList heading = split_units(title, r_);
                if (heading.units.size() != 1 || heading.units.front().kind == "other" || heading.convention) continue;
                // "一、各县区民生工程实施进度综合排名" opens like a collective (各…) but ends like no
                // unit: a collective heading must close like a unit name too ("各乡镇人民政府").
                if (heading.units.front().kind == "collective" && !ends_like_unit(make_run(heading.units.front().name).fold))
                    continue;
                const Unit& lead = heading.units.front();
                for (auto& item : s.items) {
                    if (item.lead_basis == "explicit" || item.lead_basis == "column") continue;
                    std::vector<Unit> support;
                    for (auto* list : {&item.lead, &item.support})
                        for (auto& u : *list)
                            if (u.name != lead.name) support.push_back(std::move(u));
                    item.lead = {lead};
                    item.support = std::move(support);
                    item.lead_basis = "column";  // the heading is the group's 牵头单位 label
                }
            }
    }

    /// A name closing with a unit ending ("局", "人民政府", "街道") or holding a collective word
    /// ("成员单位", "有关部门"): what a unit list names, whatever opens it.
    bool ends_like_unit(const icu::UnicodeString& name) const {
        for (const auto& k : r_.kinds) {
            for (const auto& e : k.ends_with)
                if (name.endsWith(e)) return true;
            for (const auto& c : k.contains)
                if (name.indexOf(c) >= 0) return true;
        }
        return false;
    }

    /// A part whose tasks carry responsibility clauses may open and close with sections that hold
    /// none: the guiding idea, the principles, the goals of a plan ("一、指导思想" over a paragraph,
    /// "二、基本原则" over "（一）坚持…。"), a bulletin's ranking of places ("一、…综合排名" over
    /// "1、甲县；2、乙区；…"), the requirements after the tasks ("五、有关要求" over paragraphs
    /// and the signature). Their paragraphs are no tasks; they go to unassigned. Only sections
    /// before the part's first or after its last task with units, none of whose items names a
    /// unit, and only with evidence besides: paragraphs without a number, or a heading of the
    /// words in layout.yaml frame_heading. A work plan's numbered points under any other heading
    /// ("一、工作要点" / "1.深入推进…。") stay tasks.
    void drop_frame_sections() {
        const auto min_tasks = static_cast<std::size_t>(evidence("frame_tasks_min", 2));
        for (auto& p : doc_.parts) {
            std::size_t with_units = 0;
            std::size_t first = p.sections.size(), last = 0;
            for (std::size_t si = 0; si < p.sections.size(); ++si)
                for (const auto& it : p.sections[si].items)
                    if (!it.lead.empty() || !it.support.empty()) {
                        ++with_units;
                        first = std::min(first, si);
                        last = si;
                    }
            if (with_units < min_tasks) continue;
            for (std::size_t si = 0; si < p.sections.size(); ++si) {
                if (si >= first && si <= last) continue;
                Section& s = p.sections[si];
                if (s.items.empty()) continue;
                bool numbered = false;
                for (const auto& it : s.items) numbered |= it.number.has_value();
                const bool frame_title = s.title && r_.frame_heading.find(make_run(*s.title).fold);
                if (numbered && !frame_title) continue;
                for (const auto& it : s.items)
                    add_diag("info", "no-task", it.span.line - 1,
                             "a paragraph around the tasks with units, under '" + s.title.value_or("") + "', is no task");
                s.items.clear();
            }
        }
    }

    /// A notice's own numbered requests ("一、各责任单位要对照任务清单制定推进方案。" … then the
    /// issuer's signature and date, then "附件" and the breakdown) are no tasks: a part whose
    /// items name no unit and that the signature closes, before parts whose tasks name units,
    /// is the notice's text. Its paragraphs go to unassigned.
    void drop_notice_requests() {
        const auto min_tasks = static_cast<std::size_t>(evidence("frame_tasks_min", 2));
        for (std::size_t pi = 0; pi + 1 < doc_.parts.size(); ++pi) {
            Part& p = doc_.parts[pi];
            int last_item = 0;
            bool named = false;
            for (const auto& s : p.sections)
                for (const auto& it : s.items) {
                    last_item = std::max(last_item, it.span.end_line);
                    named |= !it.lead.empty() || !it.support.empty();
                }
            if (last_item == 0 || named) continue;
            const int next_part = doc_.parts[pi + 1].line;
            const bool signed_off = std::any_of(signature_lines_.begin(), signature_lines_.end(),
                                                [&](int l) { return l > last_item && l < next_part; });
            if (!signed_off) continue;
            std::size_t later = 0;
            for (std::size_t pj = pi + 1; pj < doc_.parts.size(); ++pj)
                for (const auto& s : doc_.parts[pj].sections)
                    for (const auto& it : s.items) later += !it.lead.empty() || !it.support.empty();
            if (later < min_tasks) continue;
            for (auto& s : p.sections) {
                for (const auto& it : s.items)
                    add_diag("info", "no-task", it.span.line - 1, "the notice's own request, before its signature, is no task");
                s.items.clear();
            }
            // The part was the notice itself; tables name their part by position, so it stays
            // (empty) when there are any.
            if (doc_.tables.empty()) {
                doc_.parts.erase(doc_.parts.begin() + static_cast<std::ptrdiff_t>(pi));
                --pi;
            }
        }
    }

    /// A part heading followed at once by another ("2024年…重点工作和民生实事任务分解" over
    /// "第一部分　重点工作") titles the document, not a part: it holds nothing.
    void drop_title_parts() {
        // Tables name their part by position: with any table, parts stay where they are.
        if (!doc_.tables.empty()) return;
        for (std::size_t pi = 0; pi + 1 < doc_.parts.size();) {
            const Part& p = doc_.parts[pi];
            if (!p.sections.empty() || !p.kind.empty()) {
                ++pi;
                continue;
            }
            if (!doc_.document.title) doc_.document.title = make_run(p.title).utf8_nospace();
            claim(p.line - 1, "meta");
            doc_.parts.erase(doc_.parts.begin() + static_cast<std::ptrdiff_t>(pi));
        }
    }

    void finish() {
        drop_title_parts();
        adopt_trailing_unit_brackets();
        lead_from_unit_headings();
        drop_frame_sections();
        drop_notice_requests();
        for (std::size_t pi = 0; pi < doc_.parts.size(); ++pi) {
            Part& p = doc_.parts[pi];
            p.id = "p" + std::to_string(pi + 1);
            bool any_units = false, any_items = false;
            for (auto& s : p.sections)
                for (auto& it : s.items) {
                    any_items = true;
                    any_units |= !it.lead.empty() || !it.support.empty();
                }
            if (p.kind.empty() || (any_items && (p.kind == "form" || p.kind == "appendix"))) {
                p.kind = "key_tasks";
                icu::UnicodeString title = make_run(p.title).fold;
                for (const auto& [kind, words] : r_.part_kind_words)
                    for (const auto& w : words)
                        if (title.indexOf(make_run(w).fold) >= 0) p.kind = kind;
                if (any_items && !any_units) {
                    p.kind = "plan";
                    add_diag("info", "no-units", p.line - 1, "part '" + p.title + "' names no responsible units: read as a work plan");
                }
            }
            for (std::size_t si = 0; si < p.sections.size(); ++si) {
                Section& s = p.sections[si];
                s.id = p.id + ".s" + std::to_string(si + 1);
                for (std::size_t ii = 0; ii < s.items.size(); ++ii) s.items[ii].id = s.id + ".i" + std::to_string(ii + 1);
                check_numbers(s);
                if (s.items.empty() && p.kind != "form" && p.kind != "appendix")
                    add_diag("warning", "empty-section", s.line - 1, "section '" + s.title.value_or("") + "' has no items");
                for (const auto& it : s.items)
                    if (any_units && it.lead.empty() && it.support.empty())
                        add_diag("warning", "item-without-units", it.span.line - 1, "item " + it.number.value_or(it.id) + " names no responsible unit");
            }
        }
        for (auto& t : doc_.tables) {
            for (std::size_t pi = 0; pi < doc_.parts.size(); ++pi)
                if (t.part == "p" + std::to_string(pi + 1)) t.title = doc_.parts[pi].title;
        }
        if (!doc_.document.year) {
            auto year_of = [](const std::string& s) -> std::optional<int> {
                icu::UnicodeString u = make_run(s).fold;
                for (int32_t i = 0; i + 4 < u.length(); ++i) {
                    bool digits = true;
                    for (int k = 0; k < 4; ++k) digits &= u.charAt(i + k) >= u'0' && u.charAt(i + k) <= u'9';
                    int32_t j = i + 4;
                    while (j < u.length() && is_space(u.charAt(j))) ++j;
                    if (digits && j < u.length() && u.charAt(j) == u'年')
                        return std::stoi(to_utf8(u.tempSubString(i, 4)));
                }
                return std::nullopt;
            };
            if (doc_.document.title) doc_.document.year = year_of(*doc_.document.title);
            for (const auto& p : doc_.parts)
                if (!doc_.document.year) doc_.document.year = year_of(p.title);
            if (!doc_.document.year && doc_.document.date) doc_.document.year = std::stoi(doc_.document.date->substr(0, 4));
        }
        // Deadlines resolve against the document year, known only now.
        for (auto& p : doc_.parts)
            for (auto& s : p.sections)
                for (auto& it : s.items)
                    if (it.deadline) it.deadline_iso = deadline_iso(*it.deadline, doc_.document.year);
        // A line claimed for items that no item's span reaches (a clause with no task before it,
        // a grid cell left over) holds nothing an item shows: it is unassigned.
        std::vector<bool> in_item(t_.line_count(), false);
        for (const auto& p : doc_.parts)
            for (const auto& sec : p.sections)
                for (const auto& it : sec.items)
                    for (int l = it.span.line; l <= it.span.end_line && l >= 1 && l <= t_.line_count(); ++l) in_item[l - 1] = true;
        for (int i = 0; i < t_.line_count(); ++i)
            if (role_[i] && std::string(role_[i]) == "item" && !in_item[i]) claim(i, nullptr);
        flag_long_claimed_lines();
        std::set<int> listed;
        for (const auto& u : doc_.unassigned) listed.insert(u.line);
        for (int i = 0; i < t_.line_count(); ++i) {
            if (role_[i] || lines_[i].kind == Kind::blank) continue;
            if (!listed.count(i + 1)) doc_.unassigned.push_back({i + 1, line_text(i)});
        }
        std::stable_sort(doc_.unassigned.begin(), doc_.unassigned.end(), [](auto& a, auto& b) { return a.line < b.line; });
        if (line_map_)
            for (int i = 0; i < t_.line_count(); ++i)
                if (role_[i]) doc_.line_roles.push_back({i + 1, role_[i]});
        std::stable_sort(doc_.diagnostics.begin(), doc_.diagnostics.end(), [](auto& a, auto& b) { return a.line < b.line; });
    }

    /// Headings, metadata and grid headers show a line in a short field: one of a few hundred
    /// characters claimed so held more than that (a notice on one line read as its title).
    void flag_long_claimed_lines() {
        const int32_t limit = evidence("long_claimed_line_chars", 300);
        static const std::set<std::string> short_fields = {"meta", "part", "section", "leader", "grid-header", "page"};
        std::set<int> kept;  // lines listed in unassigned keep their text there
        for (const auto& u : doc_.unassigned) kept.insert(u.line - 1);
        for (int i = 0; i < t_.line_count(); ++i) {
            if (!role_[i] || !short_fields.count(role_[i]) || kept.count(i)) continue;
            const int32_t start = t_.line_start[i], length = t_.line_end[i] - start;
            if (length <= limit) continue;  // UTF-16 units: at least as many as characters
            const int32_t chars = t_.orig.countChar32(start, length);
            if (chars <= limit) continue;
            add_diag("warning", "long-line-claimed", i,
                     "a line of " + std::to_string(chars) + " characters is read whole as " + claimed_as(role_[i]) +
                         ": what it holds beyond that is in no task (a notice whose line breaks were lost?)");
        }
    }

    static std::string claimed_as(const std::string& role) {
        if (role == "meta") return "metadata";
        if (role == "part" || role == "section") return "a heading";
        if (role == "leader") return "a leader line";
        if (role == "page") return "page furniture";
        return "a grid header";
    }

    void check_numbers(const Section& s) {
        // Decimal numbers count by their place after the dot within the same whole number:
        // "2.1" after "1.2" opens a new group, it does not restart.
        std::optional<std::pair<int, int>> prev;
        std::string prev_number;
        int prev_line = 0;
        for (const auto& it : s.items) {
            if (!it.number) continue;
            // Numbers start afresh under each sub-heading ("1.推进重大项目建设。" over "（1）…（2）…").
            const bool afresh = subheading_lines_.lower_bound(prev_line) != subheading_lines_.lower_bound(it.span.line);
            prev_line = it.span.line;
            const icu::UnicodeString folded = make_run(*it.number).fold;
            const int32_t dot = folded.indexOf(u'.');
            const std::pair<int, int> n{dot > 0 ? numeral_value(icu::UnicodeString(folded, 0, dot)) : 0,
                                        numeral_value(folded)};
            if (prev && !afresh && n.first == prev->first) {
                const std::string after = " follows " + prev_number;
                if (n.second == prev->second)
                    add_diag("warning", "duplicate-number", it.span.line - 1, "item number " + *it.number + " repeats the previous item's number");
                else if (n.second < prev->second)
                    add_diag("warning", "number-restart", it.span.line - 1, "item number " + *it.number + after + ": numbering restarts or repeats");
                else if (n.second > prev->second + 1)
                    add_diag("warning", "number-gap", it.span.line - 1, "item number " + *it.number + after + ": numbers are missing");
            }
            prev = n;
            prev_number = *it.number;
        }
    }

    std::string line_text(int i) const { return t_.slice(lines_[i].a, lines_[i].b); }

    void add_diag(const std::string& severity, const std::string& code, int line0, const std::string& message) {
        doc_.diagnostics.push_back({severity, code, line0 + 1, 0, message});
    }
};

}  // namespace

namespace {

/// The official a heading's head names: "夏泉常务副区长", "区长陈兴立", "孙海燕同志（常务副县长）";
/// `cut` is where the head ends in `f`, the heading without spaces (`o` the same, as printed).
std::optional<Person> person_in_head(const icu::UnicodeString& f, const icu::UnicodeString& o, int32_t cut,
                                     const Rules& rules) {
    icu::UnicodeString head(f, 0, cut);
    // Titles alone ("县政府党组成员", where 县政府 would pass for a name).
    if (rules.leader_roles_only.match_at(head)) return std::nullopt;
    auto text = [&](const Regex& re, int group) { return to_utf8(o.tempSubStringBetween(re.start(group), re.end(group))); };
    if (rules.leader_role_at_end.match_at(head)) return Person{text(rules.leader_role_at_end, 1), text(rules.leader_role_at_end, 2)};
    if (rules.leader_role_at_start.match_at(head))
        return Person{text(rules.leader_role_at_start, 2), text(rules.leader_role_at_start, 1)};
    if (rules.leader_role_in_brackets.match_at(head))
        return Person{text(rules.leader_role_in_brackets, 1), text(rules.leader_role_in_brackets, 2)};
    // Without a title only "同志" says the head is a person: "三、王五同志牵头".
    if (cut < f.length() && f.tempSubString(cut).startsWith(u"同志") && rules.leader_name_only.match_at(head))
        return Person{text(rules.leader_name_only, 1), ""};
    return std::nullopt;
}

}  // namespace

std::optional<Person> leader_from_heading(const icu::UnicodeString& fold, const icu::UnicodeString& orig,
                                          const Rules& rules) {
    icu::UnicodeString f, o;
    for (int32_t i = 0; i < fold.length(); ++i)
        if (!is_space(fold.charAt(i))) {
            f.append(fold.charAt(i));
            o.append(orig.charAt(i));
        }
    int32_t cut = f.length();
    if (rules.leader_count.find(f)) cut = rules.leader_count.start();
    if (rules.leader_suffix.find(f, 0, cut)) cut = rules.leader_suffix.start();
    if (auto p = person_in_head(f, o, cut, rules)) return p;
    // Several officials share the heading ("常务副县长高志明、副县长韩冬牵头"): the first leads.
    const int32_t comma = f.tempSubString(0, cut).indexOf(u'、');
    if (comma > 0) return person_in_head(f, o, comma, rules);
    return std::nullopt;
}

Parser::Parser(const std::vector<std::string>& grammar_files)
    : rules_(Rules::load(grammar_files)), targets_(std::make_unique<TargetExtractor>()) {}

Parser::~Parser() = default;
Parser::Parser(Parser&&) noexcept = default;

namespace {

/// The stages in order: relining, the clause walk, line features, grid proposals, the choice.
/// With `explanation`, what they saw is written there too (parse --explain).
Document run_stages(const SourceText& original, const Rules& rules, const TargetExtractor& targets, bool line_map,
                    std::string* explanation) {
    const layout::Evidence ev = layout::load_evidence(rules);
    std::vector<int> physical;
    const std::optional<SourceText> relined = layout::reline(original, ev, rules, physical);
    const SourceText& text = relined ? *relined : original;
    Assembler a(text, rules, targets, line_map);
    Document doc = a.run();
    // The clause walk has read the file; grids found by their own evidence replace its reading
    // where they are better supported.
    auto lines = layout::read_lines(text);
    const layout::WalkScores walk(doc, text, rules);
    auto regions = layout::propose_grids(text, lines, rules, ev, walk);
    const auto taken = layout::choose_regions(doc, regions, walk, text, targets, ev);
    complete_unit_names(doc, rules);
    if (explanation) {
        if (relined)
            *explanation = "== relined (stage A0): the file's " + std::to_string(original.line_count()) +
                           " lines are read as " + std::to_string(text.line_count()) +
                           ", cut before the numbers of chains inside long lines; line numbers below are of the cut lines\n\n";
        *explanation += layout::explain(text, lines, regions, taken, doc);
    }
    if (relined) layout::to_physical_lines(doc, physical, original);
    layout::read_reporting(original, doc);
    return doc;
}

}  // namespace

Document Parser::parse(const SourceText& text) const {
    Document doc = run_stages(text, rules_, *targets_, line_map_, nullptr);
    doc.source.path = text.path;
    doc.source.encoding = text.encoding;
    doc.source.bytes = text.input_bytes;
    return doc;
}

std::string Parser::explain(const SourceText& text) const {
    std::string out;
    run_stages(text, rules_, *targets_, false, &out);
    return out;
}

Document Parser::parse_bytes(std::string bytes, const std::string& path,
                             const std::optional<std::string>& encoding) const {
    const std::string sha256 = sha256_hex(bytes);
    SourceText text = decode_source(std::move(bytes), path, encoding);
    Document doc = parse(text);
    doc.source.sha256 = sha256;
    return doc;
}

}  // namespace tasksplit
