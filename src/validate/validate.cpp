// validate: the check registry, the context checks report through, and the two entry points
// (a notice, a JSON document).
#include "tasksplit/validate.hpp"

#include <algorithm>

#include "checks.hpp"
#include "tasksplit/json_io.hpp"
#include "tasksplit/load.hpp"
#include "tasksplit/readers.hpp"
#include "tasksplit/run.hpp"
#include "tasksplit/schema_check.hpp"

namespace tasksplit {

const std::vector<CheckInfo>& validate_checks() {
    // Keep in step with docs/validate.md; validate_test checks that every code is documented there.
    static const std::vector<CheckInfo> checks = {
        {"invalid-json", "error", "the file looks like a tasksplit document but is not valid JSON"},
        {"schema", "error", "the JSON does not match the output schema (grammars/schema/document.schema.json)"},
        {"model", "error", "the JSON matches the schema but cannot be read into the document model"},
        {"line-out-of-range", "error", "a line or span lies outside the source the document was parsed from"},
        {"no-tasks", "error", "a notice that is not blank yields no task; the message says what its lines were read as"},
        {"duplicate-number", "warning", "an item repeats the number of the item before it"},
        {"number-restart", "warning", "item numbers go back within a section"},
        {"number-gap", "warning", "item numbers skip within a section"},
        {"number-style", "info", "an item number is punctuated unlike nearly all others in the notice"},
        {"item-without-units", "error", "an item names no responsible unit while other items of its part do"},
        {"item-without-lead", "warning", "an item lists units but none of them leads"},
        {"empty-lead-marker", "error", "a 牵头 marker has no unit before it"},
        {"dangling-separator", "warning", "a unit list ends with (or holds) a separator with no unit after it"},
        {"duplicate-unit", "warning", "one item lists the same unit twice"},
        {"unit-typo", "warning", "a unit name is one character away from another unit of the notice"},
        {"unit-suffix", "warning", "a unit name has no known unit ending (局, 委, 办, 镇, 集团, 指挥部...)"},
        {"renamed-unit", "warning", "the notice prints two names the alias registry gives to one body"},
        {"empty-section", "warning", "a section has no items"},
        {"section-without-leader", "info", "a section names no leading official while other sections do"},
        {"livelihood-leader", "warning", "a leader named in a livelihood clause leads no section of the notice"},
        {"late-convention", "warning", "the lead convention is printed after items it governs (info when none depends on it)"},
        {"unbalanced-bracket", "warning", "a bracket or quote is not closed, or closes nothing, within its item"},
        {"mixed-width-brackets", "info", "a bracket opens full-width and closes half-width, or the reverse"},
        {"name-typo", "warning", "a quoted name is one character away from another quoted name in the same context"},
        {"title-mismatch", "warning", "a 《title》 in the text is one character away from a part heading"},
        {"repeated-word", "warning", "a word of two to six Chinese characters is printed twice in a row (定海定海)"},
        {"extraction-artifact", "warning", "LaTeX, HTML entities, PDF glyph codes, a repeated clause fragment or a split decimal"},
        {"doubtful-encoding", "warning", "replacement, control or private-use characters, or mojibake"},
        {"unusual-space", "info", "a no-break, zero-width or other unusual space"},
        {"text-after-clause", "warning", "text after an item's responsibility clause belongs to no item"},
        {"text-after-units", "warning", "text run into a list's last unit names no unit (a heading glued after it)"},
        {"long-line-claimed", "warning", "a line of hundreds of characters is read whole as a heading, metadata or a grid header"},
        {"clause-without-text", "warning", "a responsibility clause with no task text before it"},
        {"unassigned-task", "warning", "text outside every item looks like a task (numbered, or with a clause)"},
        {"subheading", "info", "a heading of another level inside a section is kept out of the items"},
        {"no-units", "info", "a part names no responsible units and is read as a work plan"},
        {"label-by-form", "info", "a clause label in no grammar list was read by its form (主抓单位：, 督办领导：)"},
    };
    return checks;
}

const CheckInfo* find_check(std::string_view code) {
    for (const auto& c : validate_checks())
        if (c.code == code) return &c;
    return nullptr;
}

namespace validation {

Context::Context(const Document& d, const SourceText* s, const Rules& r, const ValidateOptions& o)
    : doc(d), source(s), rules(r), options(o) {
    if (source) return;
    std::string lines;
    auto add = [&](int line, std::string text) {
        std::replace(text.begin(), text.end(), '\n', ' ');  // one text, one line
        lines += text + "\n";
        synthetic_lines_.push_back(line);
    };
    for (const auto& [part, item] : items()) {
        add(item->span.line, item->text);
        if (item->detail) add(item->span.line, *item->detail);
        if (item->deadline) add(item->span.line, *item->deadline);
    }
    for (const auto& u : doc.unassigned) add(u.line, u.text);
    if (!lines.empty()) synthetic_ = decode_source(lines, doc.source.path, std::string("UTF-8"));
}

void Context::report(const std::string& code, Where where, const std::string& message, const std::string& severity) {
    const CheckInfo* info = find_check(code);
    found.push_back({severity.empty() && info ? info->severity : severity, code, where.line, where.column, message});
}

Where Context::where_at(int32_t pos) const {
    const SourceText& t = text();
    int line = t.line_at(pos);
    if (!source) return {synthetic_lines_[line], 0};
    return {line + 1, t.orig.countChar32(t.line_start[line], pos - t.line_start[line]) + 1};
}

Where Context::at_line(int line) const {
    if (!source || line < 1 || line > source->line_count()) return {line, 0};
    int32_t a = source->line_start[line - 1], b = source->line_end[line - 1];
    while (a < b && is_space(source->orig.charAt(a))) ++a;
    return a < b ? where_at(a) : Where{line, 0};
}

std::vector<std::pair<int, int>> Context::regions() const {
    const SourceText& t = text();
    std::vector<std::pair<int, int>> out;
    if (!source) {
        for (int l = 0; l < t.line_count(); ++l) out.emplace_back(l, l);
        return out;
    }
    std::vector<std::pair<int, int>> spans;
    for (const auto& [part, item] : items()) {
        int a = std::clamp(item->span.line, 1, t.line_count()) - 1;
        int b = std::clamp(std::max(item->span.end_line, item->span.line), 1, t.line_count()) - 1;
        spans.emplace_back(a, b);
    }
    std::sort(spans.begin(), spans.end());
    std::vector<bool> covered(t.line_count(), false);
    for (const auto& s : spans) {
        if (!out.empty() && s.first <= out.back().second) out.back().second = std::max(out.back().second, s.second);
        else out.push_back(s);
        for (int l = s.first; l <= s.second; ++l) covered[l] = true;
    }
    for (int l = 0; l < t.line_count(); ++l)
        if (!covered[l] && t.line_end[l] > t.line_start[l]) out.emplace_back(l, l);
    return out;
}

Where Context::locate(int first_line, int last_line, const std::string& needle) const {
    if (!source || first_line < 1 || first_line > source->line_count()) return at_line(first_line);
    last_line = std::clamp(last_line, first_line, source->line_count());
    // Whitespace ignored on both sides: names split by a page break ("舟山" / "海关") are still found.
    icu::UnicodeString hay;
    std::vector<int32_t> at;
    for (int32_t i = source->line_start[first_line - 1]; i < source->line_end[last_line - 1]; ++i) {
        if (is_space(source->fold.charAt(i))) continue;
        hay.append(source->fold.charAt(i));
        at.push_back(i);
    }
    icu::UnicodeString want;
    const icu::UnicodeString folded = make_run(needle).fold;
    for (int32_t i = 0; i < folded.length(); ++i)
        if (!is_space(folded.charAt(i))) want.append(folded.charAt(i));
    int32_t found_at = want.isEmpty() ? -1 : hay.lastIndexOf(want);
    return found_at < 0 ? at_line(first_line) : where_at(at[found_at]);
}

Where Context::locate(const Item& item, const std::string& needle) const {
    return locate(item.span.line, item.span.end_line, needle);
}

std::vector<std::pair<const Part*, const Item*>> Context::items() const {
    std::vector<std::pair<const Part*, const Item*>> out;
    for (const auto& p : doc.parts)
        for (const auto& s : p.sections)
            for (const auto& it : s.items) out.emplace_back(&p, &it);
    return out;
}

std::u32string code_points(const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    std::u32string out;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) out.push_back(static_cast<char32_t>(u.char32At(i)));
    return out;
}

bool one_substitution(const std::u32string& a, const std::u32string& b, std::size_t min_length) {
    if (a.size() != b.size() || a.size() < min_length) return false;
    std::size_t diff = a.size();
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == b[i]) continue;
        if (diff != a.size()) return false;
        diff = i;
    }
    if (diff == a.size()) return false;
    // Characters that tell two real bodies or projects apart: 区委组织部 / 市委组织部, 第一 / 第二, 东部 / 西部.
    static const std::u32string telling = U"0123456789零〇一二三四五六七八九十百千万亿两东南西北中上下前后内外省市区县州镇乡村街";
    return telling.find(a[diff]) == std::u32string::npos && telling.find(b[diff]) == std::u32string::npos;
}

}  // namespace validation

std::vector<Diagnostic> validate(const Document& doc, const SourceText* source, const Rules& rules,
                                 const ValidateOptions& options) {
    validation::Context ctx(doc, source, rules, options);
    // The parser's diagnostics take the registry's severity, so one code always means one severity.
    for (const auto& d : doc.diagnostics) {
        Diagnostic c = d;
        if (const CheckInfo* info = find_check(c.code)) c.severity = info->severity;
        if (c.column == 0) c.column = ctx.at_line(c.line).column;
        ctx.found.push_back(c);
    }
    validation::check_units(ctx);
    validation::check_sections(ctx);
    validation::check_unassigned(ctx);
    validation::check_brackets(ctx);
    validation::check_characters(ctx);
    validation::check_names(ctx);
    if (source) validation::check_notice_layout(ctx);
    std::vector<Diagnostic> out;
    for (auto& d : ctx.found)
        if ((options.select.empty() || options.select.count(d.code)) && !options.ignore.count(d.code)) out.push_back(d);
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return out;
}

namespace {

Diagnostic json_problem(const std::string& code, const std::string& prefix, const std::string& what) {
    // Problems arrive as "path: problem" with "/" for the root; an array element's index goes first.
    std::string text = what;
    if (!prefix.empty()) text = prefix + (text.rfind("/:", 0) == 0 ? text.substr(1) : text);
    return {"error", code, 0, 0, text};
}

/// Every line and span of the model must lie in the source it names (when it names its size).
void check_lines(const Document& doc, const std::string& prefix, std::vector<Diagnostic>& out) {
    const int lines = doc.source.lines;
    if (lines <= 0) return;
    auto line = [&](int v, const std::string& path, bool zero_ok) {
        if ((v == 0 && zero_ok) || (v >= 1 && v <= lines)) return;
        out.push_back(json_problem("line-out-of-range", prefix,
                                   path + ": line " + std::to_string(v) + " is outside the source's " +
                                       std::to_string(lines) + " lines"));
    };
    if (doc.document.lead_convention) line(doc.document.lead_convention->line, "/document/lead_convention/line", true);
    for (std::size_t p = 0; p < doc.parts.size(); ++p) {
        const std::string pp = "/parts/" + std::to_string(p);
        line(doc.parts[p].line, pp + "/line", false);
        for (std::size_t s = 0; s < doc.parts[p].sections.size(); ++s) {
            const Section& sec = doc.parts[p].sections[s];
            const std::string sp = pp + "/sections/" + std::to_string(s);
            line(sec.line, sp + "/line", false);
            for (std::size_t i = 0; i < sec.items.size(); ++i) {
                const Span& span = sec.items[i].span;
                const std::string ip = sp + "/items/" + std::to_string(i) + "/span";
                line(span.line, ip + "/line", false);
                line(span.end_line, ip + "/end_line", false);
                if (span.end_line < span.line)
                    out.push_back(json_problem("line-out-of-range", prefix, ip + ": end_line comes before line"));
                if (span.end < span.start || (doc.source.bytes > 0 && span.end > doc.source.bytes))
                    out.push_back(json_problem("line-out-of-range", prefix,
                                               ip + ": bytes " + std::to_string(span.start) + ".." +
                                                   std::to_string(span.end) + " do not fit the source's " +
                                                   std::to_string(doc.source.bytes) + " bytes"));
            }
        }
    }
    for (std::size_t t = 0; t < doc.tables.size(); ++t) line(doc.tables[t].line, "/tables/" + std::to_string(t) + "/line", false);
    for (std::size_t d = 0; d < doc.diagnostics.size(); ++d)
        line(doc.diagnostics[d].line, "/diagnostics/" + std::to_string(d) + "/line", true);
    for (std::size_t u = 0; u < doc.unassigned.size(); ++u)
        line(doc.unassigned[u].line, "/unassigned/" + std::to_string(u) + "/line", false);
    for (std::size_t r = 0; r < doc.line_roles.size(); ++r)
        line(doc.line_roles[r].line, "/line_roles/" + std::to_string(r) + "/line", false);
}

bool wanted(const ValidateOptions& o, const std::string& code) {
    return (o.select.empty() || o.select.count(code)) && !o.ignore.count(code);
}

}  // namespace

JsonResult check_document_json(const std::string& bytes) {
    JsonResult r;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(bytes);
    } catch (const nlohmann::json::parse_error& e) {
        r.problems.push_back({"error", "invalid-json", 0, 0, "not valid JSON at byte " + std::to_string(e.byte)});
        return r;
    }
    std::vector<std::pair<std::string, const nlohmann::json*>> docs;
    if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) docs.emplace_back("/" + std::to_string(i), &j[i]);
    } else {
        docs.emplace_back("", &j);
    }
    for (const auto& [prefix, node] : docs) {
        auto problems = check_against_schema(*node, document_schema());
        for (const auto& p : problems) r.problems.push_back(json_problem("schema", prefix, p));
        if (!problems.empty()) continue;
        try {
            Document doc = document_from_json(*node);
            std::size_t before = r.problems.size();
            check_lines(doc, prefix, r.problems);
            // Checks on a document whose lines point nowhere would only repeat the error.
            if (r.problems.size() == before) r.documents.push_back(std::move(doc));
        } catch (const ReadError& e) {
            r.problems.push_back(json_problem("model", prefix, e.what()));
        }
    }
    return r;
}

std::vector<Finding> validate_file(const std::string& path, const Parser& parser, const ValidateOptions& options) {
    std::string bytes = read_input(path);
    refuse_document_yaml(path, bytes);
    std::vector<Finding> out;
    if (looks_like_document_json(bytes)) {
        JsonResult r = check_document_json(bytes);
        for (const auto& p : r.problems)
            if (wanted(options, p.code)) out.push_back({path, p, ""});
        for (const Document& doc : r.documents) {
            const std::string notice = doc.source.path.empty() || doc.source.path == "-" ? path : doc.source.path;
            for (const auto& d : validate(doc, nullptr, parser.rules(), options))
                out.push_back({d.line > 0 ? notice : path, d, ""});
        }
        return out;
    }
    if (bytes.empty()) throw InputError(path + ": empty file");
    // A web page, DOCX or PDF is checked on the text its reader extracted.
    const SourceText text = decode_notice(std::move(bytes), path, std::nullopt, options.encoding);
    Document doc = parse_notice(text, parser);
    for (const auto& d : validate(doc, &text, parser.rules(), options)) {
        std::string line;
        if (d.line >= 1 && d.line <= text.line_count()) line = text.slice(text.line_start[d.line - 1], text.line_end[d.line - 1]);
        out.push_back({path, d, line});
    }
    return out;
}

}  // namespace tasksplit
