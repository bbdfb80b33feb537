// document.reporting: the cover letter's reporting rules (src/layout/reporting.cpp). Fixtures are
// our own wording.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace tasksplit;
using tasksplit::test::parse_string;

namespace {

const std::string kBody =
    "\n2025年县政府工作报告重点任务分解\n"
    "一、王立新县长牵头重点工作\n"
    "1. 地区生产总值增长6%。（牵头单位：县发改局；配合单位：县统计局）\n"
    "2. 每月报送空气质量监测数据，完成老旧小区改造20个。（牵头单位：县住建局）\n";

std::string notice(const std::string& letter) {
    return "某某县人民政府办公室关于印发《2025年县政府工作报告重点任务分解》的通知\n"
           "各乡镇人民政府，县直各单位：\n" +
           letter +
           "\n某某县人民政府办公室\n"
           "2025年3月20日\n" +
           kBody;
}

}  // namespace

TEST_CASE("rhythms the office assigns task by task, the plan form and its deadline", "[reporting]") {
    Document doc = parse_string(notice(
        "现将《2025年县政府工作报告重点任务分解》印发给你们，请抓好落实。请各牵头单位于4月2日前向县政府督查室报送"
        "《2025年重点任务推进计划表》。县政府督查室将根据各单位报送的计划表，把各项任务分为月报、季报两类跟踪督办。\n"));
    REQUIRE(test::all_items(doc).size() == 2);
    REQUIRE(doc.document.reporting);
    const Reporting& r = *doc.document.reporting;
    CHECK(r.frequencies == std::vector<std::string>{"月报", "季报"});
    CHECK(r.per_task);
    CHECK(r.frequency().empty());  // none of them is every task's
    CHECK(r.office == "县政府督查室");
    CHECK(r.reporters == "各牵头单位");
    CHECK(r.plan_form == "2025年重点任务推进计划表");
    CHECK(r.plan_due == "4月2日");
    CHECK(r.plan_due_iso == "2025-04-02");
    CHECK(r.line == 3);
    CHECK(r.text.find("请各牵头单位于4月2日前") == 0);
    // The sentence that only hands the breakdown out is no reporting rule.
    CHECK(r.text.find("请抓好落实") == std::string::npos);
}

TEST_CASE("one rhythm for every task fills the ledger's 汇报频次", "[reporting]") {
    Document doc = parse_string(notice("各责任单位每月5日前向县府办督查科报送上月工作进展情况，年底前报送全年总结。\n"));
    REQUIRE(doc.document.reporting);
    const Reporting& r = *doc.document.reporting;
    CHECK(r.frequencies == std::vector<std::string>{"月报"});
    CHECK_FALSE(r.per_task);
    CHECK(r.frequency() == "月报");
    CHECK(r.office == "县府办督查科");
    CHECK(r.reporters == "各责任单位");
    CHECK_FALSE(r.plan_form);
    CHECK_FALSE(r.plan_due);
}

TEST_CASE("no reporting rule: a year before 报送, a lone deadline, a task's own rhythm", "[reporting]") {
    // "2025年报送" is a year and a verb, not 年报; a deadline and a verb name neither rhythm nor form;
    // the task's 每月报送 is the task's.
    Document doc = parse_string(notice("请于4月10日前报送联系人名单，并于2025年报送工作总结。\n"));
    REQUIRE(test::all_items(doc).size() == 2);
    CHECK_FALSE(doc.document.reporting);
}

TEST_CASE("a 月底 deadline and full-width punctuation", "[reporting]") {
    Document doc = parse_string(notice("请各责任单位于四月底前将《重点工作进度表》报送区政府督查室；督查室按季报送督查情况。\n"));
    REQUIRE(doc.document.reporting);
    const Reporting& r = *doc.document.reporting;
    CHECK(r.plan_form == "重点工作进度表");
    CHECK(r.plan_due == "四月底");
    CHECK(r.plan_due_iso == "2025-04-30");
    CHECK(r.frequencies == std::vector<std::string>{"季报"});
}
