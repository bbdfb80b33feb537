// Golden tests: every samples/<stem>.txt parses to exactly samples/<stem>.expected.json.
// Regenerate with scripts/update-golden and review the diff.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "tasksplit/writers.hpp"
#include "test_support.hpp"

using namespace tasksplit;

TEST_CASE("samples parse to their golden JSON", "[golden]") {
    namespace fs = std::filesystem;
    int checked = 0;
    for (const auto& entry : fs::directory_iterator(test::repo_path("samples"))) {
        if (entry.path().extension() != ".txt") continue;
        fs::path expected = entry.path();
        expected.replace_extension(".expected.json");
        if (!fs::exists(expected)) continue;
        std::string rel = "samples/" + entry.path().filename().string();
        DYNAMIC_SECTION(rel) {
            Document doc = test::parser().parse_bytes(test::read_file(entry.path()), rel);
            std::ostringstream out;
            write_documents({doc}, OutputFormat::json, {}, out);
            CHECK(out.str() == test::read_file(expected));
        }
        ++checked;
    }
    REQUIRE(checked >= 5);
}
