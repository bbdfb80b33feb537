// The cover letter's reporting rules (grammars/reporting.yaml) into document.reporting.
#pragma once

#include "tasksplit/document.hpp"
#include "tasksplit/source_text.hpp"

namespace tasksplit::layout {

/// Reads the reporting rules from the lines above the first part of `doc` (the cover letter):
/// the rhythms named, whether the office assigns them per task, the office, who reports, the plan
/// form and its deadline. Leaves document.reporting empty when the letter names neither a rhythm
/// nor a form. `text` is the text `doc`'s lines count.
void read_reporting(const SourceText& text, Document& doc);

}  // namespace tasksplit::layout
