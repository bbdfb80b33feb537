// The man page and the shell completions against the program, so that they cannot drift: every
// subcommand and every option that --help prints must be in docs/tasksplit.1 and in both
// completions, every validate code in the man page's DIAGNOSTICS and in the completions of
// --select/--ignore, and the page's header must carry the version --version prints.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <sstream>

#include "cli_support.hpp"
#include "tasksplit/validate.hpp"
#include "test_support.hpp"

using tasksplit::test::read_file;
using tasksplit::test::repo_path;
using tasksplit::test::run_cli;

namespace {

/// The lines of one "Name:" block of CLI11 help (up to the next blank line).
std::vector<std::string> help_block(const std::string& help, const std::string& name) {
    std::vector<std::string> out;
    std::istringstream in(help);
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (line == name + ":") inside = true;
        else if (inside && line.empty()) break;
        else if (inside) out.push_back(line);
    }
    return out;
}

std::vector<std::string> subcommands() {
    auto r = run_cli("--help");
    REQUIRE(r.code == 0);
    std::vector<std::string> out;
    for (const auto& line : help_block(r.out, "Subcommands")) {
        std::istringstream words(line);
        std::string name;
        words >> name;
        out.push_back(name);
    }
    return out;
}

/// Every option name ("-t", "--to") of a subcommand, from the first column of its --help.
std::vector<std::string> options_of(const std::string& sub) {
    auto r = run_cli(sub + " --help");
    REQUIRE(r.code == 0);
    std::vector<std::string> out;
    for (const auto& line : help_block(r.out, "Options")) {
        if (line.rfind("  -", 0) != 0) continue;  // a description continued on its own line
        std::istringstream words(line);
        std::string names;
        words >> names;
        std::istringstream parts(names);
        for (std::string name; std::getline(parts, name, ',');) out.push_back(name);
    }
    return out;
}

/// The man page as text: roff's escaped hyphen is a hyphen.
std::string man_text() { return std::regex_replace(read_file(repo_path("docs/tasksplit.1")), std::regex(R"(\\-)"), "-"); }

/// From `start` to the first `end` after it ("" when `start` is missing).
std::string between(const std::string& text, const std::string& start, const std::string& end) {
    auto from = text.find(start);
    if (from == std::string::npos) return "";
    return text.substr(from, text.find(end, from + start.size()) - from);
}

/// The zsh completion of one subcommand, with the option arrays it uses.
std::string zsh_block(const std::string& zsh, const std::string& sub) {
    std::string block = between(zsh, "\n        " + sub + ")", ";;");
    for (const char* array : {"common", "filters", "batch"})
        if (block.find(std::string("$") + array) != std::string::npos) block += between(zsh, std::string(array) + "=(", "\n  )");
    return block;
}

bool word_in(const std::string& text, const std::string& word) {
    return std::regex_search(text, std::regex("(^|[^-a-z])" + word + "([^-a-z]|$)"));
}

}  // namespace

TEST_CASE("every subcommand has a man page section and is completed", "[man]") {
    std::string man = man_text();
    std::string bash = read_file(repo_path("completions/tasksplit.bash"));
    std::string zsh = read_file(repo_path("completions/_tasksplit"));
    auto subs = subcommands();
    CHECK(subs.size() >= 6);
    for (const auto& sub : subs) {
        INFO("subcommand " << sub);
        std::string upper = sub;
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        CHECK(man.find("\n.SH " + upper + "\n") != std::string::npos);
        CHECK(word_in(between(bash, "parse | validate", "\n"), sub));
        CHECK(word_in(between(zsh, "local -a commands=(", "\n      )"), "'" + sub));
    }
}

TEST_CASE("every option --help prints is in the man page and in both completions", "[man]") {
    std::string man = man_text();
    std::string bash = read_file(repo_path("completions/tasksplit.bash"));
    std::string zsh = read_file(repo_path("completions/_tasksplit"));
    for (const auto& sub : subcommands()) {
        std::string bash_opts = between(bash, "\n            " + sub + ") opts=\"", "\n");
        std::string zsh_opts = zsh_block(zsh, sub);
        REQUIRE_FALSE(bash_opts.empty());
        REQUIRE_FALSE(zsh_opts.empty());
        for (const auto& opt : options_of(sub)) {
            INFO("tasksplit " << sub << " " << opt);
            CHECK(word_in(bash_opts, opt));
            CHECK(word_in(zsh_opts, opt));
            if (opt.rfind("--", 0) == 0) CHECK(word_in(man, opt));
        }
    }
}

TEST_CASE("every validate code is in the man page and completed for --select and --ignore", "[man]") {
    std::string diagnostics = between(man_text(), "\n.SH DIAGNOSTICS", "\n.SH ");
    std::string bash = between(read_file(repo_path("completions/tasksplit.bash")), "local codes=", "\"\n");
    std::string zsh = between(read_file(repo_path("completions/_tasksplit")), "local -a codes=(", ")");
    for (const auto& check : tasksplit::validate_checks()) {
        INFO("code " << check.code << " (" << check.severity << ")");
        CHECK(diagnostics.find("\n.BR " + check.code + " \" (" + check.severity) != std::string::npos);
        CHECK(word_in(bash, check.code));
        CHECK(word_in(zsh, check.code));
    }
}

TEST_CASE("the version flag gives the output format, and the man page the same version", "[man]") {
    auto r = run_cli("--version");
    REQUIRE(r.code == 0);
    std::smatch m;
    REQUIRE(std::regex_match(r.out, m, std::regex(R"(tasksplit (\S+) \(output format tasksplit/1\)\n)")));
    CHECK(man_text().find("\n.TH TASKSPLIT 1 ") != std::string::npos);
    CHECK(man_text().find("\"tasksplit " + m[1].str() + "\"") != std::string::npos);
}

TEST_CASE("every subcommand's --help has a worked example on a bundled sample", "[man]") {
    for (const auto& sub : subcommands()) {
        INFO("subcommand " << sub);
        auto r = run_cli(sub + " --help");
        REQUIRE(r.code == 0);
        CHECK(r.out.find("Examples:") != std::string::npos);
        CHECK(std::regex_search(r.out, std::regex("\n  tasksplit " + sub + " [^\n]*samples/")));
        CHECK(r.out.find("Exit status") != std::string::npos);
    }
}

TEST_CASE("the man page renders without warnings", "[man]") {
    if (std::system("command -v groff >/dev/null 2>&1") != 0) {
        WARN("groff is not installed: the man page was not rendered");
        return;
    }
    // -k: the page holds Chinese examples (preconv); -ww: every warning; -z: no output.
    std::string command = "groff -k -man -Tutf8 -ww -z '" + repo_path("docs/tasksplit.1") + "' 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string warnings;
    char buf[512];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) warnings.append(buf, n);
    CHECK(::pclose(pipe) == 0);
    CHECK(warnings.empty());
}
