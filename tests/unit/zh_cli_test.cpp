// The Chinese interface from the command line: --lang and the locale variables, --help, validate's
// report, query's views and headers, the ledger's 汇报频次; and --lang en as the English of before.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "test_support.hpp"

using tasksplit::test::CliResult;
using tasksplit::test::read_file;
using tasksplit::test::run_cli;
using tasksplit::test::Scratch;

namespace {

const std::string kNotice = "samples/000_5f0d85f750916d58.txt";  // Dinghai 2024

/// `tasksplit ARGS` as a desktop in `locale` runs it: LANG set, LC_ALL and LC_MESSAGES empty.
CliResult in_locale(const std::string& locale, const std::string& args) {
    Scratch dir;
    const std::string out = dir.path("out"), err = dir.path("err");
    const std::string command = "cd '" TASKSPLIT_SOURCE_DIR "' && env LC_ALL= LC_MESSAGES= LANG=" + locale + " '" TASKSPLIT_BINARY
                                "' " + args + " </dev/null >'" + out + "' 2>'" + err + "'";
    const int status = std::system(command.c_str());
    return CliResult{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out), read_file(err)};
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("the English of before, with --lang en or in an English locale", "[cli][lang]") {
    const std::vector<std::string> commands{"query --unit 区财政局 --width 0 " + kNotice, "units --width 0 " + kNotice,
                                            "validate --color never " + kNotice, "report " + kNotice, "query --help", "--help",
                                            "pars " + kNotice};
    for (const std::string& args : commands) {
        INFO(args);
        const CliResult english = in_locale("C.UTF-8", args);
        const CliResult asked = in_locale("zh_CN.UTF-8", args + " --lang en");
        CHECK(asked.code == english.code);
        CHECK(asked.out == english.out);
        CHECK(asked.err == english.err);
        // Words only the Chinese labels and help use (the notice's own text is Chinese in both).
        CHECK(english.out.find("界面和提示") == std::string::npos);
        CHECK(english.out.find("解析说明") == std::string::npos);
    }
}

TEST_CASE("a Chinese locale: help, validate, query and units speak Chinese and codes stay", "[cli][lang]") {
    auto help = in_locale("zh_CN.UTF-8", "query --help");
    CHECK(help.code == 0);
    CHECK(help.out.find("查询某单位在各份通知") != std::string::npos);
    CHECK(help.out.find("示例：") != std::string::npos);
    CHECK(in_locale("zh_CN.UTF-8", "--help").out.find("运行 'tasksplit 命令 --help'") != std::string::npos);
    CHECK(in_locale("C", "--lang zh parse --help").out.find("把通知解析为结构化文档") != std::string::npos);
    CHECK(help.out.find("显示本帮助信息并退出") != std::string::npos);
    auto unknown = in_locale("zh_CN.UTF-8", "pars " + kNotice);
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("tasksplit: 未知命令 'pars'；是否要用 'parse'？\n命令：parse, ") == 0);
    CHECK(run_cli("query --lang fr " + kNotice).code == 2);

    // validate: severity and the code's summary in Chinese, the code itself unchanged; JSON as before.
    auto v = in_locale("zh_CN.UTF-8", "validate --color never " + kNotice);
    auto v_en = in_locale("C", "validate --color never " + kNotice);
    CHECK(v.code == v_en.code);
    const auto first = v_en.out.find("warning[");
    if (first != std::string::npos) {
        const std::string code = v_en.out.substr(first + 8, v_en.out.find(']', first) - first - 8);
        CHECK(v.out.find("警告[" + code + "]: ") != std::string::npos);
    }
    CHECK(v.err.find("个文件") != std::string::npos);
    CHECK(in_locale("zh_CN.UTF-8", "validate -f json " + kNotice).out == in_locale("C", "validate -f json " + kNotice).out);

    // query: the task view, Chinese headers and roles, one row per task.
    auto q = in_locale("zh_CN.UTF-8", "query --unit 区财政局 --width 0 " + kNotice);
    REQUIRE(q.code == 0);
    auto lines = lines_of(q.out);
    REQUIRE(lines.size() > 2);
    CHECK(lines[0].rfind("序号  来源", 0) == 0);
    for (const char* header : {"编号", "分管领导", "职责", "牵头单位", "配合单位", "完成时限", "任务内容"}) CHECK(lines[0].find(header) != std::string::npos);
    auto json = nlohmann::json::parse(in_locale("zh_CN.UTF-8", "query --unit 区财政局 --view tasks -f json " + kNotice).out);
    CHECK(json.size() == lines.size() - 2);
    for (const auto& row : json) CHECK((row["role"] == "lead" || row["role"] == "support"));
    CHECK(q.out.find("牵头") != std::string::npos);
    // Machine formats keep their English headers unless asked.
    auto csv = in_locale("zh_CN.UTF-8", "query --unit 区财政局 --view tasks -f csv " + kNotice);
    CHECK(csv.out.rfind("seq,source,year,ref,leader,role,lead,support,deadline,text,line\n", 0) == 0);
    auto csv_zh = in_locale("C", "query --unit 区财政局 --view tasks -f csv --headers zh " + kNotice);
    CHECK(csv_zh.out.rfind("序号,来源,年度,编号,分管领导,职责,牵头单位,配合单位,完成时限,任务内容,行\n", 0) == 0);

    auto units = in_locale("zh_CN.UTF-8", "units --width 0 " + kNotice);
    REQUIRE(units.code == 0);
    CHECK(units.out.rfind("序号  单位", 0) == 0);
    CHECK(units.out.find("部门") != std::string::npos);
    CHECK(in_locale("zh_CN.UTF-8", "query --unit 没有这个单位 " + kNotice).err.find("输入中没有单位 '没有这个单位'") != std::string::npos);
}

TEST_CASE("the cover letter's reporting rule in JSON, the CSV's 汇报频次 and the ledger's title", "[cli][reporting]") {
    Scratch dir;
    const std::string notice = dir.file("notice.txt",
        "某某县人民政府办公室关于印发《2025年县政府工作报告重点任务分解》的通知\n"
        "各乡镇人民政府，县直各单位：\n"
        "各牵头单位每季度末前向县政府督查室报送任务进展情况。\n"
        "\n2025年县政府工作报告重点任务分解\n"
        "一、王立新县长牵头重点工作\n"
        "1. 地区生产总值增长6%。（牵头单位：县发改局；配合单位：县统计局）\n"
        "2. 完成老旧小区改造20个。（牵头单位：县住建局）\n");
    auto j = run_cli("parse " + notice);
    REQUIRE(j.code == 0);
    auto doc = nlohmann::json::parse(j.out);
    REQUIRE(doc["document"]["reporting"].is_object());
    CHECK(doc["document"]["reporting"]["frequencies"] == nlohmann::json::array({"季报"}));
    CHECK(doc["document"]["reporting"]["office"] == "县政府督查室");
    auto csv = run_cli("parse " + notice + " --to csv --headers zh --columns seq,ref,lead,frequency");
    CHECK(csv.out == "序号,编号,牵头单位,汇报频次\n1,一.1,县发改局,季报\n2,一.2,县住建局,季报\n");
    // The JSON reads back (validate checks it against the schema).
    const std::string saved = dir.file("notice.json", j.out);
    CHECK(run_cli("validate --select schema,model " + saved).code == 0);
}
