#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

#include "commands.hpp"
#include "tasksplit/diff.hpp"

namespace tasksplit::cli {

void error(const std::string& message) { std::cerr << "tasksplit: " << message << "\n"; }

void warn_mismatch(const Document& old_doc, const Document& new_doc, const std::string& old_path,
                   const std::string& new_path) {
    std::string reasons;
    for (const auto& r : comparison_mismatches(old_doc, new_doc)) reasons += (reasons.empty() ? "" : "; ") + r;
    if (!reasons.empty()) error("warning: " + old_path + ", " + new_path + ": " + reasons + " (--force silences this)");
}

Output::Output(const std::string& path) : path_(path) {
    if (path_.empty() || path_ == "-") {
        const char* dir = std::getenv("TMPDIR");
        std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/tasksplit-XXXXXX";
        int fd = ::mkstemp(pattern.data());
        if (fd < 0) {
            error(std::string("cannot create a temporary file: ") + std::strerror(errno));
            throw CommandExit{2};
        }
        ::close(fd);
        tmp_ = pattern;
    } else if (std::error_code ec; std::filesystem::exists(path_, ec) && !std::filesystem::is_regular_file(path_, ec)) {
        // A FIFO or a device (/dev/stdout): write to it in place; renaming over it would replace it.
        tmp_.clear();
    } else {
        // Beside the target, so the final rename stays on one file system.
        tmp_ = path_ + ".tmp-" + std::to_string(::getpid());
    }
    if (tmp_.empty()) {
        file_.open(path_, std::ios::binary);
        if (!file_) {
            error(path_ + ": cannot write: " + std::strerror(errno));
            throw CommandExit{2};
        }
        return;
    }
    file_.open(tmp_, std::ios::binary | std::ios::trunc);
    if (!file_) {
        error((path_.empty() || path_ == "-" ? tmp_ : path_) + ": cannot write: " + std::strerror(errno));
        throw CommandExit{2};
    }
}

Output::~Output() {
    if (!committed_ && !tmp_.empty()) {
        file_.close();
        std::remove(tmp_.c_str());
    }
}

void Output::commit() {
    file_.flush();
    bool ok = static_cast<bool>(file_);
    file_.close();
    if (!ok) {
        error((path_ == "-" ? std::string("stdout") : path_) + ": write failed");
        throw CommandExit{2};
    }
    committed_ = true;
    if (tmp_.empty()) return;
    if (path_.empty() || path_ == "-") {
        std::ifstream in(tmp_, std::ios::binary);
        std::cout << in.rdbuf();
        std::cout.flush();
        std::remove(tmp_.c_str());
        return;
    }
    std::error_code ec;
    std::filesystem::rename(tmp_, path_, ec);
    if (ec) {
        std::remove(tmp_.c_str());
        error(path_ + ": cannot write: " + ec.message());
        throw CommandExit{2};
    }
}

Readers make_readers(const std::vector<std::string>& grammars, const std::vector<std::string>& alias_files) {
    Readers r;
    try {
        r.parser = std::make_unique<Parser>(grammars);
        for (const auto& file : alias_files) r.aliases.add_file(file);
    } catch (const GrammarError& e) {
        error(e.what());
        throw CommandExit{2};
    }
    return r;
}

void write_output(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::cout << text;
        std::cout.flush();
        return;
    }
    Output out(path);
    out.stream() << text;
    out.commit();
}

}  // namespace tasksplit::cli
