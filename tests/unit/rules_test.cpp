// Word lists compiled into regexes (rules.hpp: alternation).
#include <catch2/catch.hpp>

#include "tasksplit/rules.hpp"
#include "tasksplit/source_text.hpp"

using namespace tasksplit;

namespace {

/// The word `re` matches at the start of `text`, or "" when none.
std::string word_at(const Regex& re, const std::string& text) {
    const icu::UnicodeString u = from_utf8(text);
    return re.match_at(u) ? to_utf8(u.tempSubStringBetween(re.start(1), re.end(1))) : "";
}

}  // namespace

TEST_CASE("alternation: every word, the longest along a shared prefix, spaces between characters", "[rules]") {
    const std::vector<std::string> words = {"牵头", "牵头单位", "牵头责任单位", "配合单位", "责任单位"};
    const Regex plain(icu::UnicodeString(u"(") + alternation(words, false) + u")", "test");
    CHECK(word_at(plain, "牵头：市发改委") == "牵头");
    CHECK(word_at(plain, "牵头单位：市发改委") == "牵头单位");
    CHECK(word_at(plain, "牵头责任单位：市发改委") == "牵头责任单位");
    CHECK(word_at(plain, "配合单位：市统计局") == "配合单位");
    CHECK(word_at(plain, "责任单位：市统计局") == "责任单位");
    CHECK(word_at(plain, "配合：市统计局").empty());
    CHECK(word_at(plain, "牵 头单位").empty());

    // Folded like the text it runs on: full-width brackets read as ASCII.
    const Regex folded(icu::UnicodeString(u"(") + alternation({"责任单位（部门）"}, false) + u")", "test");
    CHECK(word_at(folded, "责任单位(部门)：") == "责任单位(部门)");

    const Regex spaced(icu::UnicodeString(u"(") + alternation(words, true) + u")\\s*[:：]", "test");
    CHECK(word_at(spaced, "牵 头 单 位：市发改委") == "牵 头 单 位");
    // Backtracking still finds the shorter word when only it is followed by the colon.
    CHECK(word_at(spaced, "牵头：单位") == "牵头");
}
