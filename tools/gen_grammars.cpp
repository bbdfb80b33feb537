// Build-time generator: parses grammars/*.yaml with yaml-cpp and writes them, as JSON, into a C++
// source the binary embeds. yaml-cpp's scanner took a third of a run's start-up; rebuilding nodes
// from JSON costs a fraction of that (src/grammar/grammar_files.cpp), and a broken grammar now
// fails the build instead of every run.
//
// Usage: gen_grammars OUT.cpp GRAMMAR.yaml...
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace {

/// Keys keep their order (loaders may rely on it) and every scalar stays a string, so that
/// as<int>() and as<bool>() read the rebuilt nodes as they read the YAML.
nlohmann::ordered_json to_json(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map: {
            nlohmann::ordered_json map = nlohmann::ordered_json::object();
            for (const auto& kv : node) {
                if (!kv.first.IsScalar())
                    throw YAML::ParserException(kv.first.Mark(), "a grammar key must be a string");
                if (map.contains(kv.first.Scalar()))
                    throw YAML::ParserException(kv.first.Mark(), "duplicate key '" + kv.first.Scalar() + "'");
                map[kv.first.Scalar()] = to_json(kv.second);
            }
            return map;
        }
        case YAML::NodeType::Sequence: {
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const auto& n : node) list.push_back(to_json(n));
            return list;
        }
        case YAML::NodeType::Scalar:
            return node.Scalar();
        default:
            return nullptr;
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: gen_grammars OUT.cpp GRAMMAR.yaml...\n");
        return 2;
    }
    const std::string delimiter = ")tsgrammar\"";
    std::string body =
        "// Generated from grammars/*.yaml by tools/gen_grammars.cpp. Do not edit.\n"
        "#include <string_view>\n#include <utility>\n#include <vector>\nnamespace tasksplit {\n"
        "const std::vector<std::pair<std::string_view, std::string_view>>& embedded_grammars() {\n"
        "  static const std::vector<std::pair<std::string_view, std::string_view>> files = {\n";
    for (int i = 2; i < argc; ++i) {
        const std::string file = argv[i];
        std::string json;
        try {
            json = to_json(YAML::LoadFile(file)).dump();
        } catch (const YAML::Exception& e) {
            std::fprintf(stderr, "%s:%d:%d: %s\n", file.c_str(), e.mark.line + 1, e.mark.column + 1, e.msg.c_str());
            return 1;
        }
        if (json.find(delimiter) != std::string::npos) {
            std::fprintf(stderr, "%s: holds %s, which would end the embedded text\n", file.c_str(), delimiter.c_str());
            return 1;
        }
        body += "    {\"" + std::filesystem::path(file).filename().string() + "\", R\"tsgrammar(" + json + delimiter + "},\n";
    }
    body += "  };\n  return files;\n}\n}  // namespace tasksplit\n";
    std::ofstream out(argv[1], std::ios::binary);
    out << body;
    if (!out) {
        std::fprintf(stderr, "%s: cannot write\n", argv[1]);
        return 1;
    }
    return 0;
}
