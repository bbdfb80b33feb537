// tasksplit diff: what changed between two years' breakdowns (notices or tasksplit JSON).
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "tasksplit/diff.hpp"
#include "tasksplit/load.hpp"

namespace tasksplit::cli {
namespace {

struct DiffOptions {
    std::string old_path, new_path;
    std::string format;  ///< empty: by the -o extension, else text
    std::string output = "-";
    std::string color = "auto";
    std::vector<std::string> aliases;
    std::vector<std::string> grammars;
    std::string encoding;
    bool force = false;
};

void run_diff(const DiffOptions& opt) {
    const std::string format = output_format("diff", opt.format, opt.output, {"text", "json", "md", "xlsx"});
    check_xlsx_output(format, opt.output);
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
    if (format == "json") report = diff_to_json(diff).dump(2) + "\n";
    else if (format == "md") report = diff_to_markdown(diff);
    else if (format == "xlsx") {
        std::ostringstream workbook;
        diff_to_xlsx(diff, workbook);
        report = workbook.str();
    }
    else report = diff_to_text(diff, use_colour(opt.color, opt.output));
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
        "  tasksplit diff 2023.json 2024.json -o changes.md           Markdown (the extension says it)\n"
        "  tasksplit diff old.txt new.txt --aliases renames.yaml --format json\n"
        "  tasksplit diff 2023.txt 2024.txt -o 变化台账.xlsx            a change ledger for Excel/WPS\n"
        "Exit status (as diff(1)): 0 no differences, 1 differences, 2 error.");
    cmd->add_option("old", opt->old_path, "Older notice or tasksplit JSON ('-' for stdin)")->required();
    cmd->add_option("new", opt->new_path, "Newer notice or tasksplit JSON")->required();
    add_format_option(cmd, opt->format, {"text", "json", "md", "xlsx"});
    cmd->add_option("-o,--output", opt->output, "Write here instead of stdout (atomically)");
    // One file per flag (repeat it for more): a vector option would otherwise swallow OLD and NEW.
    cmd->add_option("--aliases", opt->aliases,
                    "Unit alias file added to the built-in registry ({aliases: {canonical: [names]}}); repeatable")
        ->allow_extra_args(false);
    add_color_option(cmd, opt->color);
    cmd->add_option("--grammar", opt->grammars, "Extra grammar YAML merged over the built-in rules; repeatable")
        ->allow_extra_args(false);
    cmd->add_option("--encoding", opt->encoding, "Force the input encoding of notices (e.g. GB18030)");
    cmd->add_flag("--force", opt->force, "No warning when the years look reversed or the issuers differ");
    cmd->callback([opt]() { run_diff(*opt); });
}

}  // namespace tasksplit::cli
