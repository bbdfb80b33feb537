// Batches (issue #20): what a directory gives (hidden files, what no reader reads — a broken
// DOCX, an image —, our own report pages and other JSON skipped with a note; --glob), and a bad file among several (one error line, the rest
// written in input order, exit 2 at the end; --fail-fast stops at the first); a folder as notices are
// published (PDF, DOCX, one-line HTML, English text, .DS_Store).
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using tasksplit::test::read_file;
using tasksplit::test::repo_path;
using tasksplit::test::run_cli;
using tasksplit::test::Scratch;

namespace {

const std::string k2024 = "samples/000_5f0d85f750916d58.txt";
const std::string k2023 = "samples/001_4ca63f7906623aa9.txt";

/// The bytes of a literal that holds NULs.
template <std::size_t N>
std::string bytes(const char (&literal)[N]) {
    return std::string(literal, N - 1);
}

/// source.path of every document of a jsonl output, in order.
std::vector<std::string> sources(const std::string& jsonl) {
    std::vector<std::string> out;
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line)["source"]["path"]);
    return out;
}

/// A folder as a user's download folder has it: two notices, the JSON of one, and what is no notice.
struct Folder {
    Scratch s;
    std::string dir = s.path("notices");
    Folder() {
        fs::create_directories(dir + "/.git");
        fs::copy_file(repo_path(k2024), dir + "/a.txt");
        fs::copy_file(repo_path(k2023), dir + "/c.txt");
        REQUIRE(run_cli("parse " + k2023 + " -o " + dir + "/parsed.json").code == 0);
        REQUIRE(run_cli("report " + k2024 + " -o " + dir + "/report.html").code == 0);
        s.file("notices/.DS_Store", bytes("\0\0\0\1Bud1\0\0\x10\0"));
        s.file("notices/.git/HEAD", "ref: refs/heads/main\n");
        s.file("notices/d.docx", bytes("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0"));
        s.file("notices/photo.jpg", bytes("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01"));
        s.file("notices/settings.json", "{\"theme\": \"dark\", \"recent\": [\"a.txt\"]}\n");
    }
    std::string notes() const {
        return "tasksplit: " + dir + "/.DS_Store: skipped: hidden file\n"
               "tasksplit: " + dir + "/.git: skipped: hidden directory\n"
               "tasksplit: " + dir + "/d.docx: skipped: a broken ZIP archive (too short)\n"
               "tasksplit: " + dir + "/photo.jpg: skipped: an image (JPEG) holds no text: run OCR on it first "
               "(e.g. tesseract IMAGE OUT -l chi_sim) and parse OUT.txt\n"
               "tasksplit: " + dir + "/report.html: skipped: a page made by tasksplit report\n"
               "tasksplit: " + dir + "/settings.json: skipped: JSON that is not a tasksplit document\n";
    }
};

}  // namespace

TEST_CASE("a directory gives its notices and says what it skipped", "[cli][batch]") {
    Folder f;
    auto r = run_cli("parse --to jsonl " + f.dir);
    CHECK(r.code == 0);
    CHECK(r.err == f.notes());
    CHECK(sources(r.out) == std::vector<std::string>{f.dir + "/a.txt", f.dir + "/c.txt", k2023});
    // validate and units expand directories the same way.
    auto v = run_cli("validate --select no-tasks " + f.dir);
    CHECK(v.code == 0);
    CHECK(v.err == f.notes() + "0 errors, 0 warnings in 3 files\n");
    auto u = run_cli("units -f csv " + f.dir);
    CHECK(u.code == 0);
    CHECK(u.err == f.notes());
    // A file named on the command line is read as asked.
    auto pdf = run_cli("parse " + f.dir + "/d.docx");
    CHECK(pdf.code == 2);
    CHECK(pdf.err.rfind("tasksplit: " + f.dir + "/d.docx: ", 0) == 0);
}

TEST_CASE("directories: --glob chooses files by name", "[cli][batch]") {
    Folder f;
    auto r = run_cli("parse --to jsonl --glob '*.txt' " + f.dir);
    CHECK(r.code == 0);
    CHECK(sources(r.out) == std::vector<std::string>{f.dir + "/a.txt", f.dir + "/c.txt"});
    // Hidden files are still noted; files the pattern leaves out are not.
    CHECK(r.err == "tasksplit: " + f.dir + "/.DS_Store: skipped: hidden file\ntasksplit: " + f.dir +
                       "/.git: skipped: hidden directory\n");
    r = run_cli("parse --to jsonl --glob 'c.*' --glob '*.json' " + f.dir);
    CHECK(sources(r.out) == std::vector<std::string>{f.dir + "/c.txt", k2023});
    // A pattern that leaves nothing to read is an error, not an empty success.
    r = run_cli("parse --glob '*.doc' " + f.dir + " -o " + f.s.path("out.json"));
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("tasksplit: " + f.dir + ": no notices to read (7 files match no --glob pattern)\n") != std::string::npos);
    CHECK_FALSE(fs::exists(f.s.path("out.json")));
}

TEST_CASE("a bad file among several: one error line, the rest written in input order, exit 2", "[cli][batch]") {
    Scratch s;
    fs::create_directory(s.path("dir"));
    fs::copy_file(repo_path(k2024), s.path("dir/a.txt"));
    s.file("dir/b.txt", "");
    s.file("dir/c.txt", "2024年任务\n1. 推进\xff工作。\n");
    const std::string args = k2023 + " " + s.path("dir") + " " + s.path("missing.txt") + " " + k2024;
    for (const char* jobs : {"-j 1", "-j 3"}) {
        DYNAMIC_SECTION(jobs) {
            auto r = run_cli(std::string("parse --to jsonl ") + jobs + " " + args + " -o " + s.path("out.jsonl"));
            CHECK(r.code == 2);
            CHECK(r.err == "tasksplit: " + s.path("dir/b.txt") + ": empty file\ntasksplit: " + s.path("dir/c.txt") +
                               ": not valid UTF-8, UTF-16 or GB18030 text at byte 23\ntasksplit: " + s.path("missing.txt") +
                               ": No such file or directory\n");
            CHECK(sources(read_file(s.path("out.jsonl"))) == std::vector<std::string>{k2023, s.path("dir/a.txt"), k2024});
        }
    }
    SECTION("--keep-going says the default explicitly") {
        auto r = run_cli("parse --keep-going --to jsonl " + args);
        CHECK(r.code == 2);
        CHECK(sources(r.out).size() == 3);
        CHECK(run_cli("parse --keep-going --fail-fast " + k2023).code == 2);
    }
    SECTION("--fail-fast stops at the first bad file and writes nothing") {
        auto r = run_cli("parse --fail-fast --to jsonl " + args + " -o " + s.path("out.jsonl"));
        CHECK(r.code == 2);
        CHECK(r.err == "tasksplit: " + s.path("dir/b.txt") + ": empty file\n");
        CHECK(s.starting_with("out.jsonl").empty());
    }
    SECTION("validate reports the readable files, --fail-fast what came before the bad one") {
        const std::string inputs = repo_path("tests/fixtures/validate/no-tasks.bad.txt") + " " + s.path("missing.txt") + " " +
                                   repo_path("tests/fixtures/validate/duplicate-number.bad.txt");
        auto r = run_cli("validate --select no-tasks,duplicate-number " + inputs);
        CHECK(r.code == 2);
        CHECK(r.err == "tasksplit: " + s.path("missing.txt") + ": No such file or directory\n1 error, 1 warning in 2 files (1 unreadable)\n");
        CHECK(r.out.find("error[no-tasks]") != std::string::npos);
        CHECK(r.out.find("warning[duplicate-number]") != std::string::npos);
        r = run_cli("validate --fail-fast --select no-tasks,duplicate-number " + inputs);
        CHECK(r.code == 2);
        CHECK(r.out.find("error[no-tasks]") != std::string::npos);
        CHECK(r.out.find("duplicate-number") == std::string::npos);
    }
}

TEST_CASE("a folder as published: a PDF, a DOCX, a one-line web page, English text, .DS_Store and a notice",
          "[cli][batch][readers]") {
    Scratch s;
    const std::string dir = s.path("mixed");
    fs::create_directories(dir);
    fs::copy_file(repo_path("tests/fixtures/readers/000_5f0d85f750916d58.pdf"), dir + "/a.pdf");
    fs::copy_file(repo_path("tests/fixtures/readers/001_4ca63f7906623aa9.docx"), dir + "/b.docx");
    fs::copy_file(repo_path("tests/fixtures/readers/000_5f0d85f750916d58.oneline.html"), dir + "/c.html");
    fs::copy_file(repo_path("samples/002_ec35677d0826c0ae.txt"), dir + "/d.txt");
    s.file("mixed/e.txt", "Meeting notes\nThe agenda was approved.\nNext meeting in March.\n");
    s.file("mixed/.DS_Store", bytes("\0\0\0\1Bud1\0\0\x10\0"));
    auto r = run_cli("parse --to jsonl " + dir);
    // A notice without a task is an error diagnostic, not a failed run (--fail-empty makes it one).
    CHECK(r.code == 0);
    CHECK(r.err.find(dir + "/.DS_Store: skipped: hidden file") != std::string::npos);
    CHECK(r.err.find(dir + "/e.txt") != std::string::npos);
    CHECK(r.err.find(dir + "/e.txt: no task found") != std::string::npos);
    std::vector<std::pair<std::string, std::size_t>> got;  // source format and item count, in order
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
        const auto doc = nlohmann::json::parse(line);
        std::size_t items = 0;
        for (const auto& p : doc["parts"])
            for (const auto& sec : p["sections"]) items += sec["items"].size();
        got.emplace_back(doc["source"]["format"].get<std::string>(), items);
    }
    // The samples' gold counts: 000 has 108 tasks, 001 82, 002 159.
    CHECK(got == std::vector<std::pair<std::string, std::size_t>>{
                     {"pdf", 108}, {"docx", 82}, {"html", 108}, {"text", 159}, {"text", 0}});
    CHECK(run_cli("parse --to jsonl --fail-empty " + dir).code == 1);
}
