// Clause recognition on joined text. Labels come from grammars/layout.yaml (clause_labels).
#include "tasksplit/clauses.hpp"

#include "tasksplit/units.hpp"

namespace tasksplit {
namespace {

bool is_open(const Rules& rules, char16_t c) {
    for (const auto& b : rules.brackets)
        if (b.first == c && b.first != b.second && c != u'“' && c != u'‘' && c != u'《') return true;
    return false;
}

bool is_closer(const Rules& rules, char16_t c) {
    for (const auto& b : rules.brackets)
        if (b.second == c && b.first != b.second && c != u'”' && c != u'’' && c != u'》') return true;
    return false;
}

/// A join point: the run continues on another source line here.
bool line_break_before(const Run& run, int32_t i) {
    return i > 0 && i < run.size() && run.src[i] >= 0 && run.src[i - 1] >= 0 && run.src[i] != run.src[i - 1] + 1;
}

/// End of a bracketed clause opened at `open`: the matching closer, whatever its width
/// ("（责任单位：…)" opens full-width and closes half-width). Unclosed: the end of the run.
int32_t match_close(const Run& run, const Rules& rules, int32_t open) {
    int depth = 0;
    for (int32_t i = open; i < run.size(); ++i) {
        char16_t c = run.fold.charAt(i);
        if (is_open(rules, c)) ++depth;
        else if (is_closer(rules, c) && --depth == 0) return i + 1;
    }
    return run.size();
}

bool sentence_end(char16_t c) {
    return c == u'。' || c == u';' || c == u'!' || c == u'?' || c == u')' || c == u'.' || c == u'>' || c == u']';
}

Run trim_value(const Run& v, const Rules& rules) {
    int32_t a = 0, b = v.size();
    auto junk = [&](char16_t c) {
        if (is_space(c) || c == u'。') return true;
        for (char16_t s : rules.separators)
            if (s == c) return true;
        return false;
    };
    while (a < b && junk(v.fold.charAt(a))) ++a;
    // A trailing 、 is kept: it is a dangling separator (a unit lost at a page break), not the
    // comma between two fields.
    while (b > a && junk(v.fold.charAt(b - 1)) && v.fold.charAt(b - 1) != u'、') --b;
    return v.sub(a, b);
}

/// A completion time opens `v`, at most a short word before it ("2024年底前", "力争6月底前完成");
/// "市政府直属各单位2024年…" is a unit with a heading run into it.
bool opens_with_time(const Run& v, const Rules& rules) {
    constexpr int32_t kWordBeforeTime = 4;
    return !v.empty() && rules.deadline_cell.find(v.fold) && rules.deadline_cell.start() <= kWordBeforeTime;
}

}  // namespace

std::vector<std::string> leader_names(const Run& value, const Rules& rules) {
    std::vector<std::string> names;
    UnitList list = split_units(value, rules);
    for (const auto& u : list.units) names.push_back(u.raw);
    return names;
}

UnitsAndDeadline peel_deadline(const Run& list, const Rules& rules) {
    // "县发改局（长期坚持）", "区住建局（2024年底前）": a closing bracket holding a completion time.
    const int32_t last = list.size() - 1;
    if (last > 0 && list.fold.charAt(last) == u')') {
        const int32_t open = list.fold.lastIndexOf(u'(', 0, last);
        if (open > 0) {
            Run inner = trim_value(list.sub(open + 1, last), rules);
            if (opens_with_time(inner, rules)) return {list.sub(0, open).trimmed(), inner};
        }
    }
    int32_t cut = list.size();
    while (cut > 0) {
        const char16_t c = list.fold.charAt(cut - 1);
        if (c == u',' || c == u'，' || c == u';' || c == u'；') break;
        --cut;
    }
    if (cut == 0) return {list, std::nullopt};
    Run tail = trim_value(list.sub(cut, list.size()), rules);
    if (!opens_with_time(tail, rules)) return {list, std::nullopt};
    return {list.sub(0, cut - 1), tail};
}

std::optional<TrailingUnits> trailing_unit_bracket(const Run& run, const Rules& rules) {
    int32_t end = run.size();
    while (end > 0 && (is_space(run.fold.charAt(end - 1)) || run.fold.charAt(end - 1) == u'。')) --end;
    if (end == 0 || !is_closer(rules, run.fold.charAt(end - 1))) return std::nullopt;
    int depth = 0;
    int32_t open = -1;
    for (int32_t i = end - 1; i >= 0; --i) {
        char16_t ch = run.fold.charAt(i);
        if (is_closer(rules, ch)) ++depth;
        else if (is_open(rules, ch) && --depth == 0) { open = i; break; }
    }
    if (open <= 0) return std::nullopt;
    const UnitsAndDeadline parts = peel_deadline(run.sub(open + 1, end - 1), rules);
    UnitList list = split_units(parts.units, rules);
    if (list.units.empty()) return std::nullopt;
    for (const auto& u : list.units)
        if (u.kind == "other") return std::nullopt;
    return TrailingUnits{open, end, std::move(list), parts.units, parts.deadline};
}

namespace {

/// The role of a clause label as printed, spaces inside it ignored ("责任单 位"): leader, lead,
/// support, units, deadline or contact; "units" for a label the table lacks.
const std::string& label_role_of(const icu::UnicodeString& label, const Rules& rules) {
    static const std::string units = "units";
    icu::UnicodeString key;
    for (int32_t i = 0; i < label.length(); ++i)
        if (!is_space(label.charAt(i))) key.append(label.charAt(i));
    const std::string folded = to_utf8(key);
    const auto role = rules.label_role.find(folded);
    if (role != rules.label_role.end()) return role->second;
    const std::string* by_form = rules.role_by_form(folded);
    return by_form ? *by_form : units;
}

}  // namespace

std::vector<Clause> find_clauses(const Run& run, const Rules& rules, bool unbracketed_ends_at_line) {
    std::vector<Clause> out;
    int32_t pos = 0;
    while (pos < run.size() && rules.clause_label.find(run.fold, pos, -1, run.src.data())) {
        int32_t ls = rules.clause_label.start();
        icu::UnicodeString label = rules.clause_label.label();
        // "责任人", "联系人": a contact ends a field inside a clause but never opens one.
        if (label_role_of(label, rules) == "contact") {
            pos = rules.clause_label.end();
            continue;
        }
        // "【牵头单位】市发改委【配合单位】市财政局": the bracket holds the label, not the clause.
        const char16_t label_end = run.fold.charAt(rules.clause_label.end() - 1);
        const bool label_in_brackets = label_end == u'】' || label_end == u']';
        Clause c;
        c.start = ls;
        // Look back for the opening bracket, skipping spaces and a dangling copy of the label's
        // start left by a page break ("(责" + "责任单位：…)").
        icu::UnicodeString bare;
        for (int32_t i = 0; i < label.length(); ++i)
            if (!is_space(label.charAt(i))) bare.append(label.charAt(i));
        int32_t j = ls - 1;
        icu::UnicodeString back;
        while (j >= 0 && ls - j <= bare.length() + 3) {
            char16_t ch = run.fold.charAt(j);
            if (is_open(rules, ch)) {
                if (back.isEmpty() || bare.startsWith(back)) {
                    c.start = j;
                    c.bracketed = !label_in_brackets;
                }
                break;
            }
            if (!is_space(ch)) back.insert(0, ch);
            if (!bare.startsWith(back)) break;
            --j;
        }
        if (!c.bracketed) {
            // An unbracketed label starts a clause only at a line or sentence start, or after a
            // space that sets fields apart ("…全覆盖  责任单位：区经信局  完成时限：…"); run
            // straight on from the text it is a word of the sentence.
            int32_t k = c.start - 1;
            while (k >= 0 && is_space(run.fold.charAt(k))) --k;
            bool at_start = k < 0 || sentence_end(run.fold.charAt(k)) || line_break_before(run, k + 1) || k + 1 < c.start;
            // "1、农村道路改造工程,牵头单位:市交通局。": after a comma, a label with its colon opens
            // a field of its own (a bulletin names a project, then its lead).
            const bool colon = run.fold.charAt(rules.clause_label.end() - 1) == u':';
            at_start |= (run.fold.charAt(k) == u',' || run.fold.charAt(k) == u'，') && colon;
            // "…门前三包工作配合领导:赵六副局长配合部门:区园林局": glued to the text, a label with its
            // colon opens a clause when another such label follows in the same sentence (fields in
            // a row are no words of a sentence).
            if (!at_start && colon) {
                const int32_t vs = rules.clause_label.end();
                int32_t stop = run.size();
                for (int32_t i = vs; i < run.size(); ++i)
                    if (run.fold.charAt(i) == u'。' || line_break_before(run, i)) { stop = i; break; }
                if (rules.clause_label.find(run.fold, vs, stop, run.src.data()) && rules.clause_label.start() > vs &&
                    run.fold.charAt(rules.clause_label.end() - 1) == u':' &&
                    label_role_of(rules.clause_label.label(), rules) != "contact")
                    at_start = true;
                rules.clause_label.find(run.fold, ls, -1, run.src.data());  // back to this label for what follows
            }
            if (!at_start) {
                pos = rules.clause_label.end();
                continue;
            }
        }
        if (c.bracketed) {
            c.end = match_close(run, rules, c.start);
        } else {
            c.end = run.size();
            if (unbracketed_ends_at_line)
                for (int32_t i = ls + 1; i < run.size(); ++i)
                    if (line_break_before(run, i)) { c.end = i; break; }
            // "牵头        牵头责任单位" closing its line: a table's header cells. A label printed
            // without its colon names a value after it; with nothing after it, it is no clause.
            if (run.fold.charAt(rules.clause_label.end() - 1) != u':' && run.sub(rules.clause_label.end(), c.end).trimmed().empty()) {
                pos = rules.clause_label.end();
                continue;
            }
            // "牵头单位:市交通局。其中,…进度较慢": a full stop ends an unbracketed clause unless
            // another label follows it ("责任单位：市财政局。完成时限：…"); what comes after is no
            // unit.
            for (int32_t i = rules.clause_label.end(); i + 1 < c.end; ++i) {
                if (run.fold.charAt(i) != u'。') continue;
                int32_t n = i + 1;
                while (n < c.end && is_space(run.fold.charAt(n))) ++n;
                if (n >= c.end) break;
                if (rules.clause_label.find(run.fold, n, c.end, run.src.data()) && rules.clause_label.start() == n) continue;
                c.end = i + 1;
                break;
            }
        }
        int32_t content_end = c.end;
        if (c.bracketed && content_end > c.start && is_closer(rules, run.fold.charAt(content_end - 1))) --content_end;
        // Fields: every label inside the clause starts a new field.
        int32_t fpos = ls;
        while (fpos < content_end && rules.clause_label.find(run.fold, fpos, content_end, run.src.data())) {
            int32_t vs = rules.clause_label.end();
            const std::string& role = label_role_of(rules.clause_label.label(), rules);
            const std::string form_label = rules.clause_label.by_form() ? to_utf8(rules.clause_label.label()) : "";
            int32_t ve = content_end;
            if (rules.clause_label.find(run.fold, vs, content_end, run.src.data())) {
                ve = rules.clause_label.start();
                // The bracket that opens the next label ("…市发改委【配合单位】") ends this value.
                const char16_t next_end = run.fold.charAt(rules.clause_label.end() - 1);
                if ((next_end == u'】' || next_end == u']') && ve > vs && is_open(rules, run.fold.charAt(ve - 1))) --ve;
            }
            c.fields.push_back({role, trim_value(run.sub(vs, ve), rules), form_label});
            fpos = ve;
        }
        out.push_back(std::move(c));
        pos = out.back().end;
    }
    if (!out.empty()) return out;

    // No label: a closing bracket at the end of a line whose content names units around a 牵头
    // marker or says how they take part ("（省发展改革委、省财政厅按职责分工负责）"). Each line
    // of a run may close with one: paragraphs each closed by their own bracket, and a last task
    // whose bracket is followed by the notice's closing paragraphs.
    for (int32_t end = 1; end <= run.size(); ++end) {
        if (end < run.size() && !line_break_before(run, end)) continue;
        const int32_t from = out.empty() ? 0 : out.back().end;
        if (end <= from) continue;
        const Run line = run.sub(from, end);
        if (auto t = trailing_unit_bracket(line, rules); t && (t->list.has_marker || t->list.has_support_marker)) {
            Clause c;
            c.start = from + t->start;
            c.end = from + t->end;
            c.bracketed = true;
            c.fields.push_back({"units", t->units, {}});
            if (t->deadline) c.fields.push_back({"deadline", *t->deadline, {}});
            out.push_back(std::move(c));
        }
    }
    if (!out.empty()) return out;
    // Or the last sentence, unbracketed: "…体系。市发改委牵头，市交通运输局、市商务局配合。"
    int32_t end = run.size();
    while (end > 0 && (is_space(run.fold.charAt(end - 1)) || run.fold.charAt(end - 1) == u'。')) --end;
    int32_t start = end;
    while (start > 0 && !sentence_end(run.fold.charAt(start - 1))) --start;
    if (start > 0 && start < end && run.fold.indexOf(rules.lead_marker, start, end - start) >= 0) {
        const UnitsAndDeadline sentence = peel_deadline(run.sub(start, end), rules);
        UnitList list = split_units(sentence.units, rules);
        bool all_units = list.has_marker && !list.units.empty();
        for (const auto& u : list.units) all_units &= u.kind != "other";
        if (all_units) {
            Clause c;
            c.start = start;
            c.end = run.size();
            c.fields.push_back({"units", sentence.units, {}});
            if (sentence.deadline) c.fields.push_back({"deadline", *sentence.deadline, {}});
            out.push_back(std::move(c));
        }
    }
    return out;
}

}  // namespace tasksplit
