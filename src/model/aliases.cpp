#include "tasksplit/aliases.hpp"

#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "tasksplit/grammar_files.hpp"
#include "tasksplit/rules.hpp"

namespace tasksplit {
namespace {

std::string nospace(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
            static_cast<unsigned char>(s[i + 2]) == 0x80) {  // U+3000 ideographic space
            i += 2;
            continue;
        }
        out += s[i];
    }
    return out;
}


}  // namespace

UnitAliases::UnitAliases() {
    YAML::Node root = load_embedded_grammar("aliases.yaml");
    for (const auto& kv : root["aliases"])
        for (const auto& alias : kv.second) add(kv.first.as<std::string>(), alias.as<std::string>());
}

void UnitAliases::add_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw GrammarError(path + ": cannot read alias file");
    std::stringstream ss;
    ss << in.rdbuf();
    YAML::Node root;
    try {
        root = YAML::Load(ss.str());
    } catch (const YAML::Exception& e) {
        throw GrammarError(path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    if (!root["aliases"] || !root["aliases"].IsMap())
        throw GrammarError(path + ":1:1: an alias file is {aliases: {canonical name: [other names]}}");
    for (const auto& kv : root["aliases"]) {
        if (!kv.second.IsSequence())
            throw GrammarError(path + ":" + std::to_string(kv.second.Mark().line + 1) + ": expected a list of names");
        for (const auto& alias : kv.second) add(kv.first.as<std::string>(), alias.as<std::string>());
    }
}

void UnitAliases::add(const std::string& canonical_name, const std::string& alias) {
    std::string c = nospace(canonical_name), a = nospace(alias);
    if (!to_canonical_.count(c)) {
        to_canonical_[c] = c;
        names_[c].push_back(c);
    }
    if (!to_canonical_.count(a)) {
        to_canonical_[a] = c;
        names_[c].push_back(a);
    }
}

std::string UnitAliases::canonical(const std::string& name) const {
    std::string n = nospace(name);
    auto it = to_canonical_.find(n);
    return it == to_canonical_.end() ? n : it->second;
}

std::string UnitAliases::canonical(const Unit& unit) const {
    std::string n = nospace(unit.canonical.empty() ? unit.name : unit.canonical);
    if (to_canonical_.count(n) || unit.alias.empty()) return canonical(n);
    std::string a = nospace(unit.alias);
    return to_canonical_.count(a) ? canonical(a) : n;
}

std::vector<std::string> UnitAliases::names_of(const std::string& canonical_name) const {
    auto it = names_.find(nospace(canonical_name));
    if (it == names_.end()) return {nospace(canonical_name)};
    return it->second;
}

}  // namespace tasksplit
