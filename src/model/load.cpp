#include "tasksplit/load.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string_view>

#include <fnmatch.h>

#include "tasksplit/json_io.hpp"
#include "tasksplit/no_tasks.hpp"
#include "tasksplit/report.hpp"
#include "tasksplit/readers.hpp"

namespace tasksplit {

namespace fs = std::filesystem;

std::string read_input(const std::string& path) {
    if (path == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        return ss.str();
    }
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw InputError(path + (fs::is_empty(path, ec) ? ": empty directory, no files to read" : ": is a directory"));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": " + std::strerror(errno));
    // A regular file is read in one go into a buffer of its size; pipes and /proc files, whose
    // size is unknown or 0, are read to their end.
    std::string bytes;
    const auto size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : 0;
    if (!ec && size > 0) {
        bytes.resize(size);
        in.read(bytes.data(), static_cast<std::streamsize>(size));
        bytes.resize(static_cast<std::size_t>(in.gcount()));
        in.clear(in.rdstate() & ~(std::ios::failbit | std::ios::eofbit));
    }
    bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) throw InputError(path + ": read error");
    return bytes;
}

Document parse_notice(const SourceText& text, const Parser& parser) {
    Document doc = parser.parse(text);
    check_tasks_found(doc, text);
    return doc;
}

namespace {

bool looks_like_document_yaml(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (bytes.substr(0, 4) == "---\n") bytes.remove_prefix(4);
    const std::string first = std::string("format: ") + kFormat;
    return bytes.substr(0, first.size()) == first;
}

}  // namespace

void refuse_document_yaml(const std::string& path, std::string_view bytes) {
    if (looks_like_document_yaml(bytes))
        throw InputError(path + ": a YAML document written by tasksplit parse; tasksplit reads its documents back as JSON only: "
                                "parse the notice again with --to json (or convert this file to JSON)");
}

std::vector<Document> load_file(const std::string& path, const Parser& parser, const std::optional<std::string>& encoding,
                                std::optional<InputFormat> from) {
    std::string bytes = read_input(path);
    refuse_document_yaml(path, bytes);
    if (looks_like_document_json(bytes)) {
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(bytes);
        } catch (const nlohmann::json::parse_error& e) {
            throw InputError(path + ": invalid JSON at byte " + std::to_string(e.byte) + "");
        }
        std::vector<Document> docs;
        try {
            if (!j.is_array()) return {document_from_json(j)};
            for (std::size_t i = 0; i < j.size(); ++i) {
                try {
                    docs.push_back(document_from_json(j[i]));
                } catch (const ReadError& e) {
                    // The pointer of the offending value names the array element it is in.
                    const std::string what = e.what();
                    throw ReadError("/" + std::to_string(i) + e.path, what.substr(std::max<std::size_t>(e.path.size(), 1) + 2));
                }
            }
        } catch (const ReadError& e) {
            throw InputError(path + ": " + e.what());
        }
        if (docs.empty()) throw InputError(path + ": an empty array, no document to read");
        return docs;
    }
    if (bytes.empty()) throw InputError(path + ": empty file");
    return {parse_notice(std::move(bytes), path, parser, from, encoding)};
}

Document load_document(const std::string& path, const Parser& parser, const std::optional<std::string>& encoding,
                       std::optional<InputFormat> from) {
    std::vector<Document> docs = load_file(path, parser, encoding, from);
    if (docs.size() != 1)
        throw InputError(path + ": holds " + std::to_string(docs.size()) +
                         " documents, where one is read; give one of them (jq '.[0]' picks the first)");
    return std::move(docs.front());
}

namespace {

/// The first bytes of a file, enough to tell what it is.
std::string head_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

bool matches_any(const std::string& name, const std::vector<std::string>& globs) {
    if (globs.empty()) return true;
    return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) { return ::fnmatch(g.c_str(), name.c_str(), 0) == 0; });
}

}  // namespace

std::optional<std::string> not_a_notice(const std::string& path) {
    const std::string head = head_of(path);
    // What the readers cannot read (a .doc, an image, a workbook) is named as they name it, so
    // the user knows what to convert; a PDF, a Word file and a web page are notices. A ZIP is
    // told from its directory, at the end of the file.
    try {
        const bool zip = head.rfind("PK\x03\x04", 0) == 0;
        const InputFormat format = sniff_format(zip ? read_input(path) : head);
        if (format == InputFormat::pdf || format == InputFormat::docx) return std::nullopt;
    } catch (const UnreadableFormat& e) {
        return std::string(e.what());
    } catch (const InputError&) {
        return std::nullopt;  // reading it again reports the error in its turn
    }
    // UTF-16 text has NUL bytes on one side of its code units only (ASCII in UTF-16LE: odd
    // offsets); other data has them on both.
    const bool bom16 = head.rfind("\xFF\xFE", 0) == 0 || head.rfind("\xFE\xFF", 0) == 0;
    bool even = false, odd = false;
    for (std::size_t i = 0; i < head.size(); ++i)
        if (head[i] == '\0') (i % 2 ? odd : even) = true;
    if (!bom16 && even && odd) return std::string("binary data");
    if (head.find(kReportGenerator) != std::string::npos) return std::string("a page made by tasksplit report");
    if (looks_like_document_yaml(head)) return std::string("a YAML document written by tasksplit parse (only its JSON is read back)");
    const auto first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    // Our documents name their format in the head ("format": "tasksplit/1" comes first); any other
    // JSON is read whole, as only JSON as a whole tells it from a notice that opens with a bracket.
    if (first != std::string::npos && (head[first] == '{' || head[first] == '[') && !looks_like_document_json(head)) {
        std::string bytes;
        try {
            bytes = read_input(path);
        } catch (const InputError&) {
            return std::nullopt;  // reading it again reports the error in its turn
        }
        if (!looks_like_document_json(bytes) && nlohmann::json::accept(bytes)) return std::string("JSON that is not a tasksplit document");
    }
    return std::nullopt;
}

Inputs expand_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& globs) {
    Inputs out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (p == "-" || !fs::is_directory(p, ec)) {
            out.files.push_back(p);
            continue;
        }
        std::vector<std::string> files;
        std::vector<SkippedInput> skipped;
        std::size_t unmatched = 0;
        for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.rfind('.', 0) == 0) {
                skipped.push_back({it->path().string(), it->is_directory() ? "hidden directory" : "hidden file"});
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file()) continue;
            if (!matches_any(name, globs)) {
                ++unmatched;
                continue;
            }
            if (auto why = not_a_notice(it->path().string())) skipped.push_back({it->path().string(), *why});
            else files.push_back(it->path().string());
        }
        std::sort(files.begin(), files.end());
        std::sort(skipped.begin(), skipped.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
        out.skipped.insert(out.skipped.end(), skipped.begin(), skipped.end());
        if (files.empty()) {
            std::string why = skipped.empty() && unmatched == 0 ? "empty directory, no files to read" : "no notices to read";
            if (unmatched > 0)
                why += " (" + std::to_string(unmatched) + (unmatched == 1 ? " file matches" : " files match") + " no --glob pattern)";
            out.errors.push_back(p + ": " + why);
        }
        out.files.insert(out.files.end(), files.begin(), files.end());
    }
    return out;
}

}  // namespace tasksplit
