#include <catch2/catch.hpp>

#include <sstream>

#include <yaml-cpp/yaml.h>

#include "../../src/readers/internal.hpp"
#include "tasksplit/json_io.hpp"
#include "tasksplit/writers.hpp"

using namespace tasksplit;
using nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace {

Unit unit(const std::string& name) { return Unit{name, name, "", "department"}; }

Target target(const std::string& indicator, double value, const std::string& bound, bool aspirational) {
    Target t;
    t.indicator = indicator;
    t.verb = "增长";
    t.value = value;
    t.measure = "%";
    t.bound = bound;
    t.aspirational = aspirational;
    t.text = indicator + "增长" + std::to_string(value);
    return t;
}

// Cells that CSV must quote, a spreadsheet would run, TSV must flatten, and YAML must quote.
Document tricky_document(const std::string& path) {
    Document d;
    d.source.path = path;
    d.document.year = 2024;
    d.document.date = "2024-03-18";
    d.document.addressees = {"yes", "null", "13867225962", "- a", "a: b", "#x", "", " lead", "多行\n文本", "1.5e3"};

    Item a;
    a.id = "p1.s1.i1";
    a.number = "1";
    a.text = "建设\"未来社区\"，完成 3 个";
    a.leader = Person{"孙丹燕", "区长"};
    a.lead = {unit("区财政局"), unit("区发改局")};
    a.support = {unit("各镇街")};
    a.targets = {target("收入", 5, ">=", false), target("投资", 125.6, "", true)};
    a.deadline = "=SUM(A1)";
    a.span.line = 24;

    Item b;
    b.id = "p1.s1.i2";
    b.text = "第一行\n第二行\t有制表符";
    b.lead = {unit("@区建设局")};
    b.targets = {target("+增速", 6.5, "~", false)};
    b.span.line = 26;

    Section s;
    s.id = "p1.s1";
    s.title = "重点工作, 第一部分";
    s.items = {a, b};
    Part p;
    p.id = "p1";
    p.kind = "key_tasks";
    p.title = "-任务分解";
    p.sections = {s};
    d.parts = {p};
    return d;
}

std::string write(const std::vector<Document>& docs, OutputFormat format, bool targets = false) {
    std::ostringstream out;
    write_documents(docs, format, WriteOptions{targets}, out);
    return out.str();
}

std::string write(const std::vector<Document>& docs, OutputFormat format, const WriteOptions& options) {
    std::ostringstream out;
    write_documents(docs, format, options, out);
    return out.str();
}

// Tasks in two parts: labelled sections with numbered and unnumbered items, then a part without
// headings (section ordinal 0).
Document two_part_document(const std::string& path) {
    Document d = tricky_document(path);
    Section s2 = d.parts[0].sections[0];
    s2.label = "二";
    s2.ordinal = 2;
    s2.items[0].number = "7";
    d.parts[0].sections[0].label = "一";
    d.parts[0].sections[0].ordinal = 1;
    d.parts[0].sections.push_back(s2);
    Part form;
    form.id = "p2";
    form.kind = "form";
    Part livelihood = d.parts[0];
    livelihood.id = "p3";
    livelihood.kind = "livelihood";
    livelihood.sections.resize(1);
    livelihood.sections[0].label.reset();
    livelihood.sections[0].ordinal = 0;
    d.parts.push_back(form);
    d.parts.push_back(livelihood);
    return d;
}

// The YAML tree holds the same values, keys in the same order, as the JSON tree.
void require_same(const YAML::Node& y, const ojson& j, const std::string& path) {
    INFO("at " << path);
    switch (j.type()) {
        case ojson::value_t::null: REQUIRE(y.IsNull()); break;
        case ojson::value_t::boolean: REQUIRE(y.as<bool>() == j.get<bool>()); break;
        case ojson::value_t::number_integer:
        case ojson::value_t::number_unsigned:
        case ojson::value_t::number_float: REQUIRE(y.as<double>() == j.get<double>()); break;
        case ojson::value_t::string:
            REQUIRE(y.IsScalar());
            REQUIRE(y.Scalar() == j.get<std::string>());
            break;
        case ojson::value_t::array:
            REQUIRE(y.IsSequence());
            REQUIRE(y.size() == j.size());
            for (std::size_t i = 0; i < j.size(); ++i) require_same(y[i], j[i], path + "/" + std::to_string(i));
            break;
        case ojson::value_t::object: {
            REQUIRE(y.IsMap());
            REQUIRE(y.size() == j.size());
            auto yi = y.begin();
            for (const auto& entry : j.items()) {
                REQUIRE(yi->first.Scalar() == entry.key());
                require_same(yi->second, entry.value(), path + "/" + entry.key());
                ++yi;
            }
            break;
        }
        default: FAIL("unexpected JSON type");
    }
}

}  // namespace

TEST_CASE("parse_output_format knows the six formats", "[writers]") {
    CHECK(parse_output_format("xlsx") == OutputFormat::xlsx);
    CHECK(parse_output_format("json") == OutputFormat::json);
    CHECK(parse_output_format("yaml") == OutputFormat::yaml);
    CHECK(parse_output_format("jsonl") == OutputFormat::jsonl);
    CHECK(parse_output_format("csv") == OutputFormat::csv);
    CHECK(parse_output_format("tsv") == OutputFormat::tsv);
    CHECK_FALSE(parse_output_format("JSON").has_value());
    CHECK_FALSE(parse_output_format("xml").has_value());
}

TEST_CASE("csv quotes per RFC 4180 and protects formula cells", "[writers][csv]") {
    CHECK(write({tricky_document("a.txt")}, OutputFormat::csv) ==
          "source,year,part,section,leader,leader_role,number,text,lead,support,deadline,line\n"
          "a.txt,2024,'-任务分解,\"重点工作, 第一部分\",孙丹燕,区长,1,\"建设\"\"未来社区\"\"，完成 3 个\","
          "区财政局、区发改局,各镇街,'=SUM(A1),24\n"
          "a.txt,2024,'-任务分解,\"重点工作, 第一部分\",,,,\"第一行\n第二行\t有制表符\",'@区建设局,,,26\n");
}

TEST_CASE("csv writes the header once across documents", "[writers][csv]") {
    const std::string out = write({tricky_document("a.txt"), tricky_document("b.txt")}, OutputFormat::csv);
    CHECK(out.find("source,year") == 0);
    CHECK(out.find("source,year", 1) == std::string::npos);
    CHECK(out.find("\nb.txt,2024,") != std::string::npos);
}

TEST_CASE("tsv flattens tabs and line breaks inside cells", "[writers][tsv]") {
    Document d = tricky_document("a.txt");
    d.parts[0].sections[0].items[1].text = "第一行\r\n第二行\t有制表符";
    CHECK(write({d}, OutputFormat::tsv) ==
          "source\tyear\tpart\tsection\tleader\tleader_role\tnumber\ttext\tlead\tsupport\tdeadline\tline\n"
          "a.txt\t2024\t'-任务分解\t重点工作, 第一部分\t孙丹燕\t区长\t1\t建设\"未来社区\"，完成 3 个\t"
          "区财政局、区发改局\t各镇街\t'=SUM(A1)\t24\n"
          "a.txt\t2024\t'-任务分解\t重点工作, 第一部分\t\t\t\t第一行 第二行 有制表符\t'@区建设局\t\t\t26\n");
}

TEST_CASE("the targets view has one row per target", "[writers][csv]") {
    const std::string out = write({tricky_document("a.txt")}, OutputFormat::csv, true);
    std::istringstream lines(out);
    std::string header, first, second, third, rest;
    std::getline(lines, header);
    std::getline(lines, first);
    std::getline(lines, second);
    std::getline(lines, third);
    CHECK(header == "source,year,section,leader,number,indicator,verb,value,measure,bound,aspirational,lead,text");
    CHECK(first.find("a.txt,2024,\"重点工作, 第一部分\",孙丹燕,1,收入,增长,5,%,>=,false,区财政局、区发改局,") == 0);
    CHECK(second.find(",投资,增长,125.6,%,,true,") != std::string::npos);
    CHECK(third.find(",,'+增速,增长,6.5,%,~,false,'@区建设局,") != std::string::npos);
    CHECK_FALSE(std::getline(lines, rest));
}

TEST_CASE("json writes one object, or an array for several documents", "[writers][json]") {
    const Document d = tricky_document("a.txt");
    const std::string one = write({d}, OutputFormat::json);
    CHECK(one == to_json(d).dump(2) + "\n");
    CHECK(one.find("\"text\": \"建设\\\"未来社区\\\"，完成 3 个\"") != std::string::npos);  // UTF-8, not \u escapes

    const json many = json::parse(write({d, tricky_document("b.txt")}, OutputFormat::json));
    REQUIRE(many.is_array());
    CHECK(many.size() == 2);
    CHECK(many[1]["source"]["path"] == "b.txt");
    CHECK(write({}, OutputFormat::json) == "[]\n");
}

TEST_CASE("json is printed from the model with the bytes nlohmann gives for its tree", "[writers][json]") {
    // The printer never builds the tree; hold it to nlohmann's dump on every escape it has to make.
    Document d = tricky_document("a.txt");
    std::string controls;
    for (char c = 1; c < 0x20; ++c) controls += c;
    d.parts[0].sections[0].items[0].text = controls + "\"\\/\x7f é 中文 😀";
    d.parts[0].sections[0].items[1].targets[0].value = 0.00001;  // a double in exponent form
    d.tables.push_back(Table{"t1", "p1", "附件", 40, {"序号", "任务"}, {{"1", "甲"}, {}}, {}});
    CHECK(write({d}, OutputFormat::json) == to_json(d).dump(2) + "\n");
    CHECK(write({d}, OutputFormat::jsonl) == to_json(d).dump() + "\n");

    ojson both = ojson::array({to_json(d), to_json(Document{})});
    CHECK(write({d, Document{}}, OutputFormat::json) == both.dump(2) + "\n");
}

TEST_CASE("json replaces bytes that are not UTF-8 (a file name can hold any) instead of failing", "[writers][json]") {
    const Document d = tricky_document("dir/bad\xff\xfename.txt");
    const json back = json::parse(write({d}, OutputFormat::json));
    CHECK(back["source"]["path"] == "dir/bad\xEF\xBF\xBD\xEF\xBF\xBDname.txt");
}

TEST_CASE("jsonl writes one compact document per line", "[writers][jsonl]") {
    const std::string out = write({tricky_document("a.txt"), tricky_document("b.txt")}, OutputFormat::jsonl);
    std::istringstream lines(out);
    std::string line;
    std::vector<std::string> paths;
    while (std::getline(lines, line)) paths.push_back(json::parse(line)["source"]["path"]);
    CHECK(paths == std::vector<std::string>{"a.txt", "b.txt"});
    CHECK(out.back() == '\n');
}

TEST_CASE("yaml carries the JSON tree and reads back with the same values", "[writers][yaml]") {
    const Document d = tricky_document("a.txt");
    const std::string out = write({d}, OutputFormat::yaml);
    require_same(YAML::Load(out), to_json(d), "");

    CHECK(out.find("value: 125.6\n") != std::string::npos);
    CHECK(out.find("title: -任务分解") != std::string::npos);  // plain where YAML allows it, UTF-8 kept
    CHECK(out.find("number: \"1\"\n") != std::string::npos);
    CHECK(out.find("date: \"2024-03-18\"\n") != std::string::npos);
    CHECK(out.find("detail: null\n") != std::string::npos);

    // Strings that a YAML resolver would read as numbers, dates, booleans or null are quoted
    // (yaml-cpp tags a quoted scalar "!", a plain one "?").
    const YAML::Node addressees = YAML::Load(out)["document"]["addressees"];
    for (std::size_t i : {0, 1, 2, 9}) {
        INFO(addressees[i].Scalar());
        CHECK(addressees[i].Tag() == "!");
    }
}

TEST_CASE("yaml writes several documents as a stream", "[writers][yaml]") {
    const std::string out = write({tricky_document("a.txt"), tricky_document("b.txt")}, OutputFormat::yaml);
    const auto docs = YAML::LoadAll(out);
    REQUIRE(docs.size() == 2);
    CHECK(docs[1]["source"]["path"].Scalar() == "b.txt");
    CHECK(out.rfind("---", 0) == 0);
    CHECK(out.back() == '\n');
}

TEST_CASE("csv --columns picks and orders columns; seq runs across documents, ref is section.item", "[writers][csv]") {
    WriteOptions o;
    o.columns = {"seq", "ref", "number", "source"};
    CHECK(write({two_part_document("a.txt"), tricky_document("b.txt")}, OutputFormat::csv, o) ==
          "seq,ref,number,source\n"
          "1,一.1,1,a.txt\n"
          "2,一.2,,a.txt\n"  // no number printed: its place in the section
          "3,二.7,7,a.txt\n"
          "4,二.2,,a.txt\n"
          "5,2-1,1,a.txt\n"  // the second part with tasks (the form between has none), no section heading
          "6,2-2,,a.txt\n"
          "7,1,1,b.txt\n"
          "8,2,,b.txt\n");
    o.targets = true;
    o.columns = {"seq", "ref", "indicator"};
    CHECK(write({tricky_document("a.txt")}, OutputFormat::tsv, o) == "seq\tref\tindicator\n1\t1\t收入\n2\t1\t投资\n3\t2\t'+增速\n");
}

TEST_CASE("csv --headers zh names the same columns in Chinese; the default set is the contract's", "[writers][csv]") {
    WriteOptions o;
    o.zh_headers = true;
    const std::string out = write({tricky_document("a.txt")}, OutputFormat::csv, o);
    CHECK(out.rfind("来源,年度,部分,章节,分管领导,领导职务,项号,任务内容,牵头单位,配合单位,完成时限,行\n", 0) == 0);
    const std::string en = write({tricky_document("a.txt")}, OutputFormat::csv);
    CHECK(out.substr(out.find('\n')) == en.substr(en.find('\n')));
    o.targets = true;
    CHECK(write({tricky_document("a.txt")}, OutputFormat::csv, o)
              .rfind("来源,年度,章节,分管领导,项号,指标,动词,数值,计量单位,约束,预期性,牵头单位,指标原文\n", 0) == 0);
    for (bool targets : {false, true}) {
        std::size_t by_default = 0;
        for (const RowColumn& c : row_columns(targets)) by_default += c.by_default;
        CHECK(by_default == row_columns(targets).size() - 2);  // all but seq and ref
    }
}

TEST_CASE("csv --bom puts one byte order mark before the header, also for an empty batch", "[writers][csv]") {
    WriteOptions o;
    o.bom = true;
    const std::string out = write({tricky_document("a.txt"), tricky_document("b.txt")}, OutputFormat::csv, o);
    CHECK(out.rfind("\xEF\xBB\xBFsource,year,", 0) == 0);
    CHECK(out.find("\xEF\xBB\xBF", 3) == std::string::npos);
    CHECK(write({}, OutputFormat::tsv, o).rfind("\xEF\xBB\xBFsource\tyear", 0) == 0);
}

TEST_CASE("a stream renders documents apart only when no output depends on the others", "[writers]") {
    std::ostringstream sink;
    WriteOptions numbered;
    numbered.columns = {"seq", "text"};
    CHECK(DocumentStream(OutputFormat::csv, {}, sink, 2).renders_alone());
    CHECK(DocumentStream(OutputFormat::json, {}, sink, 2).renders_alone());
    CHECK_FALSE(DocumentStream(OutputFormat::csv, numbered, sink, 2).renders_alone());
    CHECK_FALSE(DocumentStream(OutputFormat::xlsx, {}, sink, 2).renders_alone());
}

TEST_CASE("xlsx: text XML cannot carry is cleaned, long cells cut at Excel's limit, sheet names made legal", "[writers][xlsx]") {
    Document d = two_part_document("bad\xff\x01name.txt");
    d.parts[0].sections[0].items[0].text = std::string("控制符\x07与换行\n") + std::string(40000, 'x');
    const std::string long_name = "[市]发改委:规划/处*?" + std::string(40, 'N');
    d.parts[0].sections[0].items[0].lead = {unit(long_name), unit(long_name + "2"), unit("'history'")};
    const std::string out = write({d, tricky_document("b.txt")}, OutputFormat::xlsx);
    REQUIRE(out.rfind("PK\x03\x04", 0) == 0);
    const readers::ZipArchive zip(out);
    const std::string strings = zip.read("xl/sharedStrings.xml").value_or("");
    CHECK(strings.find("控制符与换行\nxxx") != std::string::npos);
    CHECK(strings.find(std::string(32767 - 7, 'x')) != std::string::npos);
    CHECK(strings.find(std::string(32767 - 6, 'x')) == std::string::npos);
    CHECK(strings.find("bad\xEF\xBF\xBDname.txt") != std::string::npos);
    const std::string book = zip.read("xl/workbook.xml").value_or("");
    for (const char* sheet : {"督办台账", "按分管领导", "量化指标", "问题", "区财政局", "_市_发改委_规划_处__NNNNNNNNNNNNNNNNNN\"",
                              "_市_发改委_规划_处__NNNNNNNNNNNNNNN(2)\"", "history(2)"}) {
        INFO(sheet);
        CHECK(book.find(std::string("name=\"") + sheet) != std::string::npos);
    }
}
