// tasksplit query: every task a unit leads or supports, across notices and years.
// tasksplit units: the units found and how many tasks each leads and supports per notice.
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <numeric>
#include <sstream>

#include "commands.hpp"
#include "tasksplit/load.hpp"
#include "tasksplit/parallel.hpp"
#include "tasksplit/progress.hpp"
#include "tasksplit/query.hpp"

namespace tasksplit::cli {
namespace {

const std::vector<std::string> kFormats{"table", "json", "jsonl", "csv", "tsv", "md"};

/// Options both subcommands share: inputs, how to read them, which tasks count, how to print.
struct SelectOptions {
    std::vector<std::string> files;
    std::vector<std::string> aliases;
    std::vector<std::string> grammars;
    std::string encoding;
    int jobs = 0;  ///< 0: one per core
    bool quiet = false;
    std::string leader;
    std::vector<std::string> text;
    std::vector<int> years;
    std::vector<std::string> parts;
    std::string format;  ///< empty: by the -o extension, else table
    std::string output = "-";
    int width = -1;
    std::string sort;
    std::string headers;  ///< zh | en; empty: zh for a table or Markdown in a Chinese run, else en
    BatchOptions batch;
};

struct QueryOptions : SelectOptions {
    std::string unit;
    std::string role = "any";
    bool fuzzy = false;
    std::string view;  ///< tasks | units; empty: tasks for a table, units otherwise
};

/// Inputs read and deduplicated, with the unit names they use.
struct Loaded {
    UnitAliases registry;
    std::vector<Document> docs;
    std::unique_ptr<UnitNames> names;
    bool failed = false;  ///< an input could not be read: the answer leaves it out, the exit code is 2
};

void add_select_options(CLI::App* cmd, SelectOptions& opt) {
    cmd->add_option("files", opt.files, T("Notices or tasksplit JSON; directories are walked recursively ('-' for stdin)"))
        ->required();
    cmd->add_option("--leader", opt.leader, T("Only tasks under this leader (part of a name or title: 夏泉, 常务副区长)"));
    // One value per occurrence, so that "--year 2024 samples/" leaves samples/ to the inputs.
    cmd->add_option("--text", opt.text, T("Only tasks whose text holds every word (repeatable; words split on spaces)"))
        ->allow_extra_args(false);
    cmd->add_option("--year", opt.years, T("Only notices for this work year (repeatable)"))->allow_extra_args(false);
    cmd->add_option("--part", opt.parts, T("Only parts of this kind: key_tasks, livelihood, plan, appendix, form (repeatable)"))
        ->allow_extra_args(false);
    cmd->add_option("--aliases", opt.aliases, T("Extra alias file {aliases: {canonical: [names]}} (repeatable)"))
        ->allow_extra_args(false);
    add_format_option(cmd, opt.format, kFormats);
    cmd->add_option("-o,--output", opt.output, T("Write here instead of stdout (atomically)"));
    cmd->add_option("--width", opt.width,
                    T("Table width in columns; 0 = never cut (default: the terminal's, else $COLUMNS, else no limit)"));
    cmd->add_option("--headers", opt.headers,
                    T("Header row in English (the JSON keys) or Chinese (序号, 编号, 牵头单位, …); default: Chinese for a "
                      "table or md when the language is Chinese, else English"))
        ->check(CLI::IsMember({"zh", "en"}));
    add_lang_option(cmd);
    add_jobs_option(cmd, opt.jobs);
    cmd->add_flag("-q,--quiet", opt.quiet, T("No progress line (it is shown only when stderr is a terminal)"));
    cmd->add_option("--grammar", opt.grammars, T("Extra grammar YAML merged over the built-in rules"))
        ->allow_extra_args(false);
    cmd->add_option("--encoding", opt.encoding, T("Force the input encoding (e.g. GB18030, UTF-16LE)"));
    add_batch_options(cmd, opt.batch);
}

GridFormat format_of(const std::string& command, const SelectOptions& opt) {
    return *parse_grid_format(output_format(command, opt.format, opt.output, kFormats));
}

/// The width a table must fit: --width, else the terminal's when printing to one, else $COLUMNS.
int table_width(const SelectOptions& opt) {
    if (opt.width >= 0) return opt.width;
    if (opt.output != "-" && !opt.output.empty()) return 0;
    winsize ws{};
    if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    if (const char* columns = std::getenv("COLUMNS")) {
        int n = std::atoi(columns);
        if (n > 0) return n;
    }
    return 0;
}

void load(const SelectOptions& opt, Loaded& loaded) {
    try {
        for (const auto& file : opt.aliases) loaded.registry.add_file(file);
    } catch (const GrammarError& e) {
        error(e.what());
        throw CommandExit{2};
    }
    std::vector<std::string> files = input_files(opt.files, opt.batch, loaded.failed);
    if (files.empty()) throw CommandExit{2};
    std::optional<std::string> encoding;
    if (!opt.encoding.empty()) encoding = opt.encoding;
    std::vector<Document> docs;
    std::vector<std::string> read;  // the paths of docs, for distinct_notices
    const std::vector<std::uintmax_t> sizes = input_sizes(files);
    Progress progress(files.size(), std::accumulate(sizes.begin(), sizes.end(), std::uintmax_t{0}),
                      progress_wanted(opt.quiet));
    try {
        for_each_document(files, opt.jobs, opt.grammars, encoding, [](Parser&) {},
                          [&](std::size_t i, tasksplit::Loaded& r) {
                              if (r.ok()) {
                                  for (Document& doc : r.docs) {
                                      docs.push_back(std::move(doc));
                                      read.push_back(files[i]);
                                  }
                              } else {
                                  progress.finish();
                                  error(r.error);
                                  loaded.failed = true;
                                  if (opt.batch.fail_fast) throw CommandExit{2};
                              }
                              progress.tick(sizes[i]);
                          });
    } catch (const GrammarError& e) {
        progress.finish();
        error(e.what());
        throw CommandExit{2};
    }
    progress.finish();
    // As in parse: the answer covers the notices that could be read, and exit 2 says it is partial.
    if (docs.empty()) throw CommandExit{2};
    loaded.docs = distinct_notices(std::move(docs), read);
    loaded.names = std::make_unique<UnitNames>(loaded.registry, loaded.docs);
}

QueryFilter filter_of(const SelectOptions& opt) {
    QueryFilter filter;
    if (!opt.leader.empty()) filter.leader = opt.leader;
    for (const auto& text : opt.text) {
        std::istringstream words(text);
        for (std::string w; words >> w;) filter.words.push_back(w);
    }
    filter.years = opt.years;
    filter.parts = opt.parts;
    return filter;
}

std::string joined(const std::vector<UnitMatch>& matches, bool explain) {
    std::string out;
    for (const auto& m : matches) {
        out += (out.empty() ? "" : ", ") + m.canonical;
        if (!explain) continue;
        std::string via = m.via != m.canonical ? " " + m.via : "";
        if (m.kind == MatchKind::exact && !via.empty()) out += " (as" + via + ")";
        if (m.kind == MatchKind::substring) out += " (substring" + (via.empty() ? "" : " of" + via) + ")";
        if (m.kind == MatchKind::spelling)
            out += " (" + std::to_string(m.distance) + (m.distance == 1 ? " edit" : " edits") +
                   (via.empty() ? "" : " from" + via) + ")";
    }
    return out;
}

template <class T>
void permute(std::vector<T>& v, const std::vector<std::size_t>& order) {
    std::vector<T> out;
    out.reserve(v.size());
    for (std::size_t i : order) out.push_back(std::move(v[i]));
    v = std::move(out);
}

bool human(GridFormat format) { return format == GridFormat::table || format == GridFormat::md; }

GridStyle style_of(GridFormat format) { return {!human(format), ui_lang()}; }

void emit(const Grid& grid, GridFormat format, const SelectOptions& opt) {
    const bool zh_headers = opt.headers.empty() ? human(format) && ui_lang() == Lang::zh : opt.headers == "zh";
    std::ostringstream out;
    write_grid(grid, format, format == GridFormat::table ? table_width(opt) : 0, out, zh_headers);
    write_output(opt.output, out.str());
}

void run_query(const QueryOptions& opt) {
    GridFormat format = format_of("query", opt);
    if (opt.sort != "source" && opt.sort != "unit") {
        error(T("--sort takes source or unit"));
        throw CommandExit{2};
    }
    // A person at a terminal asks what a unit has to do; scripts and spreadsheets keep their rows.
    const bool tasks_view = opt.view.empty() ? format == GridFormat::table : opt.view == "tasks";
    if (tasks_view && opt.sort == "unit") {
        error(T("--sort unit orders the rows of --view units; a task has several units"));
        throw CommandExit{2};
    }
    Loaded loaded;
    load(opt, loaded);
    QueryFilter filter = filter_of(opt);
    filter.role = opt.role == "lead" ? Role::lead : opt.role == "support" ? Role::support : Role::any;
    if (!opt.unit.empty()) {
        std::vector<UnitMatch> matches = match_units(opt.unit, *loaded.names, opt.fuzzy);
        if (matches.empty()) {
            std::vector<UnitMatch> near = suggest_units(opt.unit, *loaded.names);
            error(near.empty() ? trf(ui_lang(), "no unit '{}' in the inputs; 'tasksplit units' lists them", {opt.unit})
                               : trf(ui_lang(), "no unit '{}' in the inputs; did you mean {}?", {opt.unit, joined(near, false)}));
            throw CommandExit{loaded.failed ? 2 : 1};
        }
        if (opt.fuzzy) error(trf(ui_lang(), "'{}' matched {}", {opt.unit, joined(matches, true)}));
        for (const auto& m : matches) filter.units.push_back(m.canonical);
    }
    if (tasks_view) {
        std::vector<TaskRow> tasks = select_tasks(loaded.docs, *loaded.names, filter);
        emit(task_grid(tasks, !filter.units.empty(), style_of(format)), format, opt);
        if (loaded.failed) throw CommandExit{2};
        if (tasks.empty()) {
            error(T("no tasks match"));
            throw CommandExit{1};
        }
        return;
    }
    std::vector<QueryRow> rows = select_rows(loaded.docs, *loaded.names, filter);
    if (opt.sort == "unit") {
        std::vector<std::string> keys;
        for (const auto& r : rows) keys.push_back(r.canonical);
        permute(rows, pinyin_order(keys));
    }
    emit(query_grid(rows, style_of(format)), format, opt);
    if (loaded.failed) throw CommandExit{2};
    if (rows.empty()) {
        error(T("no tasks match"));
        throw CommandExit{1};
    }
}

void run_units(const SelectOptions& opt) {
    GridFormat format = format_of("units", opt);
    if (opt.sort != "appearance" && opt.sort != "unit" && opt.sort != "count") {
        error(T("--sort takes appearance, unit or count"));
        throw CommandExit{2};
    }
    Loaded loaded;
    load(opt, loaded);
    std::vector<UnitSummary> units = summarize_units(select_rows(loaded.docs, *loaded.names, filter_of(opt)));
    if (opt.sort == "unit") {
        std::vector<std::string> keys;
        for (const auto& u : units) keys.push_back(u.unit);
        permute(units, pinyin_order(keys));
    } else if (opt.sort == "count") {
        std::stable_sort(units.begin(), units.end(), [](const UnitSummary& a, const UnitSummary& b) {
            return a.lead() + a.support() > b.lead() + b.support();
        });
    }
    emit(units_grid(units, style_of(format)), format, opt);
    if (loaded.failed) throw CommandExit{2};
    if (units.empty()) {
        error(T("no units found"));
        throw CommandExit{1};
    }
}

}  // namespace

void setup_query(CLI::App& app) {
    auto qopt = std::make_shared<QueryOptions>();
    qopt->sort = "source";
    auto* query = app.add_subcommand("query", T("Tasks a unit leads or supports, across notices and years"));
    query->footer(
        T("Examples:\n"
          "  tasksplit query --unit 区人社局 samples/            its tasks in every notice, under any of its names\n"
          "  tasksplit query --unit 发改 --fuzzy --role lead notices/\n"
          "  tasksplit query --leader 夏泉 --year 2024 --format csv notices/\n"
          "  tasksplit query --text '消费 商圈' --format md notices/\n"
          "Exit status: 0 tasks found, 1 none (or an unknown unit: see the suggestions), 2 bad option or an\n"
          "unreadable input (the answer then covers the others)."));
    query->add_option("-u,--unit", qopt->unit, T("Unit: its canonical name, a registered alias or a bracketed alias"));
    query->add_option("--role", qopt->role, T("lead, support or any"))
        ->check(CLI::IsMember({"lead", "support", "any"}))
        ->capture_default_str();
    query->add_flag("--fuzzy", qopt->fuzzy, T("--unit also matches parts of names and close spellings, best first"));
    query->add_option("--view", qopt->view,
                      T("tasks: one row per task with the unit's role, the lead and support units, leader and deadline "
                        "(the default for table); units: one row per unit of each task (the default otherwise)"))
        ->check(CLI::IsMember({"tasks", "units"}));
    add_select_options(query, *qopt);
    query->add_option("--sort", qopt->sort, T("Row order: source (then document order) or unit (pinyin; --view units)"))
        ->capture_default_str();
    query->callback([qopt]() { run_query(*qopt); });

    auto uopt = std::make_shared<SelectOptions>();
    uopt->sort = "appearance";
    auto* units = app.add_subcommand("units", T("Units found, their names, and the tasks each leads and supports per notice"));
    units->footer(
        T("Examples:\n"
          "  tasksplit units samples/                            one row per unit and notice\n"
          "  tasksplit units --sort count --format csv notices/  workload table, busiest first\n"
          "  tasksplit units --leader 夏泉 notices/              the units working under one leader\n"
          "Exit status: 0 units found, 1 none, 2 bad option or an unreadable input (the table then covers the others)."));
    add_select_options(units, *uopt);
    units->add_option("--sort", uopt->sort, T("Unit order: appearance, unit (pinyin) or count (most tasks first)"))
        ->capture_default_str();
    units->callback([uopt]() { run_units(*uopt); });
}

}  // namespace tasksplit::cli
