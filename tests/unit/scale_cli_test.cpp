// Batch use: --jobs keeps input order, --files-from, --stdin-jsonl, and the GNU parallel recipe
// from the README.
#include <catch2/catch.hpp>
#include <fstream>

#include "cli_support.hpp"

using tasksplit::test::run_cli;

TEST_CASE("parse --jobs gives the same bytes as --jobs 1", "[cli][scale]") {
    auto one = run_cli("parse -j 1 --to jsonl samples/");
    auto two = run_cli("parse -j 2 --to jsonl samples/");
    REQUIRE(one.code == 0);
    CHECK(one.out == two.out);
    auto json = run_cli("parse -j 2 samples/000_5f0d85f750916d58.txt samples/001_4ca63f7906623aa9.txt");
    REQUIRE(json.code == 0);
    CHECK(json.out.rfind("[\n  {\n    \"format\"", 0) == 0);
    CHECK(json.out.size() > 2);
    CHECK(json.out.substr(json.out.size() - 3) == "\n]\n");
}

TEST_CASE("parse --files-from reads NUL- and newline-separated lists", "[cli][scale]") {
    std::ofstream("/tmp/tasksplit-list.txt") << "samples/000_5f0d85f750916d58.txt\nsamples/004_895883010a6915ba.txt\n";
    auto r = run_cli("parse --files-from /tmp/tasksplit-list.txt --to jsonl");
    REQUIRE(r.code == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
    auto nul = run_cli("parse --files-from - --to jsonl",
                       std::string("samples/001_4ca63f7906623aa9.txt\0samples/002_ec35677d0826c0ae.txt", 65));
    REQUIRE(nul.code == 0);
    CHECK(std::count(nul.out.begin(), nul.out.end(), '\n') == 2);
}

TEST_CASE("parse --stdin-jsonl answers one line per input line", "[cli][scale]") {
    auto r = run_cli("parse --stdin-jsonl",
                     "{\"id\":\"a\",\"text\":\"2024 年任务分解\\n\\n一、张三区长牵头重点工作\\n\\n1. 甲。(责任单位：区财政局)\\n\"}\n"
                     "not json\n"
                     "{\"id\":\"c\",\"text\":\"x\"}\n");
    CHECK(r.code == 2);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 3);
    CHECK(r.out.find("\"path\":\"a\"") != std::string::npos);
    CHECK(r.out.find("\"error\"") != std::string::npos);
    CHECK(r.err.find("stdin line 2") != std::string::npos);
}

TEST_CASE("the README's GNU parallel recipe", "[cli][scale]") {
    if (std::system("command -v parallel >/dev/null 2>&1") != 0) {
        WARN("GNU parallel is not installed: recipe not run");
        return;
    }
    std::string cmd = std::string("cd '") + TASKSPLIT_SOURCE_DIR + "' && ls samples/*.txt | parallel -k -j 2 '" +
                      TASKSPLIT_BINARY + "' parse --to jsonl {} > /tmp/tasksplit-parallel.jsonl";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::ifstream in("/tmp/tasksplit-parallel.jsonl");
    int lines = 0;
    for (std::string line; std::getline(in, line);) lines += line.rfind("{\"format\":\"tasksplit/1\"", 0) == 0;
    CHECK(lines == 5);
}
