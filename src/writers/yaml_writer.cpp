// YAML: the same tree and key order as JSON (it walks to_json's output), block style, UTF-8 kept.
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "tasksplit/json_io.hpp"
#include "writers_internal.hpp"

namespace tasksplit::writers {
namespace {

using ojson = nlohmann::ordered_json;

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

void emit(YAML::Emitter& e, const ojson& v) {
    switch (v.type()) {
        case ojson::value_t::null: e << YAML::Null; break;
        case ojson::value_t::boolean: e << v.get<bool>(); break;
        case ojson::value_t::number_integer: e << v.get<std::int64_t>(); break;
        case ojson::value_t::number_unsigned: e << v.get<std::uint64_t>(); break;
        // yaml-cpp prints doubles with 17 significant digits (125.59999999999999).
        case ojson::value_t::number_float: e << shortest_decimal(v.get<double>()); break;
        case ojson::value_t::string: {
            const auto& s = v.get_ref<const std::string&>();
            if (resolves_to_non_string(s)) e << YAML::DoubleQuoted;
            e << s;
            break;
        }
        case ojson::value_t::array:
            // Flow style only changes empty lists: "support: []" rather than "[]" on a line of its own.
            if (v.empty()) e << YAML::Flow;
            e << YAML::BeginSeq;
            for (const ojson& x : v) emit(e, x);
            e << YAML::EndSeq;
            break;
        case ojson::value_t::object:
            e << YAML::BeginMap;
            for (const auto& entry : v.items()) {
                e << YAML::Key << entry.key() << YAML::Value;
                emit(e, entry.value());
            }
            e << YAML::EndMap;
            break;
        case ojson::value_t::binary:
        case ojson::value_t::discarded: break;  // to_json never produces these
    }
}

}  // namespace

void write_yaml(const std::vector<Document>& docs, std::ostream& out, bool stream) {
    if (docs.empty()) return;
    YAML::Emitter e;
    e.SetOutputCharset(YAML::EmitNonAscii);
    e.SetNullFormat(YAML::LowerNull);
    for (const Document& doc : docs) {
        if (stream || docs.size() > 1) e << YAML::BeginDoc;
        emit(e, to_json(doc));
    }
    if (!e.good()) throw std::runtime_error("YAML emitter: " + e.GetLastError());
    out << e.c_str() << '\n';
}

}  // namespace tasksplit::writers
