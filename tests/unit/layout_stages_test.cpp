// The evidence stages one by one (src/layout/layout.hpp): the numbering lexer, line features,
// relining, grid proposals and the choice against the clause walk. Invented wording throughout.
#include <catch2/catch.hpp>

#include "../../src/layout/layout.hpp"
#include "tasksplit/parse.hpp"
#include "tasksplit/targets.hpp"
#include "test_support.hpp"

using namespace tasksplit;
using namespace tasksplit::layout;
using test::all_items;
using test::names;
using V = std::vector<std::string>;

namespace {

SourceText source(const std::string& utf8) { return decode_source(utf8, "test.txt"); }

const Rules& rules() {
    static const Rules r = Rules::load();
    return r;
}

/// The non-blank lines of a relined text, as they read.
V lines_of(const SourceText& relined) {
    V lines;
    for (int i = 0; i < relined.line_count(); ++i) {
        Run line;
        line.append(relined, relined.line_start[i], relined.line_end[i]);
        if (!line.empty()) lines.push_back(line.utf8());
    }
    return lines;
}

}  // namespace

TEST_CASE("one numbering lexer reads every style with its value", "[layout][lines]") {
    struct Case {
        const char* text;
        NumberStyle style;
        int value;
    };
    for (const Case& c : {Case{"3 text", NumberStyle::arabic_bare, 3}, Case{"12.text", NumberStyle::arabic_dot, 12},
                          Case{"7、text", NumberStyle::arabic_dot, 7}, Case{"（4）text", NumberStyle::arabic_paren, 4},
                          Case{"二十一、text", NumberStyle::chinese_comma, 21}, Case{"(三)text", NumberStyle::chinese_paren, 3},
                          Case{"⑤text", NumberStyle::circled, 5}, Case{"⑵text", NumberStyle::circled, 2}}) {
        const SourceText t = source(c.text);
        const NumberToken n = number_at(t, 0, t.orig.length());
        INFO(c.text);
        CHECK(n.style == c.style);
        CHECK(n.value == c.value);
    }
    for (const char* no : {"2025年", "1.5%", "3月底", "统筹"}) {
        const SourceText t = source(no);
        INFO(no);
        CHECK_FALSE(number_at(t, 0, t.orig.length()));
    }
}

TEST_CASE("line features: bars, lone numbers and every kind of cell cut", "[layout][lines]") {
    const SourceText t = source("序号 |\n1 |\n|\n(2) | 新建公园5个。 | 县园林局 |\na\tb\tc\n甲  乙  丙\n1 新建公园5个。 县园林局\n");
    auto lines = read_lines(t);
    REQUIRE(lines.size() == 7);
    for (auto& l : lines) cut_cells(t, l);
    CHECK(lines[0].ends_with_bar);
    CHECK(lines[1].lone_number);
    CHECK(lines[2].separator);
    CHECK(lines[3].cut == CutKind::pipe);
    CHECK(lines[3].cells.size() == 3);
    CHECK(lines[3].head.style == NumberStyle::arabic_paren);
    CHECK(lines[4].cut == CutKind::tab);
    CHECK(lines[5].cut == CutKind::wide_space);
    CHECK(lines[6].cut == CutKind::single_space);
    CHECK(lines[6].cells.size() == 3);
}

TEST_CASE("a notice printed on one line is cut before the numbers of its chains", "[layout][reline]") {
    const std::string one_line =
        "为巩固创建成果,进一步改善城区面貌,结合本局实际,制定本方案,各科室、各所站要按分工抓好落实,每月底前报送进展情况。"
        "实施专项整治(一)老旧街区整治:修补破损路面三处,增设路灯二十盏。牵头领导:韩松副局长责任部门:市政科、照明所"
        "(二)背街小巷保洁:每日清扫两次,垃圾日产日清。牵头领导:钱悦副局长责任部门:环卫所"
        "(三)绿地补植:补种行道树三百株。牵头领导:韩松副局长责任部门:园林科";
    const SourceText t = source(one_line);
    std::vector<int> physical;
    const auto relined = reline(t, Evidence{}, rules(), physical);
    REQUIRE(relined);
    CHECK(relined->line_count() == 4);  // the preamble and three tasks
    CHECK(physical == std::vector<int>{0, 0, 0, 0});
    // A short line or a line without a chain is left alone.
    CHECK_FALSE(reline(source("(一)整治街区。(二)保洁。"), Evidence{}, rules(), physical));

    const Document d = test::parse_string(one_line);
    const auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(items[1].text == "背街小巷保洁:每日清扫两次,垃圾日产日清。");
    CHECK(names(items[1].lead) == V{"环卫所"});
    CHECK(items[1].leader->name == "钱悦");
    for (const auto& it : items) CHECK(it.span.line == 1);  // lines are the file's, not the cut ones
}

TEST_CASE("a notice joined with spaces is cut at the joins, not inside numbers or cells", "[layout][reline]") {
    // A CMS export: every line of a cell grid joined by one space, a deadline cell holding its own
    // numbered list, counts spaced off in a sentence.
    const std::string joined =
        "序号 本年目标 主抓部门 协同部门 "
        "1 新建城市书房6处,全市 60 岁以上读者免费。 县文旅局 县财政局、各乡镇 "
        "2 改造农贸市场3个,其中 1 个在城区。 县商务局 县市场监管局 "
        "3 新增公办托位200个,分两批: 1. 城东:6月;2.城西:9月。 县卫健委 县教育局、县住建局\n";
    const SourceText t = source(joined);
    std::vector<int> physical;
    const auto relined = reline(t, Evidence{}, rules(), physical);
    REQUIRE(relined);
    const V lines = lines_of(*relined);
    CHECK(lines == V{"序号", "本年目标", "主抓部门", "协同部门",
                     "1", "新建城市书房6处,全市 60 岁以上读者免费。", "县文旅局", "县财政局、各乡镇",
                     "2", "改造农贸市场3个,其中 1 个在城区。", "县商务局", "县市场监管局",
                     "3", "新增公办托位200个,分两批:", "1. 城东:6月;2.城西:9月。", "县卫健委", "县教育局、县住建局"});

    const auto items = all_items(test::parse_string(joined));
    REQUIRE(items.size() == 3);
    CHECK(names(items[0].lead) == V{"县文旅局"});
    CHECK(names(items[2].support) == V{"县教育局", "县住建局"});
}

TEST_CASE("a page footer glued inside a line is cut out of it and read as a page number", "[layout][reline]") {
    const std::string glued =
        "(一)绿地补植:补种行道树三百株。第 2 页共 9 页下载后可任意编辑牵头领导:韩松副局长责任部门:园林科"
        "(二)背街小巷保洁:每日清扫两次。牵头领导:钱悦副局长责任部门:环卫所"
        "(三)路灯维修:更换灯具五十盏。牵头领导:韩松副局长责任部门:照明所\n";
    std::vector<int> physical;
    const auto relined = reline(source(glued), Evidence{}, rules(), physical);
    REQUIRE(relined);
    const V lines = lines_of(*relined);
    CHECK(std::find(lines.begin(), lines.end(), "第 2 页共 9 页下载后可任意编辑") != lines.end());
    const auto items = all_items(test::parse_string(glued));
    REQUIRE(items.size() == 3);
    CHECK(items[0].text == "绿地补植:补种行道树三百株。");
    CHECK(names(items[0].lead) == V{"园林科"});
    // A short line loses its footer too; "第3页" alone may be text and stays.
    CHECK(reline(source("完成绿化工作。第3页共5页\n"), Evidence{}, rules(), physical));
    CHECK_FALSE(reline(source("见第3页附表。\n"), Evidence{}, rules(), physical));
}

TEST_CASE("a drawn table joined into one line is cut at the rules between its rows", "[layout][reline]") {
    const std::string joined =
        "┌──┬────────┬──────┐ │序号│重点工作│牵头单位│ ├──┼────────┼──────┤ │1 │新建城市书房6处│县文旅局│ "
        "├──┼────────┼──────┤ │2 │改造农贸市场3个│县商务局│ └──┴────────┴──────┘\n";
    std::vector<int> physical;
    const auto relined = reline(source(joined), Evidence{}, rules(), physical);
    REQUIRE(relined);
    const V lines = lines_of(*relined);
    REQUIRE(lines.size() == 7);
    CHECK(lines[1] == "│序号│重点工作│牵头单位│");
    CHECK(lines[3] == "│1 │新建城市书房6处│县文旅局│");
    // One rule is no table: "+----+" in a sentence stays where it is.
    CHECK_FALSE(reline(source("按+----+格式填写。\n"), Evidence{}, rules(), physical));
}

TEST_CASE("a row number glued to its text is read, a date opening a line is not", "[layout][lines]") {
    struct Case {
        const char* text;
        int value;  ///< -1: no glued number
        int text_at;
    } cases[] = {{"1加快建设", 1, 1}, {"12新建书房", 12, 2}, {"1. 加快建设", -1, 0}, {"1 加快建设", -1, 0},
                 {"2024年完成", -1, 0}, {"3月底前完成", -1, 0}, {"5", -1, 0}, {"7A栋改造", -1, 0}};
    for (const auto& c : cases) {
        const SourceText t = source(c.text);
        const NumberToken n = glued_number_at(t, 0, t.fold.length(), rules());
        INFO(c.text);
        CHECK(static_cast<bool>(n) == (c.value >= 0));
        if (n) {
            CHECK(n.value == c.value);
            CHECK(n.end == c.text_at);
        }
    }
}

TEST_CASE("a table's rows glued with no separator are cut at the numbers between a unit and a text", "[layout][reline]") {
    const std::string glued =
        "序号重点任务牵头单位配合单位\n"
        "1修缮城西老街石板路区住建局区文旅局2新增公交线路3条服务人口2万人区交通局"
        "3建设社区食堂8个区民政局各街道4开展夜市消防检查区消防救援大队\n";
    std::vector<int> physical;
    const auto relined = reline(source(glued), Evidence{}, rules(), physical);
    REQUIRE(relined);
    // "线路3条" and "人口2万人" are no cuts: 3 is not the next number there, and no unit ends before 2.
    CHECK(lines_of(*relined) == V{"序号重点任务牵头单位配合单位", "1修缮城西老街石板路区住建局区文旅局",
                                  "2新增公交线路3条服务人口2万人区交通局", "3建设社区食堂8个区民政局各街道",
                                  "4开展夜市消防检查区消防救援大队"});
    const auto items = all_items(test::parse_string(glued));
    REQUIRE(items.size() == 4);
    CHECK(items[0].text == "修缮城西老街石板路");
    CHECK(names(items[0].lead) == V{"区住建局"});
    CHECK(names(items[0].support) == V{"区文旅局"});
    CHECK(items[1].text == "新增公交线路3条服务人口2万人");
    CHECK(names(items[1].lead) == V{"区交通局"});
    CHECK(names(items[2].support) == V{"各街道"});
    CHECK(names(items[3].lead) == V{"区消防救援大队"});
    // A number glued to a text with no unit before it is no row: "第1批…2批" stays one line.
    CHECK_FALSE(reline(source("1批次推进老街改造2批次推进新街改造3批次推进广场改造\n"), Evidence{}, rules(), physical));
    // Months are dates, no row numbers, even after a unit: a plan by month stays one line.
    CHECK_FALSE(reline(source("1月完成老街勘察区住建局2月完成设计区住建局3月开工区住建局\n"), Evidence{}, rules(), physical));
}

TEST_CASE("a glued row's text keeps a level character and its units split where names are glued", "[layout][grid]") {
    // "县城…工程县住建局" is no unit name: the text runs to the last level character that opens
    // the unit names; a township glued after a department is a unit of its own.
    const std::string notice =
        "2026年重点工作任务\n\n"
        "1加快县城燃气管网改造工程县住建局县财政局、县发改局\n"
        "2实施老旧小区改造12个县住建局城关镇\n"
        "3推进县城停车场建设县交通运输局县公安局\n";
    const auto items = all_items(test::parse_string(notice));
    REQUIRE(items.size() == 3);
    CHECK(items[0].text == "加快县城燃气管网改造工程");
    CHECK(names(items[0].lead) == V{"县住建局"});
    CHECK(names(items[0].support) == V{"县财政局", "县发改局"});
    CHECK(items[1].text == "实施老旧小区改造12个");
    CHECK(names(items[1].support) == V{"城关镇"});
    CHECK(items[2].text == "推进县城停车场建设");
    // A plan by month opens its lines with dates glued to the text: no grid of rows 1, 2, 3.
    const std::string by_month =
        "2026年老街改造推进计划\n\n1月完成老街勘察县住建局\n2月完成改造设计县住建局\n3月启动一期工程县住建局\n";
    for (const auto& item : all_items(test::parse_string(by_month))) CHECK(item.number != "1");
}

TEST_CASE("a header naming more columns than most rows fill sets the row period", "[layout][grid]") {
    // Rows mostly leave the support cell empty; the header, in words no list holds, says three
    // columns after the number's. The first task ends like a unit name.
    std::string notice = "项次\n年度推进事项\n主抓推进部门\n协同推进部门\n";
    const char* rows[][3] = {{"新建县级应急指挥中心", "县应急局", ""},
                             {"完成城区雨污分流改造8公里", "县住建局", "县水利局、城关镇"},
                             {"新增城市书房3处", "县文旅局", ""},
                             {"改造提升农贸市场2个", "县商务局", ""}};
    int n = 0;
    for (const auto& r : rows) {
        notice += std::to_string(++n) + "\n" + r[0] + "\n" + r[1] + "\n";
        if (*r[2]) notice += std::string(r[2]) + "\n";
    }
    const auto items = all_items(test::parse_string(notice));
    REQUIRE(items.size() == 4);
    CHECK(items[0].text == "新建县级应急指挥中心");
    CHECK(names(items[0].lead) == V{"县应急局"});
    CHECK(names(items[1].lead) == V{"县住建局"});
    CHECK(names(items[1].support) == V{"县水利局", "城关镇"});
    CHECK(names(items[2].support).empty());
}

TEST_CASE("a cell grid is found by its number chain whatever its header says", "[layout][grid]") {
    const SourceText t = source(
        "序号\n\n本年力争完成的目标\n\n主抓部门\n\n协同推进部门\n\n"
        "1\n\n新建城市书房6处,全部免费开放。\n\n县文旅局\n\n县财政局、各乡镇\n\n"
        "2\n\n改造农贸市场3个。\n\n县商务局\n\n县市场监管局\n\n"
        "3\n\n新增公办托位200个。\n\n县卫健委\n\n县教育局、县住建局\n");
    auto lines = read_lines(t);
    const Evidence ev = load_evidence(rules());
    const WalkScores nothing_read(Document{}, t, rules());
    const auto regions = propose_grids(t, lines, rules(), ev, nothing_read);
    REQUIRE(regions.size() == 1);
    const Region& r = regions[0];
    CHECK(r.family == "cell-grid");
    CHECK(r.period == 3);
    CHECK(r.columns == std::vector<Role>{Role::text, Role::lead, Role::support});
    REQUIRE(r.items.size() == 3);
    CHECK(r.items[2].item.text == "新增公办托位200个。");
    CHECK(names(r.items[2].item.support) == V{"县教育局", "县住建局"});

    const auto items = all_items(test::parse_string(to_utf8(t.orig)));
    REQUIRE(items.size() == 3);
    CHECK(names(items[0].lead) == V{"县文旅局"});
}

TEST_CASE("rows flattened one per line with single spaces; a row's unit cell printed over two lines", "[layout][grid]") {
    const auto items = all_items(test::parse_string(
        "序号 主 要 任 务 牵头推进部门 协同推进部门\n"
        "1 城镇新增就业1.2万人。 县人社局 各乡镇\n"
        "2 粮食播种面积稳定在45万亩。 县农业农村局\n县粮食局\n各乡镇,县财政局\n"
        "3 空气质量优良天数比例85%以上。 县生态环境局 县住建局、县交通局\n"));
    REQUIRE(items.size() == 3);
    CHECK(items[1].text == "粮食播种面积稳定在45万亩。");
    CHECK(names(items[1].lead) == V{"县农业农村局", "县粮食局"});
    CHECK(names(items[1].support) == V{"各乡镇", "县财政局"});
}

TEST_CASE("rows between bar lines: wrapped cells joined, merged lead and support cells inherited", "[layout][grid]") {
    const SourceText t = source(
        "主办部门\n| 年度任务\n| 协办单位\n|\n"
        "县文\n化广电\n旅游局\n| 新建城市书房6处,全部免费开放。\n| 县财政局、各乡镇\n|\n"
        "改造农贸市场3个。\n| 县商务局、东城区\n|\n"
        "新增公办托位200个。\n");
    auto lines = read_lines(t);
    const WalkScores nothing_read(Document{}, t, rules());
    const auto regions = propose_grids(t, lines, rules(), load_evidence(rules()), nothing_read);
    REQUIRE(regions.size() == 1);
    const Region& r = regions[0];
    CHECK(r.family == "bar-block-grid");
    CHECK(r.columns == std::vector<Role>{Role::lead, Role::text, Role::support});
    REQUIRE(r.items.size() == 3);
    CHECK(names(r.items[0].item.lead) == V{"县文化广电旅游局"});
    // A row with its own support cell under the merged lead cell takes the lead only.
    CHECK(names(r.items[1].item.lead) == V{"县文化广电旅游局"});
    CHECK(names(r.items[1].item.support) == V{"县商务局", "东城区"});
    // A row of the task cell alone takes both, and the file's end closes it.
    CHECK(r.items[2].item.text == "新增公办托位200个。");
    CHECK(names(r.items[2].item.support) == V{"县商务局", "东城区"});
}

TEST_CASE("a grid joined into one line: rows from the cells' types, merged cells left empty", "[layout][grid]") {
    // The same table with its line breaks and its bar lines gone; the header names two columns
    // and words the third afresh (年度任务); the lead cell keeps the spaces of its wrapping.
    const SourceText t = source(
        "主办部门 | 年度任务 | 协办单位 | 县文 化广电 旅游局 | 新建城市书房6处,全部免费开放。 | 县财政局、各乡镇 | "
        "改造农贸市场3个。 | 县商务局、东城区 | 县卫 健委 | 新增公办托位200个。 | 县教育局 | 建成托育综合服务中心1个。\n");
    auto lines = read_lines(t);
    const WalkScores nothing_read(Document{}, t, rules());
    const auto regions = propose_grids(t, lines, rules(), load_evidence(rules()), nothing_read);
    REQUIRE(regions.size() == 1);
    const Region& r = regions[0];
    CHECK(r.family == "bar-stream-grid");
    CHECK(r.columns == std::vector<Role>{Role::lead, Role::text, Role::support});
    REQUIRE(r.items.size() == 4);
    CHECK(names(r.items[0].item.lead) == V{"县文化广电旅游局"});
    // A unit list between two tasks closes the row before it: a missing cell is likelier on
    // the left (the lead merged over rows) than on the right.
    CHECK(names(r.items[1].item.lead) == V{"县文化广电旅游局"});
    CHECK(names(r.items[1].item.support) == V{"县商务局", "东城区"});
    CHECK(names(r.items[2].item.lead) == V{"县卫健委"});
    CHECK(r.items[3].item.text == "建成托育综合服务中心1个。");
    CHECK(names(r.items[3].item.lead) == V{"县卫健委"});
    // Each row's span opens at its first cell, not at the line's start.
    CHECK(r.items[1].item.span.start > r.items[0].item.span.start);
}

TEST_CASE("a joined notice: a number that lost its dot between its neighbours opens its line", "[layout][reline]") {
    const std::string joined =
        "一、城建交通 1. 改造老旧小区12个,其中 2 个在城区。 责任单位:县住建局 "
        "2 新建公交候车亭30个。 责任单位:县交通运输局 3. 建成停车场3处。 责任单位:县城管局、各乡镇 "
        "二、任务分解 主办部门 | 年度任务 | 协办单位 | 县卫健委 | 新增托位200个。 | 县教育局 | 县民政局 | 新建养老服务站5个。 | 各乡镇 |"
        " 三、工作要求 各部门按月报送进展。\n";
    const SourceText t = source(joined);
    std::vector<int> physical;
    const auto relined = reline(t, Evidence{}, rules(), physical);
    REQUIRE(relined);
    const V lines = lines_of(*relined);
    // "2 新建…" between "1." and "3." opens a line; "其中 2 个" inside task 1 does not. The
    // table keeps its line; the text before and after it is cut at its joins.
    CHECK(lines == V{"一、城建交通", "1. 改造老旧小区12个,其中 2 个在城区。", "责任单位:县住建局", "2 新建公交候车亭30个。",
                     "责任单位:县交通运输局", "3. 建成停车场3处。", "责任单位:县城管局、各乡镇", "二、任务分解",
                     "主办部门 | 年度任务 | 协办单位 | 县卫健委 | 新增托位200个。 | 县教育局 | 县民政局 | 新建养老服务站5个。 | 各乡镇 |",
                     "三、工作要求", "各部门按月报送进展。"});
    const auto items = all_items(test::parse_string(joined));
    // "二、任务分解" is the grid's heading, not a task whose clause is the header's 协办单位.
    REQUIRE(items.size() == 5);
    CHECK(items[1].text == "新建公交候车亭30个。");
    CHECK(items[4].text == "新建养老服务站5个。");
    CHECK(names(items[4].lead) == V{"县民政局"});
    CHECK(names(items[4].support) == V{"各乡镇"});
}

TEST_CASE("a status or time word in every row is no leader", "[layout][grid]") {
    const auto items = all_items(test::parse_string(
        "序号 |\n工作 |\n领导 |\n单位 |\n状态 |\n"
        "1 |\n建成智慧停车平台一个,接入车位三千个。 |\n周启明 |\n县城管局 |\n已完成 |\n"
        "2 |\n完成河道清淤二十公里。 |\n柏晓岚 |\n县水利局 |\n已完成 |\n"
        "3 |\n新建公厕十座。 |\n韦承泽 |\n县城管局 |\n已完成 |\n"));
    REQUIRE(items.size() == 3);
    CHECK(items[1].leader->name == "柏晓岚");
    // Two status words taking turns vary like names; they open with no surname.
    const auto progress = all_items(test::parse_string(
        "序号\n\n督办事项\n\n牵头单位\n\n配合单位\n\n办理状态\n\n"
        "1\n\n建成智慧停车平台一个。\n\n县城管局\n\n县公安局\n\n推进中\n\n"
        "2\n\n完成河道清淤二十公里。\n\n县水利局\n\n各乡镇\n\n已完成\n\n"
        "3\n\n新建公厕十座。\n\n县城管局\n\n县住建局\n\n推进中\n"));
    REQUIRE(progress.size() == 3);
    for (const auto& it : progress) CHECK_FALSE(it.leader);
    CHECK(names(progress[1].support) == V{"各乡镇"});
}

TEST_CASE("the clause walk keeps its reading where a proposed grid is no better", "[layout][choose]") {
    // An appendix table the walk reads as a table (no task rows) is a reading of every row.
    Document doc;
    Table t;
    t.line = 2;
    t.rows.resize(4);
    doc.tables.push_back(t);
    Region r;
    r.first = 0;
    r.last = 6;
    r.score = 4;
    r.items.resize(4);
    std::vector<Region> regions{r};
    const SourceText text = source("附件2\nb\nc\nd\ne\nf\ng\n");
    const TargetExtractor targets;
    const auto taken = choose_regions(doc, regions, WalkScores(doc, text, rules()), text, targets, Evidence{});
    CHECK_FALSE(taken[0]);
    CHECK(doc.tables.size() == 1);
    // With no attachment label above it, a table's rows count less than tasks with units: the
    // walk read a task grid of unknown header words as a data table.
    Document plain;
    plain.tables.push_back(t);
    const SourceText body = source("a\nb\nc\nd\ne\nf\ng\n");
    std::vector<Region> again{r};
    CHECK(choose_regions(plain, again, WalkScores(plain, body, rules()), body, targets, Evidence{})[0]);
}

TEST_CASE("a header cell in no list names its column by its form: a role word before a unit word", "[layout][grid]") {
    CHECK(*rules().header_role("协同推进部门") == "support");
    CHECK(*rules().header_role("牵头推进部门") == "lead");
    CHECK(rules().header_role("各协同推进部门") == nullptr);  // a collective, no column name
    CHECK(rules().header_role("县文旅局") == nullptr);
    const auto items = all_items(test::parse_string(
        "2026年重点工作分解\n\n序号\n\n重点工作\n\n牵头推进部门\n\n协同推进部门\n\n"
        "1\n\n新建城市书房6处。\n\n县文旅局\n\n县财政局、各乡镇\n\n"
        "2\n\n改造农贸市场3个。\n\n县商务局\n\n县市场监管局\n"));
    REQUIRE(items.size() == 2);
    CHECK(names(items[0].lead) == V{"县文旅局"});
    CHECK(names(items[0].support) == V{"县财政局", "各乡镇"});
}

TEST_CASE("a form printed one cell per line after the tasks is no task; a plan's short items are", "[layout][walk]") {
    // Read as a grid under its header cells, its rows hold neither text nor a unit.
    const std::string tasks = "北岭县2026年重点工作\n\n一、稳增长\n1.推进重大项目建设。（牵头单位：县发改局）\n"
                              "2.加快老旧小区改造。（牵头单位：县住建局）\n\n附表\n\n2026年重点工作推进计划表\n\n";
    // The blank form, its cells one per line as a copy that lost its tabs prints it.
    const std::string form = "填报单位（盖章）：\n联系人：\n分管县领导\n牵头单位\n工作内容\n年度目标\n月 份\n进度简述\n3 月\n4 月\n5 月\n";
    const Document doc = test::parse_string(tasks + form);
    CHECK(all_items(doc).size() == 2);
    std::string kept;
    for (const auto& u : doc.unassigned) kept += u.text;
    CHECK(kept.find("年度目标") != std::string::npos);
    CHECK(kept.find("进度简述") != std::string::npos);
    CHECK(kept.find("5 月") != std::string::npos);
    // Cells of no known header, one per line with no comma or stop: no prose paragraph either.
    const Document cells = test::parse_string(tasks + "序时进度\n季度\n完成情况\n存在问题\n");
    CHECK(all_items(cells).size() == 2);
    // A work plan's items without units stay tasks however short, with their punctuation.
    const Document plan = test::parse_string("2026年工作要点\n\n一、工作要点\n\n做好春耕备耕。\n\n抓好防汛，备足物资。\n\n完善台账、档案。\n");
    CHECK(all_items(plan).size() == 3);
}

TEST_CASE("a joined notice: the space inside a padded two-character name is no join", "[layout][reline]") {
    const std::string joined =
        "北湖区2026年重点工作分解 一、周 平区长牵头重点工作 1. 稳住工业增长,规上工业增加值增长6%。 "
        "（责任单位:区经信局） 2. 新建口袋公园8个。 （责任单位:区住建局） 二、吴  涛副区长牵头重点工作 "
        "3. 完成河道清淤20公里。 （责任单位:区水利局）\n";
    std::vector<int> physical;
    const auto relined = reline(source(joined), Evidence{}, rules(), physical);
    REQUIRE(relined);
    const V lines = lines_of(*relined);
    CHECK(lines[1] == "一、周 平区长牵头重点工作");
    CHECK(std::find(lines.begin(), lines.end(), "二、吴  涛副区长牵头重点工作") != lines.end());
    const auto items = all_items(test::parse_string(joined));
    REQUIRE(items.size() == 3);
    REQUIRE(items[0].leader);
    CHECK(items[0].leader->name == "周平");
    REQUIRE(items[2].leader);
    CHECK(items[2].leader->name == "吴涛");
}
