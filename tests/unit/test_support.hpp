// Helpers shared by the unit tests: parse a notice given as a string, read repository files.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "tasksplit/parse.hpp"

namespace tasksplit::test {

inline const Parser& parser() {
    static const Parser p;
    return p;
}

inline Document parse_string(const std::string& text) { return parser().parse_bytes(text, "test.txt"); }

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string repo_path(const std::string& rel) { return std::string(TASKSPLIT_SOURCE_DIR) + "/" + rel; }

/// All items of a document in order.
inline std::vector<Item> all_items(const Document& d) {
    std::vector<Item> out;
    for (const auto& p : d.parts)
        for (const auto& s : p.sections)
            for (const auto& it : s.items) out.push_back(it);
    return out;
}

inline std::vector<std::string> names(const std::vector<Unit>& units) {
    std::vector<std::string> out;
    for (const auto& u : units) out.push_back(u.name);
    return out;
}

}  // namespace tasksplit::test
