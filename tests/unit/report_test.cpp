// tasksplit report: the page's counts, links and escaping, the command line, and the page as a
// browser shows it (headless Chromium, when installed: Debian's chromium package).
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "cli_support.hpp"
#include "tasksplit/diff.hpp"
#include "tasksplit/query.hpp"
#include "tasksplit/report.hpp"
#include "test_support.hpp"

using namespace tasksplit;
using tasksplit::test::all_items;
using tasksplit::test::parser;
using tasksplit::test::read_file;
using tasksplit::test::repo_path;
using tasksplit::test::run_cli;

namespace {

const char* const kOld = "samples/001_4ca63f7906623aa9.txt";  // Dinghai 2023
const char* const kNew = "samples/000_5f0d85f750916d58.txt";  // Dinghai 2024
// 区财政局, percent-encoded for a URL fragment.
const char* const kFinanceBureau = "区财政局";
const char* const kFinanceBureauUrl = "%E5%8C%BA%E8%B4%A2%E6%94%BF%E5%B1%80";

Document sample(const char* path) { return parser().parse_bytes(read_file(repo_path(path)), path); }

/// The number an element with this id shows: <b id="n-tasks">108</b>.
int shown(const std::string& html, const std::string& id) {
    std::smatch m;
    if (!std::regex_search(html, m, std::regex("id=\"" + id + "\">([0-9]+)<"))) return -1;
    return std::stoi(m[1]);
}

/// Tasks of the documents that name the unit (lead or support; lead only with `lead_only`).
int tasks_of(const std::vector<Document>& docs, const std::string& unit, bool lead_only) {
    UnitAliases aliases;
    UnitNames names(aliases, docs);
    int n = 0;
    for (const auto& doc : docs)
        for (const auto& it : all_items(doc)) {
            bool found = false;
            for (const auto& u : it.lead) found = found || names.canonical(u) == unit;
            if (!lead_only)
                for (const auto& u : it.support) found = found || names.canonical(u) == unit;
            n += found;
        }
    return n;
}

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char dir[] = "/tmp/tasksplit-report-XXXXXX";
        path = ::mkdtemp(dir);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

/// Runs a shell command; its stdout, or nullopt when it fails.
std::optional<std::string> shell(const std::string& command) {
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    if (::pclose(pipe) != 0) return std::nullopt;
    return out;
}

}  // namespace

TEST_CASE("one notice: counts, every task, units per role, nothing loaded", "[report]") {
    Document doc = sample(kNew);
    UnitAliases aliases;
    std::string html = report_html(doc, aliases);
    auto items = all_items(doc);
    CHECK(shown(html, "n-tasks") == static_cast<int>(items.size()));
    CHECK(shown(html, "n-shown") == static_cast<int>(items.size()));
    for (const auto& it : items) CHECK(html.find("id=\"d0-" + it.id + "\"") != std::string::npos);
    // The rows carry the canonical unit per role for the filters: as many as the tasks naming it.
    auto rows_with = [&](const std::string& attribute) {
        std::regex row(attribute + "=\"([^\"]*)\"");
        int n = 0;
        for (std::sregex_iterator m(html.begin(), html.end(), row), end; m != end; ++m) {
            std::string list = "\n" + (*m)[1].str() + "\n";
            n += list.find(std::string("\n") + kFinanceBureau + "\n") != std::string::npos;
        }
        return n;
    };
    CHECK(rows_with("data-lead") == tasks_of({doc}, kFinanceBureau, true));
    CHECK(rows_with("data-lead") > 0);
    // Self-contained: no stylesheet, script, image or font from anywhere else.
    CHECK_FALSE(std::regex_search(html, std::regex(R"((src|href)="(https?:)?//)")));
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
}

TEST_CASE("two years: the diff summary, the fates, and links that land", "[report]") {
    Document old_doc = sample(kOld), new_doc = sample(kNew);
    UnitAliases aliases;
    DiffResult diff = diff_documents(old_doc, new_doc, aliases);
    std::string html = report_html(old_doc, new_doc, diff, aliases);
    CHECK(shown(html, "n-old-tasks") == static_cast<int>(all_items(old_doc).size()));
    CHECK(shown(html, "n-new-tasks") == static_cast<int>(all_items(new_doc).size()));
    CHECK(shown(html, "n-added") == static_cast<int>(diff.added.size()));
    CHECK(shown(html, "n-dropped") == static_cast<int>(diff.dropped.size()));
    CHECK(shown(html, "n-split") == static_cast<int>(diff.splits.size()));
    CHECK(shown(html, "n-merged") == static_cast<int>(diff.merges.size()));
    int paired = shown(html, "n-same") + shown(html, "n-continued") + shown(html, "n-related");
    CHECK(paired == static_cast<int>(diff.pairs.size()));
    int targets = 0;
    for (const char* change : {"raised", "lowered", "bound", "unchanged", "added", "dropped"})
        targets += shown(html, std::string("n-t-") + change);
    CHECK(targets == static_cast<int>(diff.targets.size()));
    // Every task has a fate, and every in-page link has a target.
    std::regex status("data-status=\"(same|continued|related|added|dropped)\"");
    auto fates = std::distance(std::sregex_iterator(html.begin(), html.end(), status), std::sregex_iterator());
    CHECK(fates == static_cast<long>(all_items(old_doc).size() + all_items(new_doc).size()));
    std::regex link("href=\"#([^\"]+)\"");
    for (std::sregex_iterator m(html.begin(), html.end(), link), end; m != end; ++m) {
        INFO("link #" << (*m)[1]);
        CHECK(html.find("id=\"" + (*m)[1].str() + "\"") != std::string::npos);
    }
}

TEST_CASE("the report escapes what notices print", "[report]") {
    Document doc = tasksplit::test::parse_string(
        "一、重点工作\n"
        "1. 推进<script>alert(\"x\")</script>工作。(责任单位：区财政局)\n");
    std::string html = report_html(doc, UnitAliases{});
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&quot;x&quot;)") != std::string::npos);
}

TEST_CASE("report from the command line", "[report][cli]") {
    TempDir tmp;
    std::string out = (tmp.path / "r.html").string();
    auto r = run_cli(std::string("report ") + kOld + " " + kNew + " -o " + out);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(read_file(out).rfind("<!DOCTYPE html>", 0) == 0);
    // stdout when it is not a terminal
    r = run_cli(std::string("report ") + kNew);
    CHECK(r.code == 0);
    CHECK(r.out.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(run_cli(std::string("report ") + kOld + " " + kNew + " " + kNew + " -o " + out).code == 2);
    CHECK(run_cli("report -o " + out).code == 2);
    r = run_cli("report samples/no-such-notice.txt -o " + out);
    CHECK(r.code == 2);
    CHECK(r.err.find("no-such-notice.txt") != std::string::npos);
    // Given the wrong way round, the page is made as asked, with one warning line.
    r = run_cli(std::string("report ") + kNew + " " + kOld + " -o " + out);
    CHECK(r.code == 0);
    CHECK(r.err == std::string("tasksplit: warning: ") + kNew + ", " + kOld +
                       ": the years are reversed (2024, then 2023): the older notice goes first (--force silences this)\n");
    r = run_cli(std::string("report --force ") + kNew + " " + kOld + " -o " + out);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
}

TEST_CASE("the 2023-2024 report in headless Chromium shows the expected counts", "[report][browser]") {
    const char* configured = std::getenv("TASKSPLIT_CHROMIUM");
    std::string chromium = configured ? configured : "";
    if (chromium.empty())
        if (auto found = shell("command -v chromium || command -v chromium-browser")) chromium = found->substr(0, found->find('\n'));
    if (chromium.empty()) {
        WARN("chromium is not installed (apt-get install chromium): the report was not rendered in a browser");
        return;
    }
    TempDir tmp;
    std::string page = (tmp.path / "report.html").string();
    REQUIRE(run_cli(std::string("report ") + kOld + " " + kNew + " -o " + page).code == 0);
    // --no-sandbox: CI runs as root in a container; a profile of its own keeps it off $HOME.
    std::string browser = "timeout 120 '" + chromium + "' --headless --no-sandbox --disable-gpu --disable-dev-shm-usage " +
                          "--hide-scrollbars --user-data-dir='" + (tmp.path / "profile").string() + "' ";
    std::string log = (tmp.path / "chromium.log").string();
    auto browse = [&](const std::string& arguments) {
        auto out = shell(browser + arguments + " 2>>'" + log + "'");
        if (!out) FAIL("chromium failed:\n" << read_file(log));
        return *out;
    };
    std::string url = "'file://" + page;

    Document old_doc = sample(kOld), new_doc = sample(kNew);
    DiffResult diff = diff_documents(old_doc, new_doc, UnitAliases{});

    // The DOM after the page's script ran: a filter from the URL fragment, applied.
    std::string dom = browse("--dump-dom " + url + "#unit=" + kFinanceBureauUrl + "'");
    CHECK(shown(dom, "n-all") == static_cast<int>(all_items(old_doc).size() + all_items(new_doc).size()));
    CHECK(shown(dom, "n-shown") == tasks_of({old_doc, new_doc}, kFinanceBureau, false));
    CHECK(shown(dom, "n-shown") > 0);
    CHECK(shown(dom, "n-added") == static_cast<int>(diff.added.size()));
    CHECK(shown(dom, "n-new-tasks") == static_cast<int>(all_items(new_doc).size()));
    dom = browse("--dump-dom " + url + "#unit=" + kFinanceBureauUrl + "&role=lead&year=d1'");
    CHECK(shown(dom, "n-shown") == tasks_of({new_doc}, kFinanceBureau, true));

    // The screenshot: a PNG of the window's size, with more on it than a blank page.
    std::string png = (tmp.path / "report.png").string();
    browse("--window-size=1280,1600 --screenshot='" + png + "' " + url + "'");
    std::string bytes = read_file(png);
    REQUIRE(bytes.size() > 24);
    CHECK(bytes.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(bytes[at]) << 24) | (static_cast<unsigned char>(bytes[at + 1]) << 16) |
               (static_cast<unsigned char>(bytes[at + 2]) << 8) | static_cast<unsigned char>(bytes[at + 3]);
    };
    CHECK(be32(16) == 1280);
    CHECK(be32(20) == 1600);
    CHECK(bytes.size() > 50'000);
}
