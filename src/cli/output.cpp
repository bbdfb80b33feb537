#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

#include "commands.hpp"

namespace tasksplit::cli {

void error(const std::string& message) { std::cerr << "tasksplit: " << message << "\n"; }

void write_output(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::cout << text;
        std::cout.flush();
        return;
    }
    // Never leave a half-written file: write beside the target, then rename over it.
    std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary);
        if (!out) {
            error(path + ": cannot write: " + std::strerror(errno));
            throw CommandExit{2};
        }
        out << text;
        out.flush();
        if (!out) {
            std::remove(tmp.c_str());
            error(path + ": write failed");
            throw CommandExit{2};
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        error(path + ": cannot write: " + ec.message());
        throw CommandExit{2};
    }
}

}  // namespace tasksplit::cli
