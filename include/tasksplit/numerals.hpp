// Numbers as printed in notices: Arabic (full- or half-width) and Chinese (二〇二四, 二十一, 十一).
#pragma once

#include <unicode/unistr.h>

namespace tasksplit {

/// Value of a numeral; 0 when it holds no digit. Chinese numerals with 十 are read positionally
/// (二十一 = 21), without 十 digit by digit (二〇二四 = 2024).
int numeral_value(const icu::UnicodeString& s);

}  // namespace tasksplit
