// Reports: human (compiler style with the source line and a caret), JSON, GitHub workflow commands
// and SARIF 2.1.0.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "tasksplit/validate.hpp"

namespace tasksplit {

std::string_view embedded_validate_doc();  // docs/validate.md, compiled in (src/CMakeLists.txt)

namespace {

using ojson = nlohmann::ordered_json;

/// Terminal columns of a code point: East Asian wide and full-width characters take two.
int display_width(UChar32 c) {
    int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) return 2;
    int8_t type = u_charType(c);
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ? 0 : 1;
}

/// The source line around `column` (1-based code points) and a caret under it. Notice lines run to
/// hundreds of characters, so at most 40 columns are kept on each side of the caret.
void write_caret(const Finding& f, std::ostream& out) {
    const int keep = 40;
    icu::UnicodeString line = icu::UnicodeString::fromUTF8(f.line_text);
    std::vector<UChar32> cps;
    for (int32_t i = 0; i < line.length(); i = line.moveIndex32(i, 1)) {
        UChar32 c = line.char32At(i);
        cps.push_back(c == '\t' ? ' ' : c);  // a tab's width depends on the terminal; a space does not
    }
    std::size_t at = std::min<std::size_t>(static_cast<std::size_t>(f.diag.column - 1), cps.size());
    std::size_t from = at;
    for (int w = 0; from > 0 && w + display_width(cps[from - 1]) <= keep; --from) w += display_width(cps[from - 1]);
    std::size_t to = at;
    for (int w = 0; to < cps.size() && w + display_width(cps[to]) <= keep; ++to) w += display_width(cps[to]);
    icu::UnicodeString shown;
    int caret = 0;
    if (from > 0) shown.append(u"..."), caret += 3;
    for (std::size_t i = from; i < to; ++i) {
        shown.append(cps[i]);
        if (i < at) caret += display_width(cps[i]);
    }
    if (to < cps.size()) shown.append(u"...");
    std::string number = std::to_string(f.diag.line);
    std::string utf8;
    shown.toUTF8String(utf8);
    out << ' ' << number << " | " << utf8 << '\n'
        << ' ' << std::string(number.size(), ' ') << " | " << std::string(static_cast<std::size_t>(caret), ' ') << "^\n";
}

/// ANSI colours as compilers use them: the location bold, the severity in its colour.
struct Palette {
    const char *bold = "", *reset = "", *error = "", *warning = "", *info = "";
};

/// What a Chinese reader is told: the code's summary in Chinese, then the finding's own words (the
/// parser and the checks word their details in English around the quoted Chinese text).
std::string human_message(const Diagnostic& d, Lang lang) {
    if (lang == Lang::en) return d.message;
    const CheckInfo* check = find_check(d.code);
    const std::string summary = check ? tr(lang, check->summary) : "";
    if (summary.empty() || (check && summary == check->summary)) return d.message;
    return summary + "：" + d.message;
}

void write_human(const std::vector<Finding>& findings, std::ostream& out, bool colour, Lang lang) {
    const Palette p = colour ? Palette{"\033[1m", "\033[0m", "\033[1;31m", "\033[1;33m", "\033[1;36m"} : Palette{};
    for (const auto& f : findings) {
        out << p.bold << f.file;
        if (f.diag.line > 0) out << ':' << f.diag.line;
        if (f.diag.line > 0 && f.diag.column > 0) out << ':' << f.diag.column;
        const std::string& s = f.diag.severity;
        out << ':' << p.reset << ' ' << (s == "error" ? p.error : s == "warning" ? p.warning : p.info) << tr(lang, s) << p.reset
            << '[' << f.diag.code << "]: " << human_message(f.diag, lang) << '\n';
        if (f.diag.line > 0 && f.diag.column > 0 && !f.line_text.empty()) write_caret(f, out);
    }
}

ojson finding_json(const Finding& f) {
    return ojson{{"file", f.file}, {"line", f.diag.line}, {"column", f.diag.column}, {"severity", f.diag.severity},
                 {"code", f.diag.code}, {"message", f.diag.message}};
}

/// Workflow command escaping: data escapes %, CR and LF; property values also : and ,.
std::string gh_escape(const std::string& s, bool property) {
    std::string out;
    for (char c : s) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else if (property && c == ':') out += "%3A";
        else if (property && c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

void write_github(const std::vector<Finding>& findings, std::ostream& out) {
    for (const auto& f : findings) {
        const std::string& s = f.diag.severity;
        out << "::" << (s == "error" ? "error" : s == "warning" ? "warning" : "notice") << " file=" << gh_escape(f.file, true);
        if (f.diag.line > 0) out << ",line=" << f.diag.line;
        if (f.diag.line > 0 && f.diag.column > 0) out << ",col=" << f.diag.column;
        out << ",title=" << gh_escape(f.diag.code, true) << "::" << gh_escape(f.diag.message, false) << '\n';
    }
}

/// A relative URI reference for a relative path, a file: URI for an absolute one (RFC 3986).
std::string file_uri(const std::string& path) {
    static const char* hexdigits = "0123456789ABCDEF";
    std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hexdigits[c >> 4];
            out += hexdigits[c & 15];
        }
    }
    return out;
}

std::string sarif_level(const std::string& severity) {
    return severity == "error" ? "error" : severity == "warning" ? "warning" : "note";
}

void write_sarif(const std::vector<Finding>& findings, std::ostream& out) {
    ojson rules = ojson::array();
    for (const auto& c : validate_checks()) {
        const std::string markdown = check_explanation(c.code);
        std::string text;  // the Markdown without its code and emphasis marks
        for (char ch : markdown)
            if (ch != '`' && ch != '*') text += ch;
        rules.push_back(ojson{{"id", c.code},
                              {"shortDescription", {{"text", c.summary}}},
                              {"fullDescription", {{"text", text}, {"markdown", markdown}}},
                              {"helpUri", std::string(TASKSPLIT_DOCS_URI) + "#checks"},
                              {"defaultConfiguration", {{"level", sarif_level(c.severity)}}}});
    }
    ojson results = ojson::array();
    for (const auto& f : findings) {
        ojson r{{"ruleId", f.diag.code}};
        const auto& checks = validate_checks();
        for (std::size_t i = 0; i < checks.size(); ++i)
            if (checks[i].code == f.diag.code) r["ruleIndex"] = i;
        r["level"] = sarif_level(f.diag.severity);
        r["message"] = {{"text", f.diag.message}};
        ojson location{{"physicalLocation", {{"artifactLocation", {{"uri", file_uri(f.file)}}}}}};
        if (f.diag.line > 0) {
            ojson region{{"startLine", f.diag.line}};
            if (f.diag.column > 0) region["startColumn"] = f.diag.column;
            location["physicalLocation"]["region"] = region;
        }
        r["locations"] = ojson::array({location});
        results.push_back(r);
    }
    ojson run{{"tool", {{"driver", {{"name", "tasksplit"}, {"version", TASKSPLIT_VERSION}, {"rules", rules}}}}},
              {"columnKind", "unicodeCodePoints"},
              {"results", results}};
    ojson log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", ojson::array({run})}};
    out << log.dump(2, ' ', false, ojson::error_handler_t::replace) << '\n';
}

}  // namespace

std::optional<ReportFormat> parse_report_format(std::string_view name) {
    if (name == "human") return ReportFormat::human;
    if (name == "json") return ReportFormat::json;
    if (name == "github") return ReportFormat::github;
    if (name == "sarif") return ReportFormat::sarif;
    return std::nullopt;
}

std::string check_explanation(std::string_view code) {
    // Rows "| `code` | severity | explanation |" of the table under "## Checks".
    static const std::map<std::string, std::string, std::less<>> explanations = [] {
        std::map<std::string, std::string, std::less<>> out;
        const std::string_view doc = embedded_validate_doc();
        std::size_t at = doc.find("\n## Checks\n");
        while (at != std::string_view::npos && at < doc.size()) {
            const std::size_t end = std::min(doc.find('\n', at + 1), doc.size());
            const std::string_view line = doc.substr(at + 1, end - at - 1);
            at = end;
            if (line.rfind("## ", 0) == 0 && line != "## Checks") break;
            if (line.rfind("| `", 0) != 0) continue;
            const std::size_t code_end = line.find("` | ");
            const std::size_t severity_end = line.find(" | ", code_end + 4);
            if (code_end == std::string_view::npos || severity_end == std::string_view::npos) continue;
            std::string_view text = line.substr(severity_end + 3);
            if (text.size() >= 2 && text.substr(text.size() - 2) == " |") text.remove_suffix(2);
            out.emplace(std::string(line.substr(3, code_end - 3)), std::string(text));
        }
        return out;
    }();
    auto it = explanations.find(code);
    return it == explanations.end() ? std::string() : it->second;
}

void write_report(const std::vector<Finding>& findings, ReportFormat format, std::ostream& out, bool colour, Lang lang) {
    switch (format) {
        case ReportFormat::human:
            write_human(findings, out, colour, lang);
            break;
        case ReportFormat::json: {
            ojson all = ojson::array();
            for (const auto& f : findings) all.push_back(finding_json(f));
            out << all.dump(2, ' ', false, ojson::error_handler_t::replace) << '\n';
            break;
        }
        case ReportFormat::github:
            write_github(findings, out);
            break;
        case ReportFormat::sarif:
            write_sarif(findings, out);
            break;
    }
}

}  // namespace tasksplit
