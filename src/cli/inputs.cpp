// Inputs of the subcommands that read many notices (parse, validate, query, units): which files a
// directory gives, and what a bad file among several does.
#include "commands.hpp"
#include "tasksplit/load.hpp"

namespace tasksplit::cli {

void add_batch_options(CLI::App* cmd, BatchOptions& opt) {
    cmd->add_option("--glob", opt.globs, T("In directories, read only files whose name matches this pattern ('*.txt'); repeatable"))
        ->allow_extra_args(false);
    const std::string keep_going_help = T("After an unreadable input, go on with the others and exit 2 at the end (the default)");
    auto* keep_going = cmd->add_flag("--keep-going", keep_going_help);
    cmd->add_flag("--fail-fast", opt.fail_fast, T("Stop at the first input that cannot be read (exit 2)"))->excludes(keep_going);
}

std::vector<std::string> input_files(const std::vector<std::string>& args, const BatchOptions& opt, bool& failed) {
    Inputs inputs = expand_inputs(args, opt.globs);
    for (const auto& s : inputs.skipped) error(s.path + ": skipped: " + s.reason);
    for (const auto& e : inputs.errors) {
        error(e);
        failed = true;
        if (opt.fail_fast) throw CommandExit{2};
    }
    return inputs.files;
}

}  // namespace tasksplit::cli
