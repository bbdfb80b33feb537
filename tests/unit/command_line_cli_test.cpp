// One command line for every subcommand (issue #20 item 3): -f/--format and -t/--to everywhere,
// the format from -o's extension, usage errors that name the program, unknown commands with a
// suggestion, -j 0, and the JSON arrays parse writes read back by query, units, diff and report.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "test_support.hpp"

using tasksplit::test::read_file;
using tasksplit::test::run_cli;
using tasksplit::test::Scratch;

namespace {

const std::string k2024 = "samples/000_5f0d85f750916d58.txt";
const std::string k2023 = "samples/001_4ca63f7906623aa9.txt";

std::string k2024_path() { return tasksplit::test::repo_path(k2024); }

}  // namespace

TEST_CASE("format option: -f/--format and -t/--to are one option in every command that writes, in any case", "[cli][format]") {
    const std::string csv_header = "source,year,part,section,leader,leader_role,number,text,lead,support,deadline,line\n";
    for (const char* option : {"-t CSV", "--to csv", "-f Csv", "--format=csv"}) {
        INFO(option);
        auto r = run_cli(std::string("parse ") + option + " " + k2024);
        REQUIRE(r.code == 0);
        CHECK(r.out.rfind(csv_header, 0) == 0);
    }
    auto diff = run_cli("diff -t JSON " + k2023 + " " + k2024 + " --force");
    CHECK(diff.code == 1);
    CHECK(nlohmann::json::parse(diff.out)["format"] == "tasksplit-diff/1");
    auto validate = run_cli("validate --to GitHub --select duplicate-number " + k2024);
    CHECK(validate.code == 0);
    CHECK(validate.out.rfind("::warning file=" + k2024 + ",line=105", 0) == 0);
    auto query = run_cli("query -t tsv --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml --unit 区人社局 " + k2024);
    CHECK(query.code == 0);
    CHECK(query.out.rfind("source\tyear\tpart\t", 0) == 0);
    auto units = run_cli("units --to JSONL " + k2024);
    CHECK(units.code == 0);
    CHECK(nlohmann::json::parse(units.out.substr(0, units.out.find('\n'))).contains("unit"));
    Scratch s;
    auto report = run_cli("report -f HTML " + k2024 + " -o " + s.path("r.html"));
    CHECK(report.code == 0);
    CHECK(read_file(s.path("r.html")).rfind("<!DOCTYPE html>", 0) == 0);
}

TEST_CASE("format option: -o infers the format from its extension", "[cli][format]") {
    Scratch s;
    REQUIRE(run_cli("parse " + k2024 + " -o " + s.path("tasks.CSV")).code == 0);
    CHECK(read_file(s.path("tasks.CSV")).rfind("source,year,part,", 0) == 0);
    REQUIRE(run_cli("parse " + k2024 + " " + k2023 + " -o " + s.path("all.jsonl")).code == 0);
    const std::string jsonl = read_file(s.path("all.jsonl"));
    CHECK(std::count(jsonl.begin(), jsonl.end(), '\n') == 2);
    REQUIRE(run_cli("parse " + k2024 + " -o " + s.path("doc.yml")).code == 0);
    CHECK(read_file(s.path("doc.yml")).rfind("format: tasksplit/1\n", 0) == 0);
    REQUIRE(run_cli("diff " + k2023 + " " + k2024 + " --force -o " + s.path("changes.md")).code == 1);
    CHECK(read_file(s.path("changes.md")).rfind("# Task breakdown changes", 0) == 0);
    REQUIRE(run_cli("units " + k2024 + " -o " + s.path("units.csv")).code == 0);
    CHECK(read_file(s.path("units.csv")).rfind("unit,kind,names,source,", 0) == 0);
    REQUIRE(run_cli("validate " + k2024 + " -o " + s.path("v.sarif")).code == 0);
    CHECK(nlohmann::json::parse(read_file(s.path("v.sarif")))["version"] == "2.1.0");
    // An extension we do not know leaves the default.
    REQUIRE(run_cli("parse " + k2024 + " -o " + s.path("doc.out")).code == 0);
    CHECK(read_file(s.path("doc.out")).rfind("{\n  \"format\": \"tasksplit/1\"", 0) == 0);
}

TEST_CASE("format option: a format the extension contradicts, or one the command cannot write, is refused", "[cli][format]") {
    Scratch s;
    auto r = run_cli("parse " + k2024 + " --to json -o " + s.path("tasks.csv"));
    CHECK(r.code == 2);
    CHECK(r.err == "tasksplit: -o " + s.path("tasks.csv") + " names a csv file but the format is json: drop the format or change the file name\n");
    CHECK(s.starting_with("tasks").empty());
    r = run_cli("query --unit 区人社局 " + k2024 + " -o " + s.path("tasks.xlsx"));
    CHECK(r.code == 2);
    CHECK(r.err == "tasksplit: query cannot write xlsx (-o " + s.path("tasks.xlsx") +
                       "); it writes table, json, jsonl, csv, tsv, md: give one with --format, or another file name\n");
    CHECK(s.starting_with("tasks").empty());
    r = run_cli("parse --to html " + k2024);
    CHECK(r.code == 2);
    CHECK(r.err == "tasksplit: parse cannot write 'html'; it writes json, yaml, jsonl, csv, tsv, xlsx\n");
    CHECK(r.out.empty());
    r = run_cli("report " + k2024 + " -o " + s.path("page.json"));
    CHECK(r.code == 2);
    CHECK(r.err.find("report cannot write json") != std::string::npos);
    CHECK(run_cli("query --unit 区人社局 -f html " + k2024).err.find("it writes table, json, jsonl, csv, tsv, md") != std::string::npos);
    // SARIF is JSON: a .json name fits it.
    r = run_cli("validate --format sarif " + k2024 + " -o " + s.path("v.json"));
    CHECK(r.code == 0);
    CHECK(nlohmann::json::parse(read_file(s.path("v.json")))["version"] == "2.1.0");
}

TEST_CASE("usage errors say tasksplit: and point at --help; the usage line says tasksplit", "[cli]") {
    auto r = run_cli("parse -x " + k2024);
    CHECK(r.code == 2);
    CHECK(r.err == "tasksplit: The following argument was not expected: -x\nRun 'tasksplit parse --help' for usage.\n");
    r = run_cli("validate");
    CHECK(r.code == 2);
    CHECK(r.err == "tasksplit: files is required\nRun 'tasksplit validate --help' for usage.\n");
    r = run_cli("diff --color sometimes " + k2023 + " " + k2024);
    CHECK(r.err.rfind("tasksplit: --color: sometimes not in {auto,always,never}\n", 0) == 0);
    r = run_cli("");
    CHECK(r.code == 2);
    CHECK(r.err == "tasksplit: A subcommand is required\nRun 'tasksplit --help' for usage.\n");
    // run_cli runs the binary by its full path: the usage line must not show it.
    r = run_cli("parse --help");
    CHECK(r.out.find("Usage: tasksplit parse [OPTIONS]") != std::string::npos);
    CHECK(r.out.find(TASKSPLIT_BINARY) == std::string::npos);
}

TEST_CASE("an unknown command is named, with the commands and the nearest one", "[cli]") {
    auto r = run_cli("valdate " + k2024);
    CHECK(r.code == 2);
    CHECK(r.err ==
          "tasksplit: unknown command 'valdate'; did you mean 'validate'?\n"
          "Commands: parse, diff, validate, query, units, report\n"
          "Run 'tasksplit --help' for what each does.\n");
    CHECK(run_cli("quer x").err.rfind("tasksplit: unknown command 'quer'; did you mean 'query'?\n", 0) == 0);
    // Nothing near: no suggestion, the list all the same.
    r = run_cli("frobnicate");
    CHECK(r.err.rfind("tasksplit: unknown command 'frobnicate'\nCommands: parse,", 0) == 0);
    // A file given without a command: the command to parse it.
    r = run_cli(k2024);
    CHECK(r.code == 2);
    CHECK(r.err.rfind("tasksplit: unknown command '" + k2024 + "'; to parse this file: tasksplit parse " + k2024 + "\n", 0) == 0);
}

TEST_CASE("jobs: -j 0 is one per core; a negative -j is a usage error", "[cli]") {
    auto one = run_cli("parse -j 1 --to jsonl samples/");
    auto all = run_cli("parse -j 0 --to jsonl samples/");
    REQUIRE(one.code == 0);
    CHECK(all.code == 0);
    CHECK(all.out == one.out);
    CHECK(run_cli("units -j 0 samples/").code == 0);
    for (const char* cmd : {"parse -j -1 ", "query --unit 区人社局 --jobs=-2 ", "units -j -3 "}) {
        INFO(cmd);
        auto r = run_cli(cmd + k2024);
        CHECK(r.code == 2);
        CHECK(r.err.find("--jobs: a count of inputs at once, or 0 for one per core, not -") != std::string::npos);
        CHECK(r.out.empty());
    }
}

TEST_CASE("the JSON array parse writes for several notices is read by query, units, diff and report", "[cli][json]") {
    Scratch s;
    REQUIRE(run_cli("parse " + k2023 + " " + k2024 + " -o " + s.path("both.json")).code == 0);
    REQUIRE(nlohmann::json::parse(read_file(s.path("both.json"))).size() == 2);
    // The array gives the same answer as the two notices.
    auto from_notices = run_cli("query --unit 区人社局 --format csv " + k2023 + " " + k2024);
    auto from_array = run_cli("query --unit 区人社局 --format csv " + s.path("both.json"));
    REQUIRE(from_notices.code == 0);
    CHECK(from_array.code == 0);
    CHECK(from_array.out == from_notices.out);
    CHECK(run_cli("units --format csv " + s.path("both.json")).out == run_cli("units --format csv " + k2023 + " " + k2024).out);
    // An array of one (what a batch with one good file among bad ones leaves) is one document.
    const std::string doc = run_cli("parse " + k2024).out;
    s.file("one.json", "[" + doc + "]");
    auto diff = run_cli("diff --format json " + s.path("one.json") + " " + k2024);
    CHECK(diff.code == 0);
    CHECK(nlohmann::json::parse(diff.out)["old"]["path"] == k2024);
    CHECK(run_cli("report " + s.path("one.json") + " -o " + s.path("one.html")).code == 0);
    // Two documents where one is read: said so, with what to do.
    auto r = run_cli("diff " + s.path("both.json") + " " + k2024);
    CHECK(r.code == 2);
    CHECK(r.err == "tasksplit: " + s.path("both.json") + ": holds 2 documents, where one is read; give one of them (jq '.[0]' picks the first)\n");
    // A document of the array that does not fit the model is named by its index.
    auto broken = nlohmann::json::parse(read_file(s.path("both.json")));
    broken[1]["parts"] = "none";
    s.file("broken.json", broken.dump());
    r = run_cli("units " + s.path("broken.json"));
    CHECK(r.code == 2);
    CHECK(r.err.rfind("tasksplit: " + s.path("broken.json") + ": /1/parts: expected array", 0) == 0);
}

TEST_CASE("a YAML document of ours is refused with what to do", "[cli][json]") {
    Scratch s;
    REQUIRE(run_cli("parse " + k2024 + " -o " + s.path("doc.yaml")).code == 0);
    REQUIRE(run_cli("parse " + k2024 + " " + k2023 + " -o " + s.path("both.yaml")).code == 0);  // starts with ---
    const std::string message = ": a YAML document written by tasksplit parse; tasksplit reads its documents back as JSON only: "
                                "parse the notice again with --to json (or convert this file to JSON)\n";
    for (const std::string& cmd : std::vector<std::string>{"parse ", "validate ", "query --unit 区人社局 ", "units ",
                                                           "report -o " + s.path("r.html") + " "}) {
        INFO(cmd);
        for (const char* file : {"doc.yaml", "both.yaml"}) {
            auto r = run_cli(cmd + s.path(file));
            CHECK(r.code == 2);
            CHECK(r.err == "tasksplit: " + s.path(file) + message);
        }
    }
    auto r = run_cli("diff " + s.path("doc.yaml") + " " + k2024);
    CHECK(r.code == 2);
    CHECK(r.err == "tasksplit: " + s.path("doc.yaml") + message);
    // In a directory it is skipped like other files that are not notices.
    std::filesystem::copy_file(k2024_path(), s.path("notice.txt"));
    r = run_cli("units --format csv " + s.path(""));
    CHECK(r.code == 0);
    CHECK(r.err.find(s.path("doc.yaml") + ": skipped: a YAML document written by tasksplit parse") != std::string::npos);
    CHECK(r.out.find(s.path("notice.txt")) != std::string::npos);
}
