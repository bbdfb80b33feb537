#include "tasksplit/progress.hpp"

#include <filesystem>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace tasksplit {

namespace {

// Redrawing more often than this only costs terminal bandwidth.
constexpr std::chrono::milliseconds kRedraw(100);

std::string clock_text(double seconds) {
    long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

}  // namespace

bool progress_wanted(bool quiet) {
    if (quiet || !::isatty(STDERR_FILENO)) return false;
    // A dumb terminal cannot move back to the start of the line or erase it.
    const char* term = std::getenv("TERM");
    return !(term && std::strcmp(term, "dumb") == 0);
}

Progress::Progress(std::size_t total_files, std::uintmax_t total_bytes, bool enabled, std::ostream& out,
                   std::chrono::milliseconds first_draw)
    : out_(out), enabled_(enabled), total_files_(total_files), total_bytes_(total_bytes), start_(Clock::now()) {
    next_draw_ = start_ + first_draw;
}

Progress::~Progress() { finish(); }

void Progress::tick(std::uintmax_t bytes) {
    if (!enabled_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    ++files_;
    bytes_ += bytes;
    auto now = Clock::now();
    if (now < next_draw_ || files_ >= total_files_) return;
    next_draw_ = now + kRedraw;
    double seconds = std::chrono::duration<double>(now - start_).count();
    // \r back to the start of the line, \033[K erases what a longer previous line left behind.
    out_ << '\r' << line(files_, total_files_, bytes_, total_bytes_, seconds) << "\033[K" << std::flush;
    drawn_ = true;
}

void Progress::finish() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!drawn_) return;
    out_ << "\r\033[K" << std::flush;
    drawn_ = false;
}

std::string Progress::line(std::size_t files_done, std::size_t total_files, std::uintmax_t bytes_done,
                           std::uintmax_t total_bytes, double seconds) {
    std::string out = std::to_string(files_done) + "/" + std::to_string(total_files) + " files";
    if (seconds <= 0) return out;
    char rate[32];
    std::snprintf(rate, sizeof rate, "  %.1f MB/s", static_cast<double>(bytes_done) / 1e6 / seconds);
    out += rate;
    // Bytes predict the rest better than files when sizes are known: notices range from 5 KB to 1 MB.
    double remaining = -1;
    if (total_bytes > 0 && bytes_done > 0 && bytes_done <= total_bytes)
        remaining = seconds * static_cast<double>(total_bytes - bytes_done) / static_cast<double>(bytes_done);
    else if (files_done > 0 && files_done <= total_files)
        remaining = seconds * static_cast<double>(total_files - files_done) / static_cast<double>(files_done);
    if (remaining >= 0) out += "  ETA " + clock_text(remaining);
    return out;
}

std::vector<std::uintmax_t> input_sizes(const std::vector<std::string>& paths) {
    std::vector<std::uintmax_t> sizes;
    sizes.reserve(paths.size());
    for (const auto& path : paths) {
        std::error_code ec;
        auto size = path == "-" ? 0 : std::filesystem::file_size(path, ec);
        sizes.push_back(ec ? 0 : size);
    }
    return sizes;
}

}  // namespace tasksplit
