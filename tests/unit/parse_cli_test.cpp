// tasksplit parse from the command line: formats, stdin, -o, and the bad-input matrix.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli_support.hpp"

using tasksplit::test::run_cli;

static const std::string kSample = "samples/000_5f0d85f750916d58.txt";

TEST_CASE("parse writes JSON with the contract's top-level keys", "[cli][parse]") {
    auto r = run_cli("parse " + kSample);
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("{\n  \"format\": \"tasksplit/1\",\n  \"source\"", 0) == 0);
    CHECK(r.err.empty());
}

TEST_CASE("parse formats: jsonl, csv, tsv, yaml", "[cli][parse]") {
    auto jl = run_cli("parse --to jsonl samples/000_5f0d85f750916d58.txt samples/001_4ca63f7906623aa9.txt");
    REQUIRE(jl.code == 0);
    CHECK(std::count(jl.out.begin(), jl.out.end(), '\n') == 2);
    auto csv = run_cli("parse --to csv " + kSample);
    REQUIRE(csv.code == 0);
    CHECK(csv.out.rfind("source,year,part,section,leader,leader_role,number,text,lead,support,deadline,line\n", 0) == 0);
    CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 109);
    auto tsv = run_cli("parse --to tsv " + kSample);
    CHECK(tsv.out.find("\t") != std::string::npos);
    auto yaml = run_cli("parse --to yaml " + kSample);
    REQUIRE(yaml.code == 0);
    CHECK(yaml.out.find("format: tasksplit/1") != std::string::npos);
}

TEST_CASE("parse reads stdin", "[cli][parse]") {
    auto r = run_cli("parse - --to csv", "2024 年任务分解\n\n一、张三区长牵头重点工作\n\n1. 甲。(责任单位：区财政局)\n");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("区财政局") != std::string::npos);
}

TEST_CASE("parse -o writes the file and nothing on stdout", "[cli][parse]") {
    std::string path = "/tmp/tasksplit-cli-out.json";
    std::filesystem::remove(path);
    auto r = run_cli("parse " + kSample + " -o " + path);
    REQUIRE(r.code == 0);
    CHECK(r.out.empty());
    CHECK(std::filesystem::file_size(path) > 1000);
    std::filesystem::remove(path);
}

TEST_CASE("bad input: one-line error naming the file, exit 2, no output", "[cli][parse][errors]") {
    namespace fs = std::filesystem;
    fs::create_directories("/tmp/tasksplit-bad");
    std::ofstream("/tmp/tasksplit-bad/empty.txt");
    std::ofstream("/tmp/tasksplit-bad/binary.bin", std::ios::binary) << std::string("\x7f" "ELF\0\0\x01\x02", 8);
    std::ofstream("/tmp/tasksplit-bad/bad-utf8.txt", std::ios::binary) << "2024 年\n\xff\xfe\xfd\n";
    struct Case {
        std::string args, message;
    };
    for (const Case& c : {Case{"parse /nonexistent.txt", "/nonexistent.txt: No such file or directory"},
                          Case{"parse /tmp/tasksplit-bad", "empty.txt: empty file"},
                          Case{"parse /tmp/tasksplit-bad/empty.txt", "/tmp/tasksplit-bad/empty.txt: empty file"},
                          Case{"parse /tmp/tasksplit-bad/binary.bin", "binary data"},
                          Case{"parse /tmp/tasksplit-bad/bad-utf8.txt", "not valid UTF-8, UTF-16 or GB18030 text at byte 9"},
                          Case{"parse --to xml " + kSample, "parse cannot write 'xml'; it writes json, yaml, jsonl, csv, tsv"},
                          Case{"parse " + kSample + " -o /nonexistent-dir/out.json", "/nonexistent-dir/out.json: cannot write"},
                          Case{"parse --grammar /nonexistent.yaml " + kSample, "/nonexistent.yaml: cannot read grammar file"}}) {
        DYNAMIC_SECTION(c.args) {
            auto r = run_cli(c.args);
            CHECK(r.code == 2);
            CHECK(r.out.empty());
            CHECK(r.err.find(c.message) != std::string::npos);
            CHECK(r.err.rfind("tasksplit: ", 0) == 0);
        }
    }
}

TEST_CASE("a grammar rule of the wrong shape is refused, not dropped", "[cli][parse][errors]") {
    std::ofstream("/tmp/tasksplit-scalar-grammar.yaml") << "layout:\n  section_heading: 5\n";
    auto r = run_cli("parse --grammar /tmp/tasksplit-scalar-grammar.yaml " + kSample);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("/tmp/tasksplit-scalar-grammar.yaml:2:20: rule 'section_heading': expected a list") != std::string::npos);
}

TEST_CASE("a broken grammar names its file and line", "[cli][parse][errors]") {
    std::ofstream("/tmp/tasksplit-bad-grammar.yaml") << "layout:\n  deadline_cell: '([unclosed'\n";
    auto r = run_cli("parse --grammar /tmp/tasksplit-bad-grammar.yaml " + kSample);
    CHECK(r.code == 2);
    CHECK(r.err.find("deadline_cell") != std::string::npos);
    CHECK(r.err.find("U_REGEX") != std::string::npos);
}

TEST_CASE("usage errors exit 2 and --help teaches", "[cli]") {
    CHECK(run_cli("").code == 2);
    CHECK(run_cli("frobnicate").code == 2);
    auto help = run_cli("parse --help");
    CHECK(help.code == 0);
    CHECK(help.out.find("Examples:") != std::string::npos);
    auto version = run_cli("--version");
    CHECK(version.out.find("tasksplit/1") != std::string::npos);
}
