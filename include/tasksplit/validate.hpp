// validate: a linter for notices and tasksplit JSON documents, made for CI. Each check has a stable
// kebab-case code and a fixed severity (docs/validate.md explains every code); the parser's own
// diagnostics flow through with the severity the registry gives their code.
#pragma once

#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tasksplit/aliases.hpp"
#include "tasksplit/document.hpp"
#include "tasksplit/messages.hpp"
#include "tasksplit/parse.hpp"
#include "tasksplit/source_text.hpp"

namespace tasksplit {

/// One entry of the check registry.
struct CheckInfo {
    std::string code;
    std::string severity;  ///< error | warning | info
    std::string summary;   ///< one line, as in docs/validate.md
};

/// Every code validate can report, the parser's included, in documentation order.
const std::vector<CheckInfo>& validate_checks();
/// The registry entry for `code`, or nullptr.
const CheckInfo* find_check(std::string_view code);

struct ValidateOptions {
    std::set<std::string> select;  ///< report only these codes; empty = all
    std::set<std::string> ignore;  ///< never report these codes
    UnitAliases aliases;           ///< registry for renamed-unit
    std::optional<std::string> encoding;  ///< forced charset for notices
};

/// Checks a parsed document. `source` is the decoded notice when the document came from one; without
/// it (JSON input) the text checks read item texts and report the item's line without a column.
/// Returns the document's own diagnostics and the checks' findings, sorted by line.
std::vector<Diagnostic> validate(const Document& doc, const SourceText* source, const Rules& rules,
                                 const ValidateOptions& options);

/// Checks one tasksplit JSON text (one document or an array of them) against the schema, the model
/// and the document checks. Problems with the JSON itself are errors at line 0 whose message starts
/// with the JSON Pointer of the offending value.
struct JsonResult {
    std::vector<Diagnostic> problems;     ///< schema, model and line-range errors
    std::vector<Document> documents;      ///< documents that fit the model
};
JsonResult check_document_json(const std::string& bytes);

/// A diagnostic with the file it points into and the text of its line (for the caret).
struct Finding {
    std::string file;
    Diagnostic diag;
    std::string line_text;  ///< empty when unknown
};

/// Reads `path` ("-" = stdin) as a notice or a JSON document and validates it. Throws InputError when
/// the file cannot be read or decoded. Findings about a JSON document's content point into the notice
/// it was parsed from (source.path), since the model's lines count that notice's lines.
std::vector<Finding> validate_file(const std::string& path, const Parser& parser, const ValidateOptions& options);

enum class ReportFormat { human, json, github, sarif };
std::optional<ReportFormat> parse_report_format(std::string_view name);

/// human: "file:line:col: severity[code]: message", then the source line and a caret (`colour`:
/// with ANSI colours for a terminal); json: one array; github: workflow commands; sarif: SARIF 2.1.0,
/// each rule with its explanation from docs/validate.md (compiled in) and a helpUri into that page.
/// `lang` words the human report (severity, the code's summary before the message); the machine
/// formats keep the English codes, severities and messages.
void write_report(const std::vector<Finding>& findings, ReportFormat format, std::ostream& out, bool colour = false,
                  Lang lang = Lang::en);

/// The explanation of `code` in docs/validate.md's table of checks (Markdown), or "".
std::string check_explanation(std::string_view code);

}  // namespace tasksplit
