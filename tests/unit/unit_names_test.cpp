// Whole names for units printed short (Unit::canonical): a level or a suffix printed once.
#include <catch2/catch.hpp>

#include "tasksplit/json_io.hpp"
#include "test_support.hpp"

using namespace tasksplit;

namespace {

/// Every unit of the parsed notice as "name>canonical" ("name" alone when it is whole).
std::vector<std::string> canonical_names(const std::string& notice) {
    std::vector<std::string> out;
    for (const Item& it : test::all_items(test::parse_string(notice)))
        for (const auto* list : {&it.lead, &it.support})
            for (const Unit& u : *list) out.push_back(u.canonical.empty() ? u.name : u.name + ">" + u.canonical);
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("a bare department after one printing its level takes the level", "[units][canonical]") {
    CHECK(canonical_names("一、重点工作\n1.稳住外贸基本盘。（省商务厅、财政厅负责）\n2.办好展会。（省商务厅负责）\n") ==
          V{"省商务厅", "财政厅>省财政厅", "省商务厅"});
    // The party committee's departments keep 委; a level word (城市) is no level.
    CHECK(canonical_names("一、重点工作\n1.加强宣传。（市委宣传部、组织部负责）\n2.整治市容。（市住建局、城市管理局负责）\n") ==
          V{"市委宣传部", "组织部>市委组织部", "市住建局", "城市管理局>市城市管理局"});
}

TEST_CASE("bodies of their own are not given the level", "[units][canonical]") {
    // A school and a laboratory close unlike the bureau before them and are printed nowhere with 市.
    CHECK(canonical_names("一、重点工作\n1.建设海洋学科。（市教育局、北湖海洋大学、东海实验室负责）\n") ==
          V{"市教育局", "北湖海洋大学", "东海实验室"});
    // A place the notice names elsewhere ("南浦市" in a bank's name) marks 南浦海事局 as named whole.
    CHECK(canonical_names("一、重点工作\n1.保障航运。（市交通局、南浦海事局负责）\n2.稳定金融。（市金融办、人民银行南浦市分行负责）\n") ==
          V{"市交通局", "南浦海事局", "市金融办", "人民银行南浦市分行"});
    // Too long for a generic name.
    CHECK(canonical_names("一、重点工作\n1.防范金融风险。（市金融办、国家金融监督管理总局某某监管分局负责）\n") ==
          V{"市金融办", "国家金融监督管理总局某某监管分局"});
}

TEST_CASE("a notice that names its own bureaus bare gives them no level", "[units][canonical]") {
    // Most tasks open with a bare name: "市生态环境局X分局、财政局" there is the county's 财政局.
    CHECK(canonical_names("一、重点工作\n1.治理河道。（水利局、财政局负责）\n2.整治污染。（市生态环境局北湖分局、财政局负责）\n"
                          "3.修缮校舍。（教育局、住建局负责）\n") ==
          V{"水利局", "财政局", "市生态环境局北湖分局", "财政局", "教育局", "住建局"});
}

TEST_CASE("places printed bare before one with a suffix share the suffix", "[units][canonical]") {
    CHECK(canonical_names("一、重点工作\n1.治理城区内涝。（东城区、西城区政府负责）\n2.建设产业园。（临川县、安平县人民政府负责）\n") ==
          V{"东城区>东城区政府", "西城区政府", "临川县>临川县人民政府", "安平县人民政府"});
    // A place of another level is not part of the run.
    CHECK(canonical_names("一、重点工作\n1.治理城区内涝。（北湖县、西城区政府负责）\n") == V{"北湖县", "西城区政府"});
}

TEST_CASE("canonical names are written whole and read back", "[units][canonical][json]") {
    const Document doc = test::parse_string("一、重点工作\n1.稳住外贸基本盘。（省商务厅、财政厅负责）\n");
    const nlohmann::ordered_json json = to_json(doc);
    const auto& unit = json["parts"][0]["sections"][0]["items"][0]["support"][0];
    CHECK(unit["name"] == "财政厅");
    CHECK(unit["canonical"] == "省财政厅");
    // Whole names are written too, so a script can group by canonical alone.
    CHECK(json["parts"][0]["sections"][0]["items"][0]["lead"][0]["canonical"] == "省商务厅");
    const Document back = document_from_json(nlohmann::json::parse(json.dump()));
    const auto items = test::all_items(back);
    REQUIRE(items.size() == 1);
    REQUIRE(items[0].support.size() == 1);
    CHECK(items[0].support[0].canonical == "省财政厅");
    CHECK(items[0].lead[0].canonical.empty());
}
