// Readers: a notice as published (plain text, a web page, a Word .docx, a PDF) -> the lines of text
// the layout stages read. The reader is chosen by the file's content (magic bytes), not its name;
// `from` forces one. Formats no reader handles (.doc, .wps, .ofd, images, PDFs without text) are
// refused with one line that says what to do.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "tasksplit/document.hpp"
#include "tasksplit/parse.hpp"
#include "tasksplit/source_text.hpp"

namespace tasksplit {

enum class InputFormat { text, html, docx, pdf };

/// "text", "html", "docx", "pdf" (source.format, --from).
const char* input_format_name(InputFormat f);
std::optional<InputFormat> parse_input_format(std::string_view name);

/// What a reader extracted from one input.
struct Extracted {
    InputFormat format = InputFormat::text;
    /// text: the input bytes as they came (decode_source decodes them); otherwise UTF-8, one line
    /// per paragraph, list item or table row.
    std::string text;
    std::string encoding;         ///< the charset the reader decoded; empty for text (decode_source detects it)
    std::string sha256;           ///< of the input file; empty for text (parse_bytes hashes the bytes)
    std::size_t input_bytes = 0;  ///< size of the input file
};

/// A file no reader can read, or a reader failed on; the message names the format and what to do,
/// without the path.
struct UnreadableFormat : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The reader the bytes call for, by content. Throws UnreadableFormat for a format that no reader
/// handles (OLE .doc/.wps, OFD, images, other ZIP archives).
InputFormat sniff_format(std::string_view bytes);

/// Runs the reader `from` names, or the one the content calls for. `encoding` forces the charset of
/// a text or HTML input. Throws InputError naming `path`.
Extracted extract_text(std::string bytes, const std::string& path, std::optional<InputFormat> from,
                       const std::optional<std::string>& encoding);

/// The text the layout stages read (parse --explain, --dump-text, validate). Throws InputError.
SourceText decode_notice(std::string bytes, const std::string& path, std::optional<InputFormat> from,
                         const std::optional<std::string>& encoding);

/// A notice in any readable format, parsed; source.format says which reader read it, source.sha256
/// and source.bytes describe the input file. Throws InputError.
Document parse_notice(std::string bytes, const std::string& path, const Parser& parser,
                      std::optional<InputFormat> from, const std::optional<std::string>& encoding);

}  // namespace tasksplit
