#include <catch2/catch.hpp>

#include <sstream>

#include <yaml-cpp/yaml.h>

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

TEST_CASE("parse_output_format knows the five formats", "[writers]") {
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
