#include "tasksplit/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

#include "tasksplit/load.hpp"

namespace tasksplit {

std::vector<Document> load_documents(const std::vector<std::string>& paths, int jobs,
                                     const std::vector<std::string>& grammar_files,
                                     std::optional<std::string> encoding, std::vector<std::string>& errors) {
    const std::size_t n = paths.size();
    std::vector<std::optional<Document>> docs(n);
    std::vector<std::string> failures(n);
    std::size_t threads = jobs > 0 ? static_cast<std::size_t>(jobs) : std::thread::hardware_concurrency();
    threads = std::max<std::size_t>(1, std::min(threads, n));

    // Workers take the next unclaimed input; each result goes to its input's slot, so the output
    // order does not depend on which thread finished first.
    std::atomic<std::size_t> next{0};
    std::exception_ptr fatal;
    std::mutex fatal_mutex;
    // Anything but a bad input (a broken grammar, out of memory) ends the whole load: stop handing out
    // inputs and keep the first such exception for the caller.
    auto fail = [&]() {
        next = n;
        std::lock_guard<std::mutex> lock(fatal_mutex);
        if (!fatal) fatal = std::current_exception();
    };
    auto drain = [&](const Parser& parser) {
        for (std::size_t i = next++; i < n; i = next++) {
            try {
                docs[i] = load_document(paths[i], parser, encoding);
            } catch (const InputError& e) {
                failures[i] = e.what();
            }
        }
    };
    // The calling thread builds the first parser before any worker starts. A broken grammar throws
    // from here, and the one-time initialisation inside ICU (regex sets) and yaml-cpp (static tables)
    // runs on one thread: the parsers built concurrently afterwards only read it.
    const Parser first(grammar_files);
    std::vector<std::thread> pool;
    auto worker = [&]() {
        try {
            const Parser parser(grammar_files);
            drain(parser);
        } catch (...) {
            fail();
        }
    };
    for (std::size_t t = 1; t < threads; ++t) {
        try {
            pool.emplace_back(worker);
        } catch (const std::system_error&) {
            break;  // no more threads to be had: the ones running take up the work
        }
    }
    try {
        drain(first);
    } catch (...) {
        fail();
    }
    for (auto& t : pool) t.join();
    if (fatal) std::rethrow_exception(fatal);

    std::vector<Document> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (docs[i]) out.push_back(std::move(*docs[i]));
        else errors.push_back(std::move(failures[i]));
    }
    return out;
}

}  // namespace tasksplit
