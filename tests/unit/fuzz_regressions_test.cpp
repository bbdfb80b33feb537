// Every input a fuzz target once failed on, replayed through the same check in the ordinary
// suite (and so under the sanitizers too). tests/fuzz/regressions/TARGET-NAME holds the input
// that fuzz_TARGET (parse, json or grammar) reported; scripts/fuzz also seeds from them.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>

#include "../fuzz/harness.hpp"
#include "test_support.hpp"

using namespace tasksplit;

TEST_CASE("saved fuzz findings stay fixed", "[fuzz][regression]") {
    namespace fs = std::filesystem;
    static const Parser parser = [] {
        Parser p;
        p.set_line_map(true);
        return p;
    }();
    std::vector<fs::path> inputs;
    for (const auto& e : fs::directory_iterator(test::repo_path("tests/fuzz/regressions"))) inputs.push_back(e.path());
    std::sort(inputs.begin(), inputs.end());
    REQUIRE(!inputs.empty());
    for (const auto& path : inputs) {
        std::string name = path.filename().string();
        DYNAMIC_SECTION(name) {
            std::string bytes = test::read_file(path.string());
            std::string target = name.substr(0, name.find('-'));
            fuzz::Problems problems;
            if (target == "parse") problems = fuzz::notice_problems(parser, bytes);
            else if (target == "json") problems = fuzz::document_json_problems(bytes);
            else if (target == "grammar") problems = fuzz::grammar_problems(bytes);
            else FAIL(name + ": name it parse-*, json-* or grammar-* after the target that found it");
            std::string text;
            for (const auto& p : problems) text += p + "\n";
            INFO(text);
            CHECK(problems.empty());
        }
    }
}
