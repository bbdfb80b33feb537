// tasksplit validate: lint notices and tasksplit JSON documents for CI.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>

#include "commands.hpp"
#include "tasksplit/load.hpp"
#include "tasksplit/progress.hpp"
#include "tasksplit/validate.hpp"

namespace tasksplit::cli {
namespace {

const std::vector<std::string> kFormats{"human", "json", "github", "sarif"};

struct ValidateCmdOptions {
    std::vector<std::string> files;
    std::string format;  ///< empty: by the -o extension, else human
    std::string output = "-";
    std::string color = "auto";
    bool strict = false;
    bool exit_zero = false;
    bool statistics = false;
    bool quiet = false;
    std::vector<std::string> select, ignore;
    std::vector<std::string> grammars, aliases;
    std::string encoding;
    BatchOptions batch;
};

std::string counted(std::size_t n, const std::string& one, const std::string& many) {
    return trf(ui_lang(), n == 1 ? one : many, {std::to_string(n)});
}

/// "3 errors, 14 warnings, 2 info in 2 files": what a person reads last, on stderr, whatever the format.
std::string summary(const std::vector<Finding>& findings, std::size_t files, std::size_t unreadable) {
    std::size_t errors = 0, warnings = 0, infos = 0;
    for (const auto& f : findings) {
        if (f.diag.severity == "error") ++errors;
        else if (f.diag.severity == "warning") ++warnings;
        else ++infos;
    }
    std::string line = counted(errors, "{} error", "{} errors") + T(", ") + counted(warnings, "{} warning", "{} warnings");
    if (infos > 0) line += T(", ") + trf(ui_lang(), "{} info", {std::to_string(infos)});
    line += counted(files, " in {} file", " in {} files");
    if (unreadable > 0) line += trf(ui_lang(), " ({} unreadable)", {std::to_string(unreadable)});
    return line;
}

/// --statistics: one line per code, most frequent first: "    14  warning  duplicate-number".
std::string statistics(const std::vector<Finding>& findings) {
    std::map<std::string, std::pair<std::size_t, std::string>> by_code;
    for (const auto& f : findings) {
        auto& [count, severity] = by_code[f.diag.code];
        ++count;
        severity = f.diag.severity;
    }
    std::vector<std::pair<std::string, std::pair<std::size_t, std::string>>> rows(by_code.begin(), by_code.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    std::ostringstream out;
    for (const auto& [code, entry] : rows) {
        std::string count = std::to_string(entry.first);
        std::string severity = entry.second;
        out << std::string(count.size() < 6 ? 6 - count.size() : 0, ' ') << count << "  " << severity
            << std::string(severity.size() < 9 ? 9 - severity.size() : 0, ' ') << code << '\n';
    }
    return out.str();
}

void run_validate(const ValidateCmdOptions& opt) {
    const ReportFormat format = *parse_report_format(output_format("validate", opt.format, opt.output, kFormats));
    ValidateOptions vo;
    for (const auto* list : {&opt.select, &opt.ignore})
        for (const auto& code : *list) {
            if (!find_check(code)) {
                error(trf(ui_lang(), "unknown check code '{}' (docs/validate.md lists them)", {code}));
                throw CommandExit{2};
            }
            (list == &opt.select ? vo.select : vo.ignore).insert(code);
        }
    if (!opt.encoding.empty()) vo.encoding = opt.encoding;
    std::unique_ptr<Parser> parser;
    try {
        parser = std::make_unique<Parser>(opt.grammars);
        for (const auto& path : opt.aliases) vo.aliases.add_file(path);
    } catch (const GrammarError& e) {
        error(e.what());
        throw CommandExit{2};
    }
    bool unreadable = false;
    const std::vector<std::string> paths = input_files(opt.files, opt.batch, unreadable);
    std::size_t checked = 0, failed = 0;
    std::vector<Finding> findings;
    {
        const std::vector<std::uintmax_t> sizes = input_sizes(paths);
        Progress progress(paths.size(), std::accumulate(sizes.begin(), sizes.end(), std::uintmax_t{0}),
                          progress_wanted(opt.quiet));
        for (std::size_t i = 0; i < paths.size(); ++i) {
            try {
                auto found = validate_file(paths[i], *parser, vo);
                findings.insert(findings.end(), found.begin(), found.end());
                ++checked;
            } catch (const InputError& e) {
                progress.finish();
                error(e.what());
                unreadable = true;
                ++failed;
                // What was found so far is still reported.
                if (opt.batch.fail_fast) break;
            }
            progress.tick(sizes[i]);
        }
    }
    std::ostringstream report;
    write_report(findings, format, report, format == ReportFormat::human && use_colour(opt.color, opt.output), ui_lang());
    write_output(opt.output, report.str());
    if (opt.statistics) std::cerr << statistics(findings);
    // With nothing checked, the error lines above are the whole story.
    if (!opt.quiet && checked > 0) std::cerr << summary(findings, checked, failed) << "\n";
    if (unreadable) throw CommandExit{2};
    if (opt.exit_zero) return;
    for (const auto& f : findings)
        if (f.diag.severity == "error" || (opt.strict && f.diag.severity == "warning")) throw CommandExit{1};
}

}  // namespace

void setup_validate(CLI::App& app) {
    auto opt = std::make_shared<ValidateCmdOptions>();
    auto* cmd = app.add_subcommand("validate", T("Check notices and tasksplit JSON documents for defects (for CI)"));
    cmd->footer(T(
        "Examples:\n"
        "  tasksplit validate samples/*.txt                     file:line:col: severity[code]: message\n"
        "  tasksplit validate out/notice.json                   schema, model and content checks\n"
        "  tasksplit validate notices/ --format github          annotations in a GitHub Actions log\n"
        "  tasksplit validate notices/ -o v.sarif               code scanning upload (SARIF: the extension says it)\n"
        "  tasksplit validate n.txt --ignore unusual-space,number-style --strict\n"
        "  tasksplit validate notices/ --statistics --exit-zero how many of each code, without failing\n"
        "  tasksplit validate notices/ --glob '*.txt' --fail-fast\n"
        "Findings go to stdout (or -o); the summary line ('3 errors, 14 warnings in 2 files'), --statistics\n"
        "and the progress line go to stderr. Codes and severities: docs/validate.md.\n"
        "Exit status: 0 no errors (or --exit-zero), 1 errors found (or warnings with --strict), 2 usage error\n"
        "or unreadable input (with --exit-zero too)."));
    cmd->add_option("files", opt->files, T("Notices, JSON documents or directories ('-' for stdin)"))->required();
    add_format_option(cmd, opt->format, kFormats);
    cmd->add_option("-o,--output", opt->output, T("Write the report here instead of stdout (atomically)"));
    add_color_option(cmd, opt->color);
    cmd->add_flag("--strict", opt->strict, T("Fail (exit 1) on warnings too"));
    cmd->add_flag("--exit-zero", opt->exit_zero, T("Exit 0 even when errors are found (an unreadable input still exits 2)"));
    cmd->add_flag("--statistics", opt->statistics, T("After the report, count each code on stderr, most frequent first"));
    cmd->add_option("--select", opt->select, T("Report only these codes (comma-separated)"))->delimiter(',');
    cmd->add_option("--ignore", opt->ignore, T("Never report these codes (comma-separated)"))->delimiter(',');
    cmd->add_option("--grammar", opt->grammars, T("Extra grammar YAML merged over the built-in rules"));
    cmd->add_option("--aliases", opt->aliases, T("Extra unit alias registry ({aliases: {name: [other names]}})"));
    cmd->add_option("--encoding", opt->encoding, T("Force the notices' encoding (e.g. GB18030, UTF-16LE)"));
    add_batch_options(cmd, opt->batch);
    add_lang_option(cmd);
    cmd->add_flag("-q,--quiet", opt->quiet, T("No progress line and no summary line on stderr"));
    cmd->callback([opt]() { run_validate(*opt); });
}

}  // namespace tasksplit::cli
