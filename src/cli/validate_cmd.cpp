// tasksplit validate: lint notices and tasksplit JSON documents for CI.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "tasksplit/load.hpp"
#include "tasksplit/validate.hpp"

namespace tasksplit::cli {
namespace {

struct ValidateCmdOptions {
    std::vector<std::string> files;
    std::string format = "human";
    bool strict = false;
    std::vector<std::string> select, ignore;
    std::vector<std::string> grammars, aliases;
    std::string encoding;
    BatchOptions batch;
};

void run_validate(const ValidateCmdOptions& opt) {
    auto format = parse_report_format(opt.format);
    if (!format) {
        error("unknown report format '" + opt.format + "' (human, json, github, sarif)");
        throw CommandExit{2};
    }
    ValidateOptions vo;
    for (const auto* list : {&opt.select, &opt.ignore})
        for (const auto& code : *list) {
            if (!find_check(code)) {
                error("unknown check code '" + code + "' (docs/validate.md lists them)");
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
    std::vector<Finding> findings;
    bool unreadable = false;
    for (const auto& path : input_files(opt.files, opt.batch, unreadable)) {
        try {
            auto found = validate_file(path, *parser, vo);
            findings.insert(findings.end(), found.begin(), found.end());
        } catch (const InputError& e) {
            error(e.what());
            unreadable = true;
            // What was found so far is still reported.
            if (opt.batch.fail_fast) break;
        }
    }
    write_report(findings, *format, std::cout);
    std::cout.flush();
    if (unreadable) throw CommandExit{2};
    for (const auto& f : findings)
        if (f.diag.severity == "error" || (opt.strict && f.diag.severity == "warning")) throw CommandExit{1};
}

}  // namespace

void setup_validate(CLI::App& app) {
    auto opt = std::make_shared<ValidateCmdOptions>();
    auto* cmd = app.add_subcommand("validate", "Check notices and tasksplit JSON documents for defects (for CI)");
    cmd->footer(
        "Examples:\n"
        "  tasksplit validate samples/*.txt                     file:line:col: severity[code]: message\n"
        "  tasksplit validate out/notice.json                   schema, model and content checks\n"
        "  tasksplit validate notices/ --format github          annotations in a GitHub Actions log\n"
        "  tasksplit validate notices/ --format sarif > v.sarif code scanning upload\n"
        "  tasksplit validate n.txt --ignore unusual-space,number-style --strict\n"
        "  tasksplit validate notices/ --glob '*.txt' --fail-fast\n"
        "Codes and severities: docs/validate.md.\n"
        "Exit status: 0 no errors, 1 errors found (or warnings with --strict), 2 usage error or unreadable input.");
    cmd->add_option("files", opt->files, "Notices, JSON documents or directories ('-' for stdin)")->required();
    cmd->add_option("-f,--format", opt->format, "Report format: human, json, github, sarif")->capture_default_str();
    cmd->add_flag("--strict", opt->strict, "Fail (exit 1) on warnings too");
    cmd->add_option("--select", opt->select, "Report only these codes (comma-separated)")->delimiter(',');
    cmd->add_option("--ignore", opt->ignore, "Never report these codes (comma-separated)")->delimiter(',');
    cmd->add_option("--grammar", opt->grammars, "Extra grammar YAML merged over the built-in rules");
    cmd->add_option("--aliases", opt->aliases, "Extra unit alias registry ({aliases: {name: [other names]}})");
    cmd->add_option("--encoding", opt->encoding, "Force the notices' encoding (e.g. GB18030, UTF-16LE)");
    add_batch_options(cmd, opt->batch);
    cmd->callback([opt]() { run_validate(*opt); });
}

}  // namespace tasksplit::cli
