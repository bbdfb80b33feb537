// libFuzzer target: notice bytes -> decode -> parse -> JSON -> read back -> JSON. Any input must
// either be refused as undecodable or give a document that accounts for every character exactly
// once and round-trips byte for byte (tests/fuzz/harness.hpp).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const tasksplit::Parser parser = [] {
        tasksplit::Parser p;
        p.set_line_map(true);
        return p;
    }();
    tasksplit::fuzz::abort_on(
        tasksplit::fuzz::notice_problems(parser, std::string(reinterpret_cast<const char*>(data), size)));
    return 0;
}
