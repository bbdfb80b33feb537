// Layout recognition end to end on small notices: clauses, page breaks, numbering, grids and the
// other families of this genre.
#include <catch2/catch.hpp>

#include <memory>
#include <unicode/translit.h>
#include <unicode/ucnv.h>

#include "tasksplit/source_text.hpp"
#include "test_support.hpp"

using namespace tasksplit;
using test::all_items;
using test::names;
using V = std::vector<std::string>;

TEST_CASE("inline clause after the item, half- and full-width", "[parse][clause]") {
    auto d = test::parse_string(
        "2024 年区政府工作报告任务分解\n\n一、孙丹燕区长牵头重点工作\n\n"
        "1. 一般公共预算收入增长 5%。(责任单位：区财政局)\n\n"
        "2. 推进农产品(粮食)基地建设。（责任单位 : 区经信局、区商务局)\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "一般公共预算收入增长 5%。");
    CHECK(names(items[0].lead) == V{"区财政局"});
    CHECK(items[0].leader->name == "孙丹燕");
    CHECK(items[0].leader->role == "区长");
    CHECK(items[1].text == "推进农产品(粮食)基地建设。");
    CHECK(names(items[1].support) == V{"区商务局"});
}

TEST_CASE("clause on its own line and run into the text", "[parse][clause]") {
    auto d = test::parse_string(
        "2023 年政府工作报告重点工作责任分解\n\n二、夏泉常务副区长牵头重点工作\n\n"
        "1.地区生产总值增长 5%。\n\n责任单位：区发改局、区财政局\n\n"
        "2.建成绿道 10 公里。责任单位：区水利局\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "地区生产总值增长 5%。");
    CHECK(names(items[0].lead) == V{"区发改局"});
    CHECK(items[0].lead_basis == "convention");
    CHECK(items[1].text == "建成绿道 10 公里。");
    CHECK(items[0].leader->role == "常务副区长");
}

TEST_CASE("a label closing its line without a colon or a value is a header cell, no clause", "[parse][clause]") {
    // A blank form's header printed by pdftotext -layout: "牵头 … 牵头责任单位" over cells one per line.
    const std::string tasks = "北岭县2026年重点工作\n\n一、稳增长\n1.推进重大项目建设。（牵头单位：县发改局）\n"
                              "2.加快老旧小区改造。（牵头单位：县住建局）\n\n附表\n\n2026年重点工作推进计划表\n\n";
    auto d = test::parse_string(tasks + "牵头                    牵头责任单位\n县领\n导\n工作\n内容\n月份     进度简述\n3月\n4月\n");
    CHECK(all_items(d).size() == 2);
    // Without its colon but with a value after it, a label still opens a clause.
    d = test::parse_string(tasks + "3.新建口袋公园8个。  牵头责任单位 县住建局\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(names(items[2].lead) == V{"县住建局"});
}

TEST_CASE("page breaks inside text, clause label and unit names are joined", "[parse][pagebreak]") {
    auto d = test::parse_string(
        "2024 年任务分解\n\n一、王其锋副区长牵头重点工作\n\n"
        "1. 加快先进制造\n\n业项目建设。(责\n\n责任单位：区公共服务“七优\n\n享”专班各成员单位)\n\n"
        "2. 推进民生兜底。(责任单\n\n位：区卫健局)\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "加快先进制造业项目建设。");
    CHECK(names(items[0].lead) == V{"区公共服务“七优享”专班各成员单位"});
    CHECK(names(items[1].lead) == V{"区卫健局"});
}

TEST_CASE("numbers: duplicates kept, decimal splits and quantities are not items", "[parse][numbers]") {
    auto d = test::parse_string(
        "2024 年任务分解\n\n一、刘世君常委牵头重点工作\n\n"
        "7. 甲任务。(责任单位：区经信局)\n\n7. 乙任务。(责任单位：区发改局)\n\n"
        "8. 加快中储粮二期\n\n21. 6万吨粮食仓储建设。(责任单位：区商务局)\n\n"
        "9. 新增研发机构\n\n5 家以上。\n\n责任单位：区科技局\n\n"
        "10 优化服务。\n\n责任单位：区民政局\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 5);
    CHECK(*items[0].number == "7");
    CHECK(*items[1].number == "7");
    CHECK(items[2].text == "加快中储粮二期21. 6万吨粮食仓储建设。");
    CHECK(items[3].text == "新增研发机构5 家以上。");
    CHECK(*items[4].number == "10");
    bool dup = false;
    for (const auto& diag : d.diagnostics) dup |= diag.code == "duplicate-number";
    CHECK(dup);
}

TEST_CASE("livelihood paragraphs: one item per leader clause", "[parse][livelihood]") {
    auto d = test::parse_string(
        "2024 年民生实事责任分解\n\n一、医疗卫生方面\n\n"
        "接种流感疫苗 11.7 万人。（牵头领导：洪碧，责任单位：市卫健委）培训应急救护人员 1650 人以上。"
        "（牵头领导：洪碧，责任单位：市红十字会）开通率达 100%。（牵头领导：孙小晓，责任单位：市"
        "\n\n医保局)\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(items[1].text == "培训应急救护人员 1650 人以上。");
    CHECK(items[2].leader->name == "孙小晓");
    CHECK(names(items[2].lead) == V{"市医保局"});
    CHECK(d.parts[0].kind == "livelihood");
}

TEST_CASE("cell-per-line grid with two-line lead cells and empty support", "[parse][grid]") {
    auto d = test::parse_string(
        "2024年目标任务分解清单\n\n\n一、副区长张尚兵牵头重点工作\n\n序号\n\n目标任务\n\n牵头单位\n\n配合单位\n\n"
        "1\n\n改造道路\n\n区住建局\n区交通运输局\n\n区发改局等区级有关部门,各镇(街道)\n\n"
        "2\n\n新增上市企业2家\n\n区金融办\n\n\n3\n\n推进文化圈\n\n区委宣传部\n\n区文广旅体局\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(items[0].leader->name == "张尚兵");
    CHECK(items[0].leader->role == "副区长");
    CHECK(names(items[0].lead) == V{"区住建局", "区交通运输局"});
    CHECK(names(items[0].support) == V{"区发改局", "区级有关部门", "各镇(街道)"});
    CHECK(items[0].lead_basis == "column");
    CHECK(items[1].support.empty());
    CHECK(names(items[2].support) == V{"区文广旅体局"});
}

TEST_CASE("merged-cell grid rows inherit leader and units", "[parse][grid]") {
    auto d = test::parse_string(
        "2024年民生实事项目责任分解\n\n任务指标\n\n实施内容\n\n完成时限\n\n牵头领导\n\n牵头单位\n\n配合单位\n\n"
        "新改扩建2所学校\n\n新改扩建学校。\n\n2024年9月\n\n张尚兵\n\n区教育局\n\n区住建局、有关镇(街道)\n\n"
        "完成空调安装\n\n完成28所学校空调安装。\n\n2024年8月\n\n"
        "推进道路提升\n\n改造3条道路。\n\n启动项目:\n\n1.梅湖路:2024年6月\n\n刘学文\n\n区住建局\n\n有关镇(街道)\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(*items[0].detail == "新改扩建学校。");
    CHECK(*items[0].deadline == "2024年9月");
    CHECK(items[1].leader->name == "张尚兵");
    CHECK(names(items[1].lead) == V{"区教育局"});
    CHECK(*items[2].deadline == "启动项目: 1.梅湖路:2024年6月");
    CHECK(items[2].leader->name == "刘学文");
}

TEST_CASE("label pairs: the second list supports", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解\n\n一、经济发展\n\n"
        "1.推进项目建设。[牵头单位:市发改委;责任单位:市经信局、市财政局]\n\n"
        "2.深化改革。牵头单位：市委改革办；配合单位：市发改委\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(names(items[0].lead) == V{"市发改委"});
    CHECK(names(items[0].support) == V{"市经信局", "市财政局"});
    CHECK(items[0].lead_basis == "explicit");
    CHECK(names(items[1].lead) == V{"市委改革办"});
    CHECK(names(items[1].support) == V{"市发改委"});
}

TEST_CASE("trailing unlabeled clause: X牵头，Y按职责分工负责", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解\n\n一、经济发展\n\n"
        "1.推进数字经济发展。（市经信局牵头，市发改委、市科技局按职责分工负责）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 1);
    CHECK(items[0].text == "推进数字经济发展。");
    CHECK(names(items[0].lead) == V{"市经信局"});
    CHECK(names(items[0].support) == V{"市发改委", "市科技局"});
}

TEST_CASE("a leader line before a group of tasks", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解\n\n一、经济发展\n\n牵头领导：张三\n\n"
        "1.推进项目建设。（责任单位：市发改委）\n\n2.优化营商环境。（责任单位：市商务局）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[1].leader->name == "张三");
}

TEST_CASE("traditional Chinese and full-width digits", "[parse][family]") {
    auto d = test::parse_string(
        "２０２４年區政府工作報告任務分解\n\n一、孫丹燕區長牽頭重點工作\n\n"
        "１．一般公共預算收入增長５％。（責任單位：區財政局、區府辦，列第一位的為牽頭單位）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 1);
    CHECK(*items[0].number == "１");
    CHECK(items[0].text == "一般公共預算收入增長５％。");
    CHECK(names(items[0].lead) == V{"區財政局"});
    CHECK(items[0].leader->name == "孫丹燕");
    REQUIRE(d.document.lead_convention);
}

TEST_CASE("a mirror glossing each character with its pinyin is matched without the glosses", "[parse][family]") {
    const std::string text =
        "1. 改(gǎi)造(zào)公(gōng)園(yuán)3個(gè)。（牽(qiān)頭(tóu)單(dān)位(wèi)：縣(xiàn)園(yuán)林(lín)局(jú)）\n"
        "2. 新建公厕(km)10座(GDP)。（牵头单位：县城管局）\n";
    const SourceText t = decode_source(text, "test.txt");
    // The folded view blanks "(gǎi)" after a character; "(km)" (no vowel) and "(GDP)" stay.
    CHECK(t.fold.indexOf(u"改     造") >= 0);  // five spaces for "(gǎi)"
    CHECK(t.fold.indexOf(u"(km)") >= 0);
    CHECK(t.fold.indexOf(u"(GDP)") >= 0);
    CHECK(t.orig.indexOf(u"改(gǎi)造") >= 0);  // the text itself is untouched
    const auto items = all_items(test::parse_string(text));
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "改(gǎi)造(zào)公(gōng)園(yuán)3個(gè)。");
    CHECK(names(items[0].lead) == V{"縣園林局"});
}

TEST_CASE("front matter fields", "[parse][meta]") {
    auto d = test::parse_string(
        "\n舟山市定海区人民政府办公室文件\n\n定政办发〔2024〕5号\n\n"
        "舟山市定海区人民政府办公室关于印发 《2024年区政府工作报告任务分解》的通知\n\n"
        "各镇人民政府、街道办事处，区属各单位：\n\n正文。联系人：陈思思，联系电话：13867225962, 590246。\n\n"
        "舟山市定海区人民政府办公室\n\n2024年3月18日\n\n2024 年区政府工作报告任务分解\n");
    CHECK(*d.document.doc_number == "定政办发〔2024〕5号");
    CHECK(*d.document.issuer == "舟山市定海区人民政府办公室");
    CHECK(*d.document.title == "舟山市定海区人民政府办公室关于印发《2024年区政府工作报告任务分解》的通知");
    CHECK(*d.document.date == "2024-03-18");
    CHECK(*d.document.year == 2024);
    CHECK(d.document.addressees == V{"各镇人民政府", "街道办事处", "区属各单位"});
    REQUIRE(d.document.contacts.size() == 1);
    CHECK(d.document.contacts[0].phones == V{"13867225962", "590246"});
}

TEST_CASE("every non-blank line is claimed or listed as unassigned", "[parse][conservation]") {
    auto d = test::parse_string("前言一句。\n\n2024 年任务分解\n\n一、张三区长牵头重点工作\n\n1. 甲。(责任单位：区财政局)\n\n抄送：区委各部门。\n");
    REQUIRE(d.unassigned.size() == 2);
    CHECK(d.unassigned[0].line == 1);
    CHECK(d.unassigned[1].text == "抄送：区委各部门。");
}

namespace {

std::string encode(const std::string& utf8, const char* charset) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    UErrorCode st = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(charset, &st);
    std::string out(static_cast<std::size_t>(u.length()) * 4 + 16, '\0');
    int32_t n = ucnv_fromUChars(conv, out.data(), static_cast<int32_t>(out.size()), u.getBuffer(), u.length(), &st);
    ucnv_close(conv);
    REQUIRE(U_SUCCESS(st));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

void same_items(const Document& a, const Document& b) {
    auto x = all_items(a), y = all_items(b);
    REQUIRE(x.size() == y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        CHECK(x[i].number == y[i].number);
        CHECK(x[i].span.line == y[i].span.line);
        CHECK(x[i].lead.size() == y[i].lead.size());
        CHECK(x[i].support.size() == y[i].support.size());
        CHECK(x[i].leader.has_value() == y[i].leader.has_value());
    }
}

}  // namespace

TEST_CASE("GB18030, UTF-16 and traditional copies of a sample give the same items", "[parse][encoding]") {
    std::string utf8 = test::read_file(test::repo_path("samples/000_5f0d85f750916d58.txt"));
    Document original = test::parser().parse_bytes(utf8, "a.txt");
    REQUIRE(all_items(original).size() == 108);

    Document gb = test::parser().parse_bytes(encode(utf8, "GB18030"), "gb.txt");
    CHECK(gb.source.encoding == "GB18030");
    same_items(original, gb);
    CHECK(all_items(gb)[5].text == all_items(original)[5].text);

    Document u16 = test::parser().parse_bytes(encode(utf8, "UTF-16LE"), "u16.txt");
    CHECK(u16.source.encoding == "UTF-16LE");
    same_items(original, u16);

    Document bom = test::parser().parse_bytes(encode(utf8, "UTF-16BE") .insert(0, "\xFE\xFF"), "bom.txt");
    CHECK(bom.source.encoding == "UTF-16BE");
    same_items(original, bom);

    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> hant(icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, st));
    REQUIRE(U_SUCCESS(st));
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    hant->transliterate(u);
    std::string trad;
    u.toUTF8String(trad);
    REQUIRE(trad != utf8);
    Document tr = test::parser().parse_bytes(trad, "hant.txt");
    same_items(original, tr);
}

TEST_CASE("undecodable input names the byte offset", "[parse][encoding]") {
    std::string bad = "2024 年任务分解\n\x81\x30\xFF\xFF\n";
    try {
        test::parser().parse_bytes(bad, "bad.txt");
        FAIL("expected a DecodeError");
    } catch (const DecodeError& e) {
        CHECK(e.offset >= 20);
    }
    CHECK_THROWS_AS(test::parser().parse_bytes(std::string("ab\0cd", 5), "bin.txt"), DecodeError);
}

TEST_CASE("tab-separated task grid in the body gives items", "[parse][grid]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解表\n\n一、李四副市长牵头（2项）\n\n"
        "序号\t重点工作\t牵头单位\t配合单位\t完成时限\n"
        "1\t推进数字经济发展\t市经信局\t市发改委、市科技局\t2024年底\n"
        "2\t优化营商环境\t\t市商务局\t2024年6月\n"
        "3\t新改建农村公路120公里\t市交通运输局\t\t2024年11月\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(items[0].leader->name == "李四");
    CHECK(names(items[0].lead) == V{"市经信局"});
    CHECK(names(items[0].support) == V{"市发改委", "市科技局"});
    CHECK(*items[0].deadline == "2024年底");
    CHECK(*items[0].deadline_iso == "2024-12-31");
    CHECK(names(items[1].lead) == V{"市经信局"});  // a merged lead cell
    CHECK(names(items[2].lead) == V{"市交通运输局"});
    CHECK(items[2].support.empty());  // beside a printed lead, an empty support cell is empty
    CHECK(d.tables.empty());
}

TEST_CASE("bracketed 牵头 marker, deadline label and leader with role in a clause", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解\n\n一、经济发展\n\n"
        "1.推进项目建设。（牵头领导：王五副市长；责任单位：市财政局、市发改委（牵头）；完成时限：2024年10月）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 1);
    CHECK(items[0].leader->name == "王五");
    CHECK(items[0].leader->role == "副市长");
    CHECK(names(items[0].lead) == V{"市发改委"});
    CHECK(names(items[0].support) == V{"市财政局"});
    CHECK(items[0].lead_basis == "explicit");
    CHECK(*items[0].deadline == "2024年10月");
}

TEST_CASE("a grid copied without blank lines has one cell per line", "[parse][grid]") {
    auto d = test::parse_string(
        "2024年目标任务分解清单\n一、副区长张尚兵牵头重点工作\n序号\n目标任务\n牵头单位\n配合单位\n"
        "1\n改造道路\n区住建局\n区发改局、各镇(街道)\n2\n新增上市企业2家\n区金融办\n区财政局\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "改造道路");
    CHECK(names(items[0].lead) == V{"区住建局"});
    CHECK(names(items[1].support) == V{"区财政局"});
}

TEST_CASE("heading-shaped tasks: （一） lines holding a clause are items", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解\n\n一、王五副市长牵头重点工作\n\n"
        "（一）推进数字经济发展。（责任单位：市经信局、市发改委）\n\n"
        "（二）优化营商环境，深化改革。（责任单位：市商务局）\n\n二、由赵六副市长牵头\n\n"
        "1)建设智慧城市。（责任单位：市大数据局）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(*items[0].number == "一");
    CHECK(items[0].text == "推进数字经济发展。");
    CHECK(items[1].leader->name == "王五");
    CHECK(items[2].leader->name == "赵六");
    CHECK(*items[2].number == "1");
    for (const auto& diag : d.diagnostics) CHECK(diag.code != "number-restart");
}

TEST_CASE("a section heading may name its leader in a clause", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解\n\n一、聚焦高质量发展，持续推动经济运行整体好转（牵头领导：张三）\n\n"
        "1.推进项目建设。（责任单位：市发改委）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 1);
    CHECK(items[0].leader->name == "张三");
}

TEST_CASE("a title wrapped onto two lines", "[parse][meta]") {
    auto d = test::parse_string(
        "舟山市人民政府办公室关于印发2024年政府工作报告\n重点工作责任分解的通知\n\n"
        "舟山市人民政府办公室\n\n二〇二四年三月六日\n\n2024 年政府工作报告重点工作责任分解\n");
    CHECK(*d.document.title == "舟山市人民政府办公室关于印发2024年政府工作报告重点工作责任分解的通知");
    CHECK(*d.document.date == "2024-03-06");
    CHECK(*d.document.issuer == "舟山市人民政府办公室");
}

TEST_CASE("a title wrapped onto three or four lines", "[parse][meta]") {
    auto d = test::parse_string(
        "青田县人民政府办公室关于印发\n2024年县政府工作报告重点工作\n任务分解的通知\n\n"
        "青田县人民政府办公室\n二〇二四年三月五日\n\n2024年县政府工作报告重点工作任务分解\n");
    CHECK(*d.document.title == "青田县人民政府办公室关于印发2024年县政府工作报告重点工作任务分解的通知");
    for (const auto& u : d.unassigned) CHECK(u.text.find("任务分解的通知") == std::string::npos);
    auto four = test::parse_string(
        "某县人民政府办公室关于印发\n2024年县政府工作报告\n重点工作\n任务分解的通知\n\n某县人民政府办公室\n二〇二四年三月五日\n");
    CHECK(*four.document.title == "某县人民政府办公室关于印发2024年县政府工作报告重点工作任务分解的通知");
}

TEST_CASE("without a signature the title names the issuer; bracketed addressees stay whole", "[parse][meta]") {
    auto d = test::parse_string(
        "某某市人民政府办公室关于印发2024年市政府工作报告重点工作任务分解方案的通知\n"
        "各县（市、区）人民政府，市政府各部门：\n\n"
        "一、王明市长牵头的重点工作\n1.优化营商环境。（牵头单位：市发改委）\n");
    CHECK(d.document.issuer == std::optional<std::string>("某某市人民政府办公室"));
    CHECK(d.document.addressees == V{"各县（市、区）人民政府", "市政府各部门"});

    // A title that does not start with an office names no issuer.
    auto bare = test::parse_string("关于印发2024年重点工作任务分解的通知\n\n1.优化营商环境。（牵头单位：市发改委）\n");
    CHECK_FALSE(bare.document.issuer);
}

TEST_CASE("a clause leader named in the section heading takes the heading's title", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解\n\n二、李强常务副市长牵头的重点工作\n"
        "1.改造老旧小区50个。（责任领导：李强；牵头单位：市住建局）\n"
        "2.新建公园3个。（责任领导：赵六；牵头单位：市园林局）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].leader->name == "李强");
    CHECK(items[0].leader->role == "常务副市长");
    CHECK(items[1].leader->name == "赵六");
    CHECK(items[1].leader->role.empty());
}

TEST_CASE("paired verbs after the leader in a heading, 分管县领导 as a leader label", "[parse][family]") {
    auto d = test::parse_string(
        "2024年县政府工作报告重点工作任务分解\n\n一、刘洋县长牵头负责\n"
        "1、实施工业强县战略。责任单位：县发改局（牵头）、县工信局\n"
        "2、完善养老服务体系。分管县领导：陈红；牵头单位：县民政局；参与单位：县卫健局\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].leader->name == "刘洋");
    CHECK(items[0].leader->role == "县长");
    CHECK(items[1].leader->name == "陈红");
    CHECK(names(items[1].lead) == V{"县民政局"});
    CHECK(names(items[1].support) == V{"县卫健局"});
}

TEST_CASE("a breakdown without a notice around it: its opening part heading is the title", "[parse][meta]") {
    auto d = test::parse_string(
        "\n2024 年市政府工作报告重点工作责任分工\n\n一、稳定经济增长\n"
        "1.地区生产总值增长6%左右。\n牵头单位：市发改委\n");
    CHECK(d.document.title == std::optional<std::string>("2024年市政府工作报告重点工作责任分工"));
    REQUIRE(d.parts.size() == 1);
    CHECK(d.parts[0].title == "2024 年市政府工作报告重点工作责任分工");
    CHECK(all_items(d).size() == 1);

    // After a notice, the part heading is not the title.
    auto notice = test::parse_string(
        "关于印发2024年重点工作分工的通知\n\n2024年市政府工作报告重点工作责任分工\n\n1.优化营商环境。牵头单位：市发改委\n");
    CHECK(notice.document.title == std::optional<std::string>("关于印发2024年重点工作分工的通知"));
}

TEST_CASE("units named only in a trailing bracket, where the document does so throughout", "[parse][family]") {
    auto d = test::parse_string(
        "2024年政府工作报告重点任务分解\n\n一、推动高质量发展\n"
        "1.规上工业增加值增长7%以上。（市工信局、市统计局）\n"
        "2.新培育专精特新企业50家。（市工信局牵头）\n"
        "3.推进开发区整合提升。（市商务局，各开发区管委会）\n"
        "4.深化国企改革三年行动。[市国资委]\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 4);
    CHECK(items[0].text == "规上工业增加值增长7%以上。");
    CHECK(names(items[0].lead) == V{"市工信局"});
    CHECK(names(items[0].support) == V{"市统计局"});
    CHECK(items[0].lead_basis == "convention");
    CHECK(names(items[2].support) == V{"各开发区管委会"});
    CHECK(items[3].text == "深化国企改革三年行动。");
    CHECK(names(items[3].lead) == V{"市国资委"});

    // Once in a document whose other tasks have labelled clauses, a bracket is a project's name.
    auto once = test::parse_string(
        "2024年政府工作报告重点任务分解\n\n"
        "1.建设三级医院1家（市中心医院）。\n"
        "2.新增城镇就业5万人。（责任单位：市人社局）\n"
        "3.新建幼儿园10所。（责任单位：市教育局）\n");
    auto plain = all_items(once);
    REQUIRE(plain.size() == 3);
    CHECK(plain[0].text == "建设三级医院1家（市中心医院）。");
    CHECK(plain[0].lead.empty());
}

TEST_CASE("heading leaders with several titles, or only 同志", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解\n\n"
        "一、市政府党组成员、秘书长赵六牵头的重点工作\n1.甲。（责任单位：市政府办公室）\n"
        "二、由市委常委、副市长周八牵头\n2.乙。（责任单位：市公安局）\n"
        "三、王五同志牵头\n3.丙。（责任单位：市商务局）\n"
        "四、项目建设\n4.丁。（责任单位：市发改委）\n");
    REQUIRE(d.parts.size() == 1);
    const auto& s = d.parts[0].sections;
    REQUIRE(s.size() == 4);
    CHECK(s[0].leader->name == "赵六");
    CHECK(s[0].leader->role == "市政府党组成员、秘书长");
    CHECK(s[1].leader->name == "周八");
    CHECK(s[1].leader->role == "市委常委、副市长");
    CHECK(s[2].leader->name == "王五");
    CHECK(s[2].leader->role.empty());
    CHECK_FALSE(s[3].leader);  // a topic, not a person
}

TEST_CASE("numbers start afresh under each sub-heading: no number-restart warning", "[parse][numbers]") {
    auto d = test::parse_string(
        "2025年县政府工作报告重点工作任务分解\n\n一、县长王明牵头的工作\n1.推进重大项目建设。\n"
        "（1）新开工项目50个。（责任单位：县发改局）\n（2）竣工项目30个。（责任单位：县住建局）\n2.加快产业升级。\n"
        "（1）新增规上企业20家。（责任单位：县工信局）\n（1）培育专精特新企业5家。（责任单位：县科技局）\n");
    REQUIRE(all_items(d).size() == 4);
    std::vector<std::string> codes;
    for (const auto& diag : d.diagnostics) codes.push_back(diag.code);
    // The repeat under one sub-heading is still reported.
    CHECK(codes == V{"subheading", "subheading", "duplicate-number"});
}

TEST_CASE("contacts: a 责任人 field inside a clause names no unit; a 联系人 line after the tasks is the notice's", "[parse][family]") {
    auto d = test::parse_string(
        "2025年市政府工作报告重点工作任务分解\n\n一、市长刘明牵头的工作\n"
        "（一）地区生产总值增长6%左右。（牵头单位：市发展改革委；责任人：陈刚）\n"
        "（二）一般公共预算收入增长5%。（牵头单位：市财政局，责任人：王丽；配合单位：市税务局）\n\n"
        "联系人：李四，联系电话：0580-1234567\n\n某某市人民政府办公室\n2025年3月1日\n");
    const auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(names(items[0].lead) == V{"市发展改革委"});
    CHECK(items[0].support.empty());
    CHECK(names(items[1].lead) == V{"市财政局"});
    CHECK(names(items[1].support) == V{"市税务局"});
    REQUIRE(d.document.contacts.size() == 1);
    CHECK(d.document.contacts[0].name == "李四");
    CHECK(d.document.contacts[0].phones == V{"0580-1234567"});
    CHECK(d.unassigned.empty());
    CHECK(d.diagnostics.empty());
}

TEST_CASE("heading leaders whose second post heads a bureau or a state firm; titles without a name; a note after the name", "[parse][family]") {
    auto d = test::parse_string(
        "2025年县政府工作报告重点工作任务分解\n\n"
        "一、副县长、县公安局局长周军负责的工作\n1.甲。（责任单位：县公安局）\n"
        "二、县政府党组成员、县城投公司董事长孙伟牵头\n2.乙。（责任单位：县城投公司）\n"
        "三、县政府党组成员牵头的工作\n3.丙。（责任单位：县发改局）\n"
        "四、副县长赵丽（女）联系的工作\n4.丁。（责任单位：县卫健局）\n");
    const auto& s = d.parts.at(0).sections;
    REQUIRE(s.size() == 4);
    REQUIRE(s[3].leader);
    CHECK(s[3].leader->name == "赵丽");  // a short note in brackets after the name
    CHECK(s[3].leader->role == "副县长");
    REQUIRE(s[0].leader);
    CHECK(s[0].leader->name == "周军");
    CHECK(s[0].leader->role == "副县长、县公安局局长");
    REQUIRE(s[1].leader);
    CHECK(s[1].leader->name == "孙伟");
    CHECK(s[1].leader->role == "县政府党组成员、县城投公司董事长");
    CHECK_FALSE(s[2].leader);  // 县政府 is no name
}

TEST_CASE("a one-cell-per-line grid where a blank line is an empty cell", "[parse][grid]") {
    auto d = test::parse_string(
        "2024年民生实事项目责任分解表\n\n序号\n项目名称\n建设内容\n责任领导\n牵头单位\n配合单位\n完成时限\n"
        "1\n新建幼儿园\n新建公办幼儿园5所\n张三\n市教育局\n市财政局、市自然资源和规划局\n2024年12月\n"
        "2\n城乡公交一体化\n新增公交线路10条\n李四\n市交通运输局\n\n2024年10月\n\n"
        "3\n改造老旧小区\n改造老旧小区30个\n李四\n市住建局\n各区政府\n2024年11月\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(items[0].text == "新建幼儿园");
    CHECK(*items[0].detail == "新建公办幼儿园5所");
    CHECK(items[0].leader->name == "张三");
    CHECK(names(items[0].support) == V{"市财政局", "市自然资源和规划局"});
    CHECK(names(items[1].lead) == V{"市交通运输局"});
    CHECK(items[1].support.empty());
    CHECK(*items[1].deadline == "2024年10月");
    CHECK(names(items[2].support) == V{"各区政府"});  // the blank line before row 3 only parts rows
    CHECK(*items[2].deadline == "2024年11月");
    CHECK(d.unassigned.empty());
}

TEST_CASE("one-cell-per-line grid rows with wrapped text and unit cells", "[parse][grid]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解表\n\n序号\n重点任务\n牵头单位\n配合单位\n完成时限\n"
        "1\n新建公办幼儿园5所，新增学位\n1500个，进一步扩大普惠性学前\n教育资源\n市教育局\n市财政局、市自然资源和\n规划局\n2024年12月\n"
        "2\n改造老旧小区30个\n市住建局\n市发改委\n各区政府\n2024年11月\n"
        "3\n新增公交线路10条\n市交通运输局\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(items[0].text == "新建公办幼儿园5所，新增学位1500个，进一步扩大普惠性学前教育资源");
    CHECK(names(items[0].lead) == V{"市教育局"});
    CHECK(names(items[0].support) == V{"市财政局", "市自然资源和规划局"});
    CHECK(*items[0].deadline == "2024年12月");
    // A lead cell on two lines: the extra unit line belongs to the lead column.
    CHECK(names(items[1].lead) == V{"市住建局", "市发改委"});
    CHECK(names(items[1].support) == V{"各区政府"});
    // A row that stops short leaves its last columns empty.
    CHECK(names(items[2].lead) == V{"市交通运输局"});
    CHECK(items[2].support.empty());
    CHECK_FALSE(items[2].deadline);
}

TEST_CASE("a tab grid row with only text continues the row above", "[parse][grid]") {
    auto d = test::parse_string(
        "2024年重点任务分解\n\n序号\t重点任务\t牵头单位\t配合单位\n"
        "1\t新建公办幼儿园5所，新增学位1500个，\t市教育局\t市财政局\n"
        "\t进一步扩大普惠性学前教育资源\t\t\n"
        "2\t改造老旧小区30个\t市住建局\t各区政府\n"
        "\t推进城市更新\t市发改委\t\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(items[0].text == "新建公办幼儿园5所，新增学位1500个，进一步扩大普惠性学前教育资源");
    CHECK(items[0].span.line == 4);
    CHECK(items[0].span.end_line == 5);
    CHECK(names(items[0].lead) == V{"市教育局"});
    CHECK(items[1].text == "改造老旧小区30个");
    // A row with its own unit is a task of its own, even without a number.
    CHECK(items[2].text == "推进城市更新");
    CHECK(names(items[2].lead) == V{"市发改委"});
}

TEST_CASE("labels printed in brackets: 【牵头单位】X【配合单位】Y", "[parse][clause]") {
    auto d = test::parse_string(
        "2024年重点任务分解\n\n（一）张三市长牵头（2项）\n"
        "1.优化营商环境。【牵头单位】市发改委【配合单位】市财政局、市市场监管局\n"
        "2.推进数字化改革。[责任单位]市大数据局、市委改革办\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "优化营商环境。");
    CHECK(names(items[0].lead) == V{"市发改委"});
    CHECK(names(items[0].support) == V{"市财政局", "市市场监管局"});
    CHECK(items[1].text == "推进数字化改革。");
    CHECK(names(items[1].lead) == V{"市大数据局"});
    CHECK(names(items[1].support) == V{"市委改革办"});
}

TEST_CASE("page numbers between the lines of a task are left out of it", "[parse][pagebreak]") {
    auto d = test::parse_string(
        "2024年重点任务分解\n\n一、张三市长牵头\n"
        "1.培育先进制造业集群，新增规上工业企业\n— 5 —\n50家。（责任单位：市经信局）\n"
        "2.推进乡村振兴。\n\n- 6 -\n\n（责任单位：市农业农村局）\n"
        "3.优化营商环境。（责任单位：市发改委）\n第 7 页 共 9 页\n4.深化改革。（责任单位：市委改革办）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 4);
    CHECK(items[0].text == "培育先进制造业集群，新增规上工业企业50家。");
    CHECK(names(items[0].lead) == V{"市经信局"});
    CHECK(items[1].text == "推进乡村振兴。");
    CHECK(names(items[1].lead) == V{"市农业农村局"});
    CHECK(items[2].text == "优化营商环境。");
    CHECK(d.unassigned.empty());
}

TEST_CASE("a （一） line over a clause line is a task, not a sub-heading", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点任务分解\n\n一、张三市长牵头\n"
        "（一）优化营商环境\n责任单位：市发改委\n"
        "（二）推进数字化改革\n\n责任单位：市大数据局、市委改革办\n"
        "二、李四副市长牵头\n（一）加强生态保护\n牵头领导：李四\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(*items[0].number == "一");
    CHECK(items[0].text == "优化营商环境");
    CHECK(names(items[0].lead) == V{"市发改委"});
    CHECK(names(items[1].support) == V{"市委改革办"});
    CHECK(items[1].leader->name == "张三");
}

TEST_CASE("an unbracketed last sentence of units around 牵头 is the clause", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点任务分解\n\n"
        "1.加快建设现代物流体系。市发改委牵头，市交通运输局、市商务局配合。\n"
        "2.推进数字化改革。\n市委改革办牵头，市大数据局配合\n"
        "3.完善协调机制。建立由市政府牵头的联席会议。\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(items[0].text == "加快建设现代物流体系。");
    CHECK(names(items[0].lead) == V{"市发改委"});
    CHECK(names(items[0].support) == V{"市交通运输局", "市商务局"});
    CHECK(items[1].text == "推进数字化改革。");
    CHECK(names(items[1].lead) == V{"市委改革办"});
    // A sentence that mentions 牵头 but is not a list of units stays task text.
    CHECK(items[2].text == "完善协调机制。建立由市政府牵头的联席会议。");
    CHECK(items[2].lead.empty());
}

TEST_CASE("a web copy without a signature dates itself by 成文日期, not its publication date", "[parse][meta]") {
    auto d = test::parse_string(
        "发布日期：2024-03-08\n成文日期：2024-03-06\n"
        "某市人民政府办公室关于印发2024年重点工作任务分解的通知\n\n2024年重点任务分解\n\n1.甲。（责任单位：市发改委）\n");
    CHECK(d.document.date == std::optional<std::string>("2024-03-06"));
    auto signed_ = test::parse_string(
        "成文日期：2024-03-06\n关于印发2024年重点工作任务分解的通知\n某市人民政府办公室\n2024年3月9日\n\n"
        "2024年重点任务分解\n\n1.甲。（责任单位：市发改委）\n");
    CHECK(signed_.document.date == std::optional<std::string>("2024-03-09"));  // the signature wins
}

TEST_CASE("cell-per-line grid: 责任单位 beside 牵头单位 supports; a cell ending on 、 runs on", "[parse][grid]") {
    auto d = test::parse_string(
        "2024年重点工作任务清单\n\n序号\n重点任务\n牵头单位\n责任单位\n时间节点\n"
        "1\n推进老旧小区改造120个\n市住建局\n各区政府\n2024年11月\n"
        "2\n规上工业增加值增长8%以上\n区工信局\n区发改局、区统计局、\n各镇街\n2024年12月\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(names(items[0].lead) == V{"市住建局"});
    CHECK(names(items[0].support) == V{"各区政府"});
    CHECK(names(items[1].lead) == V{"区工信局"});
    CHECK(names(items[1].support) == V{"区发改局", "区统计局", "各镇街"});
    CHECK(*items[1].deadline == "2024年12月");
}

TEST_CASE("running headers printed again on each page are left out", "[parse][pagebreak]") {
    auto d = test::parse_string(
        "芜湖市人民政府办公室关于印发2024年重点工作责任分解的通知\n\n2024年市政府工作报告重点工作责任分解\n\n"
        "一、宁波市长牵头重点工作\n"
        "1.推动与长三角先发地区\n\n— 2 —\n\n芜湖市人民政府办公室文件\n\n产业链协同。（责任单位：市科技局）\n"
        "2.深化改革。（责任单位：市数据资源局、高新区管\n— 3 —\n2024年市政府工作报告重点工作责任分解\n委会）\n"
        "二、潘朝晖常务副市长牵头重点工作\n"
        "2024年市政府工作报告重点工作责任分解\n3.新增城镇就业6万人以上。（责任单位：市人社局）\n");
    REQUIRE(d.parts.size() == 1);
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(items[0].text == "推动与长三角先发地区产业链协同。");
    CHECK(names(items[1].support) == V{"高新区管委会"});
    CHECK(items[2].leader->name == "潘朝晖");
    CHECK(d.unassigned.empty());
}

TEST_CASE("development-zone titles, bracketed notes and titles, several leaders in one heading", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解\n\n"
        "一、党工委副书记、管委会主任沈明牵头重点任务\n1.甲。（责任单位：经济发展局）\n"
        "二、副县长（挂职）许文斌牵头的重点任务\n2.乙。（责任单位：县商务局）\n"
        "三、常务副县长高志明、副县长韩冬牵头的重点任务\n3.丙。（责任单位：县财政局）\n"
        "四、孙海燕同志（常务副县长）牵头负责的工作\n4.丁。（牵头领导：李明（常务副县长）；责任单位：县发改局）\n");
    const auto& s = d.parts.at(0).sections;
    REQUIRE(s.size() == 4);
    CHECK(s[0].leader->name == "沈明");
    CHECK(s[0].leader->role == "党工委副书记、管委会主任");
    CHECK(s[1].leader->name == "许文斌");
    CHECK(s[1].leader->role == "副县长（挂职）");
    CHECK(s[2].leader->name == "高志明");
    CHECK(s[2].leader->role == "常务副县长");
    CHECK(s[3].leader->name == "孙海燕");
    CHECK(s[3].leader->role == "常务副县长");
    const auto& item = s[3].items.at(0);
    CHECK(item.leader->name == "李明");
    CHECK(item.leader->role == "常务副县长");
}

TEST_CASE("a trailing 牵头 clause may end in a completion time", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点任务分解\n\n"
        "1.清理拖欠民营企业账款。（县财政局牵头，县工信局、县国资中心配合，2024年12月底前完成）\n"
        "2.开展涉企收费专项检查。县市场监管局牵头，县发改委配合，长期坚持。\n"
        "3.推进数字化改革。（县数据局牵头，县发改委配合）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(items[0].text == "清理拖欠民营企业账款。");
    CHECK(names(items[0].lead) == V{"县财政局"});
    CHECK(names(items[0].support) == V{"县工信局", "县国资中心"});
    CHECK(*items[0].deadline == "2024年12月底前完成");
    CHECK(names(items[1].lead) == V{"县市场监管局"});
    CHECK(*items[1].deadline == "长期坚持");
    CHECK_FALSE(items[2].deadline);
}

TEST_CASE("a part title may quote the report in 《》", "[parse][family]") {
    auto d = test::parse_string(
        "湖南省人民政府办公厅关于印发《2024年〈政府工作报告〉重点工作分工方案》的通知\n\n"
        "2024年《政府工作报告》重点工作分工方案\n\n1.扩大有效投资。（省发展改革委牵头，省财政厅配合）\n");
    REQUIRE(d.parts.size() == 1);
    CHECK(d.parts[0].title == "2024年《政府工作报告》重点工作分工方案");
    CHECK(d.unassigned.empty());
}

TEST_CASE("主要建设内容 and 项目内容 columns are the detail", "[parse][grid]") {
    auto d = test::parse_string(
        "2024年民生实事项目表\n\n序号\t项目名称\t主要建设内容\t牵头单位\t完成时限\n"
        "1\t城乡供水一体化工程\t新建供水管网86公里\t县水利局\t2024年12月\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 1);
    CHECK(items[0].text == "城乡供水一体化工程");
    CHECK(*items[0].detail == "新建供水管网86公里");
}

TEST_CASE("a trailing bracket of units that only says 按职责分工负责 is the clause", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点任务分解\n\n1.推进长株潭都市圈建设。（省发展改革委、长株潭一体化发展事务中心按职责分工负责）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 1);
    CHECK(items[0].text == "推进长株潭都市圈建设。");
    CHECK(names(items[0].lead) == V{"省发展改革委"});
    CHECK(names(items[0].support) == V{"长株潭一体化发展事务中心"});
}

TEST_CASE("an office's name alone above the title is the issuer", "[parse][meta]") {
    auto d = test::parse_string(
        "洛阳市人民政府办公室\n关于印发2023年市政府工作报告重点工作任务分解方案的通知\n洛政办〔2023〕12号\n\n"
        "各县（市、区）人民政府，市人民政府各部门：\n现将方案印发给你们，请认真抓好落实。\n\n2023年3月1日\n\n"
        "2023年市政府工作报告重点工作任务分解方案\n\n1.优化营商环境。（责任单位：市发展改革委）\n");
    CHECK(d.document.issuer == std::optional<std::string>("洛阳市人民政府办公室"));
    CHECK(d.document.date == std::optional<std::string>("2023-03-01"));
}

TEST_CASE("theme rows inside a tab grid are sections; the rows under them keep the grid's header", "[parse][grid]") {
    auto d = test::parse_string(
        "2024年重点工作责任分解表\n\n序号\t工作任务\t责任领导\t牵头单位\t配合单位\n"
        "一、扩大有效投资\t\t\t\t\n"
        "1\t重点项目完成投资500亿元\t周建军\t市发改委\t市财政局\n"
        "二、推动乡村振兴\t\t\t\t\n"
        "2\t新建高标准农田20万亩\t许丽\t市农业农村局\t市财政局\n"
        "\t推进农村改革\t\t市农业农村局\t\n");
    REQUIRE(d.parts.size() == 1);
    const auto& s = d.parts[0].sections;
    REQUIRE(s.size() == 2);
    CHECK(*s[0].title == "扩大有效投资");
    REQUIRE(s[0].items.size() == 1);
    CHECK(names(s[0].items[0].lead) == V{"市发改委"});
    REQUIRE(s[1].items.size() == 2);
    CHECK(s[1].items[0].leader->name == "许丽");
    CHECK(s[1].items[1].text == "推进农村改革");
    CHECK(d.unassigned.empty());
}

TEST_CASE("a Markdown table (a web page converted to text): cells between bars, theme rows are sections", "[parse][grid]") {
    auto d = test::parse_string(
        "2025年区政府工作报告重点任务分解\n\n"
        "| 序号 | 重点任务 | 责任领导 | 牵头单位 | 责任单位 | 完成时限 |\n"
        "|:---:|---|---|---|---|---|\n"
        "| 一、扩大有效需求 | | | | | |\n"
        "| 1 | 实施重大项目100个 | 张三 | 区发改局 | 区住建局、区自然资源局 | 2025年12月底 |\n"
        "｜二、保障改善民生｜｜｜｜｜｜\n"
        "｜2｜新增城镇就业8000人｜李四｜区人社局｜区财政局｜2025年11月底｜\n");
    REQUIRE(d.parts.size() == 1);
    const auto& s = d.parts[0].sections;
    REQUIRE(s.size() == 2);
    CHECK(*s[0].title == "扩大有效需求");
    REQUIRE(s[0].items.size() == 1);
    CHECK(s[0].items[0].text == "实施重大项目100个");
    CHECK(s[0].items[0].leader->name == "张三");
    CHECK(names(s[0].items[0].lead) == V{"区发改局"});
    CHECK(names(s[0].items[0].support) == V{"区住建局", "区自然资源局"});
    CHECK(s[0].items[0].deadline == "2025年12月底");
    REQUIRE(s[1].items.size() == 1);
    CHECK(names(s[1].items[0].lead) == V{"区人社局"});
    CHECK(d.unassigned.empty());
}

TEST_CASE("a tab grid row of unit cells alone carries the row above on: a cell printed over two rows", "[parse][grid]") {
    auto d = test::parse_string(
        "2024年重点工作责任分解表\n\n序号\t工作任务\t牵头单位\t配合单位\n1\t新建学校5所，\t县教育局\t县财政局\n"
        "\t\t\t县住建局\n\t新增学位1500个\t\t\n2\t新建公园3个\t县住建局\t\n");
    const auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "新建学校5所，新增学位1500个");
    CHECK(names(items[0].support) == V{"县财政局", "县住建局"});
    CHECK(items[0].span.end_line == 6);
    CHECK(d.unassigned.empty());
}

TEST_CASE("grid headers that hold a column name inside a longer one: 重点工作任务, 牵头单位（部门）", "[parse][grid]") {
    auto d = test::parse_string(
        "2025年县政府工作报告重点工作任务分解表\n\n序号\t重点工作任务\t分管县领导\t牵头单位（部门）\t配合单位\t完成时限\n"
        "1\t地区生产总值增长6%\t张三\t县发改局\t县统计局\t2025年12月\n"
        "2\t固定资产投资增长8%\t\t县发改局\t县住建局\t2025年12月\n");
    const auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "地区生产总值增长6%");
    CHECK(names(items[0].lead) == V{"县发改局"});
    CHECK(names(items[0].support) == V{"县统计局"});
    REQUIRE(items[1].leader);
    CHECK(items[1].leader->name == "张三");  // a merged cell: the leader of the row above
    CHECK(d.tables.empty());
    // A header naming two roles at once is no column of either.
    const Rules rules = Rules::load();
    REQUIRE(rules.header_role("重点工作任务"));
    CHECK(*rules.header_role("重点工作任务") == "text");
    CHECK_FALSE(rules.header_role("工作目标及完成时限"));
    // The same header as lines of a cell-per-line grid.
    d = test::parse_string(
        "2025年县政府工作报告重点工作任务分解表\n\n序号\n\n重点工作任务\n\n牵头单位\n\n配合单位\n\n"
        "1\n\n地区生产总值增长6%\n\n县发改局\n\n县统计局\n\n2\n\n新增规上企业20家\n\n县工信局\n\n县科技局\n");
    const auto cells = all_items(d);
    REQUIRE(cells.size() == 2);
    CHECK(cells[1].text == "新增规上企业20家");
    CHECK(names(cells[1].lead) == V{"县工信局"});
    CHECK(names(cells[1].support) == V{"县科技局"});
    // Labels with short values, one per line, are no header: "【牵头单位】区工信局".
    d = test::parse_string(
        "2023年区政府工作报告重点工作分解\n\n一、稳增长\n\n1.培育专精特新企业3家。\n【牵头单位】区工信局\n"
        "【配合单位】区科技局\n【完成时限】2023年10月底\n\n2.新增停车泊位3000个。\n牵头单位：区交通局\n"
        "配合单位：区城管局\n完成时限：9月底\n");
    const auto labelled = all_items(d);
    REQUIRE(labelled.size() == 2);
    CHECK(names(labelled[0].lead) == V{"区工信局"});
    CHECK(names(labelled[1].support) == V{"区城管局"});
    CHECK(labelled[1].deadline == "9月底");
}

TEST_CASE("a space-aligned grid (pdftotext -layout) gives items by column position", "[parse][grid]") {
    auto d = test::parse_string(
        "2024年镇政府工作报告重点工作任务分解表\n\n"
        "序号  工作任务                      牵头领导    责任单位                完成时限\n"
        "1     完成工业总产值120亿元，增长8%  张卫东      经济发展办公室          2024年12月\n"
        "2     新建高标准农田3000亩           李建华      农业农村办公室、各村    2024年10月\n"
        "      及配套设施\n"
        "3     建成镇综合文化站                           社会事务办公室          2024年9月\n\n"
        "抄送：县政府办。\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(items[0].text == "完成工业总产值120亿元，增长8%");
    CHECK(items[0].leader->name == "张卫东");
    CHECK(names(items[0].lead) == V{"经济发展办公室"});
    CHECK(*items[0].deadline == "2024年12月");
    CHECK(items[1].text == "新建高标准农田3000亩及配套设施");
    CHECK(names(items[1].support) == V{"各村"});
    CHECK(names(items[2].lead) == V{"社会事务办公室"});
}

TEST_CASE("a signature after the breakdown is end matter, not a task", "[parse][meta]") {
    auto d = test::parse_string(
        "关于印发2024年县政府工作报告重点工作任务分解的通知\n\n2024年县政府工作报告重点工作任务分解\n\n"
        "一、沈华县长牵头重点工作\n1.地区生产总值增长6.5%。（责任单位：县发改局）\n\n"
        "安吉县人民政府办公室\n\n2024年3月1日\n\n（此件公开发布）\n\n安吉县人民政府办公室      2024年3月1日印发\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 1);
    CHECK(items[0].text == "地区生产总值增长6.5%。");
    CHECK(d.document.issuer == std::optional<std::string>("安吉县人民政府办公室"));
    CHECK(d.document.date == std::optional<std::string>("2024-03-01"));
}

TEST_CASE("a convention sentence outside any clause: in the notice, in a note, on its own line", "[parse][meta]") {
    auto notice = test::parse_string(
        "关于印发2024年重点工作任务分解的通知\n现将任务分解印发给你们。各项任务中列第一位的为牵头单位，其余为配合单位。\n\n"
        "2024年重点工作任务分解\n\n1.甲。（区财政局、区税务局）\n");
    REQUIRE(notice.document.lead_convention);
    CHECK(notice.document.lead_convention->text == "列第一位的为牵头单位，其余为配合单位");

    auto note = test::parse_string(
        "2024年区政府工作报告重点工作任务分解\n\n说明：1.每项任务排在首位的单位为牵头单位，其他单位为协办单位；2.按季报送。\n\n"
        "一、许晨区长负责的重点工作\n1.一般公共预算收入增长5.5%。（责任单位：区财政局、区税务局）\n");
    REQUIRE(note.document.lead_convention);
    CHECK(note.document.lead_convention->text == "排在首位的单位为牵头单位，其他单位为协办单位");
    REQUIRE(all_items(note).size() == 1);

    auto line = test::parse_string(
        "2024年重点工作任务分解\n（列第一位的为牵头单位，下同）\n\n1.甲。（责任单位：区财政局、区税务局）\n");
    REQUIRE(line.document.lead_convention);
    CHECK(line.document.lead_convention->line == 2);
    CHECK(line.unassigned.empty());
}

TEST_CASE("an item number whose text opens with a digit, taken in turn", "[parse][numbers]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解\n\n一、张三市长牵头\n"
        "1.2024年6月底前完成滨河路改造工程。（责任单位：区住建局）\n"
        "2.新建公园3个。（责任单位：区园林局）\n"
        "二、王五副市长牵头\n"
        "3.5G基站新建800个。（责任单位：市通信办）\n"
        "4.完成投资12.\n5亿元。（责任单位：市发改委）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 4);
    CHECK(*items[0].number == "1");
    CHECK(items[0].text == "2024年6月底前完成滨河路改造工程。");
    CHECK(*items[2].number == "3");  // the part's numbering runs on into the next section
    CHECK(items[2].text == "5G基站新建800个。");
    CHECK(items[3].text == "完成投资12.5亿元。");  // "5亿元" is no item 5: the item before has no clause yet
}

TEST_CASE("numbered parts under a title line: 第一部分 重点工作, 第二部分 民生实事", "[parse][family]") {
    auto d = test::parse_string(
        "2024年县政府工作报告重点工作和民生实事任务分解\n\n第一部分　重点工作\n\n一、扩大有效投资\n"
        "1.争取专项债券资金12亿元。（责任单位：县财政局、县发改局）\n\n第二部分　民生实事\n\n"
        "1.新增公办学位2000个。（牵头县领导：副县长 陈静；牵头单位：县教育局；责任单位：县财政局）\n");
    REQUIRE(d.parts.size() == 2);
    CHECK(d.parts[0].kind == "key_tasks");
    CHECK(d.parts[1].kind == "livelihood");
    CHECK(d.document.title == std::optional<std::string>("2024年县政府工作报告重点工作和民生实事任务分解"));
    REQUIRE(d.parts[1].sections.at(0).items.size() == 1);
    CHECK(d.parts[1].sections[0].items[0].leader->name == "陈静");
    CHECK(d.unassigned.empty());
}

TEST_CASE("a heading's leader alone in its closing bracket; 分别负责", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解\n\n一、经济运行和财政金融（县长 王五）\n"
        "1.推进医疗、医保、医药协同发展。（县医保局、县卫健委、县市场监管局分别负责）\n"
        "二、农业农村（产业发展）\n2.新建高标准农田。（责任单位：县农业农村局）\n");
    const auto& s = d.parts.at(0).sections;
    REQUIRE(s.size() == 2);
    CHECK(s[0].leader->name == "王五");
    CHECK(s[0].leader->role == "县长");
    CHECK_FALSE(s[1].leader);
    const auto& item = s[0].items.at(0);
    CHECK(names(item.support) == V{"县卫健委", "县市场监管局"});
}

TEST_CASE("numbered clauses run together in one paragraph keep their numbers", "[parse][livelihood]") {
    auto d = test::parse_string(
        "2024年民生实事项目\n\n"
        "1.新建公办幼儿园3所。（牵头县领导：孙丽；牵头单位：县教育局）2.改造照明设施400间。（牵头县领导：孙丽；"
        "牵头单位：县教育局；责任单位：县财政局）3.建成县特殊教育学校。（牵头县领导：孙丽；牵头单位：县教育局）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(*items[1].number == "2");
    CHECK(items[1].text == "改造照明设施400间。");
    CHECK(names(items[1].support) == V{"县财政局"});
    CHECK(*items[2].number == "3");
    CHECK(items[2].text == "建成县特殊教育学校。");
}

TEST_CASE("units named before the text: '1.市发改委：…'", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解\n\n"
        "1.市发改委：全年固定资产投资增长7%以上。配合单位：市统计局\n"
        "2.总体目标：社会消费品零售总额增长6.5%。（责任单位：市商务局）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "全年固定资产投资增长7%以上。");
    CHECK(names(items[0].lead) == V{"市发改委"});
    CHECK(names(items[0].support) == V{"市统计局"});
    CHECK(items[1].text == "总体目标：社会消费品零售总额增长6.5%。");  // not units: the text keeps it
}

TEST_CASE("nested numbering: points inside a task, or tasks under a sub-heading", "[parse][numbers]") {
    auto points = test::parse_string(
        "2024年重点工作任务分解\n\n一、周海涛市长牵头重点工作\n"
        "1.推进城市更新行动。\n（1）改造城镇老旧小区60个；\n（2）新建口袋公园30个；\n（3）改造雨污管网120公里。\n"
        "责任单位：市住建局、市城管局\n2.一般公共预算收入增长5%。（责任单位：市财政局）\n");
    auto p = all_items(points);
    REQUIRE(p.size() == 2);
    CHECK(p[0].text == "推进城市更新行动。（1）改造城镇老旧小区60个；（2）新建口袋公园30个；（3）改造雨污管网120公里。");
    CHECK(names(p[0].lead) == V{"市住建局"});

    auto tasks = test::parse_string(
        "2024年重点工作任务分解\n\n一、经济发展方面\n1.工业提质\n"
        "（1）规上工业总产值增长10%。（县工信局牵头，县统计局配合）\n（2）新增规上工业企业25家。（县工信局牵头）\n"
        "2.园区建设\n（1）经开区新建标准厂房20万平方米。（县经开区管委会牵头，县住建局配合）\n");
    auto t = all_items(tasks);
    REQUIRE(t.size() == 3);
    CHECK(t[0].text == "规上工业总产值增长10%。");
    CHECK(t[1].text == "新增规上工业企业25家。");
    CHECK(t[2].text == "经开区新建标准厂房20万平方米。");
    CHECK(names(t[2].support) == V{"县住建局"});
}

TEST_CASE("enclosed numbers ①/⑴/⒈ number tasks, and points inside a task", "[parse][numbers]") {
    auto circled = test::parse_string(
        "2024年镇政府工作报告重点工作责任分解\n\n一、镇长刘涛牵头\n"
        "①完成农业总产值4.2亿元，同比增长5%。（牵头单位：农业服务中心；配合单位：各村）\n"
        "②新建高标准农田3000亩。（牵头单位：农业服务中心）\n");
    auto c = all_items(circled);
    REQUIRE(c.size() == 2);
    CHECK(c[0].number == "①");
    CHECK(c[0].text == "完成农业总产值4.2亿元，同比增长5%。");
    CHECK(c[1].number == "②");
    // The number is no quantity: the targets are 4.2亿元 and 5%.
    REQUIRE(c[0].targets.size() == 2);
    CHECK(c[0].targets[0].value == Approx(4.2));

    for (const auto& [one, two] : {std::pair{"⑴", "⑵"}, std::pair{"⒈", "⒉"}}) {
        auto nested = test::parse_string(std::string("2024年重点工作任务分解\n\n一、周海涛市长牵头重点工作\n"
                                                     "1.实施产业链链长制，重点做好以下工作：\n") +
                                         one + "培育千亿级产业集群2个；\n" + two + "新增规上工业企业150家。\n"
                                         "（牵头单位：市工信局）\n2.一般公共预算收入增长5%。（牵头单位：市财政局）\n");
        auto n = all_items(nested);
        REQUIRE(n.size() == 2);
        CHECK(n[0].text == std::string("实施产业链链长制，重点做好以下工作：") + one + "培育千亿级产业集群2个；" + two +
                               "新增规上工业企业150家。");
    }
}

TEST_CASE("the notice's list of attachments is no part; the attachments it names are", "[parse][family]") {
    const std::string notice =
        "衢州市人民政府办公室关于印发2024年重点工作和民生实事任务分解的通知\n\n各县（市、区）人民政府：\n\n"
        "现将两个任务分解印发给你们，请认真抓好落实。\n\n"
        "附件：1．2024年市政府工作报告重点工作任务分解\n      2．2024年市政府民生实事项目任务分解\n\n"
        "衢州市人民政府办公室\n2024年2月26日\n\n"
        "附件1\n\n2024年市政府工作报告重点工作任务分解\n\n一、全力扩大有效投资\n\n"
        "1．谋划招引10亿元以上产业项目15个。（责任单位：市投促中心、市发改委）\n\n"
        "附件2\n\n2024年市政府民生实事项目任务分解\n\n1．新增婴幼儿托位1200个。（责任单位：市卫健委）\n";
    Parser mapping;
    mapping.set_line_map(true);
    auto d = mapping.parse_bytes(notice, "test.txt");
    REQUIRE(d.parts.size() == 2);
    CHECK(d.parts[0].title == "2024年市政府工作报告重点工作任务分解");
    CHECK(d.parts[1].title == "2024年市政府民生实事项目任务分解");
    CHECK(all_items(d).size() == 2);
    CHECK(d.document.date == "2024-02-26");
    int list_lines = 0;
    for (const auto& r : d.line_roles) list_lines += (r.line == 7 || r.line == 8) && r.role == "attachment";
    CHECK(list_lines == 2);
}

TEST_CASE("tasks grouped under the unit that leads them: the heading's unit leads", "[parse][family]") {
    auto d = test::parse_string(
        "2024年区政府工作报告重点任务分解\n\n（按牵头单位分列，括号内为配合单位）\n\n一、区发展和改革局\n\n"
        "1.全区地区生产总值增长6.5%。（区统计局、各街道）\n\n2.完成固定资产投资320亿元。（区住建局、区自然资源分局）\n\n"
        "二、区卫生健康局（3项）\n\n3.新增托位800个。\n\n4.建成社区卫生服务中心3家。（区财政局、相关街道）\n\n"
        "5.推进医共体建设。（区医保局牵头，区卫生健康局配合）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 5);  // the bracketed note on how to read the list is no task
    CHECK(items[0].text == "全区地区生产总值增长6.5%。");
    CHECK(names(items[0].lead) == V{"区发展和改革局"});
    CHECK(names(items[0].support) == V{"区统计局", "各街道"});
    CHECK(names(items[2].lead) == V{"区卫生健康局"});
    CHECK(items[2].support.empty());
    CHECK(names(items[3].support) == V{"区财政局", "相关街道"});
    // A task that marks its own lead keeps it.
    CHECK(names(items[4].lead) == V{"区医保局"});
    CHECK(names(items[4].support) == V{"区卫生健康局"});
}

TEST_CASE("joint issuers signed one above the other both issue the notice", "[parse][meta]") {
    auto d = test::parse_string(
        "关于印发《2024年县政府工作报告重点工作任务分解》的通知\n\n各乡镇（街道），县直各单位：\n"
        "现将《2024年县政府工作报告重点工作任务分解》印发给你们，请认真贯彻落实。\n\n"
        "中共安吉县委办公室\n安吉县人民政府办公室\n2024年3月1日\n\n"
        "2024年县政府工作报告重点工作任务分解\n\n一、王强县长牵头重点工作\n"
        "1.地区生产总值增长6%。（牵头单位：县发改局；配合单位：县统计局）\n");
    CHECK(d.document.issuer == "中共安吉县委办公室安吉县人民政府办公室");
    CHECK(d.document.date == "2024-03-01");
    REQUIRE(all_items(d).size() == 1);
    for (const auto& u : d.unassigned) CHECK(u.text.find("办公室") == std::string::npos);
}

TEST_CASE("tasks counted in words ('一是…', '二是…') are numbered; inside a task they are points", "[parse][numbers]") {
    auto d = test::parse_string(
        "2024年政府工作报告重点任务分工\n\n（一）稳住工业基本盘\n\n"
        "一是实施工业技改项目200个。责任单位：市工信局、各县市区政府。\n\n二是新增规上工业企业300家。责任单位：市工信局。\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].number == "一");
    CHECK(items[0].text == "实施工业技改项目200个。");
    CHECK(items[1].number == "二");
    CHECK(names(items[1].lead) == V{"市工信局"});

    auto nested = all_items(test::parse_string(
        "2024年重点工作任务分解\n\n一、周海涛市长牵头重点工作\n1.推进城市更新行动，重点做好以下工作：\n"
        "一是改造城镇老旧小区60个；\n二是新建口袋公园30个。\n（牵头单位：市住建局）\n2.一般公共预算收入增长5%。（牵头单位：市财政局）\n"));
    REQUIRE(nested.size() == 2);
    CHECK(nested[0].text == "推进城市更新行动，重点做好以下工作：一是改造城镇老旧小区60个；二是新建口袋公园30个。");

    // Points that share one clause stay one task: 二是 opens no task while 一是's is still open.
    auto shared = all_items(test::parse_string(
        "2024年政府工作报告重点任务分工\n\n一、扩大有效投资\n一是实施重大项目500个；\n二是新增专项债券1000亿元。\n"
        "（责任单位：市发改委、市财政局）\n"));
    REQUIRE(shared.size() == 1);
    CHECK(names(shared[0].lead) == V{"市发改委"});
    CHECK(names(shared[0].support) == V{"市财政局"});
}

TEST_CASE("province and short clause labels: 牵头省领导, 牵头处室, 牵头：/配合：, 责任单位（部门）, 时间要求", "[parse][family]") {
    auto items = all_items(test::parse_string(
        "2024年省政府工作报告重点工作分工方案\n\n一、扩大有效投资\n"
        "1.全年完成固定资产投资增长5%。（牵头：省发展改革委；配合：省统计局、省财政厅）\n"
        "2.实施重大项目500个。（牵头省领导：王五；牵头处室：省发改委投资处；配合处室：省财政厅经建处）\n"
        "3.新增专项债券额度1000亿元。（市领导：李四；责任单位：省财政厅）\n"
        "4.推进城市更新。（责任单位（部门）：省住建厅、省自然资源厅）\n"
        "5.建设高标准农田200万亩。（主责部门：省农业农村厅；协同部门：省财政厅；时间要求：2024年底前）\n"));
    REQUIRE(items.size() == 5);
    CHECK(items[0].text == "全年完成固定资产投资增长5%。");
    CHECK(names(items[0].lead) == V{"省发展改革委"});
    CHECK(names(items[0].support) == V{"省统计局", "省财政厅"});
    REQUIRE(items[1].leader);
    CHECK(items[1].leader->name == "王五");
    CHECK(names(items[1].lead) == V{"省发改委投资处"});
    CHECK(names(items[1].support) == V{"省财政厅经建处"});
    REQUIRE(items[2].leader);
    CHECK(items[2].leader->name == "李四");
    CHECK(names(items[3].lead) == V{"省住建厅"});
    CHECK(names(items[3].support) == V{"省自然资源厅"});
    CHECK(names(items[4].lead) == V{"省农业农村厅"});
    CHECK(items[4].deadline == "2024年底前");
}

TEST_CASE("tab grid with the label variants of other notices: 责任市领导, 主责单位, 协同单位, 时间要求", "[parse][grid]") {
    auto items = all_items(test::parse_string(
        "2024年重点工作责任分解表\n\n序号\t重点任务\t责任市领导\t主责单位\t协同单位\t时间要求\n"
        "1\t新增规上工业企业300家\t王五\t市工信局\t市统计局\t2024年底前\n"
        "2\t社会消费品零售总额增长7%\t李四\t市商务局\t市统计局、市财政局\t持续推进\n"));
    REQUIRE(items.size() == 2);
    REQUIRE(items[0].leader);
    CHECK(items[0].leader->name == "王五");
    CHECK(names(items[0].lead) == V{"市工信局"});
    CHECK(names(items[1].support) == V{"市统计局", "市财政局"});
    CHECK(items[0].deadline == "2024年底前");
}

TEST_CASE("leader headings without a number ('夏泉常务副区长牵头重点工作') still open sections", "[parse][family]") {
    auto d = test::parse_string(
        "2024年区政府工作报告重点工作任务分解\n\n夏泉常务副区长牵头重点工作\n"
        "1.一般公共预算收入增长5%。（牵头单位：区财政局）\n2.固定资产投资增长6%。（牵头单位：区发改局）\n\n"
        "王丽副区长牵头重点工作\n3.新增城镇就业5000人。（牵头单位：区人社局）\n");
    REQUIRE(d.parts.size() == 1);
    REQUIRE(d.parts[0].sections.size() == 2);
    const auto& s = d.parts[0].sections;
    CHECK_FALSE(s[0].label);
    REQUIRE(s[1].leader);
    CHECK(s[1].leader->name == "王丽");
    CHECK(s[1].leader->role == "副区长");
    REQUIRE(s[1].items.size() == 1);
    CHECK(s[1].items[0].leader->name == "王丽");
    CHECK(s[0].items.size() == 2);

    // The same words closing a task wrapped over lines are its text, not a heading.
    auto wrapped = all_items(test::parse_string(
        "2024年重点工作任务分解\n\n一、经济发展\n1.推进招商引资，全年新签约项目50个，具体工作\n由常务副县长李四牵头\n"
        "（责任单位：县商务局）\n2.一般公共预算收入增长5%。（责任单位：县财政局）\n"));
    REQUIRE(wrapped.size() == 2);
    CHECK(wrapped[0].text == "推进招商引资，全年新签约项目50个，具体工作由常务副县长李四牵头");
}

TEST_CASE("heading leaders: 由…的, role first, several titles, 同志, a secretary-general in brackets", "[parse][family]") {
    auto d = test::parse_string(
        "2024年市政府工作报告重点工作任务分解\n\n一、由王五副市长牵头的重点工作（2项）\n1.一般公共预算收入增长5%。（牵头单位：市财政局）\n"
        "二、副市长李四牵头\n2.新增城镇就业5000人。（牵头单位：市人社局）\n"
        "三、市委常委、常务副市长张三牵头重点工作\n3.新建学校5所。（牵头单位：市教育局）\n"
        "四、钱七（市政府秘书长）负责\n4.推进数字政府建设。（牵头单位：市大数据局）\n");
    REQUIRE(d.parts.size() == 1);
    const auto& s = d.parts[0].sections;
    REQUIRE(s.size() == 4);
    const std::vector<std::pair<std::string, std::string>> want = {
        {"王五", "副市长"}, {"李四", "副市长"}, {"张三", "市委常委、常务副市长"}, {"钱七", "市政府秘书长"}};
    for (std::size_t k = 0; k < want.size(); ++k) {
        INFO(k);
        REQUIRE(s[k].leader);
        CHECK(s[k].leader->name == want[k].first);
        CHECK(s[k].leader->role == want[k].second);
    }
}

TEST_CASE("heading leaders named by their field: '李四副区长分管领域', '王五副县长联系的重点工作'", "[parse][family]") {
    auto d = test::parse_string(
        "2024年区政府工作报告重点工作任务分解\n\n一、李四副区长分管领域\n1.新建5G基站300个。（责任单位：区经信局）\n"
        "二、王五副区长联系的重点工作\n2.完成老旧小区改造20个。（责任单位：区住建局）\n");
    REQUIRE(d.parts.size() == 1);
    const auto& s = d.parts[0].sections;
    REQUIRE(s.size() == 2);
    REQUIRE(s[0].leader);
    CHECK(s[0].leader->name == "李四");
    CHECK(s[0].leader->role == "副区长");
    REQUIRE(s[1].leader);
    CHECK(s[1].leader->name == "王五");
}

TEST_CASE("decimal numbering: 1.1/1.2/2.1 in turn are task numbers, also under '1.' sub-headings", "[parse][numbers]") {
    SECTION("flat") {
        auto d = test::parse_string(
            "2024年市政府工作报告重点工作责任分解\n\n1.1 实施重大项目200个。（责任单位：市发改委）\n"
            "1.2 新开工亿元以上项目80个。（责任单位：市发改委、市住建局）\n2.1 粮食播种面积稳定在100万亩以上。（责任单位：市农业农村局）\n");
        const auto items = test::all_items(d);
        REQUIRE(items.size() == 3);
        CHECK(*items[0].number == "1.1");
        CHECK(items[0].text == "实施重大项目200个。");
        CHECK(*items[2].number == "2.1");
        CHECK(items[2].text == "粮食播种面积稳定在100万亩以上。");
        CHECK(d.diagnostics.empty());
    }
    SECTION("under whole-number sub-headings") {
        auto d = test::parse_string(
            "2024年市政府工作报告重点工作责任分解\n\n一、经济发展\n1.扩大有效投资\n1.1 实施重大项目200个。（责任单位：市发改委）\n"
            "1.2 新开工亿元以上项目80个。（责任单位：市住建局）\n2.推进乡村振兴\n2.1 新建高标准农田5万亩。（责任单位：市农业农村局）\n");
        const auto items = test::all_items(d);
        REQUIRE(items.size() == 3);
        CHECK(*items[0].number == "1.1");
        CHECK(*items[1].number == "1.2");
        CHECK(items[2].text == "新建高标准农田5万亩。");
    }
    SECTION("out of turn it is a number before digits or a decimal") {
        auto d = test::parse_string(
            "2024年市政府工作报告重点工作任务分解\n\n一、孙强市长牵头重点工作\n1.粮食产量稳定在\n21.6万吨以上。（责任单位：市农业农村局）\n"
            "2.5G基站新建800个。（责任单位：市工信局）\n3.3月底前出台优化营商环境若干措施。（责任单位：市发改委）\n");
        const auto items = test::all_items(d);
        REQUIRE(items.size() == 3);
        CHECK(items[0].text == "粮食产量稳定在21.6万吨以上。");
        CHECK(*items[1].number == "2");
        CHECK(items[1].text == "5G基站新建800个。");
        CHECK(*items[2].number == "3");
        CHECK(*items[2].deadline == "3月底前");
    }
}

TEST_CASE("a completion time in brackets after the units is the deadline: '县发改局（长期坚持）'", "[parse][deadline]") {
    auto d = test::parse_string(
        "2024年县政府工作报告重点工作任务分解\n\n一、重点项目\n1.持续推进营商环境优化。责任单位：县发改局（长期坚持）\n"
        "2.建成城东污水处理厂。（责任单位：县住建局、县水利局（2024年10月底前））\n3.推进人才工作。（责任单位：县委组织部（县委人才办））\n");
    const auto items = test::all_items(d);
    REQUIRE(items.size() == 3);
    REQUIRE(items[0].lead.size() == 1);
    CHECK(items[0].lead[0].name == "县发改局");
    CHECK(*items[0].deadline == "长期坚持");
    REQUIRE(items[1].support.size() == 1);
    CHECK(items[1].support[0].raw == "县水利局");
    CHECK(*items[1].deadline == "2024年10月底前");
    REQUIRE(items[2].lead.size() == 1);
    CHECK(items[2].lead[0].alias == "县委人才办");
    CHECK(!items[2].deadline);
}

TEST_CASE("a heading-shaped line broken off at a comma, with units on the next lines, is a task", "[parse][family]") {
    auto d = test::parse_string(
        "2024年市政府工作报告重点工作任务分工\n\n一、李四常务副市长牵头的重点工作\n（一）深化国企改革。（牵头单位：市国资委）\n"
        "（二）优化营商环境，\n推进“一件事”改革。（牵头单位：市营商办；配合单位：市数据局、\n市市场监管局）\n");
    const auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(*items[1].number == "二");
    CHECK(items[1].text == "优化营商环境，推进“一件事”改革。");
    CHECK(items[1].support.size() == 2);
    CHECK(d.unassigned.empty());

    // A wrapped heading of a prose plan names no units: it stays a heading, completed by the next line.
    auto plan = test::parse_string(
        "2024年区政府工作计划\n\n（一）坚持稳中求进，\n更高质量推动经济运行\n1.扩大有效投资，实施项目100个。\n2.提振消费，举办活动20场。\n");
    REQUIRE(plan.parts.size() == 1);
    REQUIRE(plan.parts[0].sections.size() == 1);
    CHECK(plan.parts[0].sections[0].label == std::optional<std::string>("一"));
    CHECK(*plan.parts[0].sections[0].title == "坚持稳中求进，更高质量推动经济运行");
    REQUIRE(plan.parts[0].sections[0].items.size() == 2);
    CHECK(*plan.parts[0].sections[0].items[0].number == "1");
}

TEST_CASE("clause labels whose colon was lost: '（责任单位 区教育局、区财政局）'", "[parse][family]") {
    auto d = test::parse_string(
        "2024年区政府工作报告重点工作任务分解\n\n一、张三区长牵头重点工作\n1.新建学校5所。（责任单位 区教育局、区财政局）\n"
        "2.新增城镇就业5000人。责任单位 区人社局\n");
    const auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "新建学校5所。");
    REQUIRE(items[0].lead.size() == 1);
    CHECK(items[0].lead[0].name == "区教育局");
    CHECK(items[0].support.size() == 1);
    CHECK(items[1].text == "新增城镇就业5000人。");
    REQUIRE(items[1].lead.size() == 1);
    CHECK(items[1].lead[0].name == "区人社局");
}

TEST_CASE("fields set apart by spaces: '…全覆盖  责任单位：区经信局  完成时限：2025年10月'", "[parse][family]") {
    auto d = test::parse_string(
        "区政府2025年重点工作任务清单\n\n（一）经济发展\n1.推动规上工业企业数字化改造全覆盖  责任单位：区经信局  完成时限：2025年10月\n"
        "2.新建口袋公园10个\u3000责任单位：区城管局\n3.推进城乡融合 责任单位：区农业农村局\n");
    const auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(items[0].text == "推动规上工业企业数字化改造全覆盖");
    REQUIRE(items[0].lead.size() == 1);
    CHECK(items[0].lead[0].name == "区经信局");
    CHECK(items[0].deadline == "2025年10月");
    REQUIRE(items[1].lead.size() == 1);
    CHECK(items[1].lead[0].name == "区城管局");
    REQUIRE(items[2].lead.size() == 1);
    CHECK(items[2].lead[0].name == "区农业农村局");
}

TEST_CASE("a bullet before an unnumbered task is a list mark, not text ('●新建学校5所。')", "[parse][family]") {
    auto d = test::parse_string(
        "2024年区政府工作报告重点工作任务分解\n\n一、张三区长牵头重点工作\n●新建学校5所，新增学位2000个。\n（责任单位：区教育局）\n"
        "●新增城镇就业5000人。（责任单位：区人社局）\n★完成造林1万亩。（责任单位：区林业局）\n■推进数字政府建设，\n建成一网通办平台。（责任单位：区大数据局）\n");
    const auto items = all_items(d);
    REQUIRE(items.size() == 4);
    CHECK(items[0].text == "新建学校5所，新增学位2000个。");
    CHECK(items[1].text == "新增城镇就业5000人。");
    CHECK(items[2].text == "完成造林1万亩。");
    CHECK(items[3].text == "推进数字政府建设，建成一网通办平台。");
    // Inside a task's text a bullet stays.
    auto inside = all_items(test::parse_string(
        "2024年区政府工作报告重点工作任务分解\n\n1.推进项目：●新建学校5所；●新建医院1所。（责任单位：区发改局）\n"));
    REQUIRE(inside.size() == 1);
    CHECK(inside[0].text == "推进项目：●新建学校5所；●新建医院1所。");
}

TEST_CASE("a part title may open with its place ('广州市2024年…分工方案'), except as the file's own title", "[parse][family]") {
    auto d = test::parse_string(
        "广州市人民政府办公厅关于印发广州市2024年政府工作报告重点工作分工方案的通知\n\n广州市人民政府办公厅\n2024年2月20日\n\n"
        "广州市2024年政府工作报告重点工作分工方案\n\n一、推动经济高质量发展\n1.新开工项目300个以上。（市发展改革委牵头，各区政府配合）\n");
    REQUIRE(d.parts.size() == 1);
    CHECK(d.parts[0].title == "广州市2024年政府工作报告重点工作分工方案");
    CHECK(d.parts[0].line == 6);
    CHECK(d.unassigned.empty());

    // At the head of the file (printed again by a web copy) it titles the document; the
    // preamble under it is no task.
    auto plan = test::parse_string(
        "区人民政府2024年工作计划\n区人民政府2024年工作计划\n2024年是关键之年。\n重点做好十方面工作。\n"
        "(一)坚持稳中求进,更高质量推动经济运行总体向好\n发挥投资关键作用。实施项目100个。\n");
    CHECK(*plan.document.title == "区人民政府2024年工作计划");
    REQUIRE(plan.parts.size() == 1);
    const auto items = all_items(plan);
    REQUIRE(items.size() == 1);
    CHECK(items[0].text == "发挥投资关键作用。实施项目100个。");
}

TEST_CASE("PDF copies: a number split by the wrap continues its task ('…整治1' / '6.2公里以上。')", "[parse][pdf]") {
    auto d = test::parse_string(
        "2024年市政府民生实事任务分解\n\n六、城乡宜居方面\n新建城市燃气管网8公里。(牵头领导:周国岭,责任单位:市城管局)完成幸福河湖农村水系整治1\n"
        "6.2公里以上。(牵头领导:孙小晓,责任单位:市水利局)\n");
    const auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[1].text == "完成幸福河湖农村水系整治16.2公里以上。");
    REQUIRE(items[1].lead.size() == 1);
    CHECK(items[1].lead[0].name == "市水利局");
    CHECK(!items[1].number);
}

TEST_CASE("PDF copies: a footer list broken off at a comma runs on past a blank line; a page break inside a grid header", "[parse][pdf]") {
    auto d = test::parse_string(
        "2024年市政府工作报告重点工作责任分解\n\n一、张三市长牵头重点工作\n1.新建学校5所。（责任单位：市教育局）\n\n"
        "抄送：市委各部门，市人大常委会办公室，\n\n市法院，市检察院，驻舟部队。\n");
    CHECK(all_items(d).size() == 1);

    auto grid = test::parse_string(
        "2024年县政府工作报告重点工作任务分解表\n\n序号\n\n— 1 —\n\n目标任务\n\n牵头单位\n\n配合单位\n\n1\n\n新建学校5所\n\n县教育局\n\n县财政局\n");
    const auto items = all_items(grid);
    REQUIRE(items.size() == 1);
    CHECK(*items[0].number == "1");
    CHECK(items[0].text == "新建学校5所");
    REQUIRE(items[0].lead.size() == 1);
    CHECK(items[0].lead[0].name == "县教育局");
}

TEST_CASE("PDF copies: prose paragraphs end at the next first-line indent, or at a sentence short of the margin", "[parse][pdf]") {
    // Indented paragraphs: a sentence that ends at the wrap does not end the paragraph.
    auto indented = all_items(test::parse_string(
        "2024年区政府工作计划\n\n(一)坚持稳中求进\n　　发挥投资关键作用。强化项目的谋划论证和统\n筹协调，发挥好政府投资的带动作用。\n"
        "扩大有效投资。\n　　着力激发消费潜能。稳定和扩大传统消费。\n"));
    REQUIRE(indented.size() == 2);
    CHECK(indented[0].text == "发挥投资关键作用。强化项目的谋划论证和统筹协调，发挥好政府投资的带动作用。扩大有效投资。");
    CHECK(indented[1].text == "着力激发消费潜能。稳定和扩大传统消费。");
    // Hard-wrapped without indents: a sentence end at the margin runs on, one short of it ends.
    auto wrapped = all_items(test::parse_string(
        "2024年区政府工作计划\n\n(一)坚持稳中求进\n发挥投资关键作用。强化项目谋划论证协调。\n发挥好政府投资带动作用扩大有效投资规模，\n"
        "推动项目早开工早见效早投产早达产快建设。\n稳定预期。\n着力激发消费潜能。稳定和扩大传统消费。\n"));
    REQUIRE(wrapped.size() == 2);
    CHECK(wrapped[0].text.rfind("发挥投资关键作用。", 0) == 0);
    CHECK(wrapped[1].text == "着力激发消费潜能。稳定和扩大传统消费。");
}

TEST_CASE("letter-spaced print: '关 于…的 通知', '印 发', two-character names padded to three ('刘 学文')", "[parse][pdf]") {
    auto d = test::parse_string(
        "某县人民政府办公室关 于印发2024年县政府工作报告重点工作任务分解的 通知\n\n某县人民政府办公室\n2024年3月5日\n\n"
        "2024年县政府工作报告重点工作任务分解表\n\n序号\n\n目标任务\n\n牵头领导\n\n牵头单位\n\n"
        "1\n\n新建学校5所\n\n刘 学文\n\n县教育局\n\n某县人民政府办公室 2024年3月5日印 发\n");
    CHECK(*d.document.title == "某县人民政府办公室关于印发2024年县政府工作报告重点工作任务分解的通知");
    const auto items = all_items(d);
    REQUIRE(items.size() == 1);
    REQUIRE(items[0].leader);
    CHECK(items[0].leader->name == "刘学文");
    REQUIRE(items[0].lead.size() == 1);
    CHECK(items[0].lead[0].name == "县教育局");
}

TEST_CASE("letter-spaced print: a part title split inside its last word ('…（舟山部分） 责任分 解') opens a part", "[parse][pdf]") {
    auto d = test::parse_string(
        "2024年市政府工作报告重点工作任务分解\n\n一、依法行政\n4. 廉洁从政守底线。\n\n"
        "责任单位：各县（区）政府、功能区管委会，市政府直属各单位\n\n"
        "2024 年省政府民生实事（舟山部分） 责任分 解\n\n一、医疗卫生方面\n1.新建村卫生室10个。（责任单位：市卫健委）\n");
    REQUIRE(d.parts.size() == 2);
    CHECK(d.parts[1].title == "2024 年省政府民生实事（舟山部分） 责任分 解");
    const auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(names(items[0].support) == V{"功能区管委会", "市政府直属各单位"});
    CHECK_FALSE(items[0].deadline);
}

TEST_CASE("a completion time after the units opens its field: '…，2024年底前' yes, '…，各单位2024年…' no", "[parse][deadline]") {
    auto d = test::parse_string(
        "2024年县政府工作报告重点工作任务分解\n\n一、稳增长\n1.新建学校5所。（县教育局牵头，县财政局配合，力争2024年底前完成）\n"
        "2.新建公园3个。（责任单位：县住建局，县直各单位2024年度考核对象）\n");
    const auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].deadline == "力争2024年底前完成");
    CHECK_FALSE(items[1].deadline);
}

TEST_CASE("the web page around a copy is furniture: breadcrumbs, print links, disclosure fields, site footer", "[parse][family]") {
    auto d = test::parse_string(
        "首页 > 政务公开 > 政府文件\n索引号 002969042/2024-116185\n【字体：大 中 小】 打印本页 关闭窗口\n"
        "区人民政府2024年工作计划\n2024年是关键之年。\n(一)坚持稳中求进\n发挥投资关键作用。实施项目100个。\n"
        "【打印本页】 【关闭窗口】\n扫一扫在手机打开当前页\n主办单位：XX区人民政府办公室  技术支持：XX网络公司\n网站标识码：3309020001  浙ICP备05001234号\n");
    CHECK(*d.document.title == "区人民政府2024年工作计划");
    const auto items = all_items(d);
    REQUIRE(items.size() == 1);
    CHECK(items[0].text == "发挥投资关键作用。实施项目100个。");
    for (const auto& u : d.unassigned) {
        INFO(u.text);
        CHECK(u.line == 5);  // only the preamble sentence
    }
    // The same words inside a task are its text.
    const auto task = all_items(test::parse_string(
        "2024年区政府工作报告重点工作任务分解\n\n1.推广扫一扫缴费。（责任单位：区数据局）\n"));
    REQUIRE(task.size() == 1);
    CHECK(task[0].text == "推广扫一扫缴费。");
}

TEST_CASE("pdftotext -layout grids: a unit list wrapped onto the next row, a page number between rows", "[parse][pdf][grid]") {
    auto d = test::parse_string(
        "2024年县政府工作报告重点工作任务分解表\n"
        "\n"
        "序号   重点工作                          牵头领导   牵头单位       配合单位          完成时限\n"
        " 1     地区生产总值增长6%左右，          王强       县发改局       县统计局、        2024年12月\n"
        "       规上工业增加值增长8%                                        县经信局\n"
        " 2     新建高标准农田2万亩，完成粮       李明       县农业农村局   各乡镇            2024年10月\n"
        "       食播种面积30万亩\n"
        " 3     完成老旧小区改造10个              李明       县住建局       县财政局          2024年11月\n"
        "\n"
        "                                   — 1 —\n"
        "\n"
        " 4     新增城镇就业5000人                张华       县人社局       各乡镇            2024年12月\n"
        "");
    const auto items = all_items(d);
    REQUIRE(items.size() == 4);
    CHECK(items[0].text == "地区生产总值增长6%左右，规上工业增加值增长8%");
    CHECK(test::names(items[0].support) == std::vector<std::string>{"县统计局", "县经信局"});
    CHECK(items[2].text == "完成老旧小区改造10个");
    CHECK(*items[3].number == "4");
    for (const auto& diag : d.diagnostics) CHECK(diag.code != "dangling-separator");
}

TEST_CASE("own-line label pairs: 牵头责任单位 over 主要协作单位; a closing 监督方式 phone line is no unit", "[parse][family]") {
    auto d = test::parse_string(
        "县水利局2023年重点工作任务分解\n\n"
        "1.完成小型水库除险加固8座。\n\n牵头责任单位:县水利局、县财政局\n\n"
        "主要协作单位:各乡镇人民政府、县政府有关部门\n\n"
        "2.新建农村供水管网40公里\n\n牵头责任单位:县水利局\n\n主要协作单位:县住建局,有关直属单位\n\n"
        "监督方式:0550-7654321\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "完成小型水库除险加固8座。");
    CHECK(names(items[0].lead) == V{"县水利局", "县财政局"});
    CHECK(names(items[0].support) == V{"各乡镇人民政府", "县政府有关部门"});
    CHECK(names(items[1].lead) == V{"县水利局"});
    CHECK(names(items[1].support) == V{"县住建局", "有关直属单位"});
}

TEST_CASE("four own lines: 牵头负责领导 / 牵头责任单位 / 协同责任单位, a 完成时限 line under one task only", "[parse][family]") {
    auto d = test::parse_string(
        "某市人民政府关于2022年重点工作及责任分解的通知\n"
        "一、稳住经济基本盘\n"
        "1.进出口总额增长10%以上。\n牵头负责领导:钱立冬。\n牵头责任单位:市商务局。\n"
        "协同责任单位:市发改委、市海关办等。\n完成时限:2022年12月31日\n"
        "2.新增市场主体2万户。\n牵头负责领导:孔令越。\n牵头责任单位:市市场监管局。\n"
        "协同责任单位:市政府各部门、各直属机构。\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "进出口总额增长10%以上。");
    REQUIRE(items[0].leader);
    CHECK(items[0].leader->name == "钱立冬");
    CHECK(names(items[0].lead) == V{"市商务局"});
    CHECK(names(items[0].support) == V{"市发改委", "市海关办"});
    REQUIRE(items[0].deadline);
    CHECK(*items[0].deadline == "2022年12月31日");
    CHECK(items[1].text == "新增市场主体2万户。");
    REQUIRE(items[1].leader);
    CHECK(items[1].leader->name == "孔令越");
    CHECK(!items[1].deadline);
    CHECK(names(items[1].support) == V{"市政府各部门", "各直属机构"});
}

TEST_CASE("leader headings with 主抓: '一、周七省长主抓重点工作'", "[parse][family]") {
    auto d = test::parse_string(
        "2021年政府工作报告重点工作责任分解\n\n"
        "一、陶文远省长主抓重点工作\n\n"
        "  1. 全省生产总值增长6.5%左右。\n\n\n\n  牵头单位:省发展改革委、省统计局\n\n\n"
        "二、吕青山副省长主抓重点工作\n\n"
        "  2. 新建5G基站2万个。\n\n  牵头单位:省通信管理局\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    REQUIRE(items[0].leader);
    CHECK(items[0].leader->name == "陶文远");
    CHECK(items[0].leader->role == "省长");
    REQUIRE(items[1].leader);
    CHECK(items[1].leader->name == "吕青山");
    CHECK(items[1].leader->role == "副省长");
    CHECK(names(items[1].lead) == V{"省通信管理局"});
}

TEST_CASE("会同 between units: the units before it lead, those after it support", "[parse][family]") {
    auto d = test::parse_string(
        "某部门关于进一步做好激励工作的通知\n"
        "一、对推进乡村振兴成效明显的县，适当增加用地计划指标。（自然资源部会同有关部门负责）\n"
        "二、对稳就业成效明显的市，优先安排就业补助资金。（人力资源社会保障部、财政部会同有关部门负责）\n"
        "三、对优化营商环境成效明显的市，予以通报表扬。（国务院办公厅负责）\n"
        "各有关部门要认真组织实施，明确职责分工，加强协调配合。\n"
        "国务院办公厅将加强统筹协调和督促检查。\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(*items[0].number == "一");
    CHECK(items[0].text == "对推进乡村振兴成效明显的县，适当增加用地计划指标。");
    CHECK(names(items[0].lead) == V{"自然资源部"});
    CHECK(names(items[0].support) == V{"有关部门"});
    CHECK(names(items[1].lead) == V{"人力资源社会保障部", "财政部"});
    CHECK(names(items[1].support) == V{"有关部门"});
    // The last task's bracket closes it; the notice's closing paragraphs are no part of it.
    CHECK(items[2].text == "对优化营商环境成效明显的市，予以通报表扬。");
    CHECK(names(items[2].lead) == V{"国务院办公厅"});
    REQUIRE(d.unassigned.size() == 2);
}

TEST_CASE("unnumbered paragraphs each closed by a unit bracket with 等负责 are one task each", "[parse][family]") {
    auto d = test::parse_string(
        "2025年民生实事项目\n"
        "举办社区运动会和乡村趣味运动赛，新建口袋公园12个。(市文广旅局、市体育中心等负责)\n"
        "推进城市书房建设，全年开展送戏下乡120场次。(市文广旅局、市财政局等负责)\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "举办社区运动会和乡村趣味运动赛，新建口袋公园12个。");
    CHECK(names(items[0].lead) == V{"市文广旅局"});
    CHECK(names(items[0].support) == V{"市体育中心"});
    CHECK(items[1].text == "推进城市书房建设，全年开展送戏下乡120场次。");
    CHECK(names(items[1].support) == V{"市财政局"});
}

TEST_CASE("a short numbered title closed by a unit bracket without a sentence end stays a heading", "[parse][family]") {
    auto d = test::parse_string(
        "2024年重点工作任务分解\n\n"
        "一、产业发展（区发改局牵头）\n\n"
        "1.新增规上企业30家。（责任单位：区经信局）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 1);
    CHECK(items[0].text == "新增规上企业30家。");
}

TEST_CASE("progress bulletin: 'N、project,牵头单位:X。remark' gives the project as text; a ranking section is no task", "[parse][family]") {
    auto d = test::parse_string(
        "某市1至6月份为民办实事进度通报\n"
        "现将1至6月份实施进度通报如下:\n"
        "一、各县区实施进度综合排名\n"
        "1、东平县;2、南湖区;3、西岭县;4、北塘区。\n"
        "二、部分项目进展情况\n"
        "1、老年助餐服务,牵头单位:市民政局。其中,助餐点建设进度较慢的为西岭县。\n"
        "2、城市排水管网改造,牵头部门:市住建局。管网改造进度相对较慢的县区为北塘区、东平县。\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "老年助餐服务");
    CHECK(names(items[0].lead) == V{"市民政局"});
    CHECK(items[0].support.empty());
    CHECK(items[1].text == "城市排水管网改造");
    CHECK(names(items[1].lead) == V{"市住建局"});
    CHECK(items[1].support.empty());
    bool ranking_unassigned = false;
    for (const auto& u : d.unassigned) ranking_unassigned |= u.line == 4;
    CHECK(ranking_unassigned);
}

TEST_CASE("a plan's guiding idea, principles and closing requirements around tasks with clauses are no tasks", "[parse][family]") {
    auto d = test::parse_string(
        "关于推进物流枢纽高质量发展的若干意见\n"
        "一、指导思想\n"
        "坚持稳中求进，推动物流枢纽提质增效，打造区域物流新高地。\n"
        "二、基本原则\n"
        "（一）坚持市场主导，政府引导。发挥市场配置资源的决定性作用。\n"
        "（二）坚持统筹布局，协同发展。优化枢纽空间布局。\n"
        "三、主要任务\n"
        "1.完善枢纽设施。建设多式联运转运中心。（交通运输部、国家发展改革委负责）\n"
        "2.培育市场主体。支持物流企业兼并重组。（商务部、国家发展改革委负责）\n"
        "四、保障措施\n"
        "各地区各有关部门要加强组织领导，抓好任务落实。\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "完善枢纽设施。建设多式联运转运中心。");
    CHECK(names(items[0].lead) == V{"交通运输部"});
    CHECK(items[1].text == "培育市场主体。支持物流企业兼并重组。");
    CHECK(d.unassigned.size() >= 4);
}

TEST_CASE("a work plan's numbered points without units before a part with units stay tasks", "[parse][family]") {
    auto d = test::parse_string(
        "一、工作要点\n"
        "1.深化政务公开。全面公开权责清单，及时更新办事指南。\n"
        "2.加强政策解读。对出台的政策文件同步解读。\n"
        "二、重点任务分解\n"
        "1.公开权责清单。（责任单位：局办公室）\n"
        "2.同步解读政策。（责任单位：局法规科）\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 4);
    CHECK(items[0].text == "深化政务公开。全面公开权责清单，及时更新办事指南。");
    CHECK(names(items[2].lead) == V{"局办公室"});
}

TEST_CASE("a short verb after a marker: '牵头推进', '按职责分工实施' (also a copy that swapped the verb)", "[parse][family]") {
    auto d = test::parse_string(
        "一、重点任务\n"
        "1.推进物流园区建设,吸引社会资本参与。(省发展改革委、省交通运输厅、省商务厅等省有关部门和各地级以上市人民政府按职责分工实施)\n"
        "2.建设区域冷链中心。(省商务厅牵头推进)\n"
        "3.完善仓储设施布局。(省商务厅牵头出力)\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 3);
    CHECK(items[0].text == "推进物流园区建设,吸引社会资本参与。");
    CHECK(names(items[0].lead) == V{"省发展改革委"});
    CHECK(names(items[0].support) == V{"省交通运输厅", "省商务厅", "省有关部门", "各地级以上市人民政府"});
    CHECK(names(items[1].lead) == V{"省商务厅"});
    CHECK(items[2].text == "完善仓储设施布局。");
    CHECK(names(items[2].lead) == V{"省商务厅"});
}

TEST_CASE("a bureau's plan: '牵头领导:钱五副局长', fields glued to the text and to each other", "[parse][family]") {
    auto d = test::parse_string(
        "一、专项整治\n"
        "1.整治建筑工地扬尘。\n牵头领导:钱五副局长\n责任部门:建工科、安全站\n"
        "2.配合区城管局做好沿街立面整治配合领导:孙六局长配合部门:城建科\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    REQUIRE(items[0].leader);
    CHECK(items[0].leader->name == "钱五");
    CHECK(items[0].leader->role == "副局长");
    CHECK(names(items[0].lead) == V{"建工科"});
    CHECK(items[1].text == "配合区城管局做好沿街立面整治");
    REQUIRE(items[1].leader);
    CHECK(items[1].leader->name == "孙六");
    CHECK(items[1].leader->role == "局长");
    CHECK(items[1].lead.empty());
    CHECK(names(items[1].support) == V{"城建科"});
}

TEST_CASE("a notice's own numbered requests, closed by its signature, are no tasks", "[parse][zones]") {
    auto d = test::parse_string(
        "青川县人民政府办公室关于印发2026年重点工作任务清单的通知\n"
        "各乡镇人民政府，县政府各部门：\n"
        "现将任务清单印发给你们，并提出如下要求。\n"
        "一、各单位要在4月底前制定落实方案。\n"
        "二、各牵头单位要按季度报送进展。\n"
        "青川县人民政府办公室\n"
        "2026年3月2日\n"
        "附件\n"
        "2026年重点工作任务清单\n"
        "1.新建乡镇卫生院2所。(牵头单位：县卫健委；配合单位：县财政局)\n"
        "2.改造农村公路30公里。(牵头单位：县交通局；配合单位：各乡镇人民政府)\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "新建乡镇卫生院2所。");
    bool request_listed = false;
    for (const auto& u : d.unassigned) request_listed |= u.text.find("各单位要在4月底前") != std::string::npos;
    CHECK(request_listed);
}

TEST_CASE("the title under a bare attachment label opens its part, in any wording", "[parse][zones]") {
    auto d = test::parse_string(
        "关于做好2026年重点项目推进工作的通知\n"
        "（此件公开发布）\n"
        "附件1\n"
        "县《政府工作报告》确定的2026年重点项目责任分解\n"
        "（一）新建城区停车位800个。[牵头单位:县住建局;责任单位:县交通局]\n"
        "（二）改造供水管网12公里。[牵头单位:县水务局;责任单位:县财政局]\n");
    auto items = all_items(d);
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == "新建城区停车位800个。");
    REQUIRE(!d.parts.empty());
    CHECK(d.parts.back().title == "县《政府工作报告》确定的2026年重点项目责任分解");
}
