#include "tasksplit/no_tasks.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tasksplit/run.hpp"

namespace tasksplit {

namespace {

/// 28000 -> "28,000".
std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

/// What a line role of parse --line-map reads as in a sentence.
std::string role_words(const std::string& role) {
    static const std::map<std::string, std::string> words = {
        {"meta", "metadata"},        {"attachment", "the attachment list"}, {"page", "page furniture"},
        {"part", "headings"},        {"section", "headings"},               {"leader", "leader lines"},
        {"grid-header", "grid headers"}, {"table", "tables"},               {"form", "forms"},
        {"item", "items"},           {"mixed", "lines of several readings"}};
    auto it = words.find(role);
    return it != words.end() ? it->second : role;
}

/// The front-matter fields the notice gave, for the message: they say whether the lines read as
/// metadata were a notice's head at all.
std::string meta_found(const DocumentMeta& m) {
    std::vector<std::string> names;
    if (m.doc_number) names.push_back("document number");
    if (m.title) names.push_back("title");
    if (m.issuer) names.push_back("issuer");
    if (m.date) names.push_back("date");
    if (!m.contacts.empty()) names.push_back("contacts");
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "" : " (found: " + out + ")";
}

bool has_item(const Document& doc) {
    for (const auto& p : doc.parts)
        for (const auto& s : p.sections)
            if (!s.items.empty()) return true;
    return false;
}

}  // namespace

void check_tasks_found(Document& doc, const SourceText& text) {
    if (has_item(doc)) return;
    // Per non-blank line: its length in characters and what claimed it.
    std::set<int> unassigned, headings;
    for (const auto& u : doc.unassigned) unassigned.insert(u.line);
    for (const auto& p : doc.parts) {
        headings.insert(p.line);
        for (const auto& s : p.sections) headings.insert(s.line);
    }
    std::map<int, std::string> roles;
    for (const auto& r : doc.line_roles) roles.emplace(r.line, role_words(r.role));
    // Without a line map the lines claimed by neither headings nor tasks are the front matter's,
    // page furniture's, a grid header's or a table's: the model does not tell them apart.
    const std::string claimed = roles.empty() ? (doc.tables.empty() ? "metadata or headers" : "metadata, headers or tables") : "";

    std::vector<std::pair<std::string, int>> buckets;  // in order of first appearance
    int lines = 0, first_line = 0;
    std::size_t longest = 0;
    for (int i = 0; i < text.line_count(); ++i) {
        const int32_t a = text.line_start[i], b = text.line_end[i];
        bool blank = true;
        for (int32_t k = a; k < b && blank; ++k) blank = is_space(text.fold.charAt(k));
        if (blank) continue;
        const int line = i + 1;
        ++lines;
        if (!first_line) first_line = line;
        longest = std::max<std::size_t>(longest, text.orig.countChar32(a, b - a));
        // A line left out of the line map is claimed by nothing: unassigned in effect.
        std::string what = unassigned.count(line) ? "unassigned"
                           : roles.count(line)    ? roles[line]
                           : !roles.empty()       ? "unassigned"
                           : headings.count(line) ? "headings"
                                                  : claimed;
        auto it = std::find_if(buckets.begin(), buckets.end(), [&](const auto& b) { return b.first == what; });
        if (it == buckets.end()) buckets.emplace_back(what, 1);
        else ++it->second;
    }
    if (lines == 0) return;
    std::stable_sort(buckets.begin(), buckets.end(), [](const auto& x, const auto& y) { return x.second > y.second; });

    // "read as metadata" for the first group read as something, "as headings" after it, "left
    // unassigned" for the lines nothing claimed.
    bool read_as = false;
    auto phrase = [&](const std::string& what) {
        if (what == "unassigned") return std::string("left unassigned");
        std::string out = (read_as ? "as " : "read as ") + what;
        read_as = true;
        if (what == "metadata" || what == claimed) out += meta_found(doc.document);
        return out;
    };
    std::string message = "no task found: ";
    if (lines == 1) {
        message += "1 line of " + grouped(longest) + (longest == 1 ? " character " : " characters ") +
                   phrase(buckets[0].first);
    } else {
        message += grouped(static_cast<std::size_t>(lines)) + " lines (the longest " + grouped(longest) + " characters): ";
        for (std::size_t k = 0; k < buckets.size(); ++k)
            message += (k ? ", " : "") + grouped(static_cast<std::size_t>(buckets[k].second)) + " " + phrase(buckets[k].first);
    }
    if (!doc.tables.empty()) {
        std::size_t rows = 0;
        for (const auto& t : doc.tables) rows += t.rows.size();
        message += "; " + std::to_string(doc.tables.size()) + (doc.tables.size() == 1 ? " table" : " tables") + " of " +
                   grouped(rows) + (rows == 1 ? " row" : " rows") + ", not read as tasks";
    }
    doc.diagnostics.push_back({"error", kNoTasks, first_line, 0, message});
}

const Diagnostic* no_tasks_diagnostic(const Document& doc) {
    for (const auto& d : doc.diagnostics)
        if (d.code == kNoTasks) return &d;
    return nullptr;
}

}  // namespace tasksplit
