// tasksplit report: one notice, or two years of one breakdown, as a self-contained HTML page.
#include <unistd.h>

#include <memory>

#include "commands.hpp"
#include "tasksplit/diff.hpp"
#include "tasksplit/load.hpp"
#include "tasksplit/query.hpp"
#include "tasksplit/report.hpp"

namespace tasksplit::cli {
namespace {

struct ReportOptions {
    std::string notice;
    std::string newer;  ///< empty: a report on one notice
    std::string output = "-";
    std::string format;  ///< html, the one format: given, it checks -o's extension
    std::vector<std::string> aliases;
    std::vector<std::string> grammars;
    std::string encoding;
    bool force = false;
    std::string unit;  ///< a unit's printout: its name as --unit of query takes it
};

/// The canonical name of --unit among the notices' units (names, aliases, bracketed aliases), or
/// exit 2 with the closest names.
std::string unit_of(const ReportOptions& opt, const std::vector<Document>& docs, const UnitAliases& aliases) {
    UnitNames names(aliases, docs);
    std::vector<UnitMatch> matches = match_units(opt.unit, names, false);
    if (!matches.empty()) return matches.front().canonical;
    std::string near;
    for (const UnitMatch& m : suggest_units(opt.unit, names)) near += (near.empty() ? "" : ", ") + m.canonical;
    error(near.empty() ? trf(ui_lang(), "no unit '{}' in the inputs; 'tasksplit units' lists them", {opt.unit})
                       : trf(ui_lang(), "no unit '{}' in the inputs; did you mean {}?", {opt.unit, near}));
    throw CommandExit{2};
}

void run_report(const ReportOptions& opt) {
    output_format("report", opt.format, opt.output, {"html"});
    // A page of HTML on a terminal helps nobody; in a pipe or with -o it is what was asked for.
    if ((opt.output.empty() || opt.output == "-") && ::isatty(STDOUT_FILENO)) {
        error(T("the report is an HTML page: add -o report.html (or redirect stdout)"));
        throw CommandExit{2};
    }
    Readers readers = make_readers(opt.grammars, opt.aliases);
    const Parser& parser = *readers.parser;
    const UnitAliases& aliases = readers.aliases;
    std::optional<std::string> encoding;
    if (!opt.encoding.empty()) encoding = opt.encoding;
    std::vector<Document> docs;
    try {
        docs.push_back(load_document(opt.notice, parser, encoding));
        if (!opt.newer.empty()) docs.push_back(load_document(opt.newer, parser, encoding));
    } catch (const InputError& e) {
        error(e.what());
        throw CommandExit{2};
    }
    if (docs.size() == 2 && !opt.force) warn_mismatch(docs[0], docs[1], opt.notice, opt.newer);
    ReportView view{ui_lang(), opt.unit.empty() ? "" : unit_of(opt, docs, aliases)};
    std::string html = docs.size() == 1
                           ? report_html(docs[0], aliases, view)
                           : report_html(docs[0], docs[1], diff_documents(docs[0], docs[1], aliases), aliases, view);
    write_output(opt.output, html);
}

}  // namespace

void setup_report(CLI::App& app) {
    auto opt = std::make_shared<ReportOptions>();
    auto* cmd = app.add_subcommand("report", T("One notice, or two years of it, as an HTML page to look at and send"));
    cmd->footer(T(
        "The page is one self-contained file (inline CSS and script, nothing loaded from the network):\n"
        "sections and tasks as a table filtered by unit, role, leader and words, and a chart of the\n"
        "tasks each unit leads and supports. Given two notices (older first) it adds the diff summary,\n"
        "what became of every task, and a chart of the target changes. Filters are kept in the URL\n"
        "fragment (report.html#unit=区财政局&role=lead), so a filtered view can be sent as a link.\n"
        "--unit makes one unit's printout: its tasks first, with its role in each, on A4.\n"
        "Examples:\n"
        "  tasksplit report samples/000_5f0d85f750916d58.txt -o dinghai-2024.html\n"
        "  tasksplit report samples/001_4ca63f7906623aa9.txt samples/000_5f0d85f750916d58.txt -o report.html\n"
        "  tasksplit report 2023.json 2024.json --aliases renames.yaml -o changes.html\n"
        "  tasksplit report samples/000_5f0d85f750916d58.txt --unit 区财政局 --lang zh -o 区财政局.html\n"
        "Exit status: 0 page written, 2 bad option, unreadable input, unknown unit or unwritable output."));
    cmd->add_option("notice", opt->notice, T("A notice or tasksplit JSON ('-' for stdin); the older one of two"))->required();
    cmd->add_option("newer", opt->newer, T("The newer notice or JSON: the page then compares the two years"));
    cmd->add_option("-o,--output", opt->output, T("Write the page here (atomically) instead of stdout"));
    add_format_option(cmd, opt->format, {"html"});
    cmd->add_option("-u,--unit", opt->unit,
                    T("One unit's printout: only its tasks, first, with its role in each (name, registered or bracketed alias)"));
    add_lang_option(cmd);
    cmd->add_option("--aliases", opt->aliases, T("Unit alias file(s) added to the built-in registry ({aliases: {canonical: [names]}})"));
    cmd->add_option("--grammar", opt->grammars, T("Extra grammar YAML merged over the built-in rules"));
    cmd->add_option("--encoding", opt->encoding, T("Force the input encoding of notices (e.g. GB18030)"));
    cmd->add_flag("--force", opt->force, T("No warning when the years look reversed or the issuers differ"));
    cmd->callback([opt]() { run_report(*opt); });
}

}  // namespace tasksplit::cli
