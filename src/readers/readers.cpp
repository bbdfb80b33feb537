// Choosing the reader by content and handing its text to the layout stages.
#include <algorithm>
#include <cctype>

#include "internal.hpp"
#include "tasksplit/load.hpp"
#include "tasksplit/run.hpp"

namespace tasksplit {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

/// What to do with a file LibreOffice can open and we cannot.
std::string convert_hint(const char* what) {
    return std::string(what) + " cannot be read: convert it to DOCX first, e.g. soffice --headless --convert-to docx FILE";
}

/// A web page: markup first (after a BOM and blanks) and an HTML tag among the first 4 KiB.
bool looks_like_html(std::string_view bytes) {
    if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    const auto first = bytes.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || bytes[first] != '<') return false;
    std::string head(bytes.substr(first, 4096));
    std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<div", "<table", "<p>", "<p "})
        if (head.find(tag) != std::string::npos) return true;
    return false;
}

InputFormat sniff_zip(std::string_view bytes) {
    const readers::ZipArchive zip(bytes);
    if (zip.contains("word/document.xml")) return InputFormat::docx;
    if (zip.contains("xl/workbook.xml")) throw UnreadableFormat("an Excel workbook (XLSX) is not a notice tasksplit reads");
    if (zip.contains("ppt/presentation.xml")) throw UnreadableFormat("a PowerPoint file (PPTX) is not a notice tasksplit reads");
    if (zip.contains("OFD.xml"))
        throw UnreadableFormat("an OFD document cannot be read: export it as PDF or DOCX with an OFD reader first");
    if (auto mime = zip.read("mimetype"); mime && starts_with(*mime, "application/vnd.oasis.opendocument"))
        throw UnreadableFormat(convert_hint("an OpenDocument file"));
    // Another OOXML package may name its main part elsewhere (_rels/.rels), which the DOCX reader follows.
    if (zip.contains("[Content_Types].xml")) return InputFormat::docx;
    throw UnreadableFormat("a ZIP archive that is no Word document (no word/document.xml)");
}

}  // namespace

const char* input_format_name(InputFormat f) {
    switch (f) {
        case InputFormat::html: return "html";
        case InputFormat::docx: return "docx";
        case InputFormat::pdf: return "pdf";
        case InputFormat::text: break;
    }
    return "text";
}

std::optional<InputFormat> parse_input_format(std::string_view name) {
    for (InputFormat f : {InputFormat::text, InputFormat::html, InputFormat::docx, InputFormat::pdf})
        if (name == input_format_name(f)) return f;
    return std::nullopt;
}

InputFormat sniff_format(std::string_view bytes) {
    if (starts_with(bytes, "%PDF-") || bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return InputFormat::pdf;
    if (starts_with(bytes, "PK\x03\x04")) return sniff_zip(bytes);
    if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        throw UnreadableFormat(convert_hint("a Word 97-2003 (.doc) or WPS (.wps) document (OLE compound file)"));
    const std::pair<std::string_view, const char*> images[] = {
        {"\x89PNG\r\n\x1A\n", "PNG"}, {"\xFF\xD8\xFF", "JPEG"}, {"GIF87a", "GIF"}, {"GIF89a", "GIF"},
        {std::string_view("II*\0", 4), "TIFF"}, {std::string_view("MM\0*", 4), "TIFF"}};
    for (const auto& [magic, name] : images)
        if (starts_with(bytes, magic))
            throw UnreadableFormat(std::string("an image (") + name +
                                   ") holds no text: run OCR on it first (e.g. tesseract IMAGE OUT -l chi_sim) and parse OUT.txt");
    if (starts_with(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP")
        throw UnreadableFormat("an image (WebP) holds no text: run OCR on it first (e.g. tesseract IMAGE OUT -l chi_sim) and parse OUT.txt");
    if (looks_like_html(bytes)) return InputFormat::html;
    return InputFormat::text;
}

Extracted extract_text(std::string bytes, const std::string& path, std::optional<InputFormat> from,
                       const std::optional<std::string>& encoding) {
    Extracted ex;
    ex.input_bytes = bytes.size();
    try {
        ex.format = from ? *from : sniff_format(bytes);
        if (ex.format == InputFormat::text) {
            ex.text = std::move(bytes);
            return ex;
        }
        ex.sha256 = sha256_hex(bytes);
        switch (ex.format) {
            case InputFormat::html: ex.text = readers::html_text(bytes, encoding, ex.encoding); break;
            case InputFormat::docx: ex.text = readers::docx_text(bytes); break;
            case InputFormat::pdf: ex.text = readers::pdf_text(bytes); break;
            case InputFormat::text: break;
        }
    } catch (const UnreadableFormat& e) {
        throw InputError(path + ": " + e.what());
    }
    if (ex.encoding.empty()) ex.encoding = "UTF-8";
    return ex;
}

namespace {

SourceText decode(Extracted ex, const std::string& path, const std::optional<std::string>& encoding) {
    try {
        if (ex.format == InputFormat::text) {
            SourceText text = decode_source(std::move(ex.text), path, encoding);
            // Blank lines and spaces alone are an empty file, and get its answer.
            const char16_t* units = text.orig.getBuffer();
            if (std::all_of(units, units + text.orig.length(), is_space)) throw InputError(path + ": empty file");
            return text;
        }
        SourceText text = decode_source(std::move(ex.text), path, std::string("UTF-8"));
        text.encoding = ex.encoding;
        text.input_bytes = ex.input_bytes;
        return text;
    } catch (const DecodeError& e) {
        throw InputError(path + ": " + e.what() + " at byte " + std::to_string(e.offset));
    }
}

}  // namespace

SourceText decode_notice(std::string bytes, const std::string& path, std::optional<InputFormat> from,
                         const std::optional<std::string>& encoding) {
    return decode(extract_text(std::move(bytes), path, from, encoding), path, encoding);
}

Document parse_notice(std::string bytes, const std::string& path, const Parser& parser,
                      std::optional<InputFormat> from, const std::optional<std::string>& encoding) {
    Extracted ex = extract_text(std::move(bytes), path, from, encoding);
    const InputFormat format = ex.format;
    std::string sha256 = format == InputFormat::text ? sha256_hex(ex.text) : ex.sha256;
    // load.hpp's parse_notice: every notice is checked for tasks found (no-tasks).
    Document doc = parse_notice(decode(std::move(ex), path, encoding), parser);
    doc.source.format = input_format_name(format);
    doc.source.sha256 = std::move(sha256);
    return doc;
}

}  // namespace tasksplit
