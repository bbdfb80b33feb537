// Runs the built tasksplit binary for CLI tests: stdout, stderr and exit code.
#pragma once

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace tasksplit::test {

struct CliResult {
    int code = -1;
    std::string out, err;
};

/// Runs `tasksplit ARGS` through the shell from the repository root.
inline CliResult run_cli(const std::string& args, const std::string& stdin_text = "") {
    char dir[] = "/tmp/tasksplit-cli-XXXXXX";
    std::string tmp = mkdtemp(dir);
    std::string in = tmp + "/in", out = tmp + "/out", err = tmp + "/err";
    std::ofstream(in) << stdin_text;
    std::string cmd = std::string("cd '") + TASKSPLIT_SOURCE_DIR + "' && '" + TASKSPLIT_BINARY + "' " + args + " <'" + in +
                      "' >'" + out + "' 2>'" + err + "'";
    int status = std::system(cmd.c_str());
    CliResult r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    auto slurp = [](const std::string& p) {
        std::ifstream f(p, std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        return ss.str();
    };
    r.out = slurp(out);
    r.err = slurp(err);
    std::system(("rm -rf '" + tmp + "'").c_str());
    return r;
}

}  // namespace tasksplit::test
