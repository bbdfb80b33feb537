// Files no reader reads, from the command line: one line on stderr naming the file, the format and
// what to do, exit 2, nothing on stdout. And --from / --dump-text.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_support.hpp"

using tasksplit::test::run_cli;

namespace {

std::size_t lines(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

}  // namespace

TEST_CASE("parse refuses .doc, images and PDFs without text in one line, exit 2", "[readers][cli]") {
    const std::pair<const char*, const char*> cases[] = {
        {"tests/fixtures/readers/bad/notice.doc", "Word 97-2003 (.doc) or WPS (.wps) document"},
        {"tests/fixtures/readers/bad/scan.png", "an image (PNG) holds no text"},
        {"tests/fixtures/readers/bad/scan.pdf", "a PDF without a text layer"},
    };
    for (const auto& [file, what] : cases) {
        DYNAMIC_SECTION(file) {
            auto r = run_cli(std::string("parse ") + file);
            CHECK(r.code == 2);
            CHECK(r.out.empty());
            CHECK(lines(r.err) == 1);
            CHECK(r.err.rfind(std::string("tasksplit: ") + file + ": ", 0) == 0);
            CHECK(r.err.find(what) != std::string::npos);
        }
    }
    // validate reads through the same readers
    auto v = run_cli("validate tests/fixtures/readers/bad/notice.doc");
    CHECK(v.code == 2);
    CHECK(lines(v.err) == 1);
}

TEST_CASE("parse without pdftotext says so in one line, exit 2", "[readers][cli]") {
    const std::string err = "/tmp/tasksplit-no-pdftotext.err";
    const std::string cmd = std::string("cd '") + TASKSPLIT_SOURCE_DIR + "' && PATH=/nonexistent '" + TASKSPLIT_BINARY +
                            "' parse tests/fixtures/readers/000_5f0d85f750916d58.pdf >/dev/null 2>" + err;
    const int status = std::system(cmd.c_str());
    std::ifstream in(err);
    std::stringstream ss;
    ss << in.rdbuf();
    std::remove(err.c_str());
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(lines(ss.str()) == 1);
    CHECK(ss.str().find("needs pdftotext") != std::string::npos);
    CHECK(ss.str().find("poppler-utils") != std::string::npos);
}

TEST_CASE("parse --from forces a reader; --dump-text prints what the reader extracted", "[readers][cli]") {
    auto as_text = run_cli("parse --from text tests/fixtures/readers/000_5f0d85f750916d58.docx");
    CHECK(as_text.code == 2);
    CHECK(lines(as_text.err) == 1);
    auto as_docx = run_cli("parse --from docx samples/004_895883010a6915ba.txt");
    CHECK(as_docx.code == 2);
    CHECK(as_docx.err.find("ZIP") != std::string::npos);
    CHECK(run_cli("parse --from rtf samples/004_895883010a6915ba.txt").code == 2);

    auto dump = run_cli("parse --dump-text tests/fixtures/readers/000_5f0d85f750916d58.docx");
    CHECK(dump.code == 0);
    CHECK(dump.out.find("\n一、孙丹燕区长牵头重点工作\n") != std::string::npos);
    auto pdf = run_cli("parse --dump-text tests/fixtures/readers/000_5f0d85f750916d58.pdf");
    CHECK(pdf.code == 0);
    CHECK(pdf.out.find("孙丹燕区长牵头重点工作") != std::string::npos);
    CHECK(pdf.out.find('\f') == std::string::npos);  // page breaks are blank lines

    // the content chooses, not the name: a DOCX saved as .txt gives a row per task of the text
    const std::string renamed = "/tmp/tasksplit-renamed-docx.txt";
    std::filesystem::copy_file(std::string(TASKSPLIT_SOURCE_DIR) + "/tests/fixtures/readers/001_4ca63f7906623aa9.docx", renamed,
                               std::filesystem::copy_options::overwrite_existing);
    auto docx = run_cli("parse --to csv " + renamed);
    std::filesystem::remove(renamed);
    auto text = run_cli("parse --to csv samples/001_4ca63f7906623aa9.txt");
    CHECK(docx.code == 0);
    CHECK(lines(docx.out) == lines(text.out));
    CHECK(lines(text.out) > 80);
}
