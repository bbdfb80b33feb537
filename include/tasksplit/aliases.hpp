// Unit alias registry (grammars/aliases.yaml plus --aliases files): maps the names notices print
// for one body (区人社局 / 区人力社保局) to one canonical name. Bracketed aliases are handled too:
// "区委组织部<区委人才办>" is known under both names.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tasksplit/document.hpp"

namespace tasksplit {

class UnitAliases {
public:
    /// The built-in registry.
    UnitAliases();
    /// Adds a file of the same shape ({aliases: {canonical: [names]}}); throws GrammarError.
    void add_file(const std::string& path);
    /// Canonical name for `name` (whitespace removed); `name` itself when unknown.
    std::string canonical(const std::string& name) const;
    /// A unit: its whole name (Unit::canonical) or printed name, else its bracketed alias, resolved.
    std::string canonical(const Unit& unit) const;
    /// Every name registered for `canonical`, itself first.
    std::vector<std::string> names_of(const std::string& canonical) const;

private:
    void add(const std::string& canonical, const std::string& alias);
    std::map<std::string, std::string> to_canonical_;
    std::map<std::string, std::vector<std::string>> names_;
};

}  // namespace tasksplit
