// Reporting rules: each sentence of the cover letter is weighed by the evidence grammars/reporting.yaml
// lists (a rhythm named, a reporting verb, the 督查室, a 《…计划表》, a "于X月X日前"); a sentence that
// weighs enough gives what it names. Only the letter is read: the same words in a task ("每月报送
// 空气质量数据") are a task's, not the notice's rule.
#include "reporting.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include <unicode/uchar.h>

#include "tasksplit/grammar_files.hpp"
#include "tasksplit/numerals.hpp"
#include "tasksplit/rules.hpp"

namespace tasksplit::layout {
namespace {

struct Evidence {
    Regex pattern;
    int weight = 0;
};

struct Grammar {
    int min_weight = 2;
    int rhythm_weight = 1;
    std::vector<std::pair<std::string, Regex>> frequencies;
    Evidence verb, office, plan_form, due, reporters;
    Regex per_task;
};

Regex compile(const YAML::Node& node, const std::string& name) {
    return Regex(from_utf8(node.as<std::string>()), "grammars/reporting.yaml: " + name);
}

/// A fresh set per document: a Regex keeps its matcher's state, so one set shared by the parser
/// threads would race.
Grammar load() {
    const YAML::Node y = load_embedded_grammar("reporting.yaml");
    Grammar g;
    g.min_weight = y["min_weight"].as<int>();
    for (const auto& f : y["frequencies"])
        g.frequencies.emplace_back(f["name"].as<std::string>(), compile(f["pattern"], f["name"].as<std::string>()));
    const YAML::Node e = y["evidence"];
    g.rhythm_weight = e["rhythm"].as<int>();
    auto evidence = [&](const char* name) {
        return Evidence{compile(e[name]["pattern"], name), e[name]["weight"].as<int>()};
    };
    g.verb = evidence("verb");
    g.office = evidence("office");
    g.plan_form = evidence("plan_form");
    g.due = evidence("due");
    g.reporters = evidence("reporters");
    g.per_task = compile(y["per_task"], "per_task");
    return g;
}

/// "3月19日" -> "2024-03-19" in `year`; 月底 is the month's last day.
std::optional<std::string> iso_day(int year, const icu::UnicodeString& month, const icu::UnicodeString& day) {
    const int m = numeral_value(month);
    if (m < 1 || m > 12) return std::nullopt;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int last = m == 2 && !leap ? 28 : days[m - 1];
    const int d = day == u"底" ? last : numeral_value(day);
    if (d < 1 || d > last) return std::nullopt;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, m, d);
    return std::string(buf);
}

/// The line the first part, section or item starts on: the letter ends above it.
int first_body_line(const Document& doc) {
    int first = 0;
    auto take = [&](int line) {
        if (line > 0 && (first == 0 || line < first)) first = line;
    };
    for (const Part& p : doc.parts) {
        take(p.line);
        for (const Section& s : p.sections) {
            take(s.line);
            for (const Item& i : s.items) take(i.span.line);
        }
    }
    return first;
}

bool is_stop(char16_t c) { return c == u'。' || c == u';' || c == u'!' || c == u'?'; }

}  // namespace

void read_reporting(const SourceText& text, Document& doc) {
    const int end = std::min(first_body_line(doc) - 1, text.line_count());
    if (end <= 0) return;
    Grammar g = load();
    Reporting r;
    for (int line = 0; line < end; ++line) {
        int32_t a = text.line_start[line];
        const int32_t line_end = text.line_end[line];
        while (a < line_end) {
            while (a < line_end && u_isUWhiteSpace(text.fold.charAt(a))) ++a;
            if (a == line_end) break;
            int32_t b = a;
            while (b < line_end && !is_stop(text.fold.charAt(b))) ++b;
            if (b < line_end) ++b;  // the stop belongs to its sentence
            const icu::UnicodeString s(text.fold, a, b - a);
            const int32_t from = a;
            a = b;
            std::vector<std::string> named;
            for (auto& [name, pattern] : g.frequencies)
                if (pattern.find(s)) named.push_back(name);
            int weight = named.empty() ? 0 : g.rhythm_weight;
            for (Evidence* e : {&g.verb, &g.office, &g.plan_form, &g.due, &g.reporters})
                if (e->pattern.find(s)) weight += e->weight;
            if (weight < g.min_weight) continue;
            // A sentence's matches, read again now that it counts (find leaves the last match's groups).
            if (!named.empty() && g.per_task.find(s)) r.per_task = r.per_task || named.size() > 1;
            for (const std::string& n : named)
                if (std::find(r.frequencies.begin(), r.frequencies.end(), n) == r.frequencies.end()) r.frequencies.push_back(n);
            auto original = [&](const Regex& re, int group) {
                return to_utf8(icu::UnicodeString(text.orig, from + re.start(group), re.end(group) - re.start(group)));
            };
            if (!r.office && g.office.pattern.find(s)) r.office = original(g.office.pattern, 1);
            if (!r.reporters && g.reporters.pattern.find(s)) r.reporters = original(g.reporters.pattern, 1);
            if (!r.plan_form && g.plan_form.pattern.find(s)) {
                r.plan_form = original(g.plan_form.pattern, 1);
                // The deadline that goes with the form is the one in its sentence.
                if (g.due.pattern.find(s)) {
                    r.plan_due = original(g.due.pattern, 1) + "月" + original(g.due.pattern, 2) +
                                 (g.due.pattern.group(2) == u"底" ? "" : "日");
                    if (doc.document.year)
                        r.plan_due_iso = iso_day(*doc.document.year, g.due.pattern.group(1), g.due.pattern.group(2));
                }
            }
            if (r.line == 0) r.line = line + 1;
            r.text += to_utf8(icu::UnicodeString(text.orig, from, b - from));
        }
    }
    // A deadline or an office alone is no reporting rule: the letter must name a rhythm or a form.
    if (r.frequencies.empty() && !r.plan_form) return;
    doc.document.reporting = std::move(r);
}

}  // namespace tasksplit::layout
