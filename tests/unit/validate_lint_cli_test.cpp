// validate's linter habits (issue #20 item 4): colour on a terminal, the closing summary line,
// progress on long runs, --exit-zero, --statistics and SARIF rules that explain themselves.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "test_support.hpp"

using tasksplit::test::read_file;
using tasksplit::test::run_cli;
using tasksplit::test::Scratch;

namespace {

const std::string k2024 = "samples/000_5f0d85f750916d58.txt";
const std::string kBad = "tests/fixtures/validate/item-without-units.bad.txt";
const std::string kYellow = "\033[1;33mwarning\033[0m";

/// Runs `env tasksplit ARGS` with a terminal for stdout and stderr (script(1) gives it a pty) and
/// returns what the terminal showed.
std::string in_terminal(const std::string& env, const std::string& args) {
    Scratch s;
    const std::string inner = "env -u NO_COLOR " + env + " '" + TASKSPLIT_BINARY + "' " + args;
    const std::string cmd = std::string("cd '") + TASKSPLIT_SOURCE_DIR + "' && TERM=xterm script -qec \"" + inner + "\" /dev/null >'" +
                            s.path("tty") + "' 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return read_file(s.path("tty"));
}

}  // namespace

TEST_CASE("validate: a summary line on stderr closes the run", "[cli][validate]") {
    auto r = run_cli("validate --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml " + k2024 + " " + kBad);
    CHECK(r.code == 1);
    CHECK(r.err == "1 error, 6 warnings, 2 info in 2 files\n");
    r = run_cli("validate --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml --select duplicate-number " + k2024);
    CHECK(r.code == 0);
    CHECK(r.err == "0 errors, 1 warning in 1 file\n");
    // The findings stay alone on stdout, whatever the format.
    r = run_cli("validate --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml --format json " + k2024 + " " + kBad);
    CHECK(nlohmann::json::parse(r.out).size() == 9);
    r = run_cli("validate --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml " + k2024 + " missing.txt");
    CHECK(r.code == 2);
    CHECK(r.err == "tasksplit: missing.txt: No such file or directory\n0 errors, 6 warnings, 2 info in 1 file (1 unreadable)\n");
    r = run_cli("validate --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml -q " + k2024 + " " + kBad);
    CHECK(r.code == 1);
    CHECK(r.err.empty());
    CHECK(r.out.find("error[item-without-units]") != std::string::npos);
}

TEST_CASE("validate --exit-zero: exit 0 with errors, still 2 on unreadable input", "[cli][validate]") {
    auto r = run_cli("validate --exit-zero " + kBad);
    CHECK(r.code == 0);
    CHECK(r.out.find("error[item-without-units]") != std::string::npos);
    CHECK(run_cli("validate --exit-zero --strict " + k2024).code == 0);
    CHECK(run_cli("validate --strict " + k2024).code == 1);
    CHECK(run_cli("validate --exit-zero " + kBad + " missing.txt").code == 2);
}

TEST_CASE("validate --statistics counts each code on stderr, most frequent first", "[cli][validate]") {
    auto r = run_cli("validate --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml --statistics " + k2024 + " " + kBad);
    CHECK(r.code == 1);
    CHECK(r.err ==
          "     2  warning  extraction-artifact\n"
          "     2  warning  renamed-unit\n"
          "     1  warning  duplicate-number\n"
          "     1  error    item-without-units\n"
          "     1  info     late-convention\n"
          "     1  info     mixed-width-brackets\n"
          "     1  warning  name-typo\n"
          "1 error, 6 warnings, 2 info in 2 files\n");
    CHECK(nlohmann::json::parse(run_cli("validate --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml --statistics --format sarif " + k2024).out)["version"] == "2.1.0");
}

TEST_CASE("validate --color: always, never, and auto only on a terminal without NO_COLOR", "[cli][validate]") {
    const std::string args = "--select duplicate-number " + k2024;
    auto always = run_cli("validate --color always " + args);
    CHECK(always.out.rfind("\033[1m" + k2024 + ":105:1:\033[0m " + kYellow + "[duplicate-number]: item number 7", 0) == 0);
    CHECK(run_cli("validate --color never " + args).out.rfind(k2024 + ":105:1: warning[duplicate-number]", 0) == 0);
    auto piped = run_cli("validate " + args);  // auto, stdout a file
    CHECK(piped.out.rfind(k2024 + ":105:1: warning[duplicate-number]", 0) == 0);
    CHECK(piped.out.find('\033') == std::string::npos);
    CHECK(run_cli("validate --color ALWAYS --format json " + args).out.find('\033') == std::string::npos);  // human only
    CHECK(run_cli("validate --color sometimes " + args).code == 2);
    CHECK(in_terminal("", "validate " + args).find(kYellow) != std::string::npos);
    CHECK(in_terminal("NO_COLOR=1", "validate " + args).find('\033') == std::string::npos);
    CHECK(in_terminal("NO_COLOR=1", "validate --color always " + args).find(kYellow) != std::string::npos);
    // -o: a file is no terminal.
    Scratch s;
    in_terminal("", "validate " + args + " -o " + s.path("v.txt"));
    CHECK(read_file(s.path("v.txt")).rfind(k2024 + ":105:1: warning[", 0) == 0);
}

TEST_CASE("validate shows progress on a long run when stderr is a terminal", "[cli][validate]") {
    // Longer than the half second before a first line: 250 files (the samples and their JSON),
    // 30 in the sanitizer build, which reads each 10 to 30 times slower.
#ifdef TASKSPLIT_TEST_SANITIZED
    const int copies = 3;
#else
    const int copies = 25;
#endif
    std::string inputs;
    for (int i = 0; i < copies; ++i) inputs += "samples/ ";
    const std::string files = std::to_string(10 * copies) + " files";
    const std::string summary = "0 errors, " + std::to_string(27 * copies) + " warnings, " + std::to_string(15 * copies) + " info in " + files;
    const std::string validate = "validate --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml ";
    const std::string tty = in_terminal("", validate + "-f json " + inputs + "> /dev/null");
    CHECK(tty.find("/" + files + "  ") != std::string::npos);
    CHECK(tty.find(summary) != std::string::npos);
    CHECK(in_terminal("", validate + "-q -f json " + inputs + "> /dev/null").empty());
    CHECK(run_cli(validate + "-f json " + inputs).err == summary + "\n");  // a pipe: no progress
}

TEST_CASE("validate SARIF: every rule has a full description from docs/validate.md and a helpUri", "[cli][validate]") {
    auto log = nlohmann::json::parse(run_cli("validate --format sarif " + k2024).out);
    const auto& rules = log["runs"][0]["tool"]["driver"]["rules"];
    REQUIRE(rules.size() >= 30);
    for (const auto& rule : rules) {
        INFO(rule["id"]);
        const std::string uri = rule["helpUri"];
        CHECK(uri.find("://") != std::string::npos);  // SARIF asks for an absolute URI
        CHECK(uri.find("validate.md#checks") != std::string::npos);
        CHECK(rule["fullDescription"]["text"].get<std::string>().size() > rule["shortDescription"]["text"].get<std::string>().size());
        CHECK(rule["fullDescription"]["text"].get<std::string>().find('`') == std::string::npos);
    }
    auto it = std::find_if(rules.begin(), rules.end(), [](const auto& r) { return r["id"] == "empty-lead-marker"; });
    REQUIRE(it != rules.end());
    CHECK((*it)["fullDescription"]["markdown"] ==
          "*Notice only.* A 牵头 marker stands right after a label or a separator, so it marks nobody: `责任单位：牵头，区发改局`.");
    CHECK((*it)["fullDescription"]["text"] ==
          "Notice only. A 牵头 marker stands right after a label or a separator, so it marks nobody: 责任单位：牵头，区发改局.");
}
