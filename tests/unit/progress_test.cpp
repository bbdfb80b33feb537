// The progress line: its text, when it is drawn, and that it is erased before anything else is said.
#include <catch2/catch.hpp>
#include <sstream>

#include "cli_support.hpp"
#include "tasksplit/progress.hpp"

using tasksplit::Progress;

TEST_CASE("the progress line gives files, MB/s and the time left", "[progress]") {
    // 3.4 MB of 100 MB in one second: 96.6 MB to go at 3.4 MB/s.
    CHECK(Progress::line(12, 340, 3'400'000, 100'000'000, 1.0) == "12/340 files  3.4 MB/s  ETA 0:28");
    // Sizes unknown (stdin): the files predict the rest.
    CHECK(Progress::line(1, 4, 0, 0, 2.0) == "1/4 files  0.0 MB/s  ETA 0:06");
    CHECK(Progress::line(1, 1000, 1'000'000, 5'000'000'000, 1.0) == "1/1000 files  1.0 MB/s  ETA 1:23:19");
    CHECK(Progress::line(0, 10, 0, 100, 0.0) == "0/10 files");
}

TEST_CASE("progress draws in place, never for the last file, and erases itself", "[progress]") {
    std::ostringstream out;
    {
        Progress p(3, 300, true, out, std::chrono::milliseconds(0));
        p.tick(100);
        CHECK(out.str().rfind("\r1/3 files  ", 0) == 0);
        CHECK(out.str().find("\033[K") != std::string::npos);
        p.tick(100);  // within the redraw interval: not drawn
        p.tick(100);  // the last file: finish() follows at once
        CHECK(out.str().find("3/3") == std::string::npos);
    }
    // The destructor erased the line.
    CHECK(out.str().size() >= 4);
    CHECK(out.str().substr(out.str().size() - 4) == "\r\033[K");
}

TEST_CASE("disabled or quick, progress writes nothing", "[progress]") {
    std::ostringstream off, quick;
    {
        Progress p(2, 0, false, off, std::chrono::milliseconds(0));
        p.tick(1);
        p.finish();
    }
    {
        Progress p(2, 0, true, quick);  // the default delay outlasts this run
        p.tick(1);
        p.tick(1);
    }
    CHECK(off.str().empty());
    CHECK(quick.str().empty());
}

TEST_CASE("parse says nothing on stderr when it is not a terminal, and takes --quiet", "[progress][cli]") {
    auto r = tasksplit::test::run_cli("parse samples/");
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    r = tasksplit::test::run_cli("parse --quiet samples/000_5f0d85f750916d58.txt");
    CHECK(r.code == 0);
    CHECK(r.err.empty());
}
