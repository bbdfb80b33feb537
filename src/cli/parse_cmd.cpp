// tasksplit parse: notices -> documents in JSON, YAML, JSON Lines, CSV or TSV.
#include <filesystem>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "tasksplit/load.hpp"
#include "tasksplit/progress.hpp"
#include "tasksplit/writers.hpp"

namespace tasksplit::cli {
namespace {

struct ParseOptions {
    std::vector<std::string> files;
    std::string to = "json";
    std::string output = "-";
    std::vector<std::string> grammars;
    std::string encoding;
    bool targets = false;
    bool quiet = false;
    bool line_map = false;
};

void run_parse(const ParseOptions& opt) {
    auto format = parse_output_format(opt.to);
    if (!format) {
        error("unknown output format '" + opt.to + "' (json, yaml, jsonl, csv, tsv)");
        throw CommandExit{2};
    }
    if (opt.targets && *format != OutputFormat::csv && *format != OutputFormat::tsv) {
        error("--targets is a csv/tsv view: add --to csv or --to tsv");
        throw CommandExit{2};
    }
    std::unique_ptr<Parser> parser;
    try {
        parser = std::make_unique<Parser>(opt.grammars);
        parser->set_line_map(opt.line_map);
    } catch (const GrammarError& e) {
        error(e.what());
        throw CommandExit{2};
    }
    std::optional<std::string> encoding;
    if (!opt.encoding.empty()) encoding = opt.encoding;
    std::vector<std::string> paths = expand_inputs(opt.files);
    std::vector<std::uintmax_t> sizes;
    std::uintmax_t total = 0;
    for (const auto& path : paths) {
        std::error_code ec;
        auto size = path == "-" ? 0 : std::filesystem::file_size(path, ec);
        sizes.push_back(ec ? 0 : size);
        total += sizes.back();
    }
    Progress progress(paths.size(), total, progress_wanted(opt.quiet));
    std::vector<Document> docs;
    bool failed = false;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        try {
            docs.push_back(load_document(paths[i], *parser, encoding));
        } catch (const InputError& e) {
            progress.finish();
            error(e.what());
            failed = true;
        }
        progress.tick(sizes[i]);
    }
    progress.finish();
    // No partial output: one unreadable input fails the whole run.
    if (failed) throw CommandExit{2};
    std::ostringstream out;
    WriteOptions wo;
    wo.targets = opt.targets;
    write_documents(docs, *format, wo, out);
    write_output(opt.output, out.str());
}

}  // namespace

void setup_parse(CLI::App& app) {
    auto opt = std::make_shared<ParseOptions>();
    auto* cmd = app.add_subcommand("parse", "Parse notices into structured documents");
    cmd->footer(
        "Examples:\n"
        "  tasksplit parse samples/000_5f0d85f750916d58.txt            JSON on stdout\n"
        "  tasksplit parse notice.txt --to csv -o tasks.csv           one row per task\n"
        "  tasksplit parse notice.txt --to csv --targets              one row per quantitative target\n"
        "  cat notice.txt | tasksplit parse - --to yaml               read stdin\n"
        "Exit status: 0 ok, 2 unreadable input, bad option or broken grammar.");
    cmd->add_option("files", opt->files, "Notice files or directories ('-' for stdin)")->required();
    cmd->add_option("-t,--to", opt->to, "Output format: json, yaml, jsonl, csv, tsv")->capture_default_str();
    cmd->add_option("-o,--output", opt->output, "Write here instead of stdout (atomically)");
    cmd->add_option("--grammar", opt->grammars, "Extra grammar YAML merged over the built-in rules");
    cmd->add_option("--encoding", opt->encoding, "Force the input encoding (e.g. GB18030, UTF-16LE)");
    cmd->add_flag("--targets", opt->targets, "csv/tsv: one row per quantitative target");
    cmd->add_flag("--line-map", opt->line_map, "Add line_roles: what claimed each source line");
    cmd->add_flag("-q,--quiet", opt->quiet, "No progress line (it is shown only when stderr is a terminal)");
    cmd->callback([opt]() { run_parse(*opt); });
}

}  // namespace tasksplit::cli
