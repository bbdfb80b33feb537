// No silent empties: a notice whose text is not blank but yields no task is an error (`no-tasks`)
// whose message says what its lines were read as instead. A saved web page on one line, a CMS
// export or an English file would otherwise "parse" to nothing with no word said.
#pragma once

#include "tasksplit/document.hpp"
#include "tasksplit/source_text.hpp"

namespace tasksplit {

inline constexpr const char* kNoTasks = "no-tasks";

/// Adds the `no-tasks` error to `doc`, parsed from `text`, when it holds no item while `text` has a
/// line that is not blank. The message counts the lines by what claimed them (line_roles when the
/// parse recorded them, else unassigned lines, headings, and the rest as metadata or headers), e.g.
/// "no task found: 1 line of 28,000 characters read as metadata or headers (found: document number)".
void check_tasks_found(Document& doc, const SourceText& text);

/// The document's `no-tasks` diagnostic, or nullptr.
const Diagnostic* no_tasks_diagnostic(const Document& doc);

}  // namespace tasksplit
