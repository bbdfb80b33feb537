// parse and diff for Excel from the command line (issue #22 items 1 and 2): the XLSX ledger by -o
// or --to, never onto a terminal; --bom, --headers, --columns for csv/tsv only. What the workbooks
// hold is checked by scripts/check_excel.py (ctest excel-xlsx, excel-diff, excel-csv).
#include <catch2/catch.hpp>

#include "cli_support.hpp"
#include "test_support.hpp"

using tasksplit::test::read_file;
using tasksplit::test::run_cli;
using tasksplit::test::Scratch;

namespace {

const std::string kSample = "samples/000_5f0d85f750916d58.txt";

}  // namespace

TEST_CASE("parse writes the xlsx ledger to a .xlsx file or to redirected stdout", "[cli][parse][xlsx]") {
    Scratch s;
    auto r = run_cli("parse " + kSample + " -o " + s.path("台账.xlsx"));
    REQUIRE(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    const std::string file = read_file(s.path("台账.xlsx"));
    CHECK(file.rfind("PK\x03\x04", 0) == 0);
    CHECK(s.starting_with("台账") == std::vector<std::string>{"台账.xlsx"});  // no temporary left
    r = run_cli("parse --to XLSX " + kSample);
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("PK\x03\x04", 0) == 0);
    // Whole: a ZIP archive ends with its end-of-central-directory record (22 bytes, no comment).
    CHECK(r.out.size() > 22);
    CHECK(r.out.rfind("PK\x05\x06") == r.out.size() - 22);
    CHECK(file.rfind("PK\x05\x06") == file.size() - 22);
}

TEST_CASE("parse and diff refuse to print an xlsx workbook on a terminal", "[cli][parse][xlsx]") {
    Scratch s;
    for (const std::string args : {"parse --to xlsx " + kSample, "diff -f xlsx samples/001_4ca63f7906623aa9.txt " + kSample}) {
        INFO(args);
        // script(1) runs the command with a pseudo-terminal as its stdout; -e returns its exit status.
        const std::string command = "cd '" + std::string(TASKSPLIT_SOURCE_DIR) + "' && script -qec \"'" + TASKSPLIT_BINARY +
                                    "' " + args + "\" /dev/null >'" + s.path("tty") + "' 2>&1";
        const int status = std::system(command.c_str());
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 2);
        const std::string seen = read_file(s.path("tty"));
        CHECK(seen.find("tasksplit: xlsx is a binary file: write it with -o FILE.xlsx (or redirect stdout to a file)") !=
              std::string::npos);
        CHECK(seen.find("PK") == std::string::npos);
    }
}

TEST_CASE("bom and headers and columns are csv/tsv options, and columns must be known ones", "[cli][parse][csv]") {
    auto r = run_cli("parse --bom " + kSample);
    CHECK(r.code == 2);
    CHECK(r.err == "tasksplit: --bom is for csv/tsv: add --to csv or --to tsv\n");
    Scratch s;
    r = run_cli("parse --headers zh " + kSample + " -o " + s.path("t.xlsx"));
    CHECK(r.code == 2);
    CHECK(r.err == "tasksplit: --headers is for csv/tsv: add --to csv or --to tsv\n");
    CHECK(s.starting_with("t").empty());
    CHECK(run_cli("parse --targets --to xlsx " + kSample).err == "tasksplit: --targets is for csv/tsv: add --to csv or --to tsv\n");
    r = run_cli("parse --to csv --columns seq,bogus " + kSample);
    CHECK(r.code == 2);
    CHECK(r.err ==
          "tasksplit: --columns: no column 'bogus' in the item view; it has source, year, part, section, leader, leader_role, "
          "number, text, lead, support, deadline, line, seq, ref, frequency (or their Chinese headers)\n");
    r = run_cli("parse --to csv --targets --columns 序号,指标,ref " + kSample);
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("seq,indicator,ref\n1,", 0) == 0);
    r = run_cli("parse --to csv --headers fr " + kSample);
    CHECK(r.code == 2);
    r = run_cli("parse --stdin-jsonl --to xlsx", "{\"text\": \"x\"}\n");
    CHECK(r.code == 2);
    CHECK(r.err.find("--stdin-jsonl writes a result per line") != std::string::npos);
}

TEST_CASE("parse -o tasks.csv gets no BOM unless asked so that scripts read the header names as they were", "[cli][parse][csv]") {
    Scratch s;
    REQUIRE(run_cli("parse " + kSample + " -o " + s.path("a.csv")).code == 0);
    CHECK(read_file(s.path("a.csv")).rfind("source,year,", 0) == 0);
    REQUIRE(run_cli("parse " + kSample + " -o " + s.path("b.csv") + " --bom --headers zh").code == 0);
    CHECK(read_file(s.path("b.csv")).rfind("\xEF\xBB\xBF来源,年度,部分,", 0) == 0);
}

TEST_CASE("seq runs across the inputs of one run, parsed on several threads", "[cli][parse][csv]") {
    auto r = run_cli("parse -j 2 --to csv --columns seq,source samples/000_5f0d85f750916d58.txt samples/001_4ca63f7906623aa9.txt");
    REQUIRE(r.code == 0);
    const auto first_001 = r.out.find(",samples/001");
    REQUIRE(first_001 != std::string::npos);
    // 000 has 108 tasks: 001's first row is 109.
    CHECK(r.out.substr(r.out.rfind('\n', first_001) + 1, first_001 - r.out.rfind('\n', first_001) - 1) == "109");
}
