#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <streambuf>
#include <vector>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include "commands.hpp"
#include "tasksplit/diff.hpp"
#include "tasksplit/parallel.hpp"
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
                    trf(ui_lang(), "Output format: {} (default: as the -o file's extension says, else {}; any case)",
                        {joined(formats), formats.front()}));
}

std::string output_format(const std::string& command, const std::string& given, const std::string& output,
                          const std::vector<std::string>& formats) {
    const std::string from_name = extension_format(output);
    auto writes = [&](const std::string& f) { return std::find(formats.begin(), formats.end(), f) != formats.end(); };
    if (!given.empty()) {
        const std::string format = lower(given);
        if (!writes(format)) {
            error(trf(ui_lang(), "{} cannot write '{}'; it writes {}", {command, given, joined(formats)}));
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
        error(T("xlsx is a binary file: write it with -o FILE.xlsx (or redirect stdout to a file)"));
        throw CommandExit{2};
    }
    if (const std::string why = xlsx_unavailable(); !why.empty()) {
        error(why);
        throw CommandExit{2};
    }
}

void set_language(int argc, char** argv) {
    Lang lang = lang_from_environment();
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        std::string value;
        if (arg == "--lang" && i + 1 < argc) value = argv[i + 1];
        else if (arg.rfind("--lang=", 0) == 0) value = arg.substr(7);
        else continue;
        if (auto given = parse_lang(value)) lang = *given;
    }
    set_ui_lang(lang);
}

void add_lang_option(CLI::App* cmd) {
    static std::string given;  // already applied by set_language; kept only for CLI11 to check
    cmd->add_option("--lang", given, T("Language of labels and messages: zh or en (default: from LC_ALL, LC_MESSAGES, LANG)"))
        ->check(CLI::IsMember({"zh", "en"}));
}

void add_color_option(CLI::App* cmd, std::string& when) {
    cmd->add_option("--color", when, T("Colour: auto (on a terminal, unless NO_COLOR is set), always, never"))
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
    cmd->add_option("-j,--jobs", jobs,
                    T("Read this many inputs at once; 0 (the default): one per core; at most 4 per core. Output keeps input order"))
        ->check(CLI::Validator(
            [](std::string& value) {
                return !value.empty() && value[0] == '-' ? "a count of inputs at once, or 0 for one per core, not " + value
                                                         : std::string();
            },
            "N>=0"))
        // More than the cores is honoured up to max_jobs(); beyond it, said once and capped (--jobs
        // 2000 started 2,000 threads, each with its own Parser).
        ->transform([](std::string value) {
            const bool number = !value.empty() && value.size() <= 9 &&
                                std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (number && std::stoul(value) > max_jobs()) {
                error("warning: --jobs " + value + " is more than 4 per core: running " + std::to_string(max_jobs()) + " at once");
                return std::to_string(max_jobs());
            }
            return value;
        });
}

void warn_mismatch(const Document& old_doc, const Document& new_doc, const std::string& old_path,
                   const std::string& new_path) {
    std::string reasons;
    for (const auto& r : comparison_mismatches(old_doc, new_doc)) reasons += (reasons.empty() ? "" : "; ") + r;
    if (!reasons.empty()) error("warning: " + old_path + ", " + new_path + ": " + reasons + " (--force silences this)");
}

namespace {

std::string describe(int err) { return std::strerror(err != 0 ? err : EIO); }

[[noreturn]] void write_failed(const std::string& where, int err) {
    error("write failed: " + where + ": " + describe(err));
    throw CommandExit{2};
}

/// Writes all of [data, data + size) to `fd`; the errno of a failed write, else 0.
int write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return 0;
}

}  // namespace

/// A stream buffer on a file descriptor that keeps the errno of its first failed write (an
/// ofstream keeps only a bad bit), so the message can say why.
class FdBuf : public std::streambuf {
public:
    explicit FdBuf(int fd) : fd_(fd), buf_(1 << 16) { reset(); }
    int error() const { return error_; }

protected:
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }

private:
    int fd_;
    std::vector<char> buf_;
    int error_ = 0;

    void reset() { setp(buf_.data(), buf_.data() + buf_.size()); }
    bool drain() {
        if (error_ == 0) error_ = write_all(fd_, pbase(), static_cast<std::size_t>(pptr() - pbase()));
        reset();
        return error_ == 0;
    }
};

namespace {

/// What std::cout writes through (capture_stdout). Never destroyed: the iostreams flush std::cout
/// once more after static destructors have run.
FdBuf& stdout_buf() {
    static FdBuf* buf = new FdBuf(STDOUT_FILENO);
    return *buf;
}

/// The -o temporary a SIGINT, SIGTERM or SIGHUP must not leave behind. The CLI writes one output at
/// a time, so one slot is enough.
std::atomic<const char*> g_temporary{nullptr};

extern "C" void remove_temporary_and_die(int sig) {
    if (const char* tmp = g_temporary.load()) ::unlink(tmp);  // async-signal-safe
    // Die of the signal itself, so the caller sees what stopped the run.
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void remove_temporary_on_signals() {
    static const bool installed = [] {
        for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
            struct sigaction old {};
            // A signal the caller ignores (nohup, a background job) stays ignored.
            if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
            struct sigaction act {};
            act.sa_handler = remove_temporary_and_die;
            sigemptyset(&act.sa_mask);
            ::sigaction(sig, &act, nullptr);
        }
        return true;
    }();
    (void)installed;
}

/// The file -o names with symlinks followed, as the shell's > follows them: renaming over the link
/// would replace it by a plain file. A cycle gives ELOOP.
std::string follow_links(const std::string& path, const std::string& shown) {
    namespace fs = std::filesystem;
    fs::path p = path;
    std::error_code ec;
    for (int hops = 0; fs::is_symlink(p, ec); ++hops) {
        if (hops == 40) {  // Linux's own limit (MAXSYMLINKS)
            error(shown + ": cannot write: " + describe(ELOOP));
            throw CommandExit{2};
        }
        const fs::path to = fs::read_symlink(p, ec);
        if (ec) break;
        p = to.is_absolute() ? to : p.parent_path() / to;
    }
    return p.string();
}

}  // namespace

Output::Output(const std::string& path) : path_(path), stream_(nullptr) {
    if (path_.empty() || path_ == "-") {
        const char* dir = std::getenv("TMPDIR");
        std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/tasksplit-XXXXXX";
        fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);
        if (fd_ < 0) {
            error(std::string("cannot create a temporary file: ") + std::strerror(errno));
            throw CommandExit{2};
        }
        // Nameless from the start: however the run ends (a closed pipe, a signal, a crash), it
        // leaves no copy of the output in $TMPDIR.
        ::unlink(pattern.c_str());
    } else {
        target_ = follow_links(path_, path_);
        if (std::error_code ec; std::filesystem::exists(target_, ec) && !std::filesystem::is_regular_file(target_, ec)) {
            // A FIFO or a device (/dev/stdout): write to it in place; renaming over it would replace it.
            fd_ = ::open(target_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        } else {
            // Beside the target, so the final rename stays on one file system.
            tmp_ = target_ + ".tmp-" + std::to_string(::getpid());
            // Named for the signal handler before it exists, so no moment is left uncovered.
            remove_temporary_on_signals();
            g_temporary.store(tmp_.c_str());
            fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        }
        if (fd_ < 0) {
            const int err = errno;
            g_temporary.store(nullptr);  // the destructor does not run for a constructor that throws
            error(path_ + ": cannot write: " + std::strerror(err));
            throw CommandExit{2};
        }
    }
    buf_ = std::make_unique<FdBuf>(fd_);
    stream_.rdbuf(buf_.get());
}

Output::~Output() {
    if (fd_ >= 0) ::close(fd_);
    if (!tmp_.empty()) {
        if (!committed_) ::unlink(tmp_.c_str());
        // After the unlink: a signal in between removes a file already gone, which is harmless.
        g_temporary.store(nullptr);
    }
}

void Output::commit() {
    const std::string where = path_.empty() || path_ == "-" ? "stdout" : path_;
    stream_.flush();
    if (buf_->error() != 0 || !stream_) write_failed(where, buf_->error());
    if (path_.empty() || path_ == "-") {
        flush_stdout();  // anything printed before goes first
        if (::lseek(fd_, 0, SEEK_SET) < 0) write_failed(where, errno);
        std::vector<char> chunk(1 << 16);
        while (true) {
            const ssize_t n = ::read(fd_, chunk.data(), chunk.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) write_failed(where, errno);
            if (n == 0) break;
            if (int err = write_all(STDOUT_FILENO, chunk.data(), static_cast<std::size_t>(n))) write_failed(where, err);
        }
        committed_ = true;
        return;
    }
    // close() is where a network file system reports a write it could not make.
    const int closed = ::close(fd_);
    const int close_error = errno;
    fd_ = -1;
    if (closed != 0) write_failed(where, close_error);
    if (tmp_.empty()) {
        committed_ = true;
        return;
    }
    std::error_code ec;
    std::filesystem::rename(tmp_, target_, ec);
    if (ec) {
        error(path_ + ": cannot write: " + ec.message());
        throw CommandExit{2};
    }
    committed_ = true;
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
        flush_stdout();  // anything printed before goes first
        if (int err = write_all(STDOUT_FILENO, text.data(), text.size())) write_failed("stdout", err);
        return;
    }
    Output out(path);
    out.stream() << text;
    out.commit();
}

void capture_stdout() { std::cout.rdbuf(&stdout_buf()); }

void flush_stdout() {
    std::cout.flush();
    if (stdout_buf().error() != 0 || !std::cout) write_failed("stdout", stdout_buf().error());
}

}  // namespace tasksplit::cli
