// The language of messages: --lang names, the environment's choice, the catalog and its {} slots.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "tasksplit/grammar_files.hpp"
#include "tasksplit/messages.hpp"

using namespace tasksplit;

namespace {

/// Sets the locale variables for one test and puts back what was there.
struct Environment {
    const char* names[3] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    std::string saved[3];
    bool had[3] = {};
    Environment(const char* lc_all, const char* lc_messages, const char* lang) {
        const char* values[3] = {lc_all, lc_messages, lang};
        for (int i = 0; i < 3; ++i) {
            if (const char* v = std::getenv(names[i])) had[i] = true, saved[i] = v;
            if (values[i]) ::setenv(names[i], values[i], 1);
            else ::unsetenv(names[i]);
        }
    }
    ~Environment() {
        for (int i = 0; i < 3; ++i) {
            if (had[i]) ::setenv(names[i], saved[i].c_str(), 1);
            else ::unsetenv(names[i]);
        }
    }
};

int slots(const std::string& s) {
    int n = 0;
    for (std::size_t at = s.find("{}"); at != std::string::npos; at = s.find("{}", at + 2)) ++n;
    return n;
}

}  // namespace

TEST_CASE("language names", "[messages]") {
    CHECK(parse_lang("zh") == Lang::zh);
    CHECK(parse_lang("zh_CN.UTF-8") == Lang::zh);
    CHECK(parse_lang("ZH-tw") == Lang::zh);
    CHECK(parse_lang("en") == Lang::en);
    CHECK(parse_lang("en_GB.UTF-8") == Lang::en);
    CHECK(parse_lang("C") == Lang::en);
    CHECK(parse_lang("C.UTF-8") == Lang::en);
    CHECK(parse_lang("POSIX") == Lang::en);
    CHECK_FALSE(parse_lang("fr"));
    CHECK_FALSE(parse_lang(""));
}

TEST_CASE("the environment's language, in setlocale's order", "[messages]") {
    {
        Environment env(nullptr, nullptr, "zh_CN.UTF-8");
        CHECK(lang_from_environment() == Lang::zh);
    }
    {
        Environment env("C.UTF-8", nullptr, "zh_CN.UTF-8");  // LC_ALL wins
        CHECK(lang_from_environment() == Lang::en);
    }
    {
        Environment env("", "zh_TW.UTF-8", "en_US.UTF-8");  // an empty variable counts as unset
        CHECK(lang_from_environment() == Lang::zh);
    }
    {
        Environment env(nullptr, nullptr, nullptr);
        CHECK(lang_from_environment() == Lang::en);
    }
}

TEST_CASE("tr and trf", "[messages]") {
    CHECK(tr(Lang::en, "lead") == "lead");
    CHECK(tr(Lang::zh, "lead") == "牵头");
    CHECK(tr(Lang::zh, "department") == "部门");
    // No entry: the English stays.
    CHECK(tr(Lang::zh, "a text nobody translated") == "a text nobody translated");
    CHECK(trf(Lang::en, "{} of {} tasks shown", {"3", "8"}) == "3 of 8 tasks shown");
    CHECK(trf(Lang::zh, "{} of {} tasks shown", {"3", "8"}) == "显示 3 项，共 8 项");
    CHECK(trf(Lang::zh, "leads {}, supports {}", {"2", "6"}) == "牵头 2 项，配合 6 项");
    // A context before a bar tells two uses of one English text apart; the English leaves it out.
    CHECK(trf(Lang::en, "notice|{} tasks", {"2024"}) == "2024 tasks");
    CHECK(trf(Lang::zh, "notice|{} tasks", {"2024"}) == "2024 任务");
    CHECK(trf(Lang::zh, "{} tasks", {"5"}) == "5 项任务");
    CHECK(tr(Lang::en, "a | b") == "a | b");
    // A slot without an argument is printed as it is.
    CHECK(trf(Lang::en, "{} and {}", {"one"}) == "one and {}");
}

TEST_CASE("every Chinese message keeps its English slots", "[messages]") {
    const YAML::Node catalog = load_embedded_grammar("messages-zh.yaml")["messages"];
    REQUIRE(catalog.size() > 100);
    for (const auto& entry : catalog) {
        const std::string en = entry.first.as<std::string>(), zh = entry.second.as<std::string>();
        INFO(en);
        CHECK(slots(en) == slots(zh));
        CHECK(zh != en);
        CHECK_FALSE(zh.empty());
    }
}
