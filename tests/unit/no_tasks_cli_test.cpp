// No silent empties (issue #20): a notice that is not blank but yields no task is the error
// no-tasks, with what its lines were read as instead. parse prints it in one line and exits 0
// (1 with --fail-empty), validate fails on it, the report shows a banner.
#include <catch2/catch.hpp>
#include <algorithm>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "test_support.hpp"

using tasksplit::test::read_file;
using tasksplit::test::run_cli;
using tasksplit::test::Scratch;

namespace {

const std::string kSample = "samples/000_5f0d85f750916d58.txt";

// A saved web page with every paragraph on one source line, mostly English: the HTML reader
// gives its three text blocks as three lines, none a task.
const std::string kPage =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Page moved</title></head><body><div class=\"nav\">Home | "
    "News | Contact</div><p>This page has moved. 本页面已迁移，请访问新地址。</p><p>Copyright 2024</p></body></html>\n";
// A notice's head and nothing under it.
const std::string kHeadOnly = "关于印发2024年政府工作报告重点工作责任分解的通知\n定海区人民政府办公室\n2024年3月1日\n";

std::vector<nlohmann::json> no_tasks_of(const nlohmann::json& doc) {
    std::vector<nlohmann::json> out;
    for (const auto& d : doc["diagnostics"])
        if (d["code"] == "no-tasks") out.push_back(d);
    return out;
}

}  // namespace

TEST_CASE("parse: a notice with no task says so in one line and what was read instead", "[cli][parse][no-tasks]") {
    Scratch s;
    SECTION("a web page: its text blocks left unassigned") {
        auto page = s.file("page.html", kPage);
        auto r = run_cli("parse " + page + " -o " + s.path("out.json"));
        CHECK(r.code == 0);
        CHECK(r.err == "tasksplit: " + page + ": no task found: 3 lines (the longest 35 characters): 3 left unassigned\n");
        auto doc = nlohmann::json::parse(read_file(s.path("out.json")));
        auto found = no_tasks_of(doc);
        REQUIRE(found.size() == 1);
        CHECK(found[0]["severity"] == "error");
        CHECK(found[0]["line"] == 1);
    }
    SECTION("a notice's head alone: read as metadata, the fields it gave named") {
        auto head = s.file("head.txt", kHeadOnly);
        auto r = run_cli("parse " + head);
        CHECK(r.code == 0);
        CHECK(r.err == "tasksplit: " + head +
                           ": no task found: 3 lines (the longest 26 characters): 3 read as metadata or headers (found: "
                           "title, issuer, date)\n");
        // With a line map the roles are known line by line.
        r = run_cli("parse --line-map " + head);
        CHECK(r.err == "tasksplit: " + head +
                           ": no task found: 3 lines (the longest 26 characters): 3 read as metadata (found: title, issuer, "
                           "date)\n");
    }
    SECTION("one long line claimed whole by the front matter") {
        auto line = s.file("line.txt", "定政办发〔2024〕5号 " + std::string(28000, 'x') + "\n");
        auto r = run_cli("parse " + line);
        CHECK(r.code == 0);
        CHECK(r.err == "tasksplit: " + line +
                           ": no task found: 1 line of 28,013 characters read as metadata or headers (found: document number)\n");
    }
    SECTION("English text: every line unassigned") {
        auto english = s.file("readme.txt", "This is a plain English file.\nIt has a few lines.\n\nNothing about tasks.\n");
        auto r = run_cli("parse " + english);
        CHECK(r.err == "tasksplit: " + english + ": no task found: 3 lines (the longest 29 characters): 3 left unassigned\n");
    }
}

TEST_CASE("parse --fail-empty: exit 1 for a notice with no task, the output written all the same", "[cli][parse][no-tasks]") {
    Scratch s;
    auto page = s.file("page.html", kPage);
    auto r = run_cli("parse --fail-empty --to jsonl " + kSample + " " + page + " -o " + s.path("out.jsonl"));
    CHECK(r.code == 1);
    CHECK(r.err == "tasksplit: " + page + ": no task found: 3 lines (the longest 35 characters): 3 left unassigned\n");
    const std::string out = read_file(s.path("out.jsonl"));
    CHECK(std::count(out.begin(), out.end(), '\n') == 2);
    // A file of blank lines is not a notice without tasks but an empty file: refused as one (exit 2),
    // the notice beside it written.
    auto blank = s.file("blank.txt", "\n  \n\t\n");
    r = run_cli("parse --fail-empty --to jsonl " + kSample + " " + blank);
    CHECK(r.code == 2);
    CHECK(r.err == "tasksplit: " + blank + ": empty file\n");
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    // Without the flag an empty result is still exit 0.
    CHECK(run_cli("parse " + page).code == 0);
}

TEST_CASE("parse --stdin-jsonl: a line with no task is named by its id", "[cli][parse][no-tasks]") {
    auto r = run_cli("parse --stdin-jsonl --fail-empty",
                     "{\"id\": \"a\", \"text\": \"2024年任务分解\\n一、张三区长牵头重点工作\\n1. 推进工作。(责任单位：区财政局)\\n\"}\n"
                     "{\"id\": \"b\", \"text\": \"hello world\"}\n");
    CHECK(r.code == 1);
    CHECK(r.err == "tasksplit: b: no task found: 1 line of 11 characters left unassigned\n");
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
}

TEST_CASE("validate: no-tasks is an error, from the notice and from the JSON parse wrote", "[cli][validate][no-tasks]") {
    Scratch s;
    auto page = s.file("page.html", kPage);
    auto r = run_cli("validate --select no-tasks " + page);
    CHECK(r.code == 1);
    CHECK(r.out.rfind(page + ":1:1: error[no-tasks]: no task found: 3 lines (the longest 35 characters): 3 left unassigned\n", 0) == 0);
    REQUIRE(run_cli("parse " + page + " -o " + s.path("page.json")).code == 0);
    r = run_cli("validate --select no-tasks " + s.path("page.json"));
    CHECK(r.code == 1);
    CHECK(r.out.find("error[no-tasks]") != std::string::npos);
    CHECK(run_cli("validate --select no-tasks " + kSample).code == 0);
}

TEST_CASE("report: a notice with no task opens with a banner", "[cli][report][no-tasks]") {
    Scratch s;
    auto head = s.file("head.txt", kHeadOnly);
    REQUIRE(run_cli("report " + head + " -o " + s.path("empty.html")).code == 0);
    const std::string page = read_file(s.path("empty.html"));
    CHECK(page.find("<div class=\"banner\" role=\"alert\"><strong>") != std::string::npos);
    CHECK(page.find(": no tasks.</strong> no task found: 3 lines") != std::string::npos);
    REQUIRE(run_cli("report " + kSample + " -o " + s.path("full.html")).code == 0);
    CHECK(read_file(s.path("full.html")).find("class=\"banner\"") == std::string::npos);
}
