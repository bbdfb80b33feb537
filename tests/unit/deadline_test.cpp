#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "tasksplit/targets.hpp"

using tasksplit::deadline_iso;
using tasksplit::find_deadline;

TEST_CASE("deadline_iso: the latest date a deadline allows", "[deadline]") {
    struct Case {
        std::string text;
        std::optional<int> year;
        std::optional<std::string> iso;
    };
    const std::vector<Case> cases = {
        {"2024年11月", std::nullopt, "2024-11-30"},
        {"2024年2月", std::nullopt, "2024-02-29"},
        {"2023年2月", std::nullopt, "2023-02-28"},
        {"10月1日", 2024, "2024-10-01"},
        {"10月1日", std::nullopt, std::nullopt},
        {"年底前", 2024, "2024-12-31"},
        {"年底前", std::nullopt, std::nullopt},
        {"2024年底", std::nullopt, "2024-12-31"},
        {"6月底前", 2024, "2024-06-30"},
        {"上半年", 2024, "2024-06-30"},
        {"四季度", 2024, "2024-12-31"},
        {"第三季度", 2024, "2024-09-30"},
        {"三季度末前", 2024, "2024-09-30"},
        {"9月上旬", 2024, "2024-09-10"},
        {"9月中旬前", 2024, "2024-09-20"},
        {"2024年2月下旬", std::nullopt, "2024-02-29"},
        {"2024年9月;幼儿园:2024年11月", std::nullopt, "2024-11-30"},
        {"塘溪学校:2024年9月;幼儿园:2024年11月", std::nullopt, "2024-11-30"},
        {"1. 泰康中路:2024年7月;2.梅湖路:2024年6月;3.紫城路:2024年9月。", std::nullopt, "2024-09-30"},
        {"2024年3月至6月", std::nullopt, "2024-06-30"},
        {"2024—2025年", std::nullopt, "2025-12-31"},
        {"2025年", 2024, "2025-12-31"},
        {"十二月", 2024, "2024-12-31"},
        {"２０２４年１０月", std::nullopt, "2024-10-31"},
        {"“五一”前", 2024, "2024-05-01"},
        {"长期坚持", 2024, std::nullopt},
        {"持续推进", std::nullopt, std::nullopt},
        {"", 2024, std::nullopt},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(deadline_iso(c.text, c.year) == c.iso);
    }
}

TEST_CASE("find_deadline: a completion time inside a task text", "[deadline]") {
    struct Case {
        std::string text;
        std::optional<std::string> phrase;
    };
    const std::vector<Case> cases = {
        {"争取奎光阁、东城门等标志性建筑10月1日完工开放，精心修缮东管庙。", "10月1日"},
        {"年底前建成", "年底前"},
        {"推动项目6月底前完成", "6月底前"},
        {"努力推动聚泰新能源材料项目一期今年四季度试生产", "今年四季度"},
        {"确保2024年底前全面建成", "2024年底前"},
        {"到2024年底,淘汰400辆国四排放标准营运柴油货车。", "2024年底"},
        // 全年 sizes an annual target; it is no completion time.
        {"全年完成固定资产投资增长8%以上", std::nullopt},
        // Policy tasks deliver a document: the time before 出台/印发/制定 is their deadline.
        {"3月底前出台促进民营经济发展实施方案", "3月底前"},
        {"年底前制定城市更新管理办法", "年底前"},
        {"9月底前启动地铁二期建设", "9月底前"},
        {"推进县人民医院新院区建设，2025年底前投入使用。", "2025年底前"},
        // The work year is not a completion time; neither is a date without a completion verb.
        {"2024 年完成 20 家以上", std::nullopt},
        {"请各牵头责任单位于3月19日前报送《2024年工作计划》", std::nullopt},
        {"加强民生兜底保障，推进医疗保险全民参保行动。", std::nullopt},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(find_deadline(c.text) == c.phrase);
    }
}
