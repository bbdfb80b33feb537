// The message catalog: grammars/messages-zh.yaml (compiled in), read once on first use.
#include "tasksplit/messages.hpp"

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <map>

#include "tasksplit/grammar_files.hpp"

namespace tasksplit {
namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

const std::map<std::string, std::string, std::less<>>& chinese() {
    static const std::map<std::string, std::string, std::less<>> catalog = [] {
        std::map<std::string, std::string, std::less<>> out;
        for (const auto& entry : load_embedded_grammar("messages-zh.yaml")["messages"])
            out.emplace(entry.first.as<std::string>(), entry.second.as<std::string>());
        return out;
    }();
    return catalog;
}

std::atomic<Lang> current{Lang::en};

}  // namespace

std::optional<Lang> parse_lang(std::string_view name) {
    const std::string n = lower_ascii(name);
    if (n.rfind("zh", 0) == 0 || n == "chinese" || n == "中文") return Lang::zh;
    if (n.rfind("en", 0) == 0 || n == "c" || n.rfind("c.", 0) == 0 || n == "posix") return Lang::en;
    return std::nullopt;
}

Lang lang_from_environment() {
    for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (value && *value) return lower_ascii(value).rfind("zh", 0) == 0 ? Lang::zh : Lang::en;
    }
    return Lang::en;
}

/// "notice|{} tasks" -> "{} tasks": a key may name its context before a bar, where one English
/// text needs two translations.
std::string_view without_context(std::string_view key) {
    const std::size_t bar = key.find('|');
    if (bar == std::string_view::npos || bar == 0) return key;
    for (char c : key.substr(0, bar))
        if (c < 'a' || c > 'z') return key;
    return key.substr(bar + 1);
}

std::string tr(Lang lang, std::string_view english) {
    if (lang == Lang::zh) {
        const auto& catalog = chinese();
        if (auto it = catalog.find(english); it != catalog.end()) return it->second;
    }
    return std::string(without_context(english));
}

std::string trf(Lang lang, std::string_view english, std::initializer_list<std::string> args) {
    const std::string pattern = tr(lang, english);
    std::string out;
    auto arg = args.begin();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern.compare(i, 2, "{}") == 0 && arg != args.end()) {
            out += *arg++;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

Lang ui_lang() { return current.load(std::memory_order_relaxed); }
void set_ui_lang(Lang lang) { current.store(lang, std::memory_order_relaxed); }

}  // namespace tasksplit
