#include "tasksplit/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
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
    auto work = [&]() {
        try {
            const Parser parser(grammar_files);
            for (std::size_t i = next++; i < n; i = next++) {
                try {
                    docs[i] = load_document(paths[i], parser, encoding);
                } catch (const InputError& e) {
                    failures[i] = e.what();
                }
            }
        } catch (...) {
            // A broken grammar (or anything unexpected) ends the whole load: stop handing out inputs.
            next = n;
            std::lock_guard<std::mutex> lock(fatal_mutex);
            if (!fatal) fatal = std::current_exception();
        }
    };
    if (threads == 1) {
        work();
    } else {
        std::vector<std::thread> pool;
        for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(work);
        for (auto& t : pool) t.join();
    }
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
