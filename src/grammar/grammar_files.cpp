#include "tasksplit/grammar_files.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tasksplit {
namespace {

/// Builds YAML nodes straight from the JSON parser's events: no JSON document in between, which
/// would cost as much again as the nodes. The embedded JSON holds only maps, lists, strings and
/// nulls (tools/gen_grammars.cpp); anything else stops the parse.
class NodesFromJson : public nlohmann::json_sax<nlohmann::json> {
public:
    YAML::Node root;

    bool null() override { return add(YAML::Node(YAML::NodeType::Null)); }
    bool string(string_t& s) override { return add(YAML::Node(s)); }
    bool key(string_t& k) override {
        keys_.push_back(std::move(k));
        return true;
    }
    bool start_object(std::size_t) override { return open(YAML::NodeType::Map); }
    bool start_array(std::size_t) override { return open(YAML::NodeType::Sequence); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool boolean(bool) override { return false; }
    bool number_integer(number_integer_t) override { return false; }
    bool number_unsigned(number_unsigned_t) override { return false; }
    bool number_float(number_float_t, const string_t&) override { return false; }
    bool binary(binary_t&) override { return false; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    std::vector<YAML::Node> open_;  ///< the maps and lists being filled, innermost last
    std::vector<std::string> keys_;  ///< the key each open map's next value goes under

    bool add(const YAML::Node& node) {
        if (open_.empty()) {
            root = node;
        } else if (open_.back().IsMap()) {
            // force_insert appends: the keys are known to differ, and operator[] would search them.
            open_.back().force_insert(keys_.back(), node);
            keys_.pop_back();
        } else {
            open_.back().push_back(node);
        }
        return true;
    }
    /// A map or list joins its parent before its children join it: each node then moves into
    /// the tree's node pool once, not once per level as when built bottom-up.
    bool open(YAML::NodeType::value type) {
        YAML::Node node(type);
        add(node);
        open_.push_back(node);
        return true;
    }
    bool close() {
        open_.pop_back();
        return true;
    }
};

}  // namespace

YAML::Node load_embedded_grammar(std::string_view name) {
    for (const auto& [file, json] : embedded_grammars()) {
        if (file != name) continue;
        NodesFromJson builder;
        if (!nlohmann::json::sax_parse(json, &builder))
            throw std::runtime_error("embedded grammar " + std::string(name) + " is not what gen_grammars writes");
        return builder.root;
    }
    throw std::runtime_error("no embedded grammar named " + std::string(name));
}

}  // namespace tasksplit
