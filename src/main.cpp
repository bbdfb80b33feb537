// tasksplit: command-line entry. Builds the CLI and maps failures to exit codes; the work is in
// the library (include/tasksplit) and in one file per subcommand (src/cli).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "tasksplit/document.hpp"

namespace {

/// Levenshtein distance, for suggesting a command name.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// The first argument that is not an option: the command (--lang is the top level's one option with a value).
std::string command_word(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--lang") ++i;
        else if (argv[i][0] != '-') return argv[i];
    }
    return "";
}

/// "unknown command 'pars'; did you mean 'parse'?" and the list of commands; empty when `word` is one.
std::string unknown_command(const std::string& word, const std::vector<std::string>& commands) {
    if (word.empty() || std::find(commands.begin(), commands.end(), word) != commands.end()) return "";
    std::string best;
    std::size_t best_distance = 3;  // more edits than this is another word, not a slip
    for (const auto& c : commands) {
        std::size_t d = c.rfind(word, 0) == 0 && word.size() >= 2 ? 1 : edit_distance(word, c);
        if (d < best_distance) best = c, best_distance = d;
    }
    const tasksplit::Lang lang = tasksplit::ui_lang();
    std::string message = "tasksplit: " + tasksplit::trf(lang, "unknown command '{}'", {word});
    std::error_code ec;
    if (std::filesystem::exists(word, ec)) message += tasksplit::trf(lang, "; to parse this file: tasksplit parse {}", {word});
    else if (!best.empty()) message += tasksplit::trf(lang, "; did you mean '{}'?", {best});
    std::string list;
    for (const auto& c : commands) list += (list.empty() ? "" : ", ") + c;
    return message + "\n" + tasksplit::trf(lang, "Commands: {}", {list}) + "\n" +
           tasksplit::tr(lang, "Run 'tasksplit --help' for what each does.") + "\n";
}

}  // namespace

int main(int argc, char** argv) {
    // A reader that stops early (tasksplit parse X | head) ends the run as it ends cat: quietly, by
    // SIGPIPE. An inherited "ignore" would instead make every write fail with EPIPE and a message.
    std::signal(SIGPIPE, SIG_DFL);
    tasksplit::cli::capture_stdout();
    // Before the commands are built: their --help speaks the run's language.
    tasksplit::cli::set_language(argc, argv);
    using tasksplit::cli::T;
    // Named here, so usage lines say "tasksplit" rather than the path it was run by.
    CLI::App app{T("tasksplit: parse, check, compare and query Chinese government task-breakdown notices"), "tasksplit"};
    app.set_version_flag("-V,--version", std::string("tasksplit ") + TASKSPLIT_VERSION + " (output format " + tasksplit::kFormat + ")",
                         T("Display program version information and exit"));
    // Subcommands copy the help flag, with its description, when they are added.
    app.set_help_flag("-h,--help", T("Print this help message and exit"));
    app.require_subcommand(1);
    app.footer(T("Run 'tasksplit COMMAND --help' for the options and examples of each command."));
    tasksplit::cli::add_lang_option(&app);
    tasksplit::cli::setup_parse(app);
    tasksplit::cli::setup_diff(app);
    tasksplit::cli::setup_validate(app);
    tasksplit::cli::setup_query(app);
    tasksplit::cli::setup_report(app);
    std::vector<std::string> commands;
    // A repeatable option takes one value per use, so "--grammar extra.yaml notice.txt" leaves the
    // notice to the positional argument.
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        commands.push_back(sub->get_name());
        for (CLI::Option* opt : sub->get_options())
            if (!opt->get_positional()) opt->allow_extra_args(false);
    }
    const std::string word = command_word(argc, argv);
    if (std::string unknown = unknown_command(word, commands); !unknown.empty()) {
        std::cerr << unknown;
        return 2;
    }
    // Every message says which program speaks and where to look, as the messages of the commands do.
    const std::string help_command = word.empty() ? "tasksplit" : "tasksplit " + word;
    app.failure_message([help_command](const CLI::App*, const CLI::Error& e) {
        return "tasksplit: " + std::string(e.what()) + "\n" + tasksplit::trf(tasksplit::ui_lang(), "Run '{} --help' for usage.", {help_command}) + "\n";
    });
    // Help and version are output too: a full disk or a closed stdout is an error for them as well.
    auto printed = [](int code) {
        try {
            tasksplit::cli::flush_stdout();
        } catch (const tasksplit::cli::CommandExit& e) {
            return e.code;
        }
        return code;
    };
    try {
        app.parse(argc, argv);
        tasksplit::cli::flush_stdout();
    } catch (const CLI::CallForHelp& e) {
        return printed(app.exit(e));
    } catch (const CLI::CallForAllHelp& e) {
        return printed(app.exit(e));
    } catch (const CLI::CallForVersion& e) {
        return printed(app.exit(e));
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    } catch (const tasksplit::cli::CommandExit& e) {
        return e.code;
    } catch (const std::exception& e) {
        tasksplit::cli::error(std::string("internal error: ") + e.what());
        return 2;
    }
    return 0;
}
