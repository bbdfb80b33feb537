// The language of what tasksplit says to people: report labels, unit kinds, validate's messages,
// --help and the CLI's errors. English is the text in the code; the Chinese is data, keyed by that
// English text (grammars/messages-zh.yaml), so a string without an entry stays English and
// `--lang en` prints exactly what the code says. Codes (duplicate-number), JSON keys and the
// contract's column names never change with the language.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace tasksplit {

enum class Lang { en, zh };

/// "zh", "zh_CN.UTF-8", "zh-TW", "chinese" -> zh; "en", "C", "POSIX", "en_US.UTF-8" -> en;
/// anything else nullopt.
std::optional<Lang> parse_lang(std::string_view name);

/// The language the environment asks for, as setlocale reads it: the first of LC_ALL, LC_MESSAGES
/// and LANG that is set and not empty; zh* gives Chinese, anything else (or nothing) English.
Lang lang_from_environment();

/// `english` in `lang`: the catalog's Chinese for it, else `english` unchanged. A key may open with
/// a context, "notice|{} tasks", where one English text needs two translations; the English
/// leaves it out.
std::string tr(Lang lang, std::string_view english);

/// `english` with each "{}" replaced by the next argument, after translation.
std::string trf(Lang lang, std::string_view english, std::initializer_list<std::string> args);

/// The language of this run's messages (the CLI sets it once from --lang or the environment).
Lang ui_lang();
void set_ui_lang(Lang lang);

}  // namespace tasksplit
