// tasksplit diff as an analyst runs it: the Dinghai 2023 -> 2024 pair (samples 001 -> 000), the
// three report formats, exit statuses, colour, and alias files.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "tasksplit/json_io.hpp"

using tasksplit::test::run_cli;
using nlohmann::json;

namespace {

const std::string kPair = "samples/001_4ca63f7906623aa9.txt samples/000_5f0d85f750916d58.txt";

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

const json* find(const json& array, const std::string& key, const std::string& value) {
    for (const auto& e : array)
        if (e.contains(key) && e[key] == value) return &e;
    return nullptr;
}

// A tasksplit JSON document with one section; each task is {text, lead unit}.
std::string write_doc(const std::string& path, int year, const std::vector<std::pair<std::string, std::string>>& tasks) {
    tasksplit::Document d;
    d.source.path = path;
    d.document.year = year;
    tasksplit::Part part;
    part.id = "p1";
    part.kind = "key_tasks";
    part.title = "重点工作";
    tasksplit::Section s;
    s.id = "p1.s1";
    s.ordinal = 1;
    s.label = "一";
    s.leader = tasksplit::Person{"余舟", "副区长"};
    for (const auto& [text, lead] : tasks) {
        tasksplit::Item it;
        it.number = std::to_string(s.items.size() + 1);
        it.id = "p1.s1.i" + *it.number;
        it.text = text;
        it.leader = s.leader;
        it.lead = {{lead, lead, "", "taskforce"}};
        it.lead_basis = "single";
        it.span.line = static_cast<int>(s.items.size()) * 2 + 1;
        it.span.end_line = it.span.line;
        s.items.push_back(it);
    }
    part.sections.push_back(s);
    d.parts.push_back(part);
    std::ofstream(path) << tasksplit::to_json(d).dump(2);
    return path;
}

}  // namespace

TEST_CASE("diff cli: Dinghai 2023 -> 2024 text report", "[cli][diff]") {
    auto r = run_cli("diff " + kPair);
    REQUIRE(r.code == 1);
    CHECK(r.err.empty());
    CHECK_FALSE(has(r.out, "\x1b["));  // not a terminal: no colour
    // The budget-revenue target, found although the 2023 task was split.
    CHECK(has(r.out, "一般公共预算收入增长"));
    CHECK(has(r.out, "8%           → 5%           lowered"));
    for (const char* rename : {"区人社局 → 区人力社保局", "区应急管理局 → 区应急局", "区旅游集团 → 区旅游发展集团"})
        CHECK(has(r.out, rename));
    // Leaders: 丁伟民 left, 刘烈 arrived and took over employment from 夏泉.
    CHECK(has(r.out, "丁伟民 常委副区长"));
    CHECK(has(r.out, "刘烈 副区长"));
    CHECK(has(r.out, "二.14 L81 → 九.1 L277"));
    CHECK(has(r.out, "leader   夏泉 → 刘烈"));
}

TEST_CASE("diff cli: JSON report of the Dinghai pair", "[cli][diff]") {
    auto r = run_cli("diff --format json --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml " + kPair);
    REQUIRE(r.code == 1);
    json j = json::parse(r.out);
    CHECK(j["format"] == "tasksplit-diff/1");
    CHECK(j["old"]["year"] == 2023);
    CHECK(j["new"]["items"] == 108);
    CHECK(j["equal"] == false);
    const auto& counts = j["summary"]["counts"];
    CHECK(counts["old_items"] == 82);
    CHECK(counts["continued"].get<int>() >= 40);

    const json* budget = find(j["summary"]["targets"], "indicator", "一般公共预算收入");
    REQUIRE(budget);
    CHECK((*budget)["old"]["value"] == 8);
    CHECK((*budget)["new"]["value"] == 5);
    CHECK((*budget)["change"] == "lowered");
    CHECK((*budget)["old"]["item"]["ref"] == "二.1");
    CHECK((*budget)["new"]["item"]["ref"] == "一.1");

    const json* hr = find(j["summary"]["renames"], "name", "区人力社保局");
    REQUIRE(hr);
    CHECK((*hr)["old_names"] == json::array({"区人社局"}));

    // The rural work moved from 朱朝辉 to 王其锋 as a whole, not one task.
    bool rural = false;
    for (const auto& m : j["summary"]["leader_moves"])
        if (m["from"] == "朱朝辉" && m["to"] == "王其锋") {
            rural = true;
            CHECK(m["old_tasks"].get<int>() >= 4);
        }
    CHECK(rural);

    // 数字经济核心产业增加值 10% -> 规上营收 5% is another indicator, not a lowered target.
    const json* digital = find(j["summary"]["targets"], "indicator", "数字经济核心产业规上营收");
    REQUIRE(digital);
    CHECK((*digital)["change"] == "added");
    CHECK((*digital)["kind"] == "indicator_changed");
    CHECK((*digital)["counterpart"] == "数字经济核心产业增加值");

    // “小岛你好” names one task each year: 2023 二.11 continued in 2024 四.3, not dropped.
    bool island = false;
    for (const auto& p : j["pairs"])
        if (p["old"]["ref"] == "二.11" && p["new"]["ref"] == "四.3")
            island = p["evidence"]["anchors"] == json::array({"小岛你好"});
    CHECK(island);
    CHECK_FALSE(find(j["dropped"], "ref", "二.11"));
    for (const auto& d : j["dropped"]) CHECK(d.contains("nearest"));

    const json* ding = find(j["summary"]["leaders"], "name", "丁伟民");
    REQUIRE(ding);
    CHECK((*ding)["old"]["items"] == 12);
    CHECK((*ding)["new"].is_null());
    CHECK_FALSE((*ding)["moved_out"].empty());

    // The 2023 growth targets were split three ways.
    bool split = false;
    for (const auto& s : j["splits"]) split = split || (s["old"]["ref"] == "二.1" && s["new"].size() == 3);
    CHECK(split);

    bool employment = false;
    for (const auto& p : j["pairs"])
        if (p["old"]["ref"] == "二.14" && p["new"]["ref"] == "九.1") {
            employment = true;
            CHECK(p["strength"] == "continued");
            CHECK(p["changes"]["leader_old"] == "夏泉");
            CHECK(p["changes"]["leader_new"] == "刘烈");
        }
    CHECK(employment);
}

TEST_CASE("diff cli: Markdown report", "[cli][diff]") {
    auto r = run_cli("diff --format md " + kPair);
    REQUIRE(r.code == 1);
    CHECK(has(r.out, "# Task breakdown changes, 2023 → 2024"));
    CHECK(has(r.out, "| 一般公共预算收入增长 | 8% | 5% | **lowered** | 二.1 → 一.1 |"));
    CHECK(has(r.out, "## Leaders"));
    CHECK(has(r.out, "| 区人社局 | 区人力社保局 |"));
}

TEST_CASE("diff cli: exit status as diff(1)", "[cli][diff]") {
    CHECK(run_cli("diff samples/000_5f0d85f750916d58.txt samples/000_5f0d85f750916d58.txt").code == 0);
    auto missing = run_cli("diff samples/no-such-file.txt samples/000_5f0d85f750916d58.txt");
    CHECK(missing.code == 2);
    CHECK(has(missing.err, "no-such-file.txt"));
    CHECK(run_cli("diff --format xml " + kPair).code == 2);
    CHECK(run_cli("diff --color sometimes " + kPair).code == 2);
    CHECK(run_cli("diff samples/000_5f0d85f750916d58.txt").code == 2);
    CHECK(run_cli("diff --aliases samples/no-such-aliases.yaml " + kPair).code == 2);
}

TEST_CASE("diff cli: colour when asked, NO_COLOR only for the automatic choice", "[cli][diff]") {
    CHECK(has(run_cli("diff --color always " + kPair).out, "\x1b[31m"));
    CHECK_FALSE(has(run_cli("diff --color never " + kPair).out, "\x1b["));
    ::setenv("NO_COLOR", "1", 1);
    CHECK_FALSE(has(run_cli("diff " + kPair).out, "\x1b["));
    CHECK(has(run_cli("diff --color always " + kPair).out, "\x1b["));
    ::unsetenv("NO_COLOR");
}

TEST_CASE("diff cli: tasksplit JSON inputs, rename suggestions and --aliases", "[cli][diff]") {
    char dir[] = "/tmp/tasksplit-diff-XXXXXX";
    std::string tmp = mkdtemp(dir);
    std::string a = write_doc(tmp + "/old.json", 2023,
                              {{"加快建设鸦片战争遗址公园，不断扩大品牌影响力。", "区甲建设指挥部"},
                               {"启动实施海滨公园提升工程，谋划改造港务广场。", "区甲建设指挥部"},
                               {"深入开展“八五”普法，着力提升公民法治素养。", "区司法局"}});
    std::string b = write_doc(tmp + "/new.json", 2024,
                              {{"加快建设鸦片战争遗址公园，持续扩大品牌影响力。", "区乙发展中心"},
                               {"全面实施海滨公园提升工程，改造港务广场。", "区乙发展中心"},
                               {"深入开展“八五”普法，着力提升公民法治素养。", "区司法局"}});
    auto r = run_cli("diff --format json " + a + " " + b);
    REQUIRE(r.code == 1);
    json j = json::parse(r.out);
    REQUIRE(j["rename_suggestions"].size() == 1);
    CHECK(j["rename_suggestions"][0]["old"] == "区甲建设指挥部");
    CHECK(j["rename_suggestions"][0]["new"] == "区乙发展中心");
    CHECK(j["rename_suggestions"][0]["pairs"] == 2);

    std::ofstream(tmp + "/aliases.yaml") << "aliases:\n  区乙发展中心: [区甲建设指挥部]\n";
    r = run_cli("diff --format json --aliases " + tmp + "/aliases.yaml " + a + " " + b + " -o " + tmp + "/out.json");
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    std::ifstream in(tmp + "/out.json");
    j = json::parse(in);
    CHECK(j["rename_suggestions"].empty());
    REQUIRE(j["summary"]["renames"].size() == 1);
    CHECK(j["summary"]["renames"][0]["old_names"] == json::array({"区甲建设指挥部"}));
    std::system(("rm -rf '" + tmp + "'").c_str());
}

TEST_CASE("diff cli: years reversed or issuers differing give one warning line; --force silences it", "[cli][diff]") {
    const std::string s2023 = "samples/001_4ca63f7906623aa9.txt", s2024 = "samples/000_5f0d85f750916d58.txt";
    const std::string city2024 = "samples/002_ec35677d0826c0ae.txt";  // 舟山市人民政府办公室, not the district's office
    CHECK(run_cli("diff " + s2023 + " " + s2024).err.empty());
    auto reversed = run_cli("diff " + s2024 + " " + s2023);
    CHECK(reversed.code == 1);  // the comparison still runs as given
    CHECK_FALSE(reversed.out.empty());
    CHECK(reversed.err == "tasksplit: warning: " + s2024 + ", " + s2023 +
                              ": the years are reversed (2024, then 2023): the older notice goes first (--force silences this)\n");
    CHECK(run_cli("diff --force " + s2024 + " " + s2023).err.empty());
    auto both = run_cli("diff -f json " + city2024 + " " + s2023);
    CHECK(both.err == "tasksplit: warning: " + city2024 + ", " + s2023 +
                          ": the years are reversed (2024, then 2023): the older notice goes first; the issuers differ "
                          "(舟山市人民政府办公室 / 舟山市定海区人民政府办公室) (--force silences this)\n");
    // Unknown years (documents written without one) say nothing.
    tasksplit::test::Scratch s;
    tasksplit::Document d;
    d.source.path = "x.txt";
    CHECK(run_cli("diff " + s2024 + " " + s.file("x.json", tasksplit::to_json(d).dump(2))).err.empty());
}
