// YAML: the same tree and key order as JSON (walk_document), block style, UTF-8 kept.
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string_view>

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
        if (resolves_to_non_string(v)) e_ << YAML::DoubleQuoted;
        e_ << std::string(v);
    }
    void integer(std::int64_t v) override { e_ << v; }
    // yaml-cpp prints doubles with 17 significant digits (125.59999999999999).
    void real(double v) override { e_ << shortest_decimal(v); }
    void boolean(bool v) override { e_ << v; }
    void null() override { e_ << YAML::Null; }

private:
    YAML::Emitter& e_;
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
    out << e.c_str() << '\n';
}

}  // namespace tasksplit::writers
