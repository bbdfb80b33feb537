#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "tasksplit/rules.hpp"
#include "tasksplit/targets.hpp"
#include "../../src/targets/scan.hpp"

using tasksplit::Target;
using tasksplit::TargetExtractor;

namespace {

const TargetExtractor& extractor() {
    static const TargetExtractor ex;
    return ex;
}

// Whitespace removed, as the gold compares indicators: PDF spaces ("LNG 罐容") do not count.
std::string squeeze(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
            ++i;
        } else if (s.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000
            i += 3;
        } else {
            out += s[i++];
        }
    }
    return out;
}

struct Expected {
    double value;
    std::string measure;
    std::string bound;
    bool aspirational;
    std::string indicator;  // whitespace-insensitive; not checked when empty
};

const Target* find(const std::vector<Target>& ts, double value, const std::string& measure) {
    for (const auto& t : ts)
        if (std::fabs(t.value - value) < 1e-9 && t.measure == measure) return &t;
    return nullptr;
}

}  // namespace

TEST_CASE("targets: committed quantities", "[targets]") {
    struct Case {
        std::string text;
        std::vector<Expected> targets;
    };
    const std::vector<Case> cases = {
        {"一般公共预算收入增长 5%。", {{5, "%", "", false, "一般公共预算收入"}}},
        {"规上工业增加值增长8%。", {{8, "%", "", false, "规上工业增加值"}}},
        // Two targets for one indicator: count and amount.
        {"实施省“千项万亿”重大项目 16 个 125.6 亿元、市重点项目 51 个 215.9 亿元，力争实现制造业投资 150 亿元、增长 130%以上。",
         {{16, "个", "", false, "省“千项万亿”重大项目"},
          {125.6, "亿元", "", false, "省“千项万亿”重大项目"},
          {51, "个", "", false, "市重点项目"},
          {215.9, "亿元", "", false, "市重点项目"},
          {150, "亿元", "", true, "制造业投资"},
          {130, "%", ">=", true, "制造业投资"}}},
        {"新增城镇就业 2.4 万人以上。", {{2.4, "万人", ">=", false, "城镇就业"}}},
        // Compound measures; "PM2.5" is a name, not a quantity.
        {"PM2.5平均浓度控制在25微克/立方米以下。", {{25, "微克/立方米", "<=", false, "PM2.5平均浓度"}}},
        {"研发投入强度提高0.1个百分点。", {{0.1, "个百分点", "", false, "研发投入强度"}}},
        {"盘活整治低效闲置用地 800 亩、新增耕地 1500 亩，力争供应各类项目用地 2000 亩以上。",
         {{800, "亩", "", false, "低效闲置用地"}, {1500, "亩", "", false, "耕地"}, {2000, "亩", ">=", true, "项目用地"}}},
        // 其中 sub-count with its own noun phrase; the 10 亿元以上 qualifier is not a target.
        {"争取全年招引落地重点产业项目 14 个以上、其中 10 亿元以上先进制造业项目 3 个，实际利用外资 1 亿美元以上。",
         {{14, "个", ">=", true, "重点产业项目"}, {3, "个", "", true, "10 亿元以上先进制造业项目"}, {1, "亿美元", ">=", true, "实际利用外资"}}},
        // 力争 governs only its own clause; 新增 opens a new one.
        {"力争国家级专精特新“小巨人”企业取得新突破，新增省级专精特新企业 16 家以上。", {{16, "家", ">=", false, "省级专精特新企业"}}},
        {"地区生产总值增长 6.5%、力争 7%，固定资产投资增长 6%。",
         {{6.5, "%", "", false, "地区生产总值"}, {7, "%", "", true, "地区生产总值"}, {6, "%", "", false, "固定资产投资"}}},
        // Counted noun after the count.
        {"加快推进万马装备智造园等 18 个重点项目建设。", {{18, "个", "", false, "重点项目"}}},
        {"加大 8 家重点储备企业引导培育力度。", {{8, "家", "", false, "重点储备企业"}}},
        {"建成交付工农路、廷佐小学南侧等安置小区4个。", {{4, "个", "", false, "安置小区"}}},
        {"完成居家环境无障碍改造 54 户。", {{54, "户", "", false, "居家环境无障碍改造"}}},
        {"力争园区固定资产投资、规上工业总产值年均增长 15%以上。", {{15, "%", ">=", true, "园区固定资产投资、规上工业总产值"}}},
        {"为 80 岁以上高龄老人配备智慧救援设施 3000 套以上。", {{3000, "套", ">=", false, "智慧救援设施"}}},
        {"提升改造道路 24 条 59.3 公里。", {{24, "条", "", false, "道路"}, {59.3, "公里", "", false, "道路"}}},
        {"建成“示范工厂”5家、“品质工厂”10家。", {{5, "家", "", false, "“示范工厂”"}, {10, "家", "", false, "“品质工厂”"}}},
        // Bounds: 以内, 左右, 不低于, LaTeX.
        {"城镇登记失业率控制在2.5%以内", {{2.5, "%", "<=", false, "城镇登记失业率"}}},
        {"地区生产总值增长6%左右", {{6, "%", "~", false, "地区生产总值"}}},
        {"投资项目“联合验收”率不低于95%", {{95, "%", ">=", false, "投资项目“联合验收”率"}}},
        {"儿童孤独症政策内报销比例 $\\geq 60\\%$ 。", {{60, "%", ">=", false, "儿童孤独症政策内报销比例"}}},
        {"城乡居民最低生活保障年标准约1.5万元", {{1.5, "万元", "~", false, ""}}},
        // Chinese numerals.
        {"新建两个城市书房。", {{2, "个", "", false, "城市书房"}}},
        {"其中十亿级产业项目18个以上", {{18, "个", ">=", false, "十亿级产业项目"}}},
        // A rider after 、 keeps the indicator; a later clause without a verb keeps the marker.
        {"力争实现进口粮食中转量 2900 万吨、增长 4.3%，粮食加工量 200 万吨、增长 5.3%。",
         {{2900, "万吨", "", true, "进口粮食中转量"},
          {4.3, "%", "", true, "进口粮食中转量"},
          {200, "万吨", "", true, "粮食加工量"},
          {5.3, "%", "", true, "粮食加工量"}}},
        // A baseline is not a target and not part of the indicator.
        {"城乡居民医保财政补助由每年420元提高到450元。", {{450, "元", "", false, "城乡居民医保财政补助"}}},
        {"完成铁路建设投资8000亿元、公路水运投资1.8万亿元。",
         {{8000, "亿元", "", false, "铁路建设投资"}, {1.8, "万亿元", "", false, "公路水运投资"}}},
        // Fullwidth digits and percent sign.
        {"固定资产投资增长１０％", {{10, "%", "", false, "固定资产投资"}}},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto got = extractor().extract(c.text);
        CHECK(got.size() == c.targets.size());
        for (const auto& e : c.targets) {
            INFO(e.value << " " << e.measure);
            const Target* t = find(got, e.value, e.measure);
            REQUIRE(t != nullptr);
            CHECK(t->bound == e.bound);
            CHECK(t->aspirational == e.aspirational);
            if (!e.indicator.empty()) CHECK(squeeze(t->indicator) == squeeze(e.indicator));
            // Offsets are bytes into the text and cover the target's text.
            CHECK(c.text.substr(t->start, t->end - t->start) == t->text);
        }
    }
}

TEST_CASE("targets: verbs and spans", "[targets]") {
    const auto a = extractor().extract("新建高标准农田 800 亩、蔬菜智能化生产基地 200 亩以上。");
    REQUIRE(a.size() == 2);
    CHECK(a[1].verb == "新建");
    CHECK(a[1].text == "新建高标准农田 800 亩、蔬菜智能化生产基地 200 亩以上");
    const auto b = extractor().extract("实际利用外资 1 亿美元以上。");
    REQUIRE(b.size() == 1);
    CHECK(b[0].verb.empty());
    CHECK(b[0].text == "实际利用外资 1 亿美元以上");
    const auto c = extractor().extract("加大 8 家重点储备企业引导培育力度。");
    REQUIRE(c.size() == 1);
    CHECK(c[0].verb == "引导培育");
    CHECK(c[0].text == "8 家重点储备企业引导培育");
}

TEST_CASE("targets: what is not a target", "[targets]") {
    const std::vector<std::string> none = {
        "深化完善“143”海洋特色制造业集群培育方案。",
        "积极构建“1+3+X”服务模式。",
        "扎实推进“八五”普法。",
        "加快实施 5000 吨级公共液体化工码头等基础设施项目。",
        "启动创建东海云廊4A级旅游景区。",
        "建设110kV变电站。",
        "加快S309东钱湖段建设。",
        "加快轨道交通6、7、8号线建设。",
        "争取奎光阁、东城门等标志性建筑10月1日完工开放。",
        "2024—2025年对全省所有未达标单村水站进行改造。",
        "努力构建“ 15分钟托育服务圈”。",
        "争取华康股份 200 万吨玉米精深加工项目一期建成投产。",
        "重点实施五大生态环境专项整治行动。",
        "集中力量抓好办成省市三级民生实事项目。",
        "改造提升区第三社会福利院。",
        "努力走出一条共同富裕之路。",
        "培育一批数字产业省级试点。",
        "实施万亩果园土壤肥力改良专项行动。",
        "总投资超百亿的重点项目加快建设。",
        "坚定拥护“两个确立”、坚决做到“两个维护”。",
        "（1）个人所得税汇算清缴服务。",
        "请各牵头责任单位于3月19日前报送。",
        "谋划实施定海工业园区现代园区建设三年行动。",
    };
    for (const auto& text : none) {
        INFO(text);
        CHECK(extractor().extract(text).empty());
    }
    // Ages and population qualifiers are not targets; the count beside them is.
    const auto t = extractor().extract("为全市 60 岁以上老年人免费接种流感疫苗 11.7 万人。");
    REQUIRE(t.size() == 1);
    CHECK(t[0].value == 11.7);
    CHECK(t[0].measure == "万人");
    CHECK(squeeze(t[0].indicator) == "流感疫苗");
}

TEST_CASE("targets: extract is const and safe to share between threads", "[targets]") {
    const std::string text = "新增规上工业企业 8 家以上，新增城镇就业 2.4 万人以上。";
    const auto expected = extractor().extract(text);
    std::vector<std::thread> threads;
    std::vector<int> ok(4, 0);
    for (int k = 0; k < 4; ++k) {
        threads.emplace_back([&, k] {
            for (int i = 0; i < 50; ++i) {
                const auto got = extractor().extract(text);
                ok[static_cast<std::size_t>(k)] += got.size() == expected.size() && got[1].value == 2.4;
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int n : ok) CHECK(n == 50);
}

// Scores extract() against the hand-made gold: items matched by (value, measure).
TEST_CASE("targets: gold precision, recall and fields", "[targets][gold]") {
    const std::string path = TASKSPLIT_SOURCE_DIR "/../shared/gold/targets/000_5f0d85f750916d58.targets.json";
    std::ifstream in(path);
    if (!in) {
        WARN("gold file absent, skipped: " << path);
        return;
    }
    const auto gold = nlohmann::json::parse(in);
    int gold_n = 0, got_n = 0, matched = 0, bound_ok = 0, asp_ok = 0, ind_ok = 0;
    for (const auto& item : gold["items"]) {
        const auto got = extractor().extract(item["text"].get<std::string>());
        got_n += static_cast<int>(got.size());
        std::vector<bool> used(got.size(), false);
        for (const auto& g : item["targets"]) {
            ++gold_n;
            for (std::size_t k = 0; k < got.size(); ++k) {
                if (used[k] || std::fabs(got[k].value - g["value"].get<double>()) > 1e-9 ||
                    got[k].measure != g["measure"].get<std::string>())
                    continue;
                used[k] = true;
                ++matched;
                const std::string bound = g["bound"].is_null() ? "" : g["bound"].get<std::string>();
                bound_ok += got[k].bound == bound;
                asp_ok += got[k].aspirational == g["aspirational"].get<bool>();
                ind_ok += squeeze(got[k].indicator) == squeeze(g["indicator"].get<std::string>());
                break;
            }
        }
    }
    REQUIRE(gold_n > 0);
    REQUIRE(matched > 0);
    const double precision = got_n ? double(matched) / got_n : 0;
    const double recall = double(matched) / gold_n;
    const double bound = double(bound_ok) / matched;
    const double asp = double(asp_ok) / matched;
    const double ind = double(ind_ok) / matched;
    std::printf("targets gold: gold=%d extracted=%d matched=%d precision=%.3f recall=%.3f bound=%.3f aspirational=%.3f indicator=%.3f\n",
                gold_n, got_n, matched, precision, recall, bound, asp, ind);
    CHECK(precision >= 0.95);
    CHECK(recall >= 0.95);
    CHECK(bound >= 0.95);
    CHECK(asp >= 0.95);
    CHECK(ind >= 0.85);
}
