// Clause labels found by a prefix tree (rules.hpp: LabelFinder), and the characters a regex needs
// before it runs (required_char_sets, Regex).
#include <catch2/catch.hpp>

#include "tasksplit/rules.hpp"
#include "tasksplit/source_text.hpp"

using namespace tasksplit;

namespace {

LabelFinder labels() {
    LabelFinder f;
    for (const char16_t* w : {u"牵头", u"牵头单位", u"牵头责任单位", u"配合单位", u"责任单位", u"责任单位(部门)"})
        f.add(icu::UnicodeString(w));
    return f;
}

/// The label found in `text` from `from`, as printed, or "" when none.
std::string label_in(const LabelFinder& f, const std::string& text, int32_t from = 0) {
    return f.find(from_utf8(text), from) ? to_utf8(f.label()) : "";
}

}  // namespace

TEST_CASE("LabelFinder: the longest label a colon or bracket follows, spaces between characters", "[rules]") {
    const LabelFinder f = labels();
    CHECK(label_in(f, "牵头:市发改委") == "牵头");
    CHECK(label_in(f, "牵头单位:市发改委") == "牵头单位");
    CHECK(label_in(f, "牵头责任单位：市发改委") == "牵头责任单位");
    CHECK(label_in(f, "【配合单位】市统计局") == "配合单位");
    CHECK(label_in(f, "[责任单位]市统计局") == "责任单位");
    CHECK(label_in(f, "责任单位(部门):市住建局") == "责任单位(部门)");
    // A page break inside the label, and spaces before the colon.
    CHECK(label_in(f, "牵 头 单\n位 :市发改委") == "牵 头 单\n位");
    // The longer word without a colon after it gives way to the shorter one with it.
    CHECK(label_in(f, "牵头:单位") == "牵头");
    // No colon, no label: "区发改局牵头，区财政局配合".
    CHECK(label_in(f, "区发改局牵头，区财政局配合").empty());
    CHECK(label_in(f, "配合:市统计局").empty());

    // Leftmost first, with where it starts and where its colon ends.
    const icu::UnicodeString s = from_utf8("推进项目（牵头单位：市发改委；配合单位：市财政局）");
    REQUIRE(f.find(s));
    CHECK(f.start() == 5);
    CHECK(f.end() == 10);
    REQUIRE(f.find(s, f.end()));
    CHECK(to_utf8(f.label()) == "配合单位");
    // Bounded: a label whose colon lies past `to` is not found.
    CHECK_FALSE(f.find(s, 0, 9));
}

TEST_CASE("LabelFinder: a whole label with a space for its lost colon, at a clause start only", "[rules]") {
    const LabelFinder f = labels();
    CHECK(label_in(f, "（责任单位 区教育局、区财政局）") == "责任单位");
    CHECK(label_in(f, "新增就业5000人。责任单位 区人社局") == "责任单位");
    const icu::UnicodeString s = from_utf8("(牵头单位 市发改委)");
    REQUIRE(f.find(s));
    CHECK(f.end() == 6);  // the value starts after the space
    // Short words close unit lists ("区发改局牵头 区财政局配合"); inside prose a label is a word.
    CHECK(label_in(f, "区发改局 牵头 区财政局").empty());
    CHECK(label_in(f, "督促各责任单位 按时完成").empty());
    // Punctuation after the space is no value.
    CHECK(label_in(f, "（责任单位 ）").empty());
}

TEST_CASE("LabelFinder: a whole label run straight into a unit name, given the characters names open with", "[rules]") {
    LabelFinder f = labels();
    CHECK(label_in(f, "（牵头单位区林业局，配合单位各镇街）").empty());
    f.set_value_starts({u'区', u'市', u'各'});
    const icu::UnicodeString s = from_utf8("（牵头单位区林业局，配合单位各镇街）");
    REQUIRE(f.find(s));
    CHECK(to_utf8(f.label()) == "牵头单位");
    CHECK(f.end() == 5);
    REQUIRE(f.find(s, f.end()));
    CHECK(to_utf8(f.label()) == "配合单位");
    // Not before other words, nor inside prose.
    CHECK(label_in(f, "（责任单位负责统筹）").empty());
    CHECK(label_in(f, "督促各责任单位区分轻重").empty());
}

TEST_CASE("LabelFinder: a label in no list, read by its form at a clause or line start", "[rules]") {
    LabelFinder f = labels();
    f.set_forms({u"单位", u"科室", u"领导"}, 4);
    CHECK(label_in(f, "新增就业5000人。主抓单位：县人社局") == "主抓单位");
    CHECK(label_in(f, "（协助科室：办公室）") == "协助科室");
    // A label of the lists before it still comes first; one read by its form before that wins.
    const icu::UnicodeString s = from_utf8("（督办领导：王东；牵头单位：县财政局）");
    REQUIRE(f.find(s));
    CHECK(to_utf8(f.label()) == "督办领导");
    CHECK(f.by_form());
    REQUIRE(f.find(s, f.end()));
    CHECK(to_utf8(f.label()) == "牵头单位");
    CHECK_FALSE(f.by_form());
    // Inside a sentence, or longer than the form allows, it is a word of the sentence.
    CHECK(label_in(f, "督促推进工作的各科室：按时报送").empty());
    CHECK(label_in(f, "这是一项需要多个单位：").empty());
    // Joined from two lines ("钱明远" / "主抓单位：…"): the break in the source is the clause start.
    const icu::UnicodeString joined = from_utf8("钱明远主抓单位：县财政局");
    std::vector<int32_t> src = {0, 1, 2, 10, 11, 12, 13, 14, 15, 16, 17, 18};
    CHECK_FALSE(f.find(joined));
    REQUIRE(f.find(joined, 0, -1, src.data()));
    CHECK(to_utf8(f.label()) == "主抓单位");
    // A role by the words of the label.
    Rules r;
    r.header_forms.ends = {"单位", "科室"};
    r.header_forms.leader_ends = {"领导"};
    r.header_forms.lead = {"主抓"};
    r.header_forms.support = {"协助"};
    CHECK(*r.role_by_form("主抓单位") == "lead");
    CHECK(*r.role_by_form("协助科室") == "support");
    CHECK(*r.role_by_form("督办单位") == "units");
    CHECK(*r.role_by_form("督办领导") == "leader");
    CHECK(r.role_by_form("建设内容") == nullptr);
}

TEST_CASE("Regex: a region without a character every match holds is no match; results are unchanged", "[rules]") {
    Regex heading(from_utf8("^([\\u4E00-\\u9FFF]{1,10}(?:市|区))?[0-9]{4}\\s*年.{2,20}$"), "test");
    const icu::UnicodeString yes = from_utf8("广州市2024年政府工作报告分工方案");
    REQUIRE(heading.match_at(yes));
    CHECK(to_utf8(heading.group(1)) == "广州市");
    CHECK_FALSE(heading.match_at(from_utf8("广州市政府工作报告分工方案")));
    // Inside a longer text only the region counts: the 年 after it does not make it match.
    const icu::UnicodeString text = from_utf8("2024 推进工作\n2024年工作要点");
    CHECK_FALSE(heading.match_at(text, 0, 7));
    CHECK(heading.find(text, 10));
}

TEST_CASE("required_char_sets: every match holds one character of each set", "[rules]") {
    using Sets = std::vector<std::u32string>;
    CHECK(required_char_sets(U"“[^“”]{0,30}”") == Sets{U"“", U"”"});
    CHECK(required_char_sets(U"[0-9.一二]+\\s*(?:万|亿)?(?:吨|元)?级") == Sets{U"级"});
    CHECK(required_char_sets(U"(?<![零一])一(?![零一])") == Sets{U"一"});
    CHECK(required_char_sets(U"第\\s*[0-9一二]+") == Sets{U"第"});
    // Under a "|" each branch gives its smallest set, and the union is needed.
    CHECK(required_char_sets(U"已(?:建成|建)[^，。]{0,8}?的\\s*[0-9]+") == Sets{U"已", U"建", U"的"});
    CHECK(required_char_sets(U"^(?:打印本页|关闭窗口)$") == Sets{U"打关"});
    CHECK(required_char_sets(U"ab|c?d") == Sets{U"ad"});
    CHECK(required_char_sets(U"(?<name>ab)") == Sets{U"a", U"b"});
    // Optional, escaped or inside classes: not required; a branch or a group that needs nothing
    // makes its alternation need nothing.
    CHECK(required_char_sets(U"a?b*c{0,2}d{1,2}e+") == Sets{U"d", U"e"});
    CHECK(required_char_sets(U"\\+[+＋]x") == Sets{U"x"});
    // The braces of \p{…} and \x{…} belong to the escape: "{2,6}" after it is a quantifier.
    CHECK(required_char_sets(U"(\\p{Han}{2,6})\\1").empty());
    CHECK(required_char_sets(U"\\x{5E74}{1,2}年") == Sets{U"年"});
    CHECK(required_char_sets(U"\\u3000{2}年\\x41\\Qabc\\E月") == Sets{U"年", U"月"});
    CHECK(required_char_sets(U"ab|[xy]").empty());
    CHECK(required_char_sets(U"(?:a|b)(?:c|)") == Sets{U"ab"});
    CHECK(required_char_sets(U"(?:第)?x(?=y)") == Sets{U"x"});
    CHECK(required_char_sets(U"[(（][0-9]{1,2}[)）]").empty());
    // Flags change what a literal matches; a pattern it cannot read to the end gives nothing.
    CHECK(required_char_sets(U"(?i)abc").empty());
    CHECK(required_char_sets(U"(?x) a b").empty());
    CHECK(required_char_sets(U"x[abc").empty());
    CHECK(required_char_sets(U"x(?:ab").empty());
}

TEST_CASE("Regex: an alternation runs only on a region holding a character one of its branches needs", "[rules]") {
    Regex furniture(from_utf8("打印本页|关闭窗口|^分享到"), "test");
    CHECK(furniture.find(from_utf8("【打印本页】【关闭窗口】")));
    CHECK(furniture.find(from_utf8("分享到：微信")));
    CHECK_FALSE(furniture.find(from_utf8("打造本地品牌")));
    CHECK_FALSE(furniture.find(from_utf8("推进重点项目建设")));
    const icu::UnicodeString text = from_utf8("推进重点项目建设\n关闭窗口");
    CHECK_FALSE(furniture.find(text, 0, 8));
    CHECK(furniture.find(text, 9));
}
