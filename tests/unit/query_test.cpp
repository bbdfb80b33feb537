// query and units in the library: unit names and matching, selection, workload counts, pinyin order,
// parallel loading, and rendering (display width, table fitting, csv/tsv/md/json).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tasksplit/load.hpp"
#include "tasksplit/parallel.hpp"
#include "tasksplit/query.hpp"
#include "test_support.hpp"

using namespace tasksplit;
using V = std::vector<std::string>;

namespace {

Unit unit(const std::string& name, const std::string& alias = "", const std::string& raw = "") {
    return Unit{name, raw.empty() ? (alias.empty() ? name : name + "<" + alias + ">") : raw, alias, "department"};
}

Item item(const std::string& number, const std::string& text, std::vector<Unit> lead, std::vector<Unit> support,
          int line) {
    Item it;
    it.id = "p1.s1.i" + number;
    it.number = number;
    it.text = text;
    it.lead = std::move(lead);
    it.support = std::move(support);
    it.span.line = line;
    return it;
}

/// A notice with one section led by `leader` holding `items`.
Document notice(const std::string& path, int year, const std::string& leader, std::vector<Item> items,
                const std::string& kind = "key_tasks") {
    Document d;
    d.source.path = path;
    d.source.sha256 = path;  // distinct notices, distinct hashes
    d.document.year = year;
    Section s;
    s.id = "p1.s1";
    s.ordinal = 1;
    s.label = "一";
    s.title = leader + "副区长牵头重点工作";
    s.leader = Person{leader, "副区长"};
    s.items = std::move(items);
    Part p;
    p.id = "p1";
    p.kind = kind;
    p.sections = {s};
    d.parts = {p};
    return d;
}

std::vector<Document> two_years() {
    return {notice("a/2023.txt", 2023, "夏泉",
                   {item("1", "强化民生兜底保障，推进社保精准扩面。", {unit("区人社局")}, {unit("区民政局")}, 10),
                    item("2", "打造人才飞地。", {unit("区发改局")}, {unit("区委人才办"), unit("各镇街")}, 12)}),
            notice("b/2024.txt", 2024, "刘烈",
                   {item("1", "推进养老保险、失业保险全民参保行动。", {unit("区人力社保局")}, {}, 20),
                    item("2", "引育产业紧缺人才。", {unit("区委组织部", "区委人才办")}, {unit("区人力社保局")}, 22),
                    item("3", "新增城镇就业 2.4 万人。", {}, {}, 24)})};
}

std::vector<std::string> column(const std::vector<QueryRow>& rows, std::string QueryRow::*field) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.*field);
    return out;
}

std::vector<std::string> canonicals(const std::vector<UnitMatch>& matches) {
    std::vector<std::string> out;
    for (const auto& m : matches) out.push_back(m.canonical);
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

std::string render(const Grid& grid, GridFormat format, int width = 0) {
    std::ostringstream out;
    write_grid(grid, format, width, out);
    return out.str();
}

/// The built-in registry plus the renames between the two 定海 samples (a test fixture: one
/// government's history is no general alias).
UnitAliases dinghai_registry() {
    UnitAliases registry;
    registry.add_file(test::repo_path("tests/fixtures/aliases/dinghai-2023-2024.yaml"));
    return registry;
}

}  // namespace

TEST_CASE("unit names: registry renames and bracketed aliases printed in the inputs", "[query]") {
    UnitAliases registry = dinghai_registry();
    auto docs = two_years();
    UnitNames names(registry, docs);
    CHECK(names.canonical("区人社局") == "区人力社保局");
    CHECK(names.canonical("区 人社局") == "区人力社保局");
    // 区委组织部<区委人才办> in 2024 makes the bare 区委人才办 of 2023 the same body.
    CHECK(names.canonical("区委人才办") == "区委组织部");
    CHECK(names.canonical(unit("区委组织部", "区委人才办")) == "区委组织部");
    CHECK(names.present() == V{"区人力社保局", "区民政局", "区发改局", "区委组织部", "各镇街"});
    V of = names.names_of("区委组织部");
    CHECK(std::find(of.begin(), of.end(), "区委组织部<区委人才办>") != of.end());
    CHECK(std::find(of.begin(), of.end(), "区委人才办") != of.end());
}

TEST_CASE("a bracket pair joins the name the registry does not know to the one it knows", "[query]") {
    UnitAliases registry = dinghai_registry();
    std::vector<Document> docs = {notice("x.txt", 2024, "甲", {item("1", "甲。", {unit("区人社办", "区人社局")}, {}, 1)})};
    UnitNames names(registry, docs);
    CHECK(names.canonical("区人社局") == "区人力社保局");
    CHECK(names.canonical("区人社办") == "区人力社保局");
    CHECK(names.canonical(unit("区人社办", "区人社局")) == "区人力社保局");
    CHECK(names.present() == V{"区人力社保局"});
}

TEST_CASE("match_units: exact names and aliases; --fuzzy adds substrings and spellings, ranked", "[query]") {
    UnitAliases registry = dinghai_registry();
    auto docs = two_years();
    docs[1].parts[0].sections[0].items[0].support = {unit("市财政局", "市国资委", "市财政局（市国资委）"),
                                                     unit("市发改委")};
    UnitNames names(registry, docs);
    CHECK(canonicals(match_units("区人社局", names, false)) == V{"区人力社保局"});
    CHECK(canonicals(match_units("区人力资源和社会保障局", names, false)) == V{"区人力社保局"});
    CHECK(canonicals(match_units("区委人才办", names, false)) == V{"区委组织部"});
    // Full-width and half-width brackets compare equal.
    CHECK(canonicals(match_units("市财政局(市国资委)", names, false)) == V{"市财政局"});
    CHECK(match_units("发改", names, false).empty());
    CHECK(match_units("", names, true).empty());

    auto fuzzy = match_units("发改", names, true);
    CHECK(canonicals(fuzzy) == V{"区发改局", "市发改委"});
    CHECK(fuzzy[0].kind == MatchKind::substring);
    fuzzy = match_units("区发改委", names, true);  // one edit from both; first seen first
    CHECK(canonicals(fuzzy) == V{"区发改局", "市发改委"});
    CHECK(fuzzy[0].kind == MatchKind::spelling);
    CHECK(fuzzy[0].distance == 1);
    fuzzy = match_units("区发改", names, true);  // the exact name ranks before the names holding it
    CHECK(canonicals(fuzzy) == V{"区发改局"});
    CHECK(fuzzy[0].kind == MatchKind::substring);
    CHECK(match_units("区发改局", names, true)[0].kind == MatchKind::exact);
    CHECK(match_units("区海洋局", names, true).empty());
}

TEST_CASE("suggest_units: shared runs of characters, not a lone 区 or 局", "[query]") {
    UnitAliases registry = dinghai_registry();
    std::vector<Document> docs = {notice(
        "x.txt", 2024, "甲",
        {item("1", "甲。", {unit("区财政局"), unit("区海洋科技产业园管理中心"), unit("区发改局")}, {}, 1)})};
    UnitNames names(registry, docs);
    CHECK(canonicals(suggest_units("区海洋局", names)) == V{"区海洋科技产业园管理中心"});
    CHECK(canonicals(suggest_units("区发改委", names)) == V{"区发改局"});
    CHECK(suggest_units("xyz", names).empty());
    CHECK(suggest_units("区", names).empty());
}

TEST_CASE("select_rows: one row per unit and role, filtered, in source then document order", "[query]") {
    UnitAliases registry = dinghai_registry();
    auto docs = two_years();
    std::swap(docs[0], docs[1]);  // input order b, a: rows still come a first
    UnitNames names(registry, docs);
    QueryFilter f;
    f.units = {"区人力社保局"};
    auto rows = select_rows(docs, names, f);
    CHECK(column(rows, &QueryRow::unit) == V{"区人社局", "区人力社保局", "区人力社保局"});
    CHECK(column(rows, &QueryRow::role) == V{"lead", "lead", "support"});
    CHECK(rows[0].year == 2023);
    CHECK(rows[1].year == 2024);
    CHECK(rows[0].leader == "夏泉");
    CHECK(rows[0].section == "夏泉副区长牵头重点工作");
    CHECK(rows[0].number == "1");
    CHECK(rows[0].line == 10);
    CHECK(rows[0].part == "key_tasks");

    f.role = Role::support;
    CHECK(select_rows(docs, names, f).size() == 1);
    f.role = Role::lead;
    f.years = {2024};
    rows = select_rows(docs, names, f);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].text == "推进养老保险、失业保险全民参保行动。");

    QueryFilter by_leader;
    by_leader.leader = "刘烈";
    rows = select_rows(docs, names, by_leader);
    // Every unit of 刘烈's tasks, and the task without units as a row of its own.
    CHECK(column(rows, &QueryRow::unit) == V{"区人力社保局", "区委组织部<区委人才办>", "区人力社保局", ""});
    by_leader.leader = "副区长";
    CHECK(select_rows(docs, names, by_leader).size() == 9);
    by_leader.leader = "王其锋";
    CHECK(select_rows(docs, names, by_leader).empty());

    QueryFilter by_text;
    by_text.words = {"保险", "参保"};
    CHECK(select_rows(docs, names, by_text).size() == 1);
    by_text.words = {"2.4万人"};  // whitespace in the text does not matter
    CHECK(select_rows(docs, names, by_text).size() == 1);
    by_text.words = {"ＰＰＰ"};
    CHECK(select_rows(docs, names, by_text).empty());

    QueryFilter by_part;
    by_part.parts = {"livelihood"};
    CHECK(select_rows(docs, names, by_part).empty());
}

TEST_CASE("summarize_units: tasks led and supported per notice, each task once per role", "[query]") {
    UnitAliases registry = dinghai_registry();
    auto docs = two_years();
    // A unit printed twice in one list does one task.
    docs[0].parts[0].sections[0].items[1].support.push_back(unit("各镇街"));
    UnitNames names(registry, docs);
    auto units = summarize_units(select_rows(docs, names, {}));
    REQUIRE(units.size() == 5);
    const UnitSummary& hr = units[0];
    CHECK(hr.unit == "区人力社保局");
    REQUIRE(hr.notices.size() == 2);
    CHECK(hr.notices[0].names == V{"区人社局"});
    CHECK(hr.notices[1].names.empty());
    CHECK(hr.notices[0].source == "a/2023.txt");
    CHECK(hr.notices[0].year == 2023);
    CHECK(hr.notices[0].lead == 1);
    CHECK(hr.notices[0].support == 0);
    CHECK(hr.notices[1].lead == 1);
    CHECK(hr.notices[1].support == 1);
    CHECK(hr.lead() == 2);
    CHECK(hr.support() == 1);
    const UnitSummary& org = units[3];
    CHECK(org.unit == "区委组织部");
    CHECK(org.notices.at(0).names == V{"区委人才办"});
    CHECK(org.notices.at(1).names == V{"区委组织部<区委人才办>"});
    CHECK(org.lead() == 1);
    CHECK(org.support() == 1);
    CHECK(units[4].unit == "各镇街");
    CHECK(units[4].support() == 1);
}

TEST_CASE("distinct_notices keeps one document per source, preferring the notice itself", "[query]") {
    Document from_json = notice("n.txt", 2024, "甲", {});
    from_json.source.sha256 = "same";
    Document parsed = from_json;
    parsed.document.year = 2025;  // tells the two copies apart
    Document other = notice("m.txt", 2024, "乙", {});
    auto out = distinct_notices({from_json, other, parsed}, {"n.expected.json", "m.txt", "n.txt"});
    REQUIRE(out.size() == 2);
    CHECK(out[0].document.year == 2025);
    CHECK(out[1].source.path == "m.txt");
    out = distinct_notices({from_json, from_json}, {"1.json", "2.json"});
    CHECK(out.size() == 1);
}

TEST_CASE("pinyin_order sorts Chinese names by pinyin, stably", "[query]") {
    V names = {"区发改局", "市财政局", "白泉镇", "各镇街", "定海工业园区", "区发改局"};
    auto order = pinyin_order(names);
    V sorted;
    for (auto i : order) sorted.push_back(names[i]);
    CHECK(sorted == V{"白泉镇", "定海工业园区", "各镇街", "区发改局", "区发改局", "市财政局"});
    CHECK(order[3] == 0);
    CHECK(order[4] == 5);
}

TEST_CASE("load_documents: input order whatever the threads, errors in order", "[query][parallel]") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "tasksplit-query-parallel";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::vector<std::string> paths;
    for (int i = 0; i < 12; ++i) {
        std::string p = (dir / ("n" + std::to_string(i) + ".txt")).string();
        std::ofstream(p) << "2024 年任务分解\n\n一、张三区长牵头重点工作\n\n1. 任务" << i << "。(责任单位：区财政局)\n";
        paths.push_back(p);
    }
    paths.insert(paths.begin() + 3, (dir / "missing.txt").string());
    std::ofstream(dir / "empty.txt");
    paths.push_back((dir / "empty.txt").string());
    for (int jobs : {1, 2, 5, 0}) {
        std::vector<std::string> errors;
        auto docs = load_documents(paths, jobs, {}, std::nullopt, errors);
        REQUIRE(docs.size() == 12);
        for (int i = 0; i < 12; ++i) {
            CHECK(docs[i].source.path == (dir / ("n" + std::to_string(i) + ".txt")).string());
            CHECK(test::all_items(docs[i]).at(0).text == "任务" + std::to_string(i) + "。");
        }
        REQUIRE(errors.size() == 2);
        CHECK(errors[0].find("missing.txt: ") != std::string::npos);
        CHECK(errors[1].find("empty.txt: empty file") != std::string::npos);
    }
    std::vector<std::string> errors;
    CHECK_THROWS_AS(load_documents(paths, 2, {(dir / "missing-grammar.yaml").string()}, std::nullopt, errors),
                    GrammarError);
    CHECK(load_documents({}, 4, {}, std::nullopt, errors).empty());
    fs::remove_all(dir);
}

TEST_CASE("display_width: East Asian Wide and Fullwidth take two columns, marks none", "[query][width]") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("区发改局") == 8);
    CHECK(display_width("，。、（）") == 10);  // fullwidth punctuation
    CHECK(display_width("ＡＢ") == 4);
    CHECK(display_width("“幸福+”") == 7);     // curly quotes are Ambiguous: one column
    CHECK(display_width("e\xCC\x81") == 1);    // e + combining acute
    CHECK(display_width("a\xE2\x80\x8B" "b") == 2);  // zero width space
    CHECK(display_width("\xF0\x9F\x98\x80") == 2);    // emoji, Wide
    CHECK(display_width("\xFF") == 1);                // invalid byte: one replacement character
}

TEST_CASE("fit_width cuts at a character boundary and never overflows", "[query][width]") {
    CHECK(fit_width("区发改局", 8) == "区发改局");
    CHECK(fit_width("区发改局", 7) == "区发改…");
    CHECK(fit_width("区发改局", 6) == "区发…");  // 区发 + … = 5: a wide character does not fit in one column
    CHECK(fit_width("abcdef", 4) == "abc…");
    CHECK(fit_width("abc", 0) == "");
    for (int w = 1; w < 20; ++w) CHECK(display_width(fit_width("推进养老保险、失业保险 all 全民参保", w)) <= w);
}

TEST_CASE("table: columns line up in display width and fit the width given", "[query][width]") {
    Grid grid;
    grid.columns = {{"source", false, 1, true}, {"year", true, 0, false}, {"unit", false, 2, false},
                    {"text", false, 2, false}, {"line", true, 0, false}};
    grid.rows = {{"dir/2024-notice.txt", "2024", "区人力社保局", "推进养老保险、失业保险全民参保行动。", "277"},
                 {"a.txt", "", "各镇街", "新增 city jobs\t24000，“双减”", "3"},
                 {"dir/very/long/path/2023-notice.txt", "2023", "市财政局(市国资委)", "short", "1105"}};
    for (int width : {0, 60, 50}) {
        auto lines = lines_of(render(grid, GridFormat::table, width));
        REQUIRE(lines.size() == 5);
        int w = display_width(lines[0]);
        for (const auto& line : lines) CHECK(display_width(line) == w);
        if (width > 0) CHECK(w <= width);
        // Numbers align right: the year column ends where its rule ends.
        CHECK(lines[1].find("  ----  ") != std::string::npos);
        CHECK(lines[4].substr(lines[4].size() - 6) == "  1105");
        CHECK(lines[3].substr(lines[3].size() - 6) == "     3");
    }
    auto cut = lines_of(render(grid, GridFormat::table, 50));
    CHECK(cut[4].find("…2023-notice.txt") == 0);  // a path keeps its end
    CHECK(cut[2].find("…") != std::string::npos);
    CHECK(cut[3].find("\t") == std::string::npos);
    CHECK(render(Grid{grid.columns, {}}, GridFormat::table).empty());

    // A text column at the end is not padded: no trailing blanks.
    Grid last_text{{{"unit", false, 0, false}, {"text", false, 2, false}}, {{"甲", "长一些的文字"}, {"乙", "短"}}};
    auto lines = lines_of(render(last_text, GridFormat::table));
    CHECK(lines[3] == "乙    短");
}

TEST_CASE("csv, tsv, md, json, jsonl renderings", "[query][formats]") {
    Grid grid;
    grid.columns = {{"unit", false, 0, false}, {"year", true, 0, false}, {"text", false, 0, false}};
    grid.rows = {{"区财政局", "2024", "a, \"b\"\nc"}, {"=cmd", "", "x|y\tz"}};
    CHECK(render(grid, GridFormat::csv) == "unit,year,text\n区财政局,2024,\"a, \"\"b\"\"\nc\"\n'=cmd,,x|y\tz\n");
    CHECK(render(grid, GridFormat::tsv) == "unit\tyear\ttext\n区财政局\t2024\ta, \"b\" c\n'=cmd\t\tx|y z\n");
    auto md = lines_of(render(grid, GridFormat::md));
    REQUIRE(md.size() == 4);
    CHECK(md[1] == "| -------- | ---: | -------- |");
    CHECK(md[3] == "| =cmd     |      | x\\|y z   |");
    for (const auto& line : md) CHECK(display_width(line) == display_width(md[0]));
    auto json = nlohmann::json::parse(render(grid, GridFormat::json));
    REQUIRE(json.size() == 2);
    CHECK(json[0]["year"] == 2024);
    CHECK(json[1]["year"].is_null());
    CHECK(json[0]["text"] == "a, \"b\"\nc");
    auto jl = lines_of(render(grid, GridFormat::jsonl));
    REQUIRE(jl.size() == 2);
    CHECK(nlohmann::json::parse(jl[1])["unit"] == "=cmd");
    CHECK(render(Grid{grid.columns, {}}, GridFormat::json) == "[]\n");
    CHECK(parse_grid_format("md") == GridFormat::md);
    CHECK_FALSE(parse_grid_format("yaml"));
}

TEST_CASE("query_grid and units_grid columns", "[query][formats]") {
    UnitAliases registry = dinghai_registry();
    auto docs = two_years();
    UnitNames names(registry, docs);
    auto rows = select_rows(docs, names, {});
    Grid q = query_grid(rows, GridStyle{true});
    V cols;
    for (const auto& c : q.columns) cols.push_back(c.name);
    CHECK(cols == V{"source", "year", "part", "section", "leader", "number", "role", "unit", "text", "line", "canonical", "seq", "ref"});
    CHECK(q.rows[0] == V{"a/2023.txt", "2023", "key_tasks", "夏泉副区长牵头重点工作", "夏泉", "1", "lead", "区人社局",
                         "强化民生兜底保障，推进社保精准扩面。", "10", "区人力社保局", "1", "一.1"});
    // For people: 序号 first, the ref for the number, no canonical name; roles in the language asked.
    Grid human = query_grid(rows, GridStyle{false, Lang::zh});
    cols.clear();
    for (const auto& c : human.columns) cols.push_back(c.name);
    CHECK(cols == V{"seq", "source", "year", "part", "section", "leader", "ref", "role", "unit", "text", "line"});
    CHECK(human.rows[0][6] == "一.1");
    CHECK(human.rows[0][7] == "牵头");
    Grid u = units_grid(summarize_units(rows), GridStyle{true});
    CHECK(u.rows[0] == V{"区人力社保局", "department", "区人社局", "a/2023.txt", "2023", "1", "0", "1", "1"});
    CHECK(u.rows[1] == V{"区人力社保局", "department", "", "b/2024.txt", "2024", "1", "1", "2", "2"});
    CHECK(units_grid(summarize_units(rows), GridStyle{false, Lang::zh}).rows[0][2] == "部门");
}

TEST_CASE("select_tasks: one row per task, the unit's role, all its units", "[query][tasks]") {
    UnitAliases registry = dinghai_registry();
    auto docs = two_years();
    UnitNames names(registry, docs);
    QueryFilter filter;
    filter.units = {"区人力社保局"};
    auto tasks = select_tasks(docs, names, filter);
    REQUIRE(tasks.size() == 3);
    CHECK(tasks[0].role == "lead");
    CHECK(tasks[0].support == V{"区民政局"});
    CHECK(tasks[2].role == "support");  // 2024's 引育产业紧缺人才: 区委组织部 leads
    CHECK(tasks[2].lead == V{"区委组织部<区委人才办>"});
    CHECK(tasks[2].ref == "一.2");
    filter.role = Role::lead;
    CHECK(select_tasks(docs, names, filter).size() == 2);
    // No unit asked: every task, the one without units too, and no role.
    auto all = select_tasks(docs, names, {});
    CHECK(all.size() == 5);
    CHECK(all.back().role.empty());

    Grid g = task_grid(tasks, true, GridStyle{false, Lang::zh});
    V cols, zh;
    for (const auto& c : g.columns) cols.push_back(c.name), zh.push_back(c.zh);
    CHECK(cols == V{"seq", "source", "year", "ref", "leader", "role", "lead", "support", "deadline", "text", "line"});
    CHECK(zh == V{"序号", "来源", "年度", "编号", "分管领导", "职责", "牵头单位", "配合单位", "完成时限", "任务内容", "行"});
    CHECK(g.rows[2] == V{"3", "b/2024.txt", "2024", "一.2", "刘烈", "配合", "区委组织部<区委人才办>", "区人力社保局", "",
                         "引育产业紧缺人才。", "22"});
    CHECK(task_grid(all, false, GridStyle{true}).columns.size() == 10);
    // --headers zh: the header row in Chinese, JSON keys in English.
    std::ostringstream csv, json;
    write_grid(g, GridFormat::csv, 0, csv, true);
    CHECK(csv.str().rfind("序号,来源,年度,编号,分管领导,职责,牵头单位,配合单位,完成时限,任务内容,行\n", 0) == 0);
    write_grid(g, GridFormat::json, 0, json, true);
    CHECK(nlohmann::json::parse(json.str())[0].contains("lead"));
}
