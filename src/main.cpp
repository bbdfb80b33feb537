// tasksplit: command-line entry. Builds the CLI and maps failures to exit codes; the work is in
// the library (include/tasksplit) and in one file per subcommand (src/cli).
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"
#include "tasksplit/document.hpp"

int main(int argc, char** argv) {
    CLI::App app{"tasksplit: parse, check, compare and query Chinese government task-breakdown notices"};
    app.set_version_flag("-V,--version", std::string("tasksplit ") + TASKSPLIT_VERSION + " (output format " + tasksplit::kFormat + ")");
    app.require_subcommand(1);
    app.footer("Run 'tasksplit COMMAND --help' for the options and examples of each command.");
    tasksplit::cli::setup_parse(app);
    tasksplit::cli::setup_diff(app);
    tasksplit::cli::setup_validate(app);
    tasksplit::cli::setup_query(app);
    tasksplit::cli::setup_report(app);
    // A repeatable option takes one value per use, so "--grammar extra.yaml notice.txt" leaves the
    // notice to the positional argument.
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
        for (CLI::Option* opt : sub->get_options())
            if (!opt->get_positional()) opt->allow_extra_args(false);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
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
