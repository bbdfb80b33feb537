// Reading members of a ZIP archive with zlib. libzip would do it too, but Debian ships it only as a
// shared library that loads libcrypto: +2.7 ms of CPU on every run (a stub linked with and without
// it), text inputs included, against a one-file parse of ~6 ms. A .docx needs the central
// directory and stored or deflated members only.
#include <algorithm>
#include <cctype>
#include <zlib.h>

#include "internal.hpp"

namespace tasksplit::readers {

namespace {

// Inflating stops here: a member this large is a zip bomb or no notice.
constexpr std::uint64_t kMaxMember = 512ull << 20;

std::uint16_t u16(std::string_view b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
std::uint32_t u32(std::string_view b, std::size_t at) { return u16(b, at) | static_cast<std::uint32_t>(u16(b, at + 2)) << 16; }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

[[noreturn]] void broken(const std::string& why) { throw UnreadableFormat("a broken ZIP archive (" + why + ")"); }

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes) : bytes_(bytes) {
    // The end-of-central-directory record: 22 bytes and a comment of up to 64 KiB, at the end.
    if (bytes.size() < 22) broken("too short");
    std::size_t eocd = std::string_view::npos;
    const std::size_t lowest = bytes.size() > 22 + 0xFFFF ? bytes.size() - 22 - 0xFFFF : 0;
    for (std::size_t at = bytes.size() - 22 + 1; at-- > lowest;)
        if (u32(bytes, at) == 0x06054b50) {
            eocd = at;
            break;
        }
    if (eocd == std::string_view::npos) broken("no central directory");
    const std::uint16_t count = u16(bytes, eocd + 10);
    std::size_t at = u32(bytes, eocd + 16);
    if (count == 0xFFFF || at == 0xFFFFFFFF) broken("ZIP64 is not supported");
    for (std::uint16_t i = 0; i < count; ++i) {
        if (at + 46 > bytes.size() || u32(bytes, at) != 0x02014b50) broken("bad central directory entry");
        Entry e;
        e.flags = u16(bytes, at + 8);
        e.method = u16(bytes, at + 10);
        e.crc = u32(bytes, at + 16);
        e.compressed = u32(bytes, at + 20);
        e.size = u32(bytes, at + 24);
        const std::size_t name_len = u16(bytes, at + 28), extra_len = u16(bytes, at + 30), comment_len = u16(bytes, at + 32);
        e.local_header = u32(bytes, at + 42);
        if (at + 46 + name_len > bytes.size()) broken("bad central directory entry");
        entries_.emplace(lower(std::string(bytes.substr(at + 46, name_len))), e);
        at += 46 + name_len + extra_len + comment_len;
    }
}

bool ZipArchive::contains(const std::string& name) const { return entries_.count(lower(name)) > 0; }

std::optional<std::string> ZipArchive::read(const std::string& name) const {
    auto it = entries_.find(lower(name));
    if (it == entries_.end()) return std::nullopt;
    const Entry& e = it->second;
    if (e.flags & 1) throw UnreadableFormat("an encrypted document: save it without a password first");
    if (e.size > kMaxMember) broken(name + " is larger than 512 MiB");
    const std::size_t at = e.local_header;
    if (at + 30 > bytes_.size() || u32(bytes_, at) != 0x04034b50) broken("bad local header of " + name);
    const std::size_t data = at + 30 + u16(bytes_, at + 26) + u16(bytes_, at + 28);
    if (data > bytes_.size() || e.compressed > bytes_.size() - data) broken(name + " runs past the end");
    const std::string_view in = bytes_.substr(data, e.compressed);
    std::string out;
    if (e.method == 0) {
        out.assign(in);
    } else if (e.method == 8) {
        out.resize(e.size);
        z_stream z{};
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK) broken("zlib");
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        z.avail_in = static_cast<uInt>(in.size());
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        const int rc = inflate(&z, Z_FINISH);
        const auto produced = z.total_out;
        inflateEnd(&z);
        if (rc != Z_STREAM_END || produced != e.size) broken(name + " does not inflate");
    } else {
        broken(name + " uses compression method " + std::to_string(e.method));
    }
    if (crc32(0, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size())) != e.crc)
        broken(name + " fails its checksum");
    return out;
}

}  // namespace tasksplit::readers
