#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <unistd.h>

#include "commands.hpp"
#include "tasksplit/diff.hpp"
#include "tasksplit/writers.hpp"

namespace tasksplit::cli {

void error(const std::string& message) { std::cerr << "tasksplit: " << message << "\n"; }

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

/// The format a file name's extension names, or "" when it names none we know.
std::string extension_format(const std::string& output) {
    static const std::map<std::string, std::string> formats{
        {".json", "json"}, {".jsonl", "jsonl"}, {".ndjson", "jsonl"}, {".yaml", "yaml"}, {".yml", "yaml"},
        {".csv", "csv"},   {".tsv", "tsv"},     {".xlsx", "xlsx"},    {".html", "html"}, {".htm", "html"},
        {".md", "md"},     {".sarif", "sarif"}};
    if (output.empty() || output == "-") return "";
    const std::filesystem::path path(output);
    // results.sarif.json is the name GitHub's code scanning examples use for SARIF.
    if (lower(path.extension().string()) == ".json" && lower(path.stem().extension().string()) == ".sarif") return "sarif";
    auto it = formats.find(lower(path.extension().string()));
    return it == formats.end() ? "" : it->second;
}

}  // namespace

void add_format_option(CLI::App* cmd, std::string& format, const std::vector<std::string>& formats) {
    cmd->add_option("-f,--format,-t,--to", format,
                    "Output format: " + joined(formats) + " (default: as the -o file's extension says, else " + formats.front() +
                        "; any case)");
}

std::string output_format(const std::string& command, const std::string& given, const std::string& output,
                          const std::vector<std::string>& formats) {
    const std::string from_name = extension_format(output);
    auto writes = [&](const std::string& f) { return std::find(formats.begin(), formats.end(), f) != formats.end(); };
    if (!given.empty()) {
        const std::string format = lower(given);
        if (!writes(format)) {
            error(command + " cannot write '" + given + "'; it writes " + joined(formats));
            throw CommandExit{2};
        }
        // SARIF is JSON: a .json name fits it too.
        if (!from_name.empty() && from_name != format && !(format == "sarif" && from_name == "json")) {
            error("-o " + output + " names a " + from_name + " file but the format is " + format +
                  ": drop the format or change the file name");
            throw CommandExit{2};
        }
        return format;
    }
    if (from_name.empty()) return formats.front();
    if (!writes(from_name)) {
        error(command + " cannot write " + from_name + " (-o " + output + "); it writes " + joined(formats) +
              ": give one with --format, or another file name");
        throw CommandExit{2};
    }
    return from_name;
}

void check_xlsx_output(const std::string& format, const std::string& output) {
    if (format != "xlsx") return;
    if ((output.empty() || output == "-") && ::isatty(STDOUT_FILENO)) {
        error("xlsx is a binary file: write it with -o FILE.xlsx (or redirect stdout to a file)");
        throw CommandExit{2};
    }
    if (const std::string why = xlsx_unavailable(); !why.empty()) {
        error(why);
        throw CommandExit{2};
    }
}

void add_color_option(CLI::App* cmd, std::string& when) {
    cmd->add_option("--color", when, "Colour: auto (on a terminal, unless NO_COLOR is set), always, never")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "always", "never"}, CLI::ignore_case));
}

bool use_colour(const std::string& when, const std::string& output) {
    if (lower(when) == "always") return true;
    if (lower(when) == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return (output.empty() || output == "-") && ::isatty(STDOUT_FILENO);
}

void add_jobs_option(CLI::App* cmd, int& jobs) {
    cmd->add_option("-j,--jobs", jobs, "Read this many inputs at once; 0 (the default): one per core. Output keeps input order")
        ->check(CLI::Validator(
            [](std::string& value) {
                return !value.empty() && value[0] == '-' ? "a count of inputs at once, or 0 for one per core, not " + value
                                                         : std::string();
            },
            "N>=0"));
}

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
