// Numbers as printed: Arabic, Chinese, enclosed and decimal task numbers.
#include <catch2/catch.hpp>

#include "tasksplit/numerals.hpp"
#include "tasksplit/source_text.hpp"

using tasksplit::from_utf8;
using tasksplit::numeral_value;

TEST_CASE("numeral_value reads Arabic, Chinese and enclosed numbers", "[numerals]") {
    CHECK(numeral_value(from_utf8("12")) == 12);
    CHECK(numeral_value(from_utf8("二十一")) == 21);
    CHECK(numeral_value(from_utf8("十一")) == 11);
    CHECK(numeral_value(from_utf8("二〇二四")) == 2024);
    CHECK(numeral_value(from_utf8("⑶")) == 3);
    CHECK(numeral_value(from_utf8("无")) == 0);
}

TEST_CASE("a decimal task number counts by its place after the dot", "[numerals]") {
    CHECK(numeral_value(from_utf8("1.1")) == 1);
    CHECK(numeral_value(from_utf8("2.3")) == 3);
    CHECK(numeral_value(from_utf8("10.12")) == 12);
}

TEST_CASE("a numeral longer than any list number saturates instead of overflowing", "[numerals]") {
    CHECK(numeral_value(from_utf8("118030180312345")) == 100000000);
    CHECK(numeral_value(from_utf8("九九九九九九九九九九九九")) == 100000000);
    CHECK(numeral_value(from_utf8("99999999999十")) == 100000000);
}
