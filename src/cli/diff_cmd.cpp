// tasksplit diff: what changed between two years' breakdowns (notices or tasksplit JSON).
#include <cstdlib>
#include <memory>
#include <unistd.h>

#include "commands.hpp"
#include "tasksplit/diff.hpp"
#include "tasksplit/load.hpp"

namespace tasksplit::cli {
namespace {

struct DiffOptions {
    std::string old_path, new_path;
    std::string format = "text";
    std::string output = "-";
    std::string color = "auto";
    std::vector<std::string> aliases;
    std::vector<std::string> grammars;
    std::string encoding;
    bool force = false;
};

// Colour only for a person at a terminal, and never when NO_COLOR is set (https://no-color.org),
// unless asked for explicitly.
bool use_colour(const DiffOptions& opt) {
    if (opt.color == "always") return true;
    if (opt.color == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return (opt.output.empty() || opt.output == "-") && ::isatty(STDOUT_FILENO);
}

void run_diff(const DiffOptions& opt) {
    if (opt.format != "text" && opt.format != "json" && opt.format != "md") {
        error("unknown format '" + opt.format + "' (text, json, md)");
        throw CommandExit{2};
    }
    Readers readers = make_readers(opt.grammars, opt.aliases);
    const Parser& parser = *readers.parser;
    const UnitAliases& aliases = readers.aliases;
    std::optional<std::string> encoding;
    if (!opt.encoding.empty()) encoding = opt.encoding;
    Document old_doc, new_doc;
    try {
        old_doc = load_document(opt.old_path, parser, encoding);
        new_doc = load_document(opt.new_path, parser, encoding);
    } catch (const InputError& e) {
        error(e.what());
        throw CommandExit{2};
    }
    if (!opt.force) warn_mismatch(old_doc, new_doc, opt.old_path, opt.new_path);
    DiffResult diff = diff_documents(old_doc, new_doc, aliases);
    std::string report;
    if (opt.format == "json") report = diff_to_json(diff).dump(2) + "\n";
    else if (opt.format == "md") report = diff_to_markdown(diff);
    else report = diff_to_text(diff, use_colour(opt));
    write_output(opt.output, report);
    if (!diff.equal()) throw CommandExit{1};
}

}  // namespace

void setup_diff(CLI::App& app) {
    auto opt = std::make_shared<DiffOptions>();
    auto* cmd = app.add_subcommand("diff", "Compare two breakdowns (e.g. one year's and the next)");
    cmd->footer(
        "Tasks are aligned by meaning: reworded, split, merged and moved tasks are paired, with a\n"
        "score and a strength (same, continued, related). The report lists each pair's changes\n"
        "(text, targets, units, leader), tasks added and dropped, and summary tables.\n"
        "Examples:\n"
        "  tasksplit diff samples/001_4ca63f7906623aa9.txt samples/000_5f0d85f750916d58.txt\n"
        "  tasksplit diff 2023.json 2024.json --format md -o changes.md\n"
        "  tasksplit diff old.txt new.txt --aliases renames.yaml --format json\n"
        "Exit status (as diff(1)): 0 no differences, 1 differences, 2 error.");
    cmd->add_option("old", opt->old_path, "Older notice or tasksplit JSON ('-' for stdin)")->required();
    cmd->add_option("new", opt->new_path, "Newer notice or tasksplit JSON")->required();
    cmd->add_option("-f,--format", opt->format, "Report format: text, json, md")->capture_default_str();
    cmd->add_option("-o,--output", opt->output, "Write here instead of stdout (atomically)");
    // One file per flag (repeat it for more): a vector option would otherwise swallow OLD and NEW.
    cmd->add_option("--aliases", opt->aliases,
                    "Unit alias file added to the built-in registry ({aliases: {canonical: [names]}}); repeatable")
        ->allow_extra_args(false);
    cmd->add_option("--color", opt->color, "Colour the text report: auto, always, never")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->add_option("--grammar", opt->grammars, "Extra grammar YAML merged over the built-in rules; repeatable")
        ->allow_extra_args(false);
    cmd->add_option("--encoding", opt->encoding, "Force the input encoding of notices (e.g. GB18030)");
    cmd->add_flag("--force", opt->force, "No warning when the years look reversed or the issuers differ");
    cmd->callback([opt]() { run_diff(*opt); });
}

}  // namespace tasksplit::cli
