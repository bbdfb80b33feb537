// YAML: the same tree and key order as JSON (walk_document), block style, UTF-8 kept; what YAML
// readers refuse or fold is escaped, so PyYAML and libyaml read back what JSON holds.
#include <array>
#include <cstdio>
#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "tasksplit/json_io.hpp"
#include "writers_internal.hpp"

namespace tasksplit::writers {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// yaml-cpp quotes what YAML syntax requires, but leaves plain any scalar that a resolver would read as
// something other than a string: item number "1", date "2024-03-18" or "yes" would come back from
// PyYAML as an int, a date and a bool. Quote those, using YAML 1.1's wide rules (a superset of 1.2's).
bool resolves_to_non_string(std::string_view s) {
    static constexpr std::array<std::string_view, 29> words = {
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
        "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "", "<<", "="};
    for (std::string_view w : words) {
        if (s == w) return true;
    }
    std::string_view rest = s;
    if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) rest.remove_prefix(1);
    if (rest.empty()) return false;
    for (std::string_view special : {".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"}) {
        if (rest == special) return true;
    }
    // Ints, floats, hex/octal/binary, sexagesimal and timestamps all start with a digit (or ".5") and
    // stay within ASCII letters, digits and "_.:+- "; quoting a few harmless look-alikes is fine.
    const bool starts_numeric = is_digit(rest.front()) || (rest.size() > 1 && rest[0] == '.' && is_digit(rest[1]));
    if (!starts_numeric) return false;
    for (char c : rest) {
        if (!is_ascii_alnum(c) && std::string_view("_.:+- ").find(c) == std::string_view::npos) return false;
    }
    return true;
}

/// Whether YAML readers take code point `c` as it is, and yaml-cpp writes it as it is. Not so:
/// controls other than tab and line feed (PyYAML refuses DEL and C1 raw), NEL, U+2028 and U+2029
/// (YAML 1.1 line breaks: folded to a space on reading), U+FEFF (a byte order mark mid-stream) and
/// the noncharacters (refused, or written by yaml-cpp as U+FFFD).
bool plain_code_point(char32_t c) {
    if (c < 0x20) return c == '\t' || c == '\n';
    if (c < 0x7F) return true;
    if (c <= 0x9F) return false;
    if (c == 0x2028 || c == 0x2029 || c == 0xFEFF) return false;
    if (c >= 0xFDD0 && c <= 0xFDEF) return false;
    return (c & 0xFFFE) != 0xFFFE;
}

/// The code point at s[i] (valid UTF-8: the document's strings are), advancing i.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    const int extra = lead < 0x80 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    char32_t c = extra == 0 ? lead : lead & (0x3F >> extra);
    for (int k = 1; k <= extra && i + k < s.size(); ++k) c = (c << 6) | (byte(i + k) & 0x3F);
    i += static_cast<std::size_t>(extra) + 1;
    return c;
}

bool needs_escapes(std::string_view s) {
    for (std::size_t i = 0; i < s.size();)
        if (!plain_code_point(next_code_point(s, i))) return true;
    return false;
}

/// `s` as a YAML double-quoted scalar: escapes for what plain_code_point refuses, UTF-8 for the rest.
std::string double_quoted(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const char32_t c = next_code_point(s, i);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (plain_code_point(c)) {
            out.append(s.substr(start, i - start));
        } else {
            char escape[16];
            std::snprintf(escape, sizeof escape, c <= 0xFF ? "\\x%02X" : c <= 0xFFFF ? "\\u%04X" : "\\U%08X",
                          static_cast<unsigned>(c));
            out += escape;
        }
    }
    return out + '"';
}

/// Where a string written by double_quoted goes: yaml-cpp cannot be handed a scalar already
/// written, so it writes an empty double-quoted one there (""), which ends at byte `end` of its output.
struct Spliced {
    std::size_t end;
    std::string scalar;
};

/// Writes what `e` holds with each Spliced scalar in place of its placeholder.
void write_spliced(std::ostream& out, const YAML::Emitter& e, const std::vector<Spliced>& scalars) {
    const char* yaml = e.c_str();
    std::size_t from = 0;
    for (const Spliced& s : scalars) {
        if (s.end < from + 2 || s.end > e.size() || std::string_view(yaml + s.end - 2, 2) != "\"\"")
            throw std::runtime_error("YAML emitter: a placeholder is not where it was written");
        out.write(yaml + from, static_cast<std::streamsize>(s.end - 2 - from));
        out << s.scalar;
        from = s.end;
    }
    out.write(yaml + from, static_cast<std::streamsize>(e.size() - from));
}

class YamlSink : public JsonSink {
public:
    explicit YamlSink(YAML::Emitter& e) : e_(e) {}

    void begin_object(std::size_t) override { e_ << YAML::BeginMap; }
    void end_object() override { e_ << YAML::EndMap; }
    void begin_array(std::size_t elements) override {
        // Flow style only changes empty lists: "support: []" rather than "[]" on a line of its own.
        if (elements == 0) e_ << YAML::Flow;
        e_ << YAML::BeginSeq;
    }
    void end_array() override { e_ << YAML::EndSeq; }
    void key(std::string_view name) override { e_ << YAML::Key << std::string(name) << YAML::Value; }
    void string(std::string_view v) override {
        if (needs_escapes(v)) {
            e_ << YAML::DoubleQuoted << "";
            spliced_.push_back({e_.size(), double_quoted(v)});
            return;
        }
        if (resolves_to_non_string(v)) e_ << YAML::DoubleQuoted;
        e_ << std::string(v);
    }
    void integer(std::int64_t v) override { e_ << v; }
    // yaml-cpp prints doubles with 17 significant digits (125.59999999999999).
    void real(double v) override { e_ << shortest_decimal(v); }
    void boolean(bool v) override { e_ << v; }
    void null() override { e_ << YAML::Null; }
    const std::vector<Spliced>& spliced() const { return spliced_; }

private:
    YAML::Emitter& e_;
    std::vector<Spliced> spliced_;  ///< in output order
};

}  // namespace

void write_yaml(const Document& doc, std::ostream& out, bool marker) {
    YAML::Emitter e;
    e.SetOutputCharset(YAML::EmitNonAscii);
    e.SetNullFormat(YAML::LowerNull);
    if (marker) e << YAML::BeginDoc;
    YamlSink sink(e);
    walk_document(doc, sink);
    if (!e.good()) throw std::runtime_error("YAML emitter: " + e.GetLastError());
    write_spliced(out, e, sink.spliced());
    out << '\n';
}

}  // namespace tasksplit::writers
