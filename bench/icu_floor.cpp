// The floor any ICU-based reader pays: decode UTF-8 to UTF-16, NFKC-normalize, split lines.
// Usage: icu_floor FILE|DIR...   prints bytes, seconds and MB/s on one line.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        if (fs::is_directory(argv[i])) {
            for (const auto& e : fs::recursive_directory_iterator(argv[i]))
                if (e.is_regular_file()) files.push_back(e.path().string());
        } else {
            files.push_back(argv[i]);
        }
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    std::size_t bytes = 0, lines = 0;
    auto start = std::chrono::steady_clock::now();
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        bytes += text.size();
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
        icu::UnicodeString n = nfkc->normalize(u, status);
        for (int32_t i = 0; i < n.length(); ++i) lines += n.charAt(i) == u'\n';
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("bytes=%zu lines=%zu seconds=%.3f mb_per_s=%.1f\n", bytes, lines, secs, bytes / 1e6 / secs);
    return U_FAILURE(status) ? 1 : 0;
}
