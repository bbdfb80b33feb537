// What the readers share: the ZIP archive a .docx is, libxml2 set-up, one function per format.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

#include "tasksplit/readers.hpp"

namespace tasksplit::readers {

/// A ZIP archive held in memory: the central directory read once, members inflated on demand with
/// zlib. Names compare case-insensitively, as OOXML part names do. Throws UnreadableFormat.
class ZipArchive {
public:
    explicit ZipArchive(std::string_view bytes);
    bool contains(const std::string& name) const;
    /// The member's uncompressed bytes, or nothing when there is no such member.
    std::optional<std::string> read(const std::string& name) const;

private:
    struct Entry {
        std::uint16_t method = 0, flags = 0;
        std::uint32_t crc = 0;
        std::uint64_t compressed = 0, size = 0, local_header = 0;
    };
    std::string_view bytes_;
    std::map<std::string, Entry> entries_;  // by lower-cased name
};

/// A table row as the layout stages read one: its cells joined by tabs, on a line of its own;
/// nothing for a row whose cells are all empty.
void append_row(std::string& out, const std::vector<std::string>& cells);

/// Frees a libxml2 document when it goes out of scope.
struct XmlDocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

/// Initialises libxml2 once per process, before any thread parses (xmlInitParser is not
/// thread-safe on its first call).
void init_libxml2();

/// An element's local name ("p" for w:p): OOXML comes with the transitional or the strict
/// namespace, and the readers match names under either.
inline std::string_view local_name(const xmlNode* n) {
    return n && n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}
inline bool is_element(const xmlNode* n, std::string_view name) {
    return n->type == XML_ELEMENT_NODE && local_name(n) == name;
}
/// The attribute of that local name, whatever its prefix, or "".
std::string attribute(const xmlNode* n, const char* name);
/// The first child element of that local name, or null.
const xmlNode* first_child(const xmlNode* n, std::string_view name);

/// UTF-8 lines of a .docx (main document part only: headers, footers, notes, text boxes left out).
std::string docx_text(std::string_view bytes);

/// UTF-8 lines of a web page. `forced` overrides the page's own charset; `encoding` gets the one used.
std::string html_text(std::string_view bytes, const std::optional<std::string>& forced, std::string& encoding);

/// UTF-8 lines of a PDF, from pdftotext -layout; page breaks become blank lines.
std::string pdf_text(std::string_view bytes);

}  // namespace tasksplit::readers
