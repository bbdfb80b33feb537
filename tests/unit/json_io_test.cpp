#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "tasksplit/json_io.hpp"
#include "tasksplit/schema_check.hpp"

using namespace tasksplit;
using nlohmann::json;

namespace {

// Every field of the model set to something other than its default, so a field that to_json,
// document_from_json or the schema forgets shows up as a difference.
Document full_document() {
    Document d;
    d.source = {"samples/dinghai-2024.txt", "ab12cd", "GB18030", 28634, 303};
    d.document.doc_number = "定政办发〔2024〕5号";
    d.document.issuer = "舟山市定海区人民政府办公室";
    d.document.title = "关于印发《2024年区政府工作报告任务分解》的通知";
    d.document.date = "2024-03-18";
    d.document.year = 2024;
    d.document.addressees = {"各镇人民政府", "街道办事处"};
    d.document.contacts = {{"陈思思", {"13867225962", "590246"}}};
    d.document.lead_convention = LeadConvention{"除有已标明牵头单位外，列第一位的为牵头单位，下同", "first-listed", 25};

    Item item;
    item.id = "p1.s1.i1";
    item.number = "1";
    item.text = "一般公共预算收入增长 5%，完成投资 125.6 亿元。";
    item.detail = "实施内容";
    item.leader = Person{"孙丹燕", "区长"};
    item.lead = {{"区委组织部", "区委组织部<区委人才办>", "区委人才办", "department"}};
    item.support = {{"各镇街", "各镇街", "", "collective"}, {"区建设指挥部", "区建设指挥部", "", "taskforce"}};
    item.lead_basis = "explicit";
    Target t1;
    t1.text = "一般公共预算收入增长 5%";
    t1.indicator = "一般公共预算收入";
    t1.verb = "增长";
    t1.value = 5;
    t1.measure = "%";
    t1.bound = ">=";
    t1.aspirational = true;
    t1.start = 1187;
    t1.end = 1220;
    Target t2 = t1;
    t2.value = 125.6;
    t2.bound = "";
    t2.aspirational = false;
    item.targets = {t1, t2};
    item.deadline = "10月1日完工开放";
    item.deadline_iso = "2024-10-01";
    item.span = {24, 25, 1187, 1260};

    Section section;
    section.id = "p1.s1";
    section.ordinal = 1;
    section.label = "一";
    section.title = "孙丹燕区长牵头重点工作";
    section.line = 22;
    section.leader = Person{"孙丹燕", ""};
    section.items = {item};

    Part part;
    part.id = "p1";
    part.kind = "key_tasks";
    part.title = "2024 年区政府工作报告任务分解";
    part.line = 20;
    part.sections = {section};
    d.parts = {part};

    d.tables = {{"t1", "p1", "任务分解", 615, {"序号", "责任单位"}, {{"1", "市卫健委"}}, {{"1", "市 卫健委"}}}};
    d.diagnostics = {{"warning", "duplicate-number", 105, 3, "item number 7 repeats"}};
    d.unassigned = {{17, "（此件公开发布）"}};
    return d;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

std::string dump(const Document& d) { return to_json(d).dump(2); }

json full_json() { return json::parse(dump(full_document())); }

std::string read_error_path(const json& j) {
    try {
        document_from_json(j);
    } catch (const ReadError& e) {
        return e.path;
    }
    return "(no error)";
}

std::vector<std::string> keys(const nlohmann::ordered_json& o) {
    std::vector<std::string> out;
    for (const auto& entry : o.items()) out.push_back(entry.key());
    return out;
}

}  // namespace

TEST_CASE("Document -> JSON -> Document -> JSON is byte-identical", "[json_io]") {
    const std::string first = dump(full_document());
    CHECK(dump(document_from_json(json::parse(first))) == first);

    const Document empty;  // every optional null, every list empty
    const std::string bare = dump(empty);
    CHECK(dump(document_from_json(json::parse(bare))) == bare);
}

TEST_CASE("to_json follows the contract's key order and null conventions", "[json_io]") {
    const auto j = to_json(full_document());
    CHECK(keys(j) == std::vector<std::string>{"format", "source", "document", "parts", "tables", "diagnostics",
                                              "unassigned", "line_roles"});
    CHECK(keys(j["document"]) == std::vector<std::string>{"doc_number", "issuer", "title", "date", "year",
                                                          "addressees", "contacts", "lead_convention", "reporting"});
    const auto& item = j["parts"][0]["sections"][0]["items"][0];
    CHECK(keys(item) == std::vector<std::string>{"id", "number", "text", "detail", "leader", "lead", "support",
                                                 "lead_basis", "targets", "deadline", "deadline_iso", "span"});
    CHECK(keys(item["span"]) == std::vector<std::string>{"line", "end_line", "start", "end"});
    CHECK(keys(item["lead"][0]) == std::vector<std::string>{"name", "raw", "alias", "kind", "canonical"});
    CHECK(keys(item["targets"][0]) == std::vector<std::string>{"indicator", "verb", "value", "measure", "bound",
                                                               "aspirational", "text", "span"});

    CHECK(item["targets"][0]["value"].dump() == "5");
    CHECK(item["targets"][1]["value"].dump() == "125.6");
    CHECK(item["targets"][1]["bound"].is_null());
    CHECK(item["support"][0]["alias"].is_null());
    CHECK(j["parts"][0]["sections"][0]["leader"]["role"].is_null());

    const auto bare = to_json(Document{});
    CHECK(bare["document"]["year"].is_null());
    CHECK(bare["document"]["lead_convention"].is_null());
    CHECK(bare["parts"] == nlohmann::ordered_json::array());
}

TEST_CASE("document_from_json names the JSON path of what is wrong", "[json_io]") {
    const std::string item = "/parts/0/sections/0/items/0";

    json missing = full_json();
    missing["parts"][0]["sections"][0]["items"][0].erase("text");
    CHECK(read_error_path(missing) == item + "/text");

    json line_type = full_json();
    line_type["parts"][0]["sections"][0]["items"][0]["span"]["line"] = "24";
    CHECK(read_error_path(line_type) == item + "/span/line");
    line_type["parts"][0]["sections"][0]["items"][0]["span"]["line"] = 24.5;
    CHECK(read_error_path(line_type) == item + "/span/line");

    json lead = full_json();
    lead["parts"][0]["sections"][0]["items"][0]["lead"] = "区财政局";
    CHECK(read_error_path(lead) == item + "/lead");
    try {
        document_from_json(lead);
        FAIL("no ReadError");
    } catch (const ReadError& e) {
        CHECK(std::string(e.what()) == item + "/lead: expected array, got string");
    }

    json unit = full_json();
    unit["parts"][0]["sections"][0]["items"][0]["support"][1]["kind"] = nullptr;
    CHECK(read_error_path(unit) == item + "/support/1/kind");

    json negative = full_json();
    negative["source"]["bytes"] = -1;
    CHECK(read_error_path(negative) == "/source/bytes");

    json format = full_json();
    format["format"] = "tasksplit/2";
    CHECK(read_error_path(format) == "/format");

    CHECK(read_error_path(json::array()) == "");
}

TEST_CASE("document_from_json accepts what the contract lets a writer leave out", "[json_io]") {
    json j = full_json();
    auto& item = j["parts"][0]["sections"][0]["items"][0];
    item["lead"][0].erase("alias");
    item["targets"][0].erase("aspirational");
    item["targets"][0].erase("span");
    item.erase("deadline_iso");
    j["diagnostics"][0].erase("column");
    j["extra"] = "ignored";

    const Document d = document_from_json(j);
    const Item& it = d.parts[0].sections[0].items[0];
    CHECK(it.lead[0].alias.empty());
    CHECK_FALSE(it.targets[0].aspirational);
    CHECK(it.targets[0].start == 0);
    CHECK_FALSE(it.deadline_iso.has_value());
    CHECK(d.diagnostics[0].column == 0);
    CHECK(it.targets[1].value == 125.6);
}

TEST_CASE("looks_like_document_json sniffs cheaply", "[json_io]") {
    CHECK(looks_like_document_json(R"({"format": "tasksplit/1"})"));
    CHECK(looks_like_document_json("\xEF\xBB\xBF \n [{\"format\":\"tasksplit/1\"}]"));
    CHECK_FALSE(looks_like_document_json("format: tasksplit/1\n"));
    CHECK_FALSE(looks_like_document_json(R"({"format": "other"})"));
    CHECK_FALSE(looks_like_document_json("舟山市定海区人民政府办公室 tasksplit/1"));
    CHECK_FALSE(looks_like_document_json(""));
}

TEST_CASE("to_json output validates against the document schema", "[schema]") {
    const json& schema = document_schema();
    CHECK(check_against_schema(full_json(), schema).empty());
    CHECK(check_against_schema(json::parse(dump(Document{})), schema).empty());

    std::ifstream file(TASKSPLIT_SOURCE_DIR "/grammars/schema/document.schema.json");
    REQUIRE(file);
    CHECK(json::parse(file) == schema);
}

// The schema must describe exactly what to_json emits: with additionalProperties false everywhere
// nothing emitted can be missing from it, and with every property required nothing in it can be
// absent from the output.
TEST_CASE("the document schema requires every property it lists and allows no others", "[schema]") {
    std::vector<std::string> loose;
    std::function<void(const json&, const std::string&)> walk = [&](const json& s, const std::string& at) {
        if (!s.is_object()) return;
        if (s.contains("properties")) {
            std::set<std::string> listed, required;
            for (const auto& entry : s["properties"].items()) listed.insert(entry.key());
            for (const auto& r : s.value("required", json::array())) required.insert(r.get<std::string>());
            if (listed != required || s.value("additionalProperties", true) != false) loose.push_back(at);
        }
        for (const auto& entry : s.items()) walk(entry.value(), at + "/" + entry.key());
    };
    walk(document_schema(), "");
    CHECK(loose.empty());
}

TEST_CASE("the schema check rejects broken documents with a path", "[schema]") {
    const json& schema = document_schema();
    const std::string item = "/parts/0/sections/0/items/0";

    json j = full_json();
    j["parts"][0]["sections"][0]["items"][0].erase("lead_basis");
    j["parts"][0]["sections"][0]["items"][0]["lead"][0]["kind"] = "ministry";
    j["parts"][0]["sections"][0]["items"][0]["span"]["line"] = "24";
    j["parts"][0]["sections"][0]["items"][0]["targets"][0]["bound"] = ">";
    j["parts"][0]["sections"][0]["items"][0]["leader"] = "孙丹燕";
    j["diagnostics"][0]["severity"] = "fatal";
    j["source"]["extra/field"] = 1;
    j["document"]["year"] = 2024.5;
    CHECK(sorted(check_against_schema(j, schema)) ==
          sorted({
              "/source/extra~1field: property is not allowed",
              "/document/year: expected integer or null, got number",
              item + ": missing required property \"lead_basis\"",
              item + "/leader: expected object or null, got string",
              item + "/lead/0/kind: \"ministry\" is not one of "
                     "[\"department\",\"township\",\"collective\",\"enterprise\",\"taskforce\",\"other\"]",
              item + "/targets/0/bound: \">\" is not one of [\">=\",\"<=\",\"~\",null]",
              item + "/span/line: expected integer, got string",
              "/diagnostics/0/severity: \"fatal\" is not one of [\"error\",\"warning\",\"info\"]",
          }));

    CHECK(check_against_schema(json::array(), schema) == std::vector<std::string>{"/: expected object, got array"});
}

TEST_CASE("the schema check implements its subset of JSON Schema", "[schema]") {
    const json schema = json::parse(R"({
        "$defs": {"n": {"type": "integer"}},
        "type": "object",
        "properties": {"a": {"type": "array", "items": {"$ref": "#/$defs/n"}}},
        "additionalProperties": {"type": "string"}
    })");
    CHECK(check_against_schema(json::parse(R"({"a": [1, 2.0], "b": "x"})"), schema).empty());
    CHECK(check_against_schema(json::parse(R"({"a": [1, 2.5], "b": 3})"), schema) ==
          std::vector<std::string>{"/a/1: expected integer, got number", "/b: expected string, got number"});

    CHECK_THROWS_AS(check_against_schema(1, json::parse(R"({"minimum": 0})")), std::invalid_argument);
    CHECK_THROWS_AS(check_against_schema(1, json::parse(R"({"$ref": "#/$defs/none"})")), std::invalid_argument);
    CHECK(check_against_schema(1, json(false)) == std::vector<std::string>{"/: no value is allowed here"});
}
