#include "tasksplit/parallel.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <iterator>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

#include "tasksplit/load.hpp"
#include "tasksplit/no_tasks.hpp"

namespace tasksplit {

namespace {
// A rendered document waits in memory for its turn, several times the size of its source: beyond
// this size, or when there is no other worker to wait for, the emitting thread prints the
// document itself, straight into the output.
constexpr std::size_t kRenderOnWorkerBelow = 1 << 20;
}  // namespace

std::size_t max_jobs() { return 4 * std::max(1u, std::thread::hardware_concurrency()); }

void for_each_document(const std::vector<std::string>& paths, int jobs,
                       const std::vector<std::string>& grammar_files, std::optional<std::string> encoding,
                       const std::function<void(Parser&)>& configure,
                       const std::function<void(std::size_t, Loaded&)>& emit,
                       const std::function<std::string(const Document&)>& render,
                       std::optional<InputFormat> from) {
    const std::size_t n = paths.size();
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    std::size_t threads = jobs > 0 ? std::min(static_cast<std::size_t>(jobs), max_jobs()) : cores;
    threads = std::max<std::size_t>(1, std::min(threads, n));
    // Workers run at most this far ahead of the next input to emit: memory stays bounded however
    // long the batch.
    const std::size_t window = threads * 4;

    std::mutex m;
    std::condition_variable room;
    std::size_t next = 0, emitted = 0;
    bool emitting = false;
    std::map<std::size_t, Loaded> done;
    std::exception_ptr fatal;

    // Anything but a bad input (a broken grammar, out of memory, a failing emit) ends the whole run:
    // stop handing out inputs and keep the first such exception for the caller.
    auto fail = [&]() {
        std::lock_guard<std::mutex> lock(m);
        next = n;
        if (!fatal) fatal = std::current_exception();
        room.notify_all();
    };
    auto drain = [&](const Parser& parser) {
        while (true) {
            std::size_t i;
            {
                std::unique_lock<std::mutex> lock(m);
                room.wait(lock, [&] { return next >= n || next < emitted + window; });
                if (next >= n) return;
                i = next++;
            }
            Loaded r;
            try {
                r.docs = load_file(paths[i], parser, encoding, from);
                for (const Document& doc : r.docs)
                    if (const Diagnostic* d = no_tasks_diagnostic(doc); d && r.no_tasks.empty()) r.no_tasks = d->message;
                if (render && threads > 1 && r.docs.size() == 1 && r.docs[0].source.bytes < kRenderOnWorkerBelow) {
                    r.rendered = render(r.docs[0]);
                    r.docs.clear();
                }
            } catch (const InputError& e) {
                r.error = e.what();
            }
            std::unique_lock<std::mutex> lock(m);
            done.emplace(i, std::move(r));
            // One thread at a time emits every result that is next in order.
            if (emitting) continue;
            emitting = true;
            while (!fatal && done.count(emitted)) {
                Loaded ready = std::move(done[emitted]);
                done.erase(emitted);
                lock.unlock();
                try {
                    emit(emitted, ready);
                } catch (...) {
                    lock.lock();
                    emitting = false;
                    lock.unlock();
                    throw;
                }
                lock.lock();
                ++emitted;
                room.notify_all();
            }
            emitting = false;
        }
    };
    // The calling thread builds the first parser before any worker starts. A broken grammar throws
    // from here, and the one-time initialisation inside ICU (regex sets) and yaml-cpp (static tables)
    // runs on one thread: the parsers built concurrently afterwards only read it.
    Parser first(grammar_files);
    configure(first);
    std::vector<std::thread> pool;
    auto worker = [&]() {
        try {
            Parser parser(grammar_files);
            configure(parser);
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
}

std::vector<Document> load_documents(const std::vector<std::string>& paths, int jobs,
                                     const std::vector<std::string>& grammar_files,
                                     std::optional<std::string> encoding, std::vector<std::string>& errors) {
    std::vector<Document> out;
    out.reserve(paths.size());
    for_each_document(paths, jobs, grammar_files, std::move(encoding), [](Parser&) {},
                      [&](std::size_t, Loaded& r) {
                          if (r.ok()) std::move(r.docs.begin(), r.docs.end(), std::back_inserter(out));
                          else errors.push_back(std::move(r.error));
                      });
    return out;
}

}  // namespace tasksplit
