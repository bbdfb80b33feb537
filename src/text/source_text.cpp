// Decoding and line indexing. Charsets are converted by ICU; the folded view is built one
// UTF-16 unit at a time so that positions in it are positions in the original.
#include "tasksplit/source_text.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <atomic>
#include <memory>
#include <mutex>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/ustring.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

namespace tasksplit {

extern const std::pair<char16_t, char16_t> kHantHans[];
extern const std::size_t kHantHansSize;

namespace {

/// Validates UTF-8; returns the offset of the first invalid byte or npos.
std::size_t first_invalid_utf8(const std::string& s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t len = static_cast<int32_t>(s.size());
    int32_t i = 0;
    while (i < len) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, len, c);
        if (c < 0) return static_cast<std::size_t>(start);
    }
    return std::string::npos;
}

/// The bytes from `bad` on are the start of a multi-byte UTF-8 character that the input cuts
/// off: a download or copy stopped mid-character.
bool truncated_utf8_tail(const std::string& s, std::size_t bad) {
    auto at = [&](std::size_t i) { return static_cast<uint8_t>(s[i]); };
    const uint8_t lead = at(bad);
    const std::size_t have = s.size() - bad;
    const std::size_t need = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0;
    if (need == 0 || have >= need) return false;
    if (have >= 2 && !(need == 3 ? U8_IS_VALID_LEAD3_AND_T1(lead, at(bad + 1)) : U8_IS_VALID_LEAD4_AND_T1(lead, at(bad + 1))))
        return false;
    return have < 3 || U8_IS_TRAIL(at(bad + 2));
}

icu::UnicodeString convert_strict(const std::string& bytes, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &status), ucnv_close);
    if (U_FAILURE(status)) throw DecodeError(std::string("unknown encoding '") + charset + "'", 0);
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    icu::UnicodeString out;
    const char* src = bytes.data();
    const char* end = src + bytes.size();
    std::vector<UChar> buf(8192);
    while (true) {
        UChar* target = buf.data();
        status = U_ZERO_ERROR;
        ucnv_toUnicode(conv.get(), &target, buf.data() + buf.size(), &src, end, nullptr, true, &status);
        out.append(buf.data(), static_cast<int32_t>(target - buf.data()));
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(status)) {
            char bad[32];
            int8_t badlen = sizeof bad;
            UErrorCode st2 = U_ZERO_ERROR;
            ucnv_getInvalidChars(conv.get(), bad, &badlen, &st2);
            std::size_t offset = static_cast<std::size_t>(src - bytes.data()) - (U_SUCCESS(st2) ? badlen : 0);
            throw DecodeError(std::string("invalid ") + charset + " byte sequence", offset);
        }
        break;
    }
    return out;
}

/// UTF-16 without a BOM: the ASCII characters (line breaks, digits) carry a zero high byte, so
/// NUL bytes gather on one parity (CJK low bytes are rarely zero). GB18030 and UTF-8 text
/// never hold NUL bytes.
std::optional<const char*> sniff_utf16(const std::string& bytes) {
    if (bytes.size() < 4 || bytes.size() % 2) return std::nullopt;
    std::size_t even = 0, odd = 0;
    std::size_t n = std::min<std::size_t>(bytes.size(), 1 << 16);
    for (std::size_t i = 0; i < n; ++i)
        if (bytes[i] == 0) (i % 2 ? odd : even)++;
    if (odd > 4 * even && bytes.find(std::string("\n\0", 2)) != std::string::npos) return "UTF-16LE";
    if (even > 4 * odd && bytes.find(std::string("\0\n", 2)) != std::string::npos) return "UTF-16BE";
    return std::nullopt;
}

/// The folded form of each UTF-16 unit, filled on demand for the units a text uses: NFKC where it
/// maps to one unit, ideographic space to space, Traditional to Simplified (a generated table of
/// ICU's Hant-Hans mapping). One per thread, so filling needs no lock.
class FoldCache {
public:
    char16_t operator[](char16_t c) {
        if (!known_[c]) learn(c);
        return map_[c];
    }

    /// Folds s[0, n) in place.
    void fold(char16_t* s, int32_t n) {
        for (int32_t i = 0; i < n; ++i) s[i] = (*this)[s[i]];
    }

private:
    std::array<char16_t, 65536> map_{};
    std::bitset<65536> known_;

    void learn(char16_t c) {
        known_[c] = true;
        map_[c] = c;
        if (c < 0x80 || U16_IS_SURROGATE(c)) return;
        // A BOM inside the text (files joined end to end) is no character of it: matching reads it as
        // a space, which it passes over, while spans keep pointing into the text as it came.
        if (c == 0x3000 || c == 0xFEFF) {
            map_[c] = u' ';
            return;
        }
        // Enclosed numbers ("①完成…", "⒈", "⑴") number list entries; NFKC would leave a bare
        // digit glued to the text ("1完成…"), which reads as a quantity.
        if (c >= 0x2460 && c <= 0x24FF) return;
        // The table is in code-unit order (tools/gen_hant_hans.cpp): searched in place, it costs
        // nothing to set up, where a hash map of it took a tenth of a millisecond per thread.
        const auto* end = kHantHans + kHantHansSize;
        const auto* it = std::lower_bound(kHantHans, end, c, [](const auto& e, char16_t k) { return e.first < k; });
        if (it != end && it->first == c) {
            map_[c] = it->second;
            return;
        }
        UErrorCode st = U_ZERO_ERROR;
        const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(st);
        icu::UnicodeString one(c);
        if (U_SUCCESS(st) && !nfkc->isNormalized(one, st)) {
            icu::UnicodeString folded = nfkc->normalize(one, st);
            if (U_SUCCESS(st) && folded.length() == 1) map_[c] = folded.charAt(0);
        }
    }
};

/// A mirror page that glosses every character with its pinyin ("項(xiàng)目(mù)") reads, on the
/// folded view, as the characters alone: each "(pinyin)" after a Chinese character becomes
/// spaces, which matching passes over as it does a PDF's letter-spacing. The text is printed as
/// the copy has it.
bool pinyin_letter(char16_t c) {
    static const std::u16string_view toned = u"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ";
    return (c >= u'a' && c <= u'z') || toned.find(c) != std::u16string_view::npos;
}

void blank_pinyin(char16_t* f, int32_t n) {
    constexpr int32_t kSyllableMax = 6;  // "zhuàng"
    for (int32_t i = 1; i + 2 < n; ++i) {
        if (f[i] != u'(' || f[i - 1] < 0x4E00 || f[i - 1] > 0x9FFF) continue;
        int32_t k = i + 1;
        while (k < n && k - i - 1 < kSyllableMax + 1 && pinyin_letter(f[k])) ++k;
        const int32_t letters = k - i - 1;
        if (letters == 0 || letters > kSyllableMax || k >= n || f[k] != u')') continue;
        bool vowel = false;  // every syllable has one: "(km)" is a unit of measure
        for (int32_t j = i + 1; j < k; ++j) vowel |= std::u16string_view(u"aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ").find(f[j]) != std::u16string_view::npos;
        if (!vowel) continue;
        for (int32_t j = i; j <= k; ++j) f[j] = u' ';
        i = k;
    }
}

FoldCache& fold_cache() {
    thread_local FoldCache cache;
    return cache;
}

}  // namespace

char16_t fold_unit(char16_t c) { return fold_cache()[c]; }

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

icu::UnicodeString from_utf8(const std::string& s) { return icu::UnicodeString::fromUTF8(s); }

int SourceText::line_at(int32_t pos) const {
    auto it = std::upper_bound(line_start.begin(), line_start.end(), pos);
    return it == line_start.begin() ? 0 : static_cast<int>(it - line_start.begin()) - 1;
}

namespace {

/// UTF-8 length of one UTF-16 unit; a surrogate pair counts 4 at its lead unit.
inline std::size_t utf8_units(char16_t c) {
    if (c < 0x80) return 1;
    if (c < 0x800) return 2;
    if (U16_IS_LEAD(c)) return 4;
    if (U16_IS_TRAIL(c)) return 0;
    return 3;
}

}  // namespace

std::size_t SourceText::byte_at(int32_t pos) const {
    // From the nearest checkpoint: constant work per call even on a 50 MB line.
    std::size_t k = static_cast<std::size_t>(pos) / kCheckpointStride;
    if (k >= byte_checkpoint.size()) k = byte_checkpoint.empty() ? 0 : byte_checkpoint.size() - 1;
    std::size_t bytes = byte_checkpoint.empty() ? 0 : byte_checkpoint[k];
    for (int32_t i = static_cast<int32_t>(k * kCheckpointStride); i < pos && i < orig.length(); ++i)
        bytes += utf8_units(orig.charAt(i));
    return bytes;
}

std::string SourceText::slice(int32_t a, int32_t b) const {
    std::string out;
    orig.tempSubStringBetween(a, b).toUTF8String(out);
    return out;
}

namespace {

// fromUTF8 reserves one UTF-16 unit per byte, three times what Chinese text needs; measuring first
// gives a buffer of the exact size.
icu::UnicodeString utf16_of_valid_utf8(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    const auto size = static_cast<int32_t>(utf8.size());
    u_strFromUTF8(nullptr, 0, &length, utf8.data(), size, &status);
    icu::UnicodeString out;
    status = U_ZERO_ERROR;
    u_strFromUTF8(out.getBuffer(length), length, nullptr, utf8.data(), size, &status);
    out.releaseBuffer(U_SUCCESS(status) ? length : 0);
    return out;
}

}  // namespace

SourceText decode_source(std::string bytes, const std::string& path, const std::optional<std::string>& encoding) {
    SourceText src;
    src.path = path;
    src.input_bytes = bytes.size();
    std::string enc;
    if (encoding) {
        enc = *encoding;
        src.orig = convert_strict(bytes, enc.c_str());
    } else if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        enc = "UTF-8";
        bytes.erase(0, 3);
        if (auto bad = first_invalid_utf8(bytes); bad != std::string::npos)
            throw DecodeError(truncated_utf8_tail(bytes, bad) ? "truncated UTF-8: the input ends inside a character" : "invalid UTF-8",
                              bad + 3);
        src.orig = utf16_of_valid_utf8(bytes);
    } else if (bytes.size() >= 2 && (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0)) {
        enc = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        try {
            src.orig = convert_strict(bytes.substr(2), enc.c_str());
        } catch (const DecodeError& e) {
            throw DecodeError(e.what(), e.offset + 2);  // offsets count the BOM, as in the file
        }
    } else if (auto bad = first_invalid_utf8(bytes); bad == std::string::npos) {
        enc = "UTF-8";
        src.orig = utf16_of_valid_utf8(bytes);
    } else if (auto u16 = sniff_utf16(bytes)) {
        enc = *u16;
        src.orig = convert_strict(bytes, u16.value());
    } else if (truncated_utf8_tail(bytes, bad)) {
        // Valid UTF-8 up to a cut-off last character: reading it as GB18030 would turn the
        // whole notice into other characters.
        throw DecodeError("truncated UTF-8: the input ends inside a character", bad);
    } else {
        // Not UTF-8: the other encoding Chinese government files come in is GB18030 (a superset of GBK).
        try {
            enc = "GB18030";
            src.orig = convert_strict(bytes, "GB18030");
        } catch (const DecodeError& e) {
            // Point at the bad byte of the encoding the file is likely in: UTF-8 when non-ASCII
            // UTF-8 came before its bad byte, GB18030 otherwise.
            bool utf8_text = std::any_of(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(bad),
                                         [](char c) { return static_cast<uint8_t>(c) >= 0x80; });
            throw DecodeError("not valid UTF-8, UTF-16 or GB18030 text", utf8_text ? bad : e.offset);
        }
    }
    src.encoding = enc;
    // A NUL in decoded text means binary input, not a notice.
    if (int32_t nul = src.orig.indexOf(char16_t(0)); nul >= 0) {
        std::string prefix;
        src.orig.tempSubString(0, nul).toUTF8String(prefix);
        throw DecodeError("binary data (NUL character)", prefix.size());
    }
    // The input bytes die here: spans are computed from `orig` (byte_at), so a second copy of the
    // text would only raise peak memory.
    std::string().swap(bytes);

    const int32_t n = src.orig.length();
    src.fold = src.orig;
    char16_t* f = src.fold.getBuffer(n);
    fold_cache().fold(f, n);
    blank_pinyin(f, n);
    src.fold.releaseBuffer(n);

    const char16_t* text = src.orig.getBuffer();
    std::size_t byte = 0;
    int32_t start = 0;
    src.byte_checkpoint.reserve(static_cast<std::size_t>(n) / SourceText::kCheckpointStride + 1);
    for (int32_t i = 0; i <= n; ++i) {
        if (i % SourceText::kCheckpointStride == 0) src.byte_checkpoint.push_back(byte);
        // A CR ends a line too unless an LF follows it: old Mac files end their lines with CR alone.
        const bool line_break = i == n || text[i] == u'\n' || (text[i] == u'\r' && (i + 1 == n || text[i + 1] != u'\n'));
        if (line_break) {
            if (!(i == n && start == n && n > 0)) {  // text ending in a newline has no empty last line
                int32_t end = i;
                if (end > start && text[end - 1] == u'\r') --end;  // CRLF
                src.line_start.push_back(start);
                src.line_end.push_back(end);
            }
            start = i + 1;
        }
        if (i < n) byte += utf8_units(text[i]);
    }
    src.utf8_length = byte;
    return src;
}

}  // namespace tasksplit
