// diff_bench: times tasksplit diff on two synthetic 1,000-item breakdowns built from the samples.
// Usage: diff_bench [ITEMS] [SAMPLES_DIR]   prints one line: items, pairs found, seconds (median
// of 3 runs of diff_documents, then the JSON report).
//
// The old document cycles through every sample item, each given a made-up place name so that
// copies differ. The new one is the old one a year on: most tasks reworded (a clause dropped or
// two swapped, figures moved), some dropped, some replaced by other tasks, units renamed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "tasksplit/diff.hpp"
#include "tasksplit/load.hpp"

using namespace tasksplit;
namespace fs = std::filesystem;

namespace {

// Code-point-safe pieces of UTF-8.
std::vector<std::string> chars(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

std::vector<std::string> clauses(const std::string& text) {
    std::vector<std::string> out(1);
    for (const auto& c : chars(text)) {
        out.back() += c;
        if (c == "，" || c == "；" || c == "。") out.emplace_back();
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += p;
    return out;
}

class Generator {
public:
    explicit Generator(std::vector<Item> pool) : pool_(std::move(pool)) {}

    Document old_doc(std::size_t n) {
        std::vector<Item> items;
        for (std::size_t k = 0; k < n; ++k) {
            Item it = pool_[k % pool_.size()];
            it.text = place() + it.text;
            items.push_back(std::move(it));
        }
        return document(std::move(items), 2023);
    }

    Document next_year(const Document& old) {
        std::vector<Item> items;
        for (const Section& s : old.parts.front().sections)
            for (const Item& it : s.items) {
                int roll = pick(100);
                if (roll < 10) continue;  // dropped
                if (roll < 25) {          // replaced by another task
                    Item fresh = pool_[static_cast<std::size_t>(pick(static_cast<int>(pool_.size())))];
                    fresh.text = place() + fresh.text;
                    items.push_back(std::move(fresh));
                    continue;
                }
                items.push_back(reworded(it));
            }
        return document(std::move(items), 2024);
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

    std::string place() {
        static const auto syllables = chars("东南西北金银海山湖桥岙港湾塘岭溪峰林石洋沙岛浦门坪庄");
        std::string out;
        for (int i = 0; i < 3; ++i) out += syllables[static_cast<std::size_t>(pick(static_cast<int>(syllables.size())))];
        return out + "片区";
    }

    Item reworded(Item it) {
        auto parts = clauses(it.text);
        if (parts.size() > 2 && pick(2) == 0) parts.erase(parts.begin() + 1 + pick(static_cast<int>(parts.size()) - 2));
        if (parts.size() > 2 && pick(2) == 0) std::swap(parts[1], parts[2]);
        std::string text;
        for (const auto& c : chars(join(parts)))
            text += (c.size() == 1 && c[0] >= '1' && c[0] <= '8' && pick(3) == 0) ? std::string(1, static_cast<char>(c[0] + 1)) : c;
        it.text = text;
        for (Unit& u : it.lead)
            if (u.name == "区人社局") u.name = u.raw = "区人力社保局";
        return it;
    }

    static Document document(std::vector<Item> items, int year) {
        static const char* leaders[] = {"孙丹燕", "夏泉", "刘世君", "王其锋", "刘奋伟", "余舟", "丁世杰", "朱朝辉"};
        Document d;
        d.document.year = year;
        Part part;
        part.id = "p1";
        part.kind = "key_tasks";
        for (std::size_t k = 0; k < items.size(); ++k) {
            if (k % 20 == 0) {
                Section s;
                s.ordinal = static_cast<int>(part.sections.size()) + 1;
                s.id = "p1.s" + std::to_string(s.ordinal);
                s.label = std::to_string(s.ordinal);
                s.leader = Person{leaders[part.sections.size() % 8], "副区长"};
                part.sections.push_back(std::move(s));
            }
            Section& s = part.sections.back();
            Item it = std::move(items[k]);
            it.number = std::to_string(s.items.size() + 1);
            it.id = s.id + ".i" + *it.number;
            it.leader = s.leader;
            it.span.line = static_cast<int>(k) + 1;
            s.items.push_back(std::move(it));
        }
        d.parts.push_back(std::move(part));
        return d;
    }

    std::vector<Item> pool_;
    std::mt19937 rng_{7};
};

}  // namespace

int main(int argc, char** argv) {
    std::size_t n = argc > 1 ? std::stoul(argv[1]) : 1000;
    std::string dir = argc > 2 ? argv[2] : TASKSPLIT_SOURCE_DIR "/samples";
    Parser parser;
    std::vector<Item> pool;
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".txt") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
        for (const Part& p : load_document(f, parser).parts)
            for (const Section& s : p.sections)
                for (const Item& it : s.items) pool.push_back(it);
    if (pool.empty()) {
        std::fprintf(stderr, "diff_bench: no items in %s\n", dir.c_str());
        return 2;
    }
    Generator gen(pool);
    Document a = gen.old_doc(n);
    Document b = gen.next_year(a);
    UnitAliases aliases;

    std::vector<double> runs;
    DiffResult result;
    for (int r = 0; r < 3; ++r) {
        auto start = std::chrono::steady_clock::now();
        result = diff_documents(a, b, aliases);
        std::string report = diff_to_json(result).dump();
        runs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(runs.begin(), runs.end());
    std::size_t b_items = 0;
    for (const Section& s : b.parts.front().sections) b_items += s.items.size();
    std::printf("%zu x %zu items: %zu pairs, %zu splits, %zu merges in %.3f s (median of 3, with the JSON report)\n", n,
                b_items, result.pairs.size(), result.splits.size(), result.merges.size(), runs[1]);
    return 0;
}
