// The report in print and in Chinese, as headless Chromium renders it (Debian's chromium; pdfinfo
// and pdftotext from poppler-utils): a unit's printout on A4, and the page a Chinese desktop gets.
// Skipped with a warning where chromium or poppler-utils is missing.
#include <catch2/catch.hpp>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <regex>
#include <string>

#include "cli_support.hpp"
#include "test_support.hpp"

using tasksplit::test::read_file;
using tasksplit::test::run_cli;
using tasksplit::test::Scratch;

namespace {

const char* const kNotice = "samples/000_5f0d85f750916d58.txt";  // Dinghai 2024

std::optional<std::string> shell(const std::string& command) {
    std::FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string out;
    std::array<char, 4096> buf;
    for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) out.append(buf.data(), n);
    return ::pclose(pipe) == 0 ? std::optional<std::string>(out) : std::nullopt;
}

/// The browser to print with, or "" (with a warning) when a tool is missing.
std::string printer() {
    const char* configured = std::getenv("TASKSPLIT_CHROMIUM");
    std::string chromium = configured ? configured : "";
    if (chromium.empty())
        if (auto found = shell("command -v chromium || command -v chromium-browser")) chromium = found->substr(0, found->find('\n'));
    if (chromium.empty() || !shell("command -v pdfinfo && command -v pdftotext")) {
        WARN("chromium or poppler-utils is not installed: the printout was not checked");
        return "";
    }
    return chromium;
}

/// Prints `page` to `pdf` (A4 is the page's own @page size) and returns the page count.
int print_pages(const std::string& chromium, const Scratch& dir, const std::string& page, const std::string& pdf) {
    const std::string command = "timeout 120 '" + chromium + "' --headless --no-sandbox --disable-gpu --disable-dev-shm-usage " +
                                "--user-data-dir='" + dir.path("profile") + "' --no-pdf-header-footer --print-to-pdf='" + pdf +
                                "' 'file://" + page + "' 2>>'" + dir.path("chromium.log") + "'";
    if (!shell(command)) FAIL("chromium failed:\n" << read_file(dir.path("chromium.log")));
    auto info = shell("pdfinfo '" + pdf + "'");
    REQUIRE(info);
    std::smatch m;
    REQUIRE(std::regex_search(*info, m, std::regex("Pages:\\s+([0-9]+)")));
    CHECK(std::regex_search(*info, std::regex("Page size:.*\\(A4\\)")));
    return std::stoi(m[1]);
}

}  // namespace

TEST_CASE("one unit's printout of sample 000 fits on one or two A4 pages", "[report][browser][print]") {
    const std::string chromium = printer();
    if (chromium.empty()) return;
    Scratch dir;
    // 区财政局 leads or supports 8 tasks of the 2024 notice (five US-Letter pages before the print styles).
    const std::string page = dir.path("unit.html"), pdf = dir.path("unit.pdf");
    auto r = run_cli(std::string("report ") + kNotice + " --unit 区财政局 --lang zh -o " + page);
    REQUIRE(r.code == 0);
    const int pages = print_pages(chromium, dir, page, pdf);
    CHECK(pages >= 1);
    CHECK(pages <= 2);
    // The tasks are what is printed: the unit's heading first, no chart.
    auto text = shell("pdftotext -layout '" + pdf + "' -");
    REQUIRE(text);
    CHECK(text->find("区财政局") < text->find("的任务"));
    CHECK(text->find("牵头 ") != std::string::npos);
    CHECK(text->find("各单位任务数") == std::string::npos);
}

TEST_CASE("a Chinese desktop gets a Chinese page, --lang en today's English", "[report][browser]") {
    const std::string chromium = printer();
    if (chromium.empty()) return;
    Scratch dir;
    const std::string zh = dir.path("zh.html"), en = dir.path("en.html");
    // LANG set for the one command, the others emptied: what a Chinese desktop's session has.
    REQUIRE(std::system(("cd '" TASKSPLIT_SOURCE_DIR "' && LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 '" TASKSPLIT_BINARY "' report " +
                         std::string(kNotice) + " -o '" + zh + "'")
                            .c_str()) == 0);
    REQUIRE(std::system(("cd '" TASKSPLIT_SOURCE_DIR "' && LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 '" TASKSPLIT_BINARY "' report " +
                         std::string(kNotice) + " --lang en -o '" + en + "'")
                            .c_str()) == 0);
    print_pages(chromium, dir, zh, dir.path("zh.pdf"));
    auto text = shell("pdftotext '" + dir.path("zh.pdf") + "' -");
    REQUIRE(text);
    // Labels of a narrow column (完成时限) wrap in print: these do not.
    for (const char* label : {"概览", "各单位任务数", "任务内容", "牵头单位", "配合单位", "解析说明"}) {
        INFO(label);
        CHECK(text->find(label) != std::string::npos);
    }
    CHECK(text->find("Tasks per unit") == std::string::npos);
    const std::string english = read_file(en);
    CHECK(english.find(">Tasks per unit<") != std::string::npos);
    CHECK(english.find("概览") == std::string::npos);
}
