#include "tasksplit/grammar_files.hpp"

#include <stdexcept>

namespace tasksplit {

YAML::Node load_embedded_grammar(std::string_view name) {
    for (const auto& [file, text] : embedded_grammars()) {
        if (file == name) return YAML::Load(std::string(text));
    }
    throw std::runtime_error("no embedded grammar named " + std::string(name));
}

}  // namespace tasksplit
