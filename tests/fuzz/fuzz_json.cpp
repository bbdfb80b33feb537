// libFuzzer target: the document JSON reader (validate, diff and query read parsed JSON back).
// Any bytes must be refused as invalid JSON or a ReadError, or read into a document that writes
// in every format and round-trips byte for byte (tests/fuzz/harness.hpp).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    tasksplit::fuzz::abort_on(
        tasksplit::fuzz::document_json_problems(std::string(reinterpret_cast<const char*>(data), size)));
    return 0;
}
