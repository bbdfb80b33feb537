// libFuzzer target: user grammar files (--grammar). Any bytes must load or fail with a
// GrammarError naming the file; a grammar that loads must still give a parser that accounts for
// every character of a small notice (tests/fuzz/harness.hpp).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    tasksplit::fuzz::abort_on(
        tasksplit::fuzz::grammar_problems(std::string(reinterpret_cast<const char*>(data), size)));
    return 0;
}
