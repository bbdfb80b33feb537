// Helpers shared by the DOCX and HTML readers: libxml2 set-up and walking, a table row's line.
#include <algorithm>
#include <mutex>

#include <libxml/parser.h>

#include "internal.hpp"

namespace tasksplit::readers {

void append_row(std::string& out, const std::vector<std::string>& cells) {
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) return;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += '\t';
        out += cells[i];
    }
    out += '\n';
}

void init_libxml2() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

std::string attribute(const xmlNode* n, const char* name) {
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (std::string_view(reinterpret_cast<const char*>(a->name)) != name) continue;
        xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
        std::string out = v ? reinterpret_cast<const char*>(v) : "";
        xmlFree(v);
        return out;
    }
    return "";
}

const xmlNode* first_child(const xmlNode* n, std::string_view name) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
        if (is_element(c, name)) return c;
    return nullptr;
}

}  // namespace tasksplit::readers
