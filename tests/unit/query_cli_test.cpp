// tasksplit query and units from the command line, on the samples: names across years, every output
// format, --fuzzy, "did you mean", exit codes, the terminal table's alignment, and the units workload
// table against the gold annotations in ../shared/gold.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "cli_support.hpp"
#include "tasksplit/parallel.hpp"
#include "tasksplit/query.hpp"

using nlohmann::json;
using tasksplit::test::run_cli;

namespace {

const std::string k2024 = "samples/000_5f0d85f750916d58.txt";
const std::string k2023 = "samples/001_4ca63f7906623aa9.txt";
const std::string kBoth = k2024 + " " + k2023;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

/// Terminal columns of each character of a line, measured here with ICU rather than with the code
/// under test: East Asian Wide and Fullwidth two, combining and format characters zero, others one.
std::vector<int> columns_of(const std::string& line) {
    std::vector<int> out;
    const auto* p = reinterpret_cast<const uint8_t*>(line.data());
    int32_t i = 0, n = static_cast<int32_t>(line.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        int8_t gc = u_charType(c);
        if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_FORMAT_CHAR) out.push_back(0);
        else out.push_back(ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1);
    }
    return out;
}

int width_of(const std::string& line) {
    int w = 0;
    for (int c : columns_of(line)) w += c;
    return w;
}

/// The display columns at which a line has a character boundary followed by a space.
std::set<int> space_columns(const std::string& line) {
    std::set<int> out;
    const auto* p = reinterpret_cast<const uint8_t*>(line.data());
    int32_t i = 0, n = static_cast<int32_t>(line.size());
    int col = 0;
    for (int w : columns_of(line)) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c == ' ') out.insert(col);
        col += w;
    }
    return out;
}

}  // namespace

TEST_CASE("query --unit finds a unit under its 2023 and its 2024 name", "[cli][query]") {
    auto r = run_cli("query --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml --unit 区人社局 samples/ --format csv");
    REQUIRE(r.code == 0);
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() > 1);
    // The contract's columns where they were, the running seq and the section.item ref after them.
    CHECK(lines[0] == "source,year,part,section,leader,number,role,unit,text,line,canonical,seq,ref");
    std::vector<std::string> dinghai;
    for (const auto& line : lines)
        if (line.rfind(k2024, 0) == 0 || line.rfind(k2023, 0) == 0) dinghai.push_back(line);
    // Each row: where it starts and how it ends (the task text lies between).
    std::vector<std::pair<std::string, std::string>> expected = {
        {k2024 + ",2024,key_tasks,刘烈副区长牵头重点工作,刘烈,1,lead,区人力社保局,", ",277,区人力社保局,"},
        {k2024 + ",2024,key_tasks,刘烈副区长牵头重点工作,刘烈,2,lead,区人力社保局,", ",279,区人力社保局,"},
        {k2023 + ",2023,key_tasks,夏泉常务副区长牵头重点工作,夏泉,14,lead,区人社局,", ",81,区人力社保局,"},
        {k2023 + ",2023,key_tasks,王其锋副区长牵头重点工作,王其锋,4,support,区人社局,", ",263,区人力社保局,"}};
    REQUIRE(dinghai.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(dinghai[i].rfind(expected[i].first, 0) == 0);
        // Before the seq and the ref: the line and the canonical name.
        std::string row = dinghai[i];
        for (int field = 0; field < 2; ++field) row.erase(row.rfind(','));
        CHECK(row + "," == row.substr(0, row.size() - expected[i].second.size() + 1) + expected[i].second);
    }
    // The JSON copies of the samples (samples/*.expected.json) describe the same notices: no duplicates.
    CHECK(std::set<std::string>(lines.begin(), lines.end()).size() == lines.size());
}

TEST_CASE("query output formats: table, json, jsonl, csv, tsv, md", "[cli][query][formats]") {
    std::string args = "query --unit 区委组织部 " + kBoth;
    auto csv = run_cli(args + " -f csv");
    REQUIRE(csv.code == 0);
    const std::size_t rows = lines_of(csv.out).size() - 1;
    CHECK(rows == 3);  // 2024 L101 support and L143 lead as 区委组织部<区委人才办>; 2023 L59 区委人才办

    auto j = run_cli(args + " -f json");
    REQUIRE(j.code == 0);
    json all = json::parse(j.out);
    REQUIRE(all.size() == rows);
    CHECK(all[0]["source"] == k2024);
    CHECK(all[0]["year"] == 2024);
    CHECK(all[0]["line"] == 101);
    CHECK(all[0]["role"] == "support");
    CHECK(all[0]["unit"] == "区委组织部<区委人才办>");
    CHECK(all[0]["canonical"] == "区委组织部");
    CHECK(all[2]["unit"] == "区委人才办");
    CHECK(all[2]["year"] == 2023);

    auto jl = run_cli(args + " -f jsonl");
    REQUIRE(jl.code == 0);
    auto jlines = lines_of(jl.out);
    REQUIRE(jlines.size() == rows);
    for (std::size_t i = 0; i < rows; ++i) CHECK(json::parse(jlines[i]) == all[i]);

    auto tsv = run_cli(args + " -f tsv");
    REQUIRE(tsv.code == 0);
    for (const auto& line : lines_of(tsv.out)) CHECK(std::count(line.begin(), line.end(), '\t') == 12);

    auto md = run_cli(args + " -f md");
    REQUIRE(md.code == 0);
    auto mlines = lines_of(md.out);
    REQUIRE(mlines.size() == rows + 2);
    CHECK(mlines[0].rfind("| seq ", 0) == 0);
    CHECK(mlines[0].find("canonical") == std::string::npos);
    for (const auto& line : mlines) CHECK(width_of(line) == width_of(mlines[0]));

    // The table is one row per task: the three tasks are three rows here too.
    auto table = run_cli(args + " --width 0");
    REQUIRE(table.code == 0);
    CHECK(lines_of(table.out).size() == rows + 2);
    CHECK(table.out.find("区委人才办") != std::string::npos);

    auto file = std::filesystem::temp_directory_path() / "tasksplit-query-out.csv";
    std::filesystem::remove(file);
    auto to_file = run_cli(args + " -f csv -o " + file.string());
    REQUIRE(to_file.code == 0);
    CHECK(to_file.out.empty());
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    CHECK(ss.str() == csv.out);
    std::filesystem::remove(file);
}

TEST_CASE("the terminal table lines up in display columns and fits the width", "[cli][query][width]") {
    for (int width : {0, 160, 100}) {
        auto r = run_cli("query --unit 区发改局 " + kBoth + " --width " + std::to_string(width));
        REQUIRE(r.code == 0);
        auto lines = lines_of(r.out);
        REQUIRE(lines.size() > 20);
        const int w = width_of(lines[0]);
        if (width > 0) CHECK(w <= width);
        // The rule line's gaps are where every line has its column separators.
        std::set<int> gaps = space_columns(lines[1]);
        REQUIRE(gaps.size() == 2 * 10);  // 11 columns of the task view
        for (const auto& line : lines) {
            CHECK(width_of(line) == w);
            std::set<int> spaces = space_columns(line);
            for (int g : gaps) CHECK(spaces.count(g) == 1);
        }
        if (width == 0) CHECK(r.out.find("…") == std::string::npos);
        if (width == 100) CHECK(r.out.find("…") != std::string::npos);
    }
    auto units = run_cli("units " + kBoth + " --width 90");
    REQUIRE(units.code == 0);
    auto lines = lines_of(units.out);
    for (const auto& line : lines) CHECK(width_of(line) == width_of(lines[0]));
    CHECK(width_of(lines[0]) <= 90);
}

TEST_CASE("query --fuzzy: substrings and close spellings, ranked on stderr", "[cli][query][fuzzy]") {
    auto r = run_cli("query --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml --unit 社保 --fuzzy -f csv " + kBoth);
    REQUIRE(r.code == 0);
    CHECK(r.err.find("'社保' matched 区人力社保局 (substring)") != std::string::npos);
    CHECK(r.out.find(",区人社局,") != std::string::npos);
    CHECK(r.out.find(",区人力社保局,") != std::string::npos);

    r = run_cli("query --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml --unit 区发改委 --fuzzy --role lead -f jsonl " + kBoth);
    REQUIRE(r.code == 0);
    CHECK(r.err.find("区发改局 (1 edit)") != std::string::npos);
    auto lines = lines_of(r.out);
    CHECK(lines.size() == 20);  // 14 in 2024, 6 in 2023
    for (const auto& line : lines) CHECK(json::parse(line)["canonical"] == "区发改局");

    // Without --fuzzy a misspelling is not a match.
    CHECK(run_cli("query --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml --unit 区发改委 " + kBoth).code == 1);
}

TEST_CASE("an unknown unit answers with suggestions from the units present", "[cli][query]") {
    auto r = run_cli("query --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml --unit 区发改委 " + kBoth);
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "tasksplit: no unit '区发改委' in the inputs; did you mean 区发改局?\n");
    r = run_cli("query --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml --unit 区海洋局 " + kBoth);
    CHECK(r.code == 1);
    CHECK(r.err.find("did you mean 区海洋科技产业园管理中心") != std::string::npos);
    r = run_cli("query --aliases tests/fixtures/aliases/dinghai-2023-2024.yaml --unit xyz " + kBoth);
    CHECK(r.code == 1);
    CHECK(r.err.find("'tasksplit units' lists them") != std::string::npos);
}

TEST_CASE("query filters: role, leader, text, year, part; --sort unit", "[cli][query]") {
    auto lead = run_cli("query --unit 区发改局 --role lead -f csv " + kBoth);
    auto support = run_cli("query --unit 区发改局 --role support -f csv " + kBoth);
    auto any = run_cli("query --unit 区发改局 -f csv " + kBoth);
    REQUIRE(any.code == 0);
    CHECK(lines_of(lead.out).size() - 1 == 20);
    CHECK(lines_of(support.out).size() - 1 == 4);
    CHECK(lines_of(any.out).size() - 1 == 24);

    auto r = run_cli("query --unit 区发改局 --leader 夏泉 --year 2023 -f jsonl " + kBoth);
    REQUIRE(r.code == 0);
    for (const auto& line : lines_of(r.out)) {
        json row = json::parse(line);
        CHECK(row["leader"] == "夏泉");
        CHECK(row["year"] == 2023);
    }
    r = run_cli("query --text '社保 扩面' -f jsonl " + kBoth);
    REQUIRE(r.code == 0);
    std::set<int> task_lines;
    for (const auto& line : lines_of(r.out)) task_lines.insert(json::parse(line)["line"].get<int>());
    CHECK(task_lines == std::set<int>{81, 263});
    CHECK(run_cli("query --part livelihood " + kBoth).code == 1);

    r = run_cli("query --leader 刘烈 --sort unit -f jsonl " + k2024);
    REQUIRE(r.code == 0);
    std::vector<std::string> units;
    for (const auto& line : lines_of(r.out)) units.push_back(json::parse(line)["canonical"]);
    // 刘烈's units in pinyin order: 区人力社保局 (qu ren) before 区退役军人事务局 (qu tui) ...
    auto pos = [&](const std::string& u) { return std::find(units.begin(), units.end(), u) - units.begin(); };
    CHECK(pos("区人力社保局") < pos("区退役军人事务局"));
    auto order = tasksplit::pinyin_order(units);  // stable: already sorted means unchanged
    for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == i);
}

TEST_CASE("query reads tasksplit JSON and --aliases files", "[cli][query]") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "tasksplit-query-cli";
    fs::remove_all(dir);
    fs::create_directories(dir / "json");
    auto parsed = run_cli("parse " + k2023 + " -o " + (dir / "json" / "2023.json").string());
    REQUIRE(parsed.code == 0);
    auto from_json = run_cli("query --unit 区人社局 -f csv " + dir.string());
    auto from_notice = run_cli("query --unit 区人社局 -f csv " + k2023);
    REQUIRE(from_json.code == 0);
    CHECK(from_json.out == from_notice.out);
    // The notice and its JSON together are one notice.
    CHECK(run_cli("query --unit 区人社局 -f csv " + k2023 + " " + dir.string()).out == from_notice.out);

    std::ofstream(dir / "aliases.yaml") << "aliases:\n  区金融办: [区金融服务中心]\n";
    auto r = run_cli("query --unit 区金融服务中心 -f csv --aliases " + (dir / "aliases.yaml").string() + " " + kBoth);
    REQUIRE(r.code == 0);
    CHECK(r.out.find(",区金融办,") != std::string::npos);
    CHECK(run_cli("query --unit 区金融服务中心 " + kBoth).code == 1);

    std::ofstream(dir / "bad.yaml") << "aliases: [oops\n";
    r = run_cli("query --aliases " + (dir / "bad.yaml").string() + " " + kBoth);
    CHECK(r.code == 2);
    CHECK(r.err.find("bad.yaml") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("query and units exit codes: 0 found, 1 none, 2 errors", "[cli][query][errors]") {
    CHECK(run_cli("query --unit 区财政局 " + kBoth).code == 0);
    auto none = run_cli("query --unit 区财政局 --year 1999 " + kBoth);
    CHECK(none.code == 1);
    CHECK(none.out.empty());
    CHECK(none.err == "tasksplit: no tasks match\n");
    auto none_json = run_cli("query --unit 区财政局 --year 1999 -f json " + kBoth);
    CHECK(none_json.code == 1);
    CHECK(none_json.out == "[]\n");
    CHECK(run_cli("units --year 1999 " + kBoth).code == 1);

    // An unreadable input among others: the answer covers the rest, and exit 2 says it is partial.
    auto missing = run_cli("query /nonexistent.txt " + k2023);
    CHECK(missing.code == 2);
    CHECK(missing.err == "tasksplit: /nonexistent.txt: No such file or directory\n");
    CHECK(missing.out == run_cli("query " + k2023).out);
    CHECK_FALSE(missing.out.empty());
    auto fail_fast = run_cli("query --fail-fast /nonexistent.txt " + k2023);
    CHECK(fail_fast.code == 2);
    CHECK(fail_fast.out.empty());
    auto only_missing = run_cli("units /nonexistent.txt");
    CHECK(only_missing.code == 2);
    CHECK(only_missing.out.empty());
    CHECK(run_cli("query -f xml " + kBoth).code == 2);
    CHECK(run_cli("query --role boss " + kBoth).code == 2);
    CHECK(run_cli("query --sort pinyin " + kBoth).code == 2);
    CHECK(run_cli("units --sort role " + kBoth).code == 2);
    CHECK(run_cli("units -f yaml " + kBoth).code == 2);
    CHECK(run_cli("query --grammar /nonexistent.yaml " + kBoth).code == 2);
    CHECK(run_cli("query").code == 2);
    auto help = run_cli("query --help");
    CHECK(help.code == 0);
    CHECK(help.out.find("--fuzzy") != std::string::npos);
}

TEST_CASE("the jobs option does not change the answer", "[cli][query][parallel]") {
    auto one = run_cli("units samples/ -f csv --jobs 1");
    auto four = run_cli("units samples/ -f csv --jobs 4");
    REQUIRE(one.code == 0);
    CHECK(one.out == four.out);
    CHECK(run_cli("query samples/ -f csv -j 1").out == run_cli("query samples/ -f csv -j 3").out);
}

TEST_CASE("units: names, kinds and counts per notice; --sort unit and count", "[cli][units]") {
    auto r = run_cli("units -f json " + kBoth);
    REQUIRE(r.code == 0);
    json rows = json::parse(r.out);
    auto find = [&](const std::string& unit, int year) {
        for (const auto& row : rows)
            if (row["unit"] == unit && row["year"] == year) return row;
        return json();
    };
    json hr = find("区人力社保局", 2023);
    REQUIRE(!hr.is_null());
    CHECK(hr["names"] == "区人社局");  // printed so in 2023
    CHECK(hr["kind"] == "department");
    CHECK(hr["source"] == k2023);
    CHECK(hr["lead"] == 1);
    CHECK(hr["support"] == 1);
    CHECK(hr["total"] == 2);
    CHECK(find("区人力社保局", 2024)["names"] == "");
    CHECK(find("区委组织部", 2023)["names"] == "区委人才办");
    CHECK(find("区委组织部", 2024)["names"] == "区委组织部<区委人才办>");

    // --sort count: units by their total over all notices, busiest first.
    auto by_count = json::parse(run_cli("units -f json --sort count " + kBoth).out);
    std::vector<std::string> order;
    std::map<std::string, int> totals;
    for (const auto& row : by_count) {
        std::string unit = row["unit"];
        if (!totals.count(unit)) order.push_back(unit);
        totals[unit] += row["total"].get<int>();
    }
    CHECK(order.front() == "区经信局");  // 27 tasks in 2024 and 18 in 2023
    for (std::size_t i = 1; i < order.size(); ++i) CHECK(totals[order[i - 1]] >= totals[order[i]]);

    auto by_unit = lines_of(run_cli("units -f tsv --sort unit " + kBoth).out);
    REQUIRE(by_unit.size() > 2);
    std::vector<std::string> firsts;  // the unit column, once per unit
    for (const auto& line : by_unit) {
        std::string unit = line.substr(0, line.find('\t'));
        if (firsts.empty() || firsts.back() != unit) firsts.push_back(unit);
    }
    auto pos = [&](const std::string& u) { return std::find(firsts.begin(), firsts.end(), u) - firsts.begin(); };
    // bai, cen, ding, qu, xiao (ICU puts punctuation such as “暖岙” first)
    CHECK(pos("白泉镇") < pos("岑港街道"));
    CHECK(pos("岑港街道") < pos("定海工业园区"));
    CHECK(pos("定海工业园区") < pos("区发改局"));
    CHECK(pos("区发改局") < pos("小沙街道"));
    CHECK(pos("小沙街道") < static_cast<long>(firsts.size()));
}

TEST_CASE("units counts match the gold annotations of 000 and 001", "[cli][units][gold]") {
    namespace fs = std::filesystem;
    fs::path gold_dir = fs::path(TASKSPLIT_SOURCE_DIR) / ".." / "shared" / "gold";
    if (!fs::exists(gold_dir)) {
        WARN("skipped: " << gold_dir.string() << " is absent");
        return;
    }
    auto r = run_cli("units -f json " + kBoth);
    REQUIRE(r.code == 0);
    std::map<std::pair<std::string, int>, std::pair<int, int>> ours;  // (unit, year) -> (lead, support)
    for (const auto& row : json::parse(r.out))
        ours[{row["unit"].get<std::string>(), row["year"].get<int>()}] = {row["lead"].get<int>(), row["support"].get<int>()};

    // The gold keeps units as printed ("区委组织部<区委人才办>"): split off a trailing bracketed alias and
    // canonicalise with the same registry and documents the command used.
    std::vector<std::string> errors;
    auto docs = tasksplit::load_documents({fs::path(TASKSPLIT_SOURCE_DIR) / k2024, fs::path(TASKSPLIT_SOURCE_DIR) / k2023},
                                          1, {}, std::nullopt, errors);
    REQUIRE(errors.empty());
    tasksplit::UnitAliases registry;
    tasksplit::UnitNames names(registry, docs);
    auto canonical = [&](const std::string& printed) {
        tasksplit::Unit u{printed, printed, "", ""};
        // Only a trailing group is an alias: brackets inside a name stay
        // (定海中心片区排涝提升工程（五山生态旅游带建设项目）现场建设指挥部).
        for (auto [open, close] : {std::pair<std::string, std::string>{"<", ">"}, {"(", ")"}, {"（", "）"}}) {
            auto at = printed.rfind(open);
            bool trailing = printed.size() > close.size() &&
                            printed.compare(printed.size() - close.size(), close.size(), close) == 0;
            if (at == std::string::npos || at == 0 || !trailing) continue;
            u.name = printed.substr(0, at);
            u.alias = printed.substr(at + open.size(), printed.size() - close.size() - at - open.size());
            break;
        }
        return names.canonical(u);
    };
    std::map<std::pair<std::string, int>, std::pair<int, int>> gold;
    int checked = 0;
    for (const char* stem : {"000_5f0d85f750916d58", "001_4ca63f7906623aa9"}) {
        std::ifstream in(gold_dir / (std::string(stem) + ".gold.json"));
        REQUIRE(in);
        json g = json::parse(in);
        int year = g["document"]["year"];
        for (const auto& item : g["items"]) {
            std::set<std::string> lead, support;  // a task counts once per unit and role
            for (const auto& u : item["lead"]) lead.insert(canonical(u));
            for (const auto& u : item["support"]) support.insert(canonical(u));
            for (const auto& u : lead) ++gold[{u, year}].first;
            for (const auto& u : support) ++gold[{u, year}].second;
            ++checked;
        }
    }
    CHECK(checked == 108 + 82);
    CHECK(ours.size() == gold.size());
    for (const auto& [key, counts] : gold) {
        INFO(key.first << " " << key.second);
        auto it = ours.find(key);
        REQUIRE(it != ours.end());
        CHECK(it->second == counts);
    }
}

TEST_CASE("query --unit finds a unit printed short under its whole name", "[cli][query][canonical]") {
    // tests/layout/unit-names.txt prints 财政厅 after 省发展改革委 in task 1 and 省财政厅 in task 3.
    auto r = run_cli("query --unit 省财政厅 tests/layout/unit-names.txt --format csv");
    REQUIRE(r.code == 0);
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].find(",1,support,财政厅,") != std::string::npos);
    // The canonical column, before the seq and the ref.
    CHECK(lines[1].find(",省财政厅,1,") != std::string::npos);
    CHECK(lines[2].find(",3,support,省财政厅,") != std::string::npos);
}
