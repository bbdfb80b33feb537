// Progress on long batches: one line on stderr, redrawn in place, with files done, MB/s and ETA.
// It is for a person watching a terminal: callers enable it with progress_wanted(quiet), so pipes,
// redirected logs and CI never receive it, and --quiet silences it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <mutex>
#include <string>
#include <vector>

namespace tasksplit {

/// True when stderr is a terminal that can redraw a line (not TERM=dumb) and `quiet` is false.
bool progress_wanted(bool quiet);

/// Size in bytes of each input (0 for stdin or when unknown), for the progress line's MB/s and ETA.
std::vector<std::uintmax_t> input_sizes(const std::vector<std::string>& paths);

class Progress {
public:
    /// `total_bytes` may be 0 (sizes unknown, e.g. stdin): the ETA then counts files.
    /// Nothing is drawn before `first_draw` has passed, so that quick runs never flash a line.
    Progress(std::size_t total_files, std::uintmax_t total_bytes, bool enabled, std::ostream& out = std::cerr,
             std::chrono::milliseconds first_draw = std::chrono::milliseconds(500));
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// One more file done, `bytes` long. Safe to call from worker threads.
    void tick(std::uintmax_t bytes);
    /// Erases the line if one was drawn, so that what follows on stderr starts clean. Idempotent.
    void finish();

    /// The text of the line: "12/340 files  3.4 MB/s  ETA 0:42".
    static std::string line(std::size_t files_done, std::size_t total_files, std::uintmax_t bytes_done,
                            std::uintmax_t total_bytes, double seconds);

private:
    using Clock = std::chrono::steady_clock;
    std::mutex mutex_;
    std::ostream& out_;
    bool enabled_;
    bool drawn_ = false;
    std::size_t total_files_, files_ = 0;
    std::uintmax_t total_bytes_, bytes_ = 0;
    Clock::time_point start_, next_draw_;
};

}  // namespace tasksplit
