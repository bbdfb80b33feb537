// Conservation: every non-whitespace character of a notice is accounted for exactly once (in
// metadata, a heading, an item's text or clause, a table, a form, or unassigned), and JSON ->
// read -> JSON round-trips byte for byte. The rule lives in tests/fuzz/harness.hpp, where the
// fuzz targets check it on every input they try; here it runs over every sample and fixture, on
// hostile shapes, and against tampered documents to show it catches what it claims to.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>

#include "../fuzz/harness.hpp"
#include "test_support.hpp"

using namespace tasksplit;

namespace {

const Parser& mapping_parser() {
    static const Parser p = [] {
        Parser parser;
        parser.set_line_map(true);
        return parser;
    }();
    return p;
}

std::string joined(const fuzz::Problems& problems) {
    std::string out;
    for (const auto& p : problems) out += p + "\n";
    return out;
}

/// Every notice the repository holds: the samples and the validate fixtures.
std::vector<std::string> notices() {
    std::vector<std::string> out;
    for (const char* dir : {"samples", "tests/fixtures/validate"})
        for (const auto& e : std::filesystem::directory_iterator(test::repo_path(dir)))
            if (e.path().extension() == ".txt") out.push_back(std::string(dir) + "/" + e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("every sample and fixture: each character accounted for once, JSON round-trips", "[conservation]") {
    auto files = notices();
    REQUIRE(files.size() >= 20);
    int samples = 0;
    for (const auto& rel : files) {
        samples += rel.rfind("samples/", 0) == 0;
        DYNAMIC_SECTION(rel) {
            auto problems = fuzz::notice_problems(mapping_parser(), test::read_file(test::repo_path(rel)));
            INFO(joined(problems));
            CHECK(problems.empty());
        }
    }
    CHECK(samples >= 5);
}

TEST_CASE("hostile shapes keep every character", "[conservation]") {
    const std::string head = "2024年重点工作任务分解\n一、张三区长牵头重点工作\n";
    struct Case {
        const char* name;
        std::string text;
    };
    for (const Case& c : {
             Case{"unclosed brackets", head + "1. 推进" + std::string(3000, '(') + "工作（责任单位：区财政局\n2. 乙。(责任单位：区发改局)\n"},
             Case{"nested clause brackets", head + "1. 推进" + [] {
                      std::string s;
                      for (int i = 0; i < 500; ++i) s += "（责任单位：";
                      s += "区财政局";
                      for (int i = 0; i < 500; ++i) s += "）";
                      return s;
                  }() + "\n"},
             Case{"closers without openers", head + "1. 推进" + std::string(2000, ')') + "。(责任单位：区财政局)\n"},
             Case{"many clauses on one line", head + [] {
                      std::string s;
                      for (int i = 0; i < 2000; ++i) s += "推进工作。（责任单位：区财政局、区发改局）";
                      return s;
                  }() + "\n"},
             Case{"CR line ends and tabs", "2024年任务分解\r\n一、重点工作\r\n1.\t甲。\t(责任单位：区财政局)\r\n\t\t\r\n"},
             Case{"control characters", head + "1. \x01\x02推进\x1f工作。(责任单位：区财政局)\x7f\n"},
             Case{"characters outside the BMP", head + "1. 推进𠀀𪚥工作😀。(责任单位：区𠀀局)\n"},
             Case{"no final newline, a lone clause", head + "1. 甲。(责任单位：区财政局)\n责任单位：区发改局"},
             Case{"page numbers inside and between tasks",
                  head + "1.甲，\n— 5 —\n乙。（责任单位：区财政局）\n- 6 -\n2.丙。（责任单位：区发改局）\n"},
             Case{"unbracketed trailing sentences of units",
                  head + "1.甲。区财政局牵头，区发改局配合。\n2.乙。\n区商务局牵头\n3.丙。由区政府牵头的机制。\n"},
             Case{"running headers after page numbers",
                  "关于印发2024年任务分解的通知\n2024年重点工作任务分解\n1.甲，\n- 2 -\n区政府办公室文件\n乙。（责任单位：区财政局）\n"
                  "2024年重点工作任务分解\n2.丙。（责任单位：区发改局）\n"},
             Case{"a space-aligned grid",
                  "2024年任务分解表\n序号  工作任务      牵头单位      完成时限\n1     甲            区财政局      2024年\n"
                  "      乙\n2     丙            区发改局\n  \n丁\n"},
             Case{"notes, convention lines and a closing signature",
                  head + "说明：列第一位的为牵头单位。\n（列首位的为牵头单位，下同）\n1.甲。（区财政局、区发改局）\n区政府办公室\n2024年3月1日\n"},
             Case{"nested numbering both ways",
                  head + "1.甲\n（1）乙；\n（2）丙。\n责任单位：区财政局\n2.丁\n（1）戊。（区发改局牵头）\n"},
             Case{"tab grid rows continued on the next line",
                  "2024年重点任务分解\n序号\t重点任务\t牵头单位\n1\t甲，\t区财政局\n\t乙。\t\n\t\t\n2\t丙\t区发改局\n"},
             Case{"units only in trailing brackets, one spanning lines",
                  head + "1.甲。（区财政局、\n区发改局）\n2.乙。（区商务局）\n3.丙。[区国资委]\n4.丁（区发改局牵头）\n"},
         }) {
        DYNAMIC_SECTION(c.name) {
            auto problems = fuzz::notice_problems(mapping_parser(), c.text);
            INFO(joined(problems));
            CHECK(problems.empty());
        }
    }
}

TEST_CASE("the conservation check catches a lost, a doubled and an unclaimed task", "[conservation]") {
    // The check is only worth its passes if it fails on documents that break the rule.
    std::string notice = "2024年重点工作任务分解\n一、张三区长牵头重点工作\n1. 甲。(责任单位：区财政局)\n2. 乙。(责任单位：区发改局)\n";
    SourceText text = decode_source(notice, "t.txt");
    Document good = mapping_parser().parse(text);
    REQUIRE(test::all_items(good).size() == 2);
    REQUIRE(fuzz::conservation_problems(text, good).empty());
    auto& items = good.parts.at(0).sections.at(0).items;

    Document lost = good;
    lost.parts[0].sections[0].items.pop_back();
    CHECK_THAT(joined(fuzz::conservation_problems(text, lost)), Catch::Contains("line 4 (item) '2': accounted for nowhere"));

    Document doubled = good;
    doubled.parts[0].sections[0].items.push_back(items.back());
    CHECK_THAT(joined(fuzz::conservation_problems(text, doubled)), Catch::Contains("line 4 (item) '2.乙。(责任单位：区发改局)': counted 2 times"));

    Document listed_too = good;
    listed_too.unassigned.push_back({4, "2. 乙。(责任单位：区发改局)"});
    CHECK_THAT(joined(fuzz::conservation_problems(text, listed_too)), Catch::Contains("unassigned line 4: text not found unclaimed"));

    Document unclaimed = good;
    unclaimed.line_roles.erase(unclaimed.line_roles.begin());
    unclaimed.parts[0].sections[0].items.clear();
    auto problems = joined(fuzz::conservation_problems(text, unclaimed));
    CHECK_THAT(problems, Catch::Contains("line 1 (no role) '2024年重点工作任务分解': accounted for nowhere"));
    CHECK_THAT(problems, Catch::Contains("line 3 (item) '甲': accounted for nowhere"));

    Document heading_in_span = good;
    heading_in_span.parts[0].sections[0].items[0].span.start = 0;
    CHECK_THAT(joined(fuzz::conservation_problems(text, heading_in_span)), Catch::Contains("line 2 (section) '一、张三区长牵头重点工作': also inside an item span"));

    Document invented = good;
    invented.parts[0].sections[0].items[0].text = "丙";
    CHECK_THAT(joined(fuzz::conservation_problems(text, invented)), Catch::Contains("text is not drawn from its span"));

    Document outside = good;
    outside.parts[0].sections[0].items[0].span.end = text.utf8_length + 1;
    CHECK_THAT(joined(fuzz::conservation_problems(text, outside)), Catch::Contains("outside the text"));

    Document mid_character = good;
    mid_character.parts[0].sections[0].items[0].span.start = notice.find("甲") + 1;
    CHECK_THAT(joined(fuzz::conservation_problems(text, mid_character)), Catch::Contains("not lie on character boundaries"));
}
