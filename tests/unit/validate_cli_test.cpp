// tasksplit validate as CI runs it: the built binary, its stdout and its exit status.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

namespace {

struct Result {
    int status;
    std::string out;
};

/// Runs `tasksplit ARGS` from the source tree (stderr dropped) and returns exit status and stdout.
Result run(const std::string& args) {
    std::string cmd = std::string("cd '") + TASKSPLIT_SOURCE_DIR + "' && '" + TASKSPLIT_BINARY + "' " + args + " 2>/dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

const std::string kFix = "tests/fixtures/validate/";

}  // namespace

TEST_CASE("validate cli: samples have warnings but no errors: exit 0, 1 with --strict", "[cli][validate]") {
    Result r = run("validate samples/000_5f0d85f750916d58.txt samples/001_4ca63f7906623aa9.txt "
                   "samples/002_ec35677d0826c0ae.txt samples/003_cf5c45042349adce.txt samples/004_895883010a6915ba.txt");
    CHECK(r.status == 0);
    CHECK(r.out.find("samples/000_5f0d85f750916d58.txt:105:1: warning[duplicate-number]: item number 7 repeats") != std::string::npos);
    CHECK(r.out.find("samples/003_cf5c45042349adce.txt:368:1: warning[number-restart]") != std::string::npos);
    CHECK(r.out.find(" 105 | 7. ") != std::string::npos);  // the source line and the caret under it
    CHECK(r.out.find("     | ^\n") != std::string::npos);
    CHECK(run("validate samples/000_5f0d85f750916d58.txt --strict").status == 1);
    // Only info findings: --strict still passes.
    CHECK(run("validate samples/004_895883010a6915ba.txt --strict").status == 0);
}

TEST_CASE("validate cli: errors exit 1, unreadable input and usage errors exit 2", "[cli][validate]") {
    Result r = run("validate " + kFix + "item-without-units.bad.txt");
    CHECK(r.status == 1);
    CHECK(r.out.find("error[item-without-units]") != std::string::npos);
    CHECK(run("validate " + kFix + "no-such-file.txt").status == 2);
    CHECK(run("validate " + kFix).status == 1);  // a directory: every fixture, some with errors
    CHECK(run("validate --format xml samples/004_895883010a6915ba.txt").status == 2);
    CHECK(run("validate --select no-such-code samples/004_895883010a6915ba.txt").status == 2);
    CHECK(run("validate").status == 2);
    // A readable file still gets its report when another input is unreadable.
    r = run("validate samples/000_5f0d85f750916d58.txt " + kFix + "no-such-file.txt");
    CHECK(r.status == 2);
    CHECK(r.out.find("duplicate-number") != std::string::npos);
}

TEST_CASE("validate cli: --select and --ignore", "[cli][validate]") {
    Result r = run("validate samples/000_5f0d85f750916d58.txt --select duplicate-number,name-typo --format json");
    auto all = nlohmann::json::parse(r.out);
    REQUIRE(all.size() == 2);
    CHECK(all[0]["code"] == "duplicate-number");
    CHECK(all[1]["code"] == "name-typo");
    r = run("validate " + kFix + "item-without-units.bad.txt --ignore item-without-units");
    CHECK(r.status == 0);
    CHECK(r.out.empty());
}

TEST_CASE("validate cli: --format json is one array of diagnostics", "[cli][validate]") {
    Result r = run("validate samples/003_cf5c45042349adce.txt --format json");
    CHECK(r.status == 0);
    auto all = nlohmann::json::parse(r.out);
    REQUIRE(all.is_array());
    REQUIRE(all.size() == 4);
    CHECK(all[0] == nlohmann::json{{"file", "samples/003_cf5c45042349adce.txt"}, {"line", 368}, {"column", 1},
                                   {"severity", "warning"}, {"code", "number-restart"},
                                   {"message", "item number 33 follows 35: numbering restarts or repeats"}});
    CHECK(nlohmann::json::parse(run("validate " + kFix + "number-gap.good.txt --format json").out) == nlohmann::json::array());
}

TEST_CASE("validate cli: --format github writes workflow commands", "[cli][validate]") {
    Result r = run("validate samples/000_5f0d85f750916d58.txt --format github --select duplicate-number,mixed-width-brackets");
    CHECK(r.status == 0);
    CHECK(r.out ==
          "::warning file=samples/000_5f0d85f750916d58.txt,line=105,col=1,title=duplicate-number::item number 7 repeats the previous item's number\n"
          "::notice file=samples/000_5f0d85f750916d58.txt,line=155,col=2,title=mixed-width-brackets::')' closes '（' opened on line 153\n");
    r = run("validate " + kFix + "schema.bad.json --format github");
    CHECK(r.status == 1);
    CHECK(r.out.rfind("::error file=" + kFix + "schema.bad.json,title=schema::/parts/0/sections/0/items/1/lead: expected array", 0) == 0);
}

TEST_CASE("validate cli: --format sarif is a SARIF 2.1.0 log", "[cli][validate]") {
    Result r = run("validate samples/002_ec35677d0826c0ae.txt " + kFix + "model.bad.json --format sarif");
    CHECK(r.status == 1);
    auto log = nlohmann::json::parse(r.out);
    CHECK(log["version"] == "2.1.0");
    const auto& results = log["runs"][0]["results"];
    REQUIRE(results.size() == 10);
    CHECK(results[0]["ruleId"] == "title-mismatch");
    CHECK(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "samples/002_ec35677d0826c0ae.txt");
    CHECK(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 11);
    CHECK(results[9]["ruleId"] == "model");
    CHECK(results[9]["level"] == "error");
}

TEST_CASE("validate cli: documents written by parse validate clean; broken ones name the JSON path", "[cli][validate]") {
    Result r = run("parse samples/001_4ca63f7906623aa9.txt samples/004_895883010a6915ba.txt | '" +
                   std::string(TASKSPLIT_BINARY) + "' validate - --format json");
    CHECK(r.status == 0);
    for (const auto& d : nlohmann::json::parse(r.out)) CHECK(d["severity"] != "error");
    r = run("validate " + kFix + "line-out-of-range.good.json");
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    r = run("validate " + kFix + "line-out-of-range.bad.json");
    CHECK(r.status == 1);
    CHECK(r.out.find(kFix + "line-out-of-range.bad.json: error[line-out-of-range]: /parts/0/sections/0/items/2/span/line: line 99") !=
          std::string::npos);
    r = run("validate " + kFix + "invalid-json.bad.json");
    CHECK(r.status == 1);
    CHECK(r.out.find("error[invalid-json]") != std::string::npos);
}
