#include "tasksplit/load.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "tasksplit/json_io.hpp"
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

Document load_document(const std::string& path, const Parser& parser, const std::optional<std::string>& encoding,
                       std::optional<InputFormat> from) {
    std::string bytes = read_input(path);
    if (looks_like_document_json(bytes)) {
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(bytes);
        } catch (const nlohmann::json::parse_error& e) {
            throw InputError(path + ": invalid JSON at byte " + std::to_string(e.byte) + "");
        }
        try {
            return document_from_json(j);
        } catch (const ReadError& e) {
            throw InputError(path + ": " + e.what());
        }
    }
    if (bytes.empty()) throw InputError(path + ": empty file");
    return parse_notice(std::move(bytes), path, parser, from, encoding);
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (p != "-" && fs::is_directory(p, ec)) {
            std::vector<std::string> files;
            for (const auto& e : fs::recursive_directory_iterator(p, ec))
                if (e.is_regular_file()) files.push_back(e.path().string());
            std::sort(files.begin(), files.end());
            // A directory with nothing to read stays in the list, where reading it fails: an
            // empty batch must not pass for a successful one.
            if (files.empty()) files.push_back(p);
            out.insert(out.end(), files.begin(), files.end());
        } else {
            out.push_back(p);
        }
    }
    return out;
}

}  // namespace tasksplit
