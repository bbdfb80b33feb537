// tasksplit parse: notices -> documents in JSON, YAML, JSON Lines, CSV, TSV or an XLSX ledger.
#include <algorithm>
#include <functional>
#include <numeric>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include <iostream>
#include <nlohmann/json.hpp>

#include "tasksplit/load.hpp"
#include "tasksplit/no_tasks.hpp"
#include "tasksplit/parallel.hpp"
#include "tasksplit/progress.hpp"
#include "tasksplit/readers.hpp"
#include "tasksplit/writers.hpp"

namespace tasksplit::cli {
namespace {

const std::vector<std::string> kFormats{"json", "yaml", "jsonl", "csv", "tsv", "xlsx"};

struct ParseOptions {
    std::vector<std::string> files;
    std::string to;  ///< empty: by the -o extension, else json
    std::string output = "-";
    std::vector<std::string> grammars;
    std::string encoding;
    std::string from;
    bool targets = false;
    bool bom = false;
    std::string headers = "en";
    std::vector<std::string> columns;
    bool quiet = false;
    bool line_map = false;
    bool explain = false;
    bool dump_text = false;
    int jobs = 0;
    std::string files_from;
    bool stdin_jsonl = false;
    bool fail_empty = false;
    BatchOptions batch;
};

/// The paths listed in `list` ("-" for stdin), separated by NUL bytes or newlines.
std::vector<std::string> read_file_list(const std::string& list) {
    std::string bytes;
    try {
        bytes = read_input(list);
    } catch (const InputError& e) {
        error(e.what());
        throw CommandExit{2};
    }
    const char sep = bytes.find('\0') != std::string::npos ? '\0' : '\n';
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < bytes.size()) {
        std::size_t end = bytes.find(sep, start);
        if (end == std::string::npos) end = bytes.size();
        std::string path = bytes.substr(start, end - start);
        if (!path.empty() && path.back() == '\r') path.pop_back();
        if (!path.empty()) out.push_back(path);
        start = end + 1;
    }
    return out;
}

/// Streaming mode for map-reduce tools: each stdin line is {"id": …, "text": …}; each gives one
/// output line at once (a document in jsonl, its rows in csv/tsv). A bad line is reported on stderr
/// with its line number and gives an {"id": …, "error": …} line, so the output stays aligned.
void run_stdin_jsonl(const ParseOptions& opt, OutputFormat format, const WriteOptions& wo) {
    std::unique_ptr<Parser> parser;
    try {
        parser = std::make_unique<Parser>(opt.grammars);
        parser->set_line_map(opt.line_map);
    } catch (const GrammarError& e) {
        error(e.what());
        throw CommandExit{2};
    }
    if (format == OutputFormat::xlsx) {
        error("--stdin-jsonl writes a result per line (jsonl, csv or tsv); an xlsx workbook needs every notice first");
        throw CommandExit{2};
    }
    if (format == OutputFormat::json || format == OutputFormat::yaml) format = OutputFormat::jsonl;
    std::optional<std::string> encoding;
    if (!opt.encoding.empty()) encoding = opt.encoding;
    // One stream for the whole input: csv/tsv print their header once, jsonl a line per document.
    DocumentStream stream(format, wo, std::cout, 0);
    std::string line;
    std::size_t number = 0;
    bool failed = false, empty = false;
    while (std::getline(std::cin, line)) {
        ++number;
        if (line.empty()) continue;
        std::string id = "stdin:" + std::to_string(number);
        try {
            auto j = nlohmann::json::parse(line);
            if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
                throw std::runtime_error("expected an object with a \"text\" string");
            if (j.contains("id")) id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
            const Document doc = parse_notice(j["text"].get<std::string>(), id, *parser, parse_input_format(opt.from), encoding);
            if (const Diagnostic* d = no_tasks_diagnostic(doc)) {
                error(id + ": " + d->message);
                empty = true;
            }
            stream.write(doc);
        } catch (const std::exception& e) {
            error("stdin line " + std::to_string(number) + ": " + e.what());
            failed = true;
            if (format == OutputFormat::jsonl) std::cout << nlohmann::json{{"id", id}, {"error", e.what()}}.dump() << "\n";
        }
        flush_stdout();  // a line at a time, and a reader gone or a full disk stops the run
    }
    if (failed) throw CommandExit{2};
    if (empty && opt.fail_empty) throw CommandExit{1};
}

/// --explain: what each layout stage saw in each notice, instead of the documents; --dump-text: the
/// text they read.
void run_explain(const std::vector<std::string>& paths, const ParseOptions& opt) {
    std::optional<std::string> encoding;
    if (!opt.encoding.empty()) encoding = opt.encoding;
    bool failed = false;
    try {
        const Parser parser(opt.grammars);
        for (const auto& path : paths) {
            try {
                const SourceText text = decode_notice(read_input(path), path, parse_input_format(opt.from), encoding);
                if (paths.size() > 1) std::cout << "##### " << path << "\n";
                if (opt.dump_text) std::cout << to_utf8(text.orig) << (text.orig.endsWith(u"\n") ? "" : "\n");
                else std::cout << parser.explain(text);
                flush_stdout();
            } catch (const std::exception& e) {
                error(path + ": " + e.what());
                failed = true;
            }
        }
    } catch (const GrammarError& e) {
        error(e.what());
        throw CommandExit{2};
    }
    if (failed) throw CommandExit{2};
}

/// --columns as English names: each given in English or Chinese (序号), checked against the view's.
std::vector<std::string> column_names(const std::vector<std::string>& given, bool targets) {
    const std::vector<RowColumn> known = row_columns(targets);
    std::vector<std::string> out;
    for (const std::string& name : given) {
        auto it = std::find_if(known.begin(), known.end(), [&](const RowColumn& c) { return c.name == name || c.zh == name; });
        if (it == known.end()) {
            std::string names;
            for (const RowColumn& c : known) names += (names.empty() ? "" : ", ") + c.name;
            error("--columns: no column '" + name + "' in the " + (targets ? "targets" : "item") + " view; it has " + names +
                  " (or their Chinese headers)");
            throw CommandExit{2};
        }
        out.push_back(it->name);
    }
    return out;
}

void run_parse(const ParseOptions& opt) {
    const std::string format_name = output_format("parse", opt.to, opt.output, kFormats);
    check_xlsx_output(format_name, opt.output);
    auto format = parse_output_format(format_name);
    const bool rows = *format == OutputFormat::csv || *format == OutputFormat::tsv;
    for (const auto& [given, option] : {std::pair{opt.targets, "--targets"}, std::pair{opt.bom, "--bom"},
                                        std::pair{!opt.columns.empty(), "--columns"}, std::pair{opt.headers != "en", "--headers"}}) {
        if (given && !rows) {
            error(trf(ui_lang(), "{} is for csv/tsv: add --to csv or --to tsv", {option}));
            throw CommandExit{2};
        }
    }
    std::optional<std::string> encoding;
    if (!opt.encoding.empty()) encoding = opt.encoding;
    WriteOptions wo;
    wo.targets = opt.targets;
    wo.columns = column_names(opt.columns, opt.targets);
    wo.zh_headers = opt.headers == "zh";
    wo.bom = opt.bom;
    if (opt.stdin_jsonl) return run_stdin_jsonl(opt, *format, wo);

    std::vector<std::string> paths = opt.files;
    if (!opt.files_from.empty()) {
        auto listed = read_file_list(opt.files_from);
        paths.insert(paths.end(), listed.begin(), listed.end());
    }
    if (paths.empty()) {
        error(T("no input: give FILES, --files-from LIST or --stdin-jsonl"));
        throw CommandExit{2};
    }
    bool failed = false, empty = false;
    paths = input_files(paths, opt.batch, failed);
    if (paths.empty()) throw CommandExit{2};
    if (opt.explain || opt.dump_text) return run_explain(paths, opt);
    const std::vector<std::uintmax_t> sizes = input_sizes(paths);
    Progress progress(paths.size(), std::accumulate(sizes.begin(), sizes.end(), std::uintmax_t{0}),
                      progress_wanted(opt.quiet));
    // Documents stream into a temporary output as they are parsed, in input order; the output is
    // published only when every input was read, so a failed run leaves nothing half written.
    Output out(opt.output);
    DocumentStream stream(*format, wo, out.stream(), paths.size());
    std::size_t written = 0;
    try {
        for_each_document(
            paths, opt.jobs, opt.grammars, encoding, [&](Parser& p) { p.set_line_map(opt.line_map); },
            [&](std::size_t i, Loaded& r) {
                // The JSON array of an earlier batch: its count would change the shape of the output
                // (one object or an array), which is fixed when the first document is written.
                if (r.docs.size() > 1)
                    r.error = paths[i] + ": holds " + std::to_string(r.docs.size()) +
                              " documents; parse takes one per input (query, units, diff and report read such an array)";
                if (!r.ok()) {
                    progress.finish();
                    error(r.error);
                    failed = true;
                    if (opt.batch.fail_fast) throw CommandExit{2};
                } else {
                    if (!r.no_tasks.empty()) {
                        progress.finish();
                        error(paths[i] + ": " + r.no_tasks);
                        empty = true;
                    }
                    if (!r.docs.empty()) stream.write(r.docs.front());
                    else stream.write_rendered(r.rendered);
                    ++written;
                }
                progress.tick(sizes[i]);
            },
            stream.renders_alone() ? std::function<std::string(const Document&)>([&](const Document& doc) { return stream.render(doc); })
                                   : nullptr,
            parse_input_format(opt.from));
    } catch (const GrammarError& e) {
        progress.finish();
        error(e.what());
        throw CommandExit{2};
    }
    progress.finish();
    // A bad input among good ones leaves the good ones written (exit 2 all the same); with none
    // written there is nothing worth publishing.
    if (written == 0 && failed) throw CommandExit{2};
    stream.finish();
    out.commit();
    if (failed) throw CommandExit{2};
    if (empty && opt.fail_empty) throw CommandExit{1};
}

}  // namespace

void setup_parse(CLI::App& app) {
    auto opt = std::make_shared<ParseOptions>();
    auto* cmd = app.add_subcommand("parse", T("Parse notices into structured documents"));
    cmd->footer(T(
        "Examples:\n"
        "  tasksplit parse samples/000_5f0d85f750916d58.txt            JSON on stdout\n"
        "  tasksplit parse notice.txt -o tasks.csv                    one row per task (csv: the extension says it)\n"
        "  tasksplit parse notice.txt --to csv --targets              one row per quantitative target\n"
        "  tasksplit parse notice.txt -o 台账.xlsx                    the supervision ledger (督办台账) for Excel/WPS\n"
        "  tasksplit parse notice.txt -o tasks.csv --bom --headers zh --columns seq,ref,leader,text,lead,support,deadline\n"
        "                                                             CSV that Excel opens in Chinese, chosen columns\n"
        "  cat notice.txt | tasksplit parse - --to yaml               read stdin\n"
        "  tasksplit parse -j 4 --to jsonl notices/ > all.jsonl       a folder, 4 files at a time\n"
        "  find . -name '*.txt' -print0 | tasksplit parse --files-from - --to csv\n"
        "  tasksplit parse --explain notice.txt                       why the notice reads as it does\n"
        "  tasksplit parse --glob '*.txt' --fail-empty notices/       only .txt files; exit 1 if one gives no task\n"
        "  tasksplit parse notice.docx                                Word, web pages and PDF are read too\n"
        "  tasksplit parse --dump-text notice.pdf                     the text the parser read from it\n"
        "Exit status: 0 ok, 1 a notice gave no task (with --fail-empty), 2 unreadable input (the others are\n"
        "still written), bad option or broken grammar."));
    cmd->add_option("files", opt->files, T("Notice files or directories ('-' for stdin)"));
    add_jobs_option(cmd, opt->jobs);
    cmd->add_option("--files-from", opt->files_from, T("Read input paths from this file ('-' for stdin), NUL- or newline-separated"));
    cmd->add_flag("--stdin-jsonl", opt->stdin_jsonl,
                  T("Read {\"id\":…,\"text\":…} lines on stdin and write one result line each (for GNU parallel, Hadoop Streaming, Spark pipe)"));
    add_format_option(cmd, opt->to, kFormats);
    cmd->add_option("-o,--output", opt->output, T("Write here instead of stdout (atomically)"));
    cmd->add_option("--grammar", opt->grammars, T("Extra grammar YAML merged over the built-in rules"));
    cmd->add_option("--encoding", opt->encoding, T("Force the input encoding (e.g. GB18030, UTF-16LE)"));
    cmd->add_option("--from", opt->from, T("Read inputs as text, html, docx or pdf (default: by their content)"))
        ->check(CLI::IsMember({"text", "html", "docx", "pdf"}));
    cmd->add_flag("--targets", opt->targets, T("csv/tsv: one row per quantitative target"));
    cmd->add_flag("--bom", opt->bom, T("csv/tsv: start with a UTF-8 byte order mark, so that Excel reads the file as UTF-8"));
    cmd->add_option("--headers", opt->headers, T("csv/tsv: header row in English (the contract's names) or Chinese (序号, 来源, …)"))
        ->capture_default_str()
        ->check(CLI::IsMember({"en", "zh"}));
    cmd->add_option("--columns", opt->columns,
                    T("csv/tsv: these columns in this order, comma-separated, by English or Chinese name; seq (序号, running) "
                    "and ref (编号, section.item) are written only when chosen here"))
        ->delimiter(',');
    cmd->add_flag("--line-map", opt->line_map, T("Add line_roles: what claimed each source line"));
    cmd->add_flag("--explain", opt->explain,
                  T("Print what the layout stages saw instead of the document: each line's number token and cells, "
                  "the grids proposed with their evidence, columns and rows, and which reading won"));
    cmd->add_flag("--fail-empty", opt->fail_empty,
                  T("Exit 1 when a notice that is not blank gives no task (the no-tasks error, always printed on stderr)"));
    add_batch_options(cmd, opt->batch);
    add_lang_option(cmd);
    cmd->add_flag("--dump-text", opt->dump_text,
                  T("Print the text the layout stages read (what the HTML, DOCX or PDF reader extracted) instead of the document"));
    cmd->add_flag("-q,--quiet", opt->quiet, T("No progress line (it is shown only when stderr is a terminal)"));
    cmd->callback([opt]() { run_parse(*opt); });
}

}  // namespace tasksplit::cli
