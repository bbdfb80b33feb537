// YAML that other readers read back (issue #25 item 6): PyYAML, with libyaml and in pure Python,
// loads `parse --to yaml` equal to `parse --to json` of the same notice, whatever characters the
// notice holds.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>

#include "cli_support.hpp"

using tasksplit::test::run_cli;
using tasksplit::test::Scratch;

namespace {

// Loads the YAML stream with each of PyYAML's safe loaders and compares it with the JSON: one
// document, or an array for several. Exit 0 when every loader agrees, else 1 with the difference.
const char* const kCompare = R"(import json, sys, yaml
expected = json.load(open(sys.argv[2], encoding="utf-8"))
loaders = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])
for loader in loaders:
    with open(sys.argv[1], encoding="utf-8") as f:
        docs = list(yaml.load_all(f, Loader=loader))
    got = docs[0] if len(docs) == 1 else docs
    if got != expected:
        def first_difference(a, b, path=""):
            if isinstance(a, dict) and isinstance(b, dict):
                for k in list(a) + [k for k in b if k not in a]:
                    if a.get(k) != b.get(k): return first_difference(a.get(k), b.get(k), path + "/" + str(k))
            if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
                for i, (x, y) in enumerate(zip(a, b)):
                    if x != y: return first_difference(x, y, path + "/" + str(i))
            return "%s: yaml %r, json %r" % (path, a, b)
        print(loader.__name__, first_difference(got, expected))
        sys.exit(1)
)";

struct Compared {
    int code = -1;
    std::string out;
};

Compared compare_yaml_with_json(const Scratch& s, const std::string& inputs) {
    auto yaml = run_cli("parse --to yaml " + inputs + " -o " + s.path("out.yaml"));
    auto json = run_cli("parse --to json " + inputs + " -o " + s.path("out.json"));
    REQUIRE(yaml.code == 0);
    REQUIRE(json.code == 0);
    const std::string script = s.file("compare.py", kCompare);
    const std::string cmd = "python3 '" + script + "' '" + s.path("out.yaml") + "' '" + s.path("out.json") + "' >'" +
                            s.path("compared") + "' 2>&1";
    const int status = std::system(cmd.c_str());
    std::ifstream in(s.path("compared"));
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, std::string(std::istreambuf_iterator<char>(in), {})};
}

}  // namespace

TEST_CASE("yaml with characters YAML readers refuse or fold reads back equal to the json", "[cli][yaml][reliability]") {
    // Each in a task's text, where it reaches the output as the notice has it: C0 controls, DEL,
    // C1 controls with NEL, U+2028 and U+2029 (line breaks to YAML 1.1), a BOM, the noncharacters
    // (U+FFFE, U+FFFF, U+FDD0, U+1FFFE, U+10FFFF), and quotes and backslashes beside them.
    const std::string odd[] = {"\x01", "\x1b", "\x7f",         "\xc2\x80",         "\xc2\x85",         "\xc2\x9f",
                               "\xe2\x80\xa8", "\xe2\x80\xa9", "\xef\xbb\xbf",     "\xef\xbf\xbe",     "\xef\xbf\xbf",
                               "\xef\xb7\x90", "\xf0\x9f\xbf\xbe", "\xf4\x8f\xbf\xbf", "\"\\" "\xc2\x85" "\\x01\"", "\t"};
    std::string text = "2024年重点工作任务分解\n一、张三区长牵头重点工作\n";
    int n = 0;
    for (const std::string& c : odd) {
        ++n;
        text += std::to_string(n) + ". 推进" + c + "第" + std::to_string(n) + "项工作" + c + "。(责任单位：区财政局)\n";
    }
    text += std::to_string(++n) + ". ";
    for (const std::string& c : odd) text += c;
    text += "全部。(责任单位：区发改局)\n";
    Scratch s;
    const std::string notice = s.file("odd.txt", text);
    auto r = compare_yaml_with_json(s, notice);
    INFO(r.out);
    CHECK(r.code == 0);
}

TEST_CASE("yaml of the samples reads back equal to the json", "[cli][yaml]") {
    Scratch s;
    auto r = compare_yaml_with_json(s, "samples/000_5f0d85f750916d58.txt samples/001_4ca63f7906623aa9.txt");
    INFO(r.out);
    CHECK(r.code == 0);
}
