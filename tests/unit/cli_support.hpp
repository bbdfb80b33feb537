// Runs the built tasksplit binary for CLI tests: stdout, stderr and exit code.
#pragma once

// The sanitizer build (scripts/test, build-asan: Debug, ASan+UBSan) runs the binary 10 to 30
// times slower: tests that need a long run size it down there.
#if defined(__SANITIZE_ADDRESS__)
#define TASKSPLIT_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TASKSPLIT_TEST_SANITIZED 1
#endif
#endif

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
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

/// A directory of its own per test case, removed afterwards.
struct Scratch {
    std::filesystem::path dir;
    Scratch() {
        char name[] = "/tmp/tasksplit-scratch-XXXXXX";
        dir = ::mkdtemp(name);
    }
    ~Scratch() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    std::string path(const std::string& name) const { return (dir / name).string(); }
    std::string file(const std::string& name, const std::string& bytes) const {
        std::ofstream(path(name), std::ios::binary) << bytes;
        return path(name);
    }
    /// Entries of the directory whose names start with `stem`: an output and any temporary beside it.
    std::vector<std::string> starting_with(const std::string& stem) const {
        std::vector<std::string> out;
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().filename().string().rfind(stem, 0) == 0) out.push_back(e.path().filename().string());
        return out;
    }
};

}  // namespace tasksplit::test
