// report: one self-contained HTML page for people who will not read JSON. It shows a notice's
// sections and tasks as a table that filters by unit, role, leader and words, and a chart of the
// tasks each unit leads and supports; for two years of the same breakdown it adds the diff summary,
// what became of every task, and a chart of the target changes. The page loads nothing: CSS and
// the small filtering script are inline, charts are plain HTML bars, so it can be mailed as is.
// The table reads its filters from the URL fragment (#unit=区财政局&role=lead), so a filtered view
// can be sent as a link.
#pragma once

#include <string>

#include "tasksplit/aliases.hpp"
#include "tasksplit/diff.hpp"
#include "tasksplit/document.hpp"
#include "tasksplit/messages.hpp"

namespace tasksplit {

/// What the page shows and in which language.
struct ReportView {
    Lang lang = Lang::en;
    /// A unit's canonical name: the page is that unit's printout, its tasks only and first (with its
    /// role in each), the summary and charts after them and left out of print. Empty: every task.
    std::string unit;
};

/// In the head of every page report_html makes: how a folder of notices tells the page from a notice.
inline constexpr const char* kReportGenerator = "<meta name=\"generator\" content=\"tasksplit ";

/// The page for one notice. Units are counted under their canonical names (`aliases` plus the
/// bracketed aliases the notice prints), as in `tasksplit units`.
std::string report_html(const Document& doc, const UnitAliases& aliases, const ReportView& view = {});

/// The page for two years: `diff` is diff_documents(old_doc, new_doc, aliases).
std::string report_html(const Document& old_doc, const Document& new_doc, const DiffResult& diff,
                        const UnitAliases& aliases, const ReportView& view = {});

}  // namespace tasksplit
