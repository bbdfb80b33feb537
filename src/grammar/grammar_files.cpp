#include "tasksplit/grammar_files.hpp"

#include <map>
#include <mutex>
#include <stdexcept>

namespace tasksplit {

YAML::Node load_embedded_grammar(std::string_view name) {
    // Every parser (one per thread) and the deadline rules read the same files, and yaml-cpp takes
    // ten times longer to parse one than to copy it: parse each once, hand out deep copies (nodes
    // share state, so two threads must never hold the same one).
    static std::mutex guard;
    static std::map<std::string, YAML::Node, std::less<>> parsed;
    std::lock_guard<std::mutex> lock(guard);
    auto it = parsed.find(name);
    if (it == parsed.end()) {
        for (const auto& [file, text] : embedded_grammars()) {
            if (file == name) it = parsed.emplace(std::string(name), YAML::Load(std::string(text))).first;
        }
        if (it == parsed.end()) throw std::runtime_error("no embedded grammar named " + std::string(name));
    }
    return YAML::Clone(it->second);
}

}  // namespace tasksplit
