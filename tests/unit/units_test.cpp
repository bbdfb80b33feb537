// The unit splitter: separators, brackets, aliases, 牵头 markers, 等, conventions.
#include <catch2/catch.hpp>

#include "tasksplit/units.hpp"
#include "test_support.hpp"

using namespace tasksplit;

namespace {

struct Split {
    std::vector<std::string> lead, support, aliases;
    std::string basis, convention;
    int empty = 0;
};

Split split(const std::string& text) {
    UnitList list = split_units(make_run(text), test::parser().rules());
    Split s;
    std::vector<Unit> lead, support;
    s.basis = assign_roles(list, lead, support);
    s.lead = test::names(lead);
    s.support = test::names(support);
    for (const auto& u : list.units) s.aliases.push_back(u.alias);
    if (list.convention) s.convention = list.convention->utf8();
    s.empty = list.empty_pieces;
    return s;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("separators split outside brackets only", "[units]") {
    auto s = split("区税务局,各镇(街道、园区)");
    CHECK(s.lead == V{"区税务局"});
    CHECK(s.support == V{"各镇(街道、园区)"});
    s = split("各县（区）政府、功能区管委会，市政府直属各单位");
    CHECK(s.lead == V{"各县（区）政府"});
    CHECK(s.support == V{"功能区管委会", "市政府直属各单位"});
    CHECK(s.basis == "convention");
}

TEST_CASE("bracketed aliases are split off the name", "[units]") {
    auto s = split("区经信局、区委组织部<区委人才办>");
    CHECK(s.support == V{"区委组织部"});
    CHECK(s.aliases[1] == "区委人才办");
    s = split("市财政局(市国资委)，市属各国有企业");
    CHECK(s.lead == V{"市财政局"});
    CHECK(s.aliases[0] == "市国资委");
    s = split("市府办（市数据局）");
    CHECK(s.lead == V{"市府办"});
}

TEST_CASE("brackets that belong to the name stay", "[units]") {
    auto s = split("定海中心片区排涝提升工程（五山生态旅游带建设项目）现场建设指挥部、区水利局");
    CHECK(s.lead == V{"定海中心片区排涝提升工程（五山生态旅游带建设项目）现场建设指挥部"});
    s = split("各镇(街道)");
    CHECK(s.lead == V{"各镇(街道)"});
    CHECK(s.aliases[0].empty());
}

TEST_CASE("牵头 markers decide the leads", "[units]") {
    auto s = split("区发改局、区财政局牵头，区政府直属各单位、各镇街");
    CHECK(s.lead == V{"区发改局", "区财政局"});
    CHECK(s.support == V{"区政府直属各单位", "各镇街"});
    CHECK(s.basis == "explicit");
    s = split("定海工业园区、区经信局、区投促中心牵头");
    CHECK(s.lead == V{"定海工业园区", "区经信局", "区投促中心"});
    CHECK(s.support.empty());
    s = split("区府办牵头，区公共服务“七优享”专班各成员单位");
    CHECK(s.lead == V{"区府办"});
    CHECK(s.support == V{"区公共服务“七优享”专班各成员单位"});
    s = split("区发改局牵头，区财政局按职责分工负责");
    CHECK(s.support == V{"区财政局"});
    // How the others take part: 落实, 组织实施, 按职责分工落实.
    s = split("市商务局牵头，各区政府落实");
    CHECK(s.lead == V{"市商务局"});
    CHECK(s.support == V{"各区政府"});
    s = split("市发展改革委牵头，市财政局、各区政府按职责分工落实");
    CHECK(s.support == V{"市财政局", "各区政府"});
    s = split("市人力资源社会保障局牵头，各区政府负责落实");
    CHECK(s.support == V{"各区政府"});
    // The State Council's "X牵头，Y参加", also after a semicolon.
    s = split("市政务服务数据管理局牵头；市委网信办、市发展改革委参加");
    CHECK(s.lead == V{"市政务服务数据管理局"});
    CHECK(s.support == V{"市委网信办", "市发展改革委"});
}

TEST_CASE("等 closes a list before a collective unit", "[units]") {
    auto s = split("区经信局、区国资中心等区级有关部门,有关镇(街道、园区)");
    CHECK(s.lead == V{"区经信局"});
    CHECK(s.support == V{"区国资中心", "区级有关部门", "有关镇(街道、园区)"});
}

TEST_CASE("convention sentences are never units", "[units]") {
    auto s = split("区财政局、区府办、各镇街<除有已标明牵头单位外，列第一位的为牵头单位，下同>");
    CHECK(s.support == V{"区府办", "各镇街"});
    CHECK(s.convention == "除有已标明牵头单位外，列第一位的为牵头单位，下同");
    s = split("区财政局、区审计局、区属各国有企业（列首位为牵头单位，下同）");
    CHECK(s.support == V{"区审计局", "区属各国有企业"});
    CHECK(s.convention == "列首位为牵头单位，下同");
    s = split("市财政局(市国资委)，市属各国有企业(列第一位者为牵头单位，下同)");
    CHECK(s.support == V{"市属各国有企业"});
}

TEST_CASE("spaces and line breaks inside a name are extraction artefacts", "[units]") {
    auto s = split("区发改局、区旅 游集团");
    CHECK(s.support == V{"区旅游集团"});
    s = split("市卫健委 市教育局");
    CHECK(s.lead == V{"市卫健委"});
    CHECK(s.support == V{"市教育局"});
    // Letter-spaced PDF text: both halves end like units, but the right one does not open like one.
    s = split("区发改局、区委 政法委、市科 技局、区人力社 保局");
    CHECK(s.support == V{"区委政法委", "市科技局", "区人力社保局"});
}

TEST_CASE("two names of one cell glued by a lost line break are two units", "[units]") {
    auto s = split("区住建局区交通运输局、区发改局");
    CHECK(s.lead == V{"区住建局"});
    CHECK(s.support == V{"区交通运输局", "区发改局"});
    s = split("市发改委市财政局");
    CHECK(s.support == V{"市财政局"});
    s = split("区财政局区公安分局");
    CHECK(s.support == V{"区公安分局"});
    // One name: the part after the end does not open like a unit, names a branch by its place
    // (北湖分局), or a side is too short.
    for (const char* one : {"市自然资源和规划局定海分局", "市生态环境局北湖分局", "市公安局东城分局", "县委县政府督查室", "区委区政府办公室", "市委办公室"}) {
        INFO(one);
        CHECK(split(one).lead == V{one});
    }
}

TEST_CASE("a dangling separator is counted", "[units]") {
    auto s = split("高新区管委会、舟山海关、舟山海事局、");
    CHECK(s.empty == 1);
    CHECK(s.support.size() == 2);
}

TEST_CASE("unit kinds", "[units]") {
    const Rules& r = test::parser().rules();
    CHECK(unit_kind(make_run("区发改局").fold, r) == "department");
    CHECK(unit_kind(make_run("白泉镇").fold, r) == "township");
    CHECK(unit_kind(make_run("各镇街").fold, r) == "collective");
    CHECK(unit_kind(make_run("区防指各成员单位").fold, r) == "collective");
    CHECK(unit_kind(make_run("区旅游发展集团").fold, r) == "enterprise");
    CHECK(unit_kind(make_run("美丽校园建设项目指挥部").fold, r) == "taskforce");
    CHECK(unit_kind(make_run("舟山军分区").fold, r) == "department");
    CHECK(unit_kind(make_run("市广播电视台").fold, r) == "department");
    CHECK(unit_kind(make_run("建设数字化平台").fold, r) == "other");
    CHECK(unit_kind(make_run("定海工业园区").fold, r) == "department");
    CHECK(unit_kind(make_run("杭州高新区").fold, r) == "department");
    CHECK(unit_kind(make_run("城区").fold, r) == "other");
}

TEST_CASE("分别牵头: every unit listed leads, and the adverb is no part of a name", "[units]") {
    Split a = split("市农业农村局、市水利局分别牵头，各县区政府落实");
    CHECK(a.lead == V{"市农业农村局", "市水利局"});
    CHECK(a.support == V{"各县区政府"});
    CHECK(a.basis == "explicit");
    // A verb after the marker too ("分别牵头落实").
    Split b = split("市金融办、人民银行某某中心支行分别牵头落实");
    CHECK(b.lead == V{"市金融办", "人民银行某某中心支行"});
    CHECK(b.support.empty());
}

TEST_CASE("bracketed 牵头 markers: one unit, or every unit before with 以上/并列", "[units]") {
    Split a = split("市交通运输局、市发展和改革局〔牵头〕、市工业和信息化局");
    CHECK(a.lead == V{"市发展和改革局"});
    CHECK(a.support == V{"市交通运输局", "市工业和信息化局"});
    Split b = split("市交通运输局、市发展和改革局（并列牵头），市商务局");
    CHECK(b.lead == V{"市交通运输局", "市发展和改革局"});
    CHECK(b.support == V{"市商务局"});
    Split c = split("市农业农村局、市发展和改革局（以上按职责分工牵头）、市财政局");
    CHECK(c.lead == V{"市农业农村局", "市发展和改革局"});
    CHECK(c.support == V{"市财政局"});
    Split d = split("市财政局(市国资委)、市发改委");  // an alias, not a marker
    CHECK(d.lead == V{"市财政局"});
    CHECK(d.basis == "convention");
}

TEST_CASE("a conjunction between two whole units; 按职责分工负责 alone makes a clause", "[units]") {
    Split a = split("省统计局、省直有关单位和各市州人民政府按职责分工负责");
    CHECK(a.support == V{"省直有关单位", "各市州人民政府"});
    CHECK(split("市自然资源和规划局").lead == V{"市自然资源和规划局"});
    CHECK(split("区安委会和消安委会成员单位").lead == V{"区安委会和消安委会成员单位"});
}

TEST_CASE("等 closing a list names no unit", "[units]") {
    Split a = split("市发展改革委、市工信局、市商务局等");
    CHECK(a.lead == V{"市发展改革委"});
    CHECK(a.support == V{"市工信局", "市商务局"});
    // Nor does a bare word after it: "等部门", "等单位".
    Split b = split("市发改委、市财政局等部门");
    CHECK(b.lead == V{"市发改委"});
    CHECK(b.support == V{"市财政局"});
    CHECK(split("市商务局等单位").lead == V{"市商务局"});
}

TEST_CASE("text run into the last unit is split off, not named a unit", "[units]") {
    // A copy that lost its line breaks glued the next heading after the last unit.
    const UnitList list = split_units(make_run("城建科、园林局配合做好专项整治工作"), test::parser().rules());
    CHECK(test::names(list.units) == V{"城建科", "园林局"});
    REQUIRE(list.run_on);
    CHECK(list.run_on->utf8() == "配合做好专项整治工作");
    // A name that ends like no unit but holds a bracket is left whole; so is a whole unit.
    CHECK_FALSE(split_units(make_run("区委组织部<区委人才办>"), test::parser().rules()).run_on);
    CHECK_FALSE(split_units(make_run("市政府办公厅"), test::parser().rules()).run_on);
    // Too short a tail is no heading: "市财政局牵头" is read by its marker, not cut here.
    CHECK(split("市财政局牵头").lead == V{"市财政局"});
}
