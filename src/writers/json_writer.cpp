// JSON and JSON Lines: the to_json tree, UTF-8 unescaped. Each call renders everything before writing,
// so a document that cannot be dumped (invalid UTF-8) leaves no half-written output behind.
#include <nlohmann/json.hpp>

#include "tasksplit/json_io.hpp"
#include "writers_internal.hpp"

namespace tasksplit::writers {

void write_json(const std::vector<Document>& docs, std::ostream& out) {
    nlohmann::ordered_json tree;
    if (docs.size() == 1) {
        tree = to_json(docs.front());
    } else {
        tree = nlohmann::ordered_json::array();
        for (const Document& doc : docs) tree.push_back(to_json(doc));
    }
    out << tree.dump(2) << '\n';
}

void write_json_element(const Document& doc, std::ostream& out) {
    // The bytes dump(2) gives for this document as an element of a top-level array, without the
    // separator before it.
    const std::string text = to_json(doc).dump(2);
    std::string indented;
    indented.reserve(text.size() + text.size() / 8);
    for (std::size_t from = 0; from < text.size();) {
        std::size_t nl = text.find('\n', from);
        if (nl == std::string::npos) nl = text.size() - 1;
        indented.append(text, from, nl + 1 - from);
        if (nl + 1 < text.size()) indented += "  ";
        from = nl + 1;
    }
    out << indented;
}

void write_jsonl(const std::vector<Document>& docs, std::ostream& out) {
    std::string text;
    for (const Document& doc : docs) text += to_json(doc).dump() + '\n';
    out << text;
}

}  // namespace tasksplit::writers
