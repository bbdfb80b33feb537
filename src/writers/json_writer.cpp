// JSON and JSON Lines, printed straight from the model (walk_document) with no tree in between, so
// memory stays at the size of the model however large the document. The bytes are those of
// nlohmann's dump(2) / dump() of to_json's tree (writers_test holds them to that), UTF-8 unescaped.
#include <charconv>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/utf8.h>

#include "tasksplit/json_io.hpp"
#include "writers_internal.hpp"

namespace tasksplit::writers {
namespace {

class JsonText : public JsonSink {
public:
    /// indent < 0: compact (one line). depth: levels of indentation the value already sits at.
    JsonText(std::ostream& out, int indent, int depth) : out_(out), indent_(indent), base_(depth) {}

    void print(const Document& doc) {
        walk_document(doc, *this);
        flush();
    }

    void begin_object(std::size_t) override { open('{'); }
    void end_object() override { close('}'); }
    void begin_array(std::size_t) override { open('['); }
    void end_array() override { close(']'); }
    void key(std::string_view name) override {
        next_entry();
        quoted(name);
        buf_ += indent_ < 0 ? ":" : ": ";
        after_key_ = true;
    }
    void string(std::string_view v) override {
        value();
        quoted(v);
    }
    void integer(std::int64_t v) override {
        value();
        char digits[24];
        buf_.append(digits, std::to_chars(digits, digits + sizeof digits, v).ptr);
    }
    void real(double v) override {
        value();
        buf_ += nlohmann::json(v).dump();  // nlohmann's shortest round-trip form, as before
    }
    void boolean(bool v) override {
        value();
        buf_ += v ? "true" : "false";
    }
    void null() override {
        value();
        buf_ += "null";
    }

private:
    void open(char bracket) {
        value();
        buf_ += bracket;
        empty_.push_back(true);
    }
    void close(char bracket) {
        const bool was_empty = empty_.back();
        empty_.pop_back();
        if (!was_empty) newline();
        buf_ += bracket;
        if (buf_.size() >= kFlushAt) flush();
    }
    // A value inside an array starts a new entry; after a key it follows on the same line.
    void value() {
        if (after_key_) {
            after_key_ = false;
        } else if (!empty_.empty()) {
            next_entry();
        }
    }
    void next_entry() {
        if (!empty_.back()) buf_ += ',';
        empty_.back() = false;
        newline();
    }
    void newline() {
        if (indent_ < 0) return;
        buf_ += '\n';
        buf_.append(static_cast<std::size_t>(indent_) * (base_ + empty_.size()), ' ');
    }
    // nlohmann's escapes: the two-character forms it knows, \u00xx for other control characters.
    // Bytes that are not UTF-8 (a file name can hold any) become U+FFFD rather than failing the run.
    void quoted(std::string_view s) {
        buf_ += '"';
        const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
        const auto n = static_cast<std::int32_t>(s.size());
        std::int32_t i = 0;
        while (i < n) {
            // The longest run that needs no escaping (valid UTF-8 included) goes out in one piece.
            const std::int32_t start = i;
            while (i < n) {
                if (p[i] >= 0x20 && p[i] < 0x80 && p[i] != '"' && p[i] != '\\') {
                    ++i;
                } else if (p[i] >= 0x80) {
                    std::int32_t next = i;
                    UChar32 c;
                    U8_NEXT(p, next, n, c);
                    if (c < 0) break;
                    i = next;
                } else {
                    break;
                }
            }
            buf_.append(s.data() + start, static_cast<std::size_t>(i - start));
            if (i == n) break;
            if (p[i] >= 0x80) {  // not UTF-8
                UChar32 c;
                U8_NEXT(p, i, n, c);
                buf_ += "\xEF\xBF\xBD";
                continue;
            }
            escape(static_cast<char>(p[i++]));
        }
        buf_ += '"';
    }
    void escape(char c) {
        switch (c) {
            case '"': buf_ += "\\\""; return;
            case '\\': buf_ += "\\\\"; return;
            case '\b': buf_ += "\\b"; return;
            case '\f': buf_ += "\\f"; return;
            case '\n': buf_ += "\\n"; return;
            case '\r': buf_ += "\\r"; return;
            case '\t': buf_ += "\\t"; return;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                buf_ += "\\u00";
                buf_ += hex[(c >> 4) & 0xF];
                buf_ += hex[c & 0xF];
            }
        }
    }
    void flush() {
        out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        buf_.clear();
    }

    static constexpr std::size_t kFlushAt = 1 << 16;
    std::ostream& out_;
    const int indent_;
    const int base_;
    std::vector<bool> empty_;  ///< per open container: nothing written into it yet
    bool after_key_ = false;
    std::string buf_;
};

}  // namespace

void write_json(const Document& doc, std::ostream& out, int depth) { JsonText(out, 2, depth).print(doc); }

void write_json_line(const Document& doc, std::ostream& out) {
    JsonText(out, -1, 0).print(doc);
    out << '\n';
}

}  // namespace tasksplit::writers
