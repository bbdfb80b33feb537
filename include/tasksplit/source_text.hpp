// Source text: decoding (UTF-8, UTF-16, GB18030), lines with offsets, and a folded view
// for matching that keeps a one-to-one index map to the original text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <unicode/unistr.h>

namespace tasksplit {

/// Input that cannot be read as text; `offset` is the byte offset of the first bad byte.
struct DecodeError : std::runtime_error {
    DecodeError(const std::string& what, std::size_t offset) : std::runtime_error(what), offset(offset) {}
    std::size_t offset;
};

/// A decoded notice. Index positions are UTF-16 code units of `orig`; `fold` has the same
/// length, so a match found in `fold` slices the original characters from `orig`.
struct SourceText {
    std::string path;
    std::string encoding;      ///< as detected or forced: UTF-8, UTF-16LE, UTF-16BE, GB18030
    std::size_t input_bytes = 0;
    std::size_t utf8_length = 0;  ///< bytes of the decoded text as UTF-8 (BOM removed); spans index into it
    icu::UnicodeString orig;
    icu::UnicodeString fold;   ///< width-folded, NFKC-per-character, Traditional->Simplified
    std::vector<int32_t> line_start;  ///< per line (0-based), index into orig
    std::vector<int32_t> line_end;    ///< exclusive, without CR/LF
    static constexpr std::size_t kCheckpointStride = 64;
    std::vector<std::size_t> byte_checkpoint;  ///< utf8 byte offset of every 64th index

    int line_count() const { return static_cast<int>(line_start.size()); }
    /// 0-based line holding index `pos`.
    int line_at(int32_t pos) const;
    /// Byte offset in utf8 of index `pos`.
    std::size_t byte_at(int32_t pos) const;
    /// Original characters of [a, b) as UTF-8.
    std::string slice(int32_t a, int32_t b) const;
};

/// Decodes `bytes`. `encoding` forces a charset (any ICU converter name); otherwise a BOM,
/// valid UTF-8, UTF-16 without BOM and GB18030 are tried in that order. Throws DecodeError.
/// Takes `bytes` by value and frees them once decoded: the UTF-8 text is not kept beside `orig`.
SourceText decode_source(std::string bytes, const std::string& path,
                         const std::optional<std::string>& encoding = std::nullopt);

/// Folds one UTF-16 unit for matching: full-width -> half-width, NFKC where it maps to a
/// single unit, Traditional -> Simplified, a BOM inside the text -> space. Identity for everything else.
char16_t fold_unit(char16_t c);

/// UTF-8 helpers.
std::string to_utf8(const icu::UnicodeString& s);
icu::UnicodeString from_utf8(const std::string& s);

}  // namespace tasksplit
