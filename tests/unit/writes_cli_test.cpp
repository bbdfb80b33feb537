// Output that cannot be written, readers that stop early, runs cut short: every write to stdout and
// to files is checked, and nothing is left behind (issue #25 item 5).
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using tasksplit::test::Scratch;

namespace {

const std::string kSample = "samples/000_5f0d85f750916d58.txt";
const std::string kOlder = "samples/001_4ca63f7906623aa9.txt";

struct ShellRun {
    int status = -1;  ///< as $? gives it: 128 + N for death by signal N
    std::string err;
};

/// Runs a shell command line from the repository root; `tasksplit` in it names the built binary.
ShellRun shell(const Scratch& s, const std::string& line) {
    const std::string script = s.file("run.sh", "tasksplit() { '" TASKSPLIT_BINARY "' \"$@\"; }\ncd '" TASKSPLIT_SOURCE_DIR "'\n" + line + "\n");
    const int status = std::system(("bash '" + script + "' 2>'" + s.path("err") + "'").c_str());
    std::ifstream in(s.path("err"), std::ios::binary);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, std::string(std::istreambuf_iterator<char>(in), {})};
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("a full disk on stdout is 'write failed', exit 2, for every subcommand", "[cli][reliability][writes]") {
    Scratch s;
    const std::string jsonl = s.file("in.jsonl", "{\"id\":1,\"text\":\"2024年任务\\n一、张三区长牵头重点工作\\n1. 甲。(责任单位：区财政局)\"}\n");
    for (const std::string& args : std::vector<std::string>{
             "parse " + kSample, "parse --to yaml " + kSample, "parse --to csv " + kSample, "parse --explain " + kSample,
          "parse --dump-text " + kSample, "parse --stdin-jsonl <" + jsonl, "validate " + kSample, "query -u 区财政局 " + kSample,
          "units " + kSample, "diff " + kOlder + " " + kSample, "report " + kSample, "--help", "parse --help", "--version"}) {
        INFO("tasksplit " << args);
        auto r = shell(s, "tasksplit " + args + " >/dev/full");
        CHECK(r.status == 2);
        CHECK(r.err == "tasksplit: write failed: stdout: No space left on device\n");
    }
}

TEST_CASE("a full disk under -o is 'write failed', exit 2, naming the file", "[cli][reliability][writes]") {
    Scratch s;
    for (const std::string& command : std::vector<std::string>{"parse " + kSample, "validate " + kSample, "diff " + kOlder + " " + kSample}) {
        INFO(command);
        auto r = shell(s, "tasksplit " + command + " -o /dev/full");
        CHECK(r.status == 2);
        CHECK(r.err == "tasksplit: write failed: /dev/full: No space left on device\n");
    }
}

TEST_CASE("a reader that stops early ends the run quietly, leaving nothing in TMPDIR", "[cli][reliability][writes]") {
    // parse holds its output in a temporary until every input is read; a reader gone (| head)
    // kills the run with SIGPIPE, which used to leave the whole output in $TMPDIR each time.
    Scratch s;
    fs::create_directory(s.path("tmp"));
    auto r = shell(s, "TMPDIR='" + s.path("tmp") + "' tasksplit parse " + kSample + " | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}");
    CHECK(r.status == 128 + SIGPIPE);
    CHECK(r.err.empty());
    CHECK(fs::is_empty(s.path("tmp")));
}

TEST_CASE("SIGTERM and SIGINT remove the -o temporary", "[cli][reliability][writes]") {
    Scratch s;
    std::string text = "2024年重点工作任务分解\n一、张三区长牵头重点工作\n";
    for (int i = 1; i <= 200000; ++i) text += std::to_string(i) + ". 推进第" + std::to_string(i) + "项工作。(责任单位：区财政局)\n";
    const std::string input = s.file("big.txt", text);
    for (int sig : {SIGTERM, SIGINT}) {
        INFO("signal " << sig);
        const std::string out = s.path("out.json");
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            // Started directly, not by a shell: a background job's shell would have SIGINT ignored.
            std::signal(SIGINT, SIG_DFL);
            ::execl(TASKSPLIT_BINARY, TASKSPLIT_BINARY, "parse", input.c_str(), "-o", out.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        const std::string tmp = out + ".tmp-" + std::to_string(pid);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!fs::exists(tmp) && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        CHECK(fs::exists(tmp));
        ::kill(pid, sig);
        int status = 0;
        ::waitpid(pid, &status, 0);
        CHECK(WIFSIGNALED(status));
        CHECK((WIFSIGNALED(status) && WTERMSIG(status) == sig));
        CHECK(s.starting_with("out.json").empty());
    }
}

TEST_CASE("writing onto a symlink with -o writes the file it points to and keeps the link", "[cli][reliability][writes]") {
    Scratch s;
    SECTION("a link to a file: the file replaced, the link kept") {
        s.file("real.json", "old\n");
        fs::create_symlink("real.json", s.path("link.json"));
        auto r = shell(s, "tasksplit parse " + kSample + " -o '" + s.path("link.json") + "'");
        CHECK(r.status == 0);
        CHECK(fs::is_symlink(s.path("link.json")));
        CHECK(fs::read_symlink(s.path("link.json")) == "real.json");
        CHECK(read_file(s.path("real.json")).rfind("{\n  \"format\": \"tasksplit/1\"", 0) == 0);
        CHECK(s.starting_with("real.json") == std::vector<std::string>{"real.json"});
    }
    SECTION("a link to a file not there yet: the file created, as the shell's > does") {
        fs::create_directory(s.path("sub"));
        fs::create_symlink("sub/new.json", s.path("link.json"));
        auto r = shell(s, "tasksplit parse " + kSample + " -o '" + s.path("link.json") + "'");
        CHECK(r.status == 0);
        CHECK(fs::is_symlink(s.path("link.json")));
        CHECK(fs::file_size(s.path("sub/new.json")) > 1000);
    }
    SECTION("a cycle of links is refused") {
        fs::create_symlink("b.json", s.path("a.json"));
        fs::create_symlink("a.json", s.path("b.json"));
        auto r = shell(s, "tasksplit parse " + kSample + " -o '" + s.path("a.json") + "'");
        CHECK(r.status == 2);
        CHECK(r.err == "tasksplit: " + s.path("a.json") + ": cannot write: Too many levels of symbolic links\n");
        CHECK(fs::is_symlink(s.path("a.json")));
    }
}
