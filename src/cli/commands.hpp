// Subcommands: each file defines setup_<name>(app), which adds the subcommand and its callback.
// Callbacks report failure by throwing CommandExit with the exit code to return.
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>
#include <memory>
#include <string>
#include <vector>

#include "tasksplit/aliases.hpp"
#include "tasksplit/messages.hpp"
#include "tasksplit/parse.hpp"

namespace tasksplit::cli {

/// Exit codes: 0 ok; 1 a negative answer (validate found errors, diff found differences, query
/// matched nothing); 2 usage, input or grammar errors.
struct CommandExit {
    int code;
};

void setup_parse(CLI::App& app);
void setup_diff(CLI::App& app);
void setup_validate(CLI::App& app);
void setup_query(CLI::App& app);
void setup_report(CLI::App& app);

/// Writes `text` to `path` atomically (temporary file, then rename), or to stdout for "-". A failed
/// write is "write failed: …" and exit 2.
void write_output(const std::string& path, const std::string& text);

/// Sends std::cout straight to file descriptor 1 through a buffer that keeps the error of a failed
/// write (stdio's keeps only a flag), for flush_stdout to name. Called once, first thing in main.
void capture_stdout();
/// Flushes std::cout (what a subcommand printed there itself); a failed write is "write failed:
/// stdout: …" and exit 2.
void flush_stdout();

class FdBuf;

/// Output written in pieces but published whole: everything goes to a temporary file that commit()
/// renames over `path`, or copies to stdout for "-". Without commit() nothing appears. A symlink
/// `path` is written through (the file it points to is replaced, the link stays); a FIFO or device
/// is written in place. The temporary has no name for stdout and is removed on SIGINT, SIGTERM and
/// SIGHUP beside `path`: a run cut short leaves nothing behind.
class Output {
public:
    explicit Output(const std::string& path);
    ~Output();
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;
    std::ostream& stream() { return stream_; }
    void commit();

private:
    std::string path_;    ///< as given, for messages
    std::string target_;  ///< path_ with symlinks followed: what the rename replaces
    std::string tmp_;     ///< the named temporary beside target_; empty for stdout and in-place writes
    int fd_ = -1;
    std::unique_ptr<FdBuf> buf_;
    std::ostream stream_;
    bool committed_ = false;
};

/// Prints "tasksplit: message" on stderr.
void error(const std::string& message);

/// Adds -f/--format (also -t/--to: one command line for every subcommand) for the formats a
/// subcommand writes, the first being the default.
void add_format_option(CLI::App* cmd, std::string& format, const std::vector<std::string>& formats);
/// The format to write: `given` (any case), else the one the extension of `output` names (.json,
/// .jsonl, .yaml, .csv, .tsv, .xlsx, .html, .md, .sarif), else formats[0]. A format `command` does
/// not write, or one the extension contradicts, is a usage error (exit 2).
std::string output_format(const std::string& command, const std::string& given, const std::string& output,
                          const std::vector<std::string>& formats);

/// Whether an xlsx workbook can go to `output`, checked before any input is read: it is a ZIP
/// archive, noise that can upset a terminal, so stdout on a terminal is refused (a redirected
/// stdout gets it); and libxlsxwriter must be installed. Else exit 2 with one line saying why.
void check_xlsx_output(const std::string& format, const std::string& output);

/// `english` in this run's language: what the commands' help and messages print (gettext's _()).
inline std::string T(std::string_view english) { return tr(ui_lang(), english); }

/// The language of this run, set before the commands are built so that --help speaks it too:
/// --lang zh|en (or --lang=…) anywhere among the arguments, else LC_ALL / LC_MESSAGES / LANG.
void set_language(int argc, char** argv);
/// Adds --lang zh|en to a command: what set_language already read, accepted and checked here.
void add_lang_option(CLI::App* cmd);

/// Adds --color auto|always|never.
void add_color_option(CLI::App* cmd, std::string& when);
/// Whether to colour what goes to `output`: always, never, or (auto) when it is a terminal and
/// NO_COLOR is not set (https://no-color.org).
bool use_colour(const std::string& when, const std::string& output);

/// Adds -j/--jobs: 0 (the default) is one per core, a negative count is a usage error.
void add_jobs_option(CLI::App* cmd, int& jobs);

/// diff and report: warns in one line on stderr when the two documents look given the wrong way
/// round or not to be one breakdown (comparison_mismatches).
void warn_mismatch(const Document& old_doc, const Document& new_doc, const std::string& old_path,
                   const std::string& new_path);

/// How a subcommand that reads many notices picks files in directories and meets a bad one.
struct BatchOptions {
    std::vector<std::string> globs;
    bool fail_fast = false;  ///< stop at the first input that cannot be read; else report it and go on
};
/// Adds --glob, --keep-going (the default, said explicitly) and --fail-fast.
void add_batch_options(CLI::App* cmd, BatchOptions& opt);
/// The files the arguments name, directories expanded by expand_inputs: a note on stderr for each
/// file a directory held that is skipped, an error for each directory with nothing to read. Such an
/// error sets `failed` (the caller exits 2 once the rest is written), or exits 2 at once with --fail-fast.
std::vector<std::string> input_files(const std::vector<std::string>& args, const BatchOptions& opt, bool& failed);

/// What diff and report read two notices with: a parser with the user's grammars, the alias
/// registry with the user's alias files. A broken file is reported and exits 2.
struct Readers {
    std::unique_ptr<Parser> parser;
    UnitAliases aliases;
};
Readers make_readers(const std::vector<std::string>& grammars, const std::vector<std::string>& alias_files);

}  // namespace tasksplit::cli
