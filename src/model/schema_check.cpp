#include "tasksplit/schema_check.hpp"

#include <cmath>
#include <stdexcept>
#include <string_view>

namespace tasksplit {

// Defined in the build-generated embedded_schema.cpp (cmake/embed_text.cmake).
std::string_view embedded_document_schema();

namespace {

using nlohmann::json;

// Keywords that only annotate a schema; they never fail a document.
bool is_annotation(const std::string& key) {
    return key == "$schema" || key == "$id" || key == "$comment" || key == "$defs" || key == "title" ||
           key == "description";
}

bool is_supported(const std::string& key) {
    return key == "type" || key == "required" || key == "properties" || key == "items" || key == "enum" ||
           key == "additionalProperties" || key == "$ref";
}

// JSON Pointer escaping (RFC 6901), so member names with '/' or '~' still give a usable path.
std::string pointer_token(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

bool has_type(const json& v, const std::string& type) {
    if (type == "null") return v.is_null();
    if (type == "boolean") return v.is_boolean();
    if (type == "string") return v.is_string();
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "number") return v.is_number();
    // JSON Schema counts 5.0 as an integer: the type is about the value, not its spelling.
    if (type == "integer") {
        return v.is_number_integer() || (v.is_number_float() && std::trunc(v.get<double>()) == v.get<double>());
    }
    throw std::invalid_argument("unknown type \"" + type + "\" in schema");
}

class Checker {
public:
    explicit Checker(const json& root) : root_(root) {}

    void check(const json& v, const json& schema, const std::string& path, int depth) {
        // Only a $ref cycle can recurse without descending into the document.
        if (depth > 512) throw std::invalid_argument("schema $ref nesting too deep at " + shown(path));
        if (schema.is_boolean()) {
            if (!schema.get<bool>()) problem(path, "no value is allowed here");
            return;
        }
        if (!schema.is_object()) throw std::invalid_argument("schema at " + shown(path) + " is not an object");
        for (const auto& entry : schema.items()) {
            if (!is_annotation(entry.key()) && !is_supported(entry.key())) {
                throw std::invalid_argument("unsupported schema keyword \"" + entry.key() + "\"");
            }
        }
        if (auto ref = schema.find("$ref"); ref != schema.end()) check(v, resolve(*ref), path, depth + 1);
        if (auto type = schema.find("type"); type != schema.end() && !type_ok(v, *type)) {
            problem(path, "expected " + type_list(*type) + ", got " + v.type_name());
            return;  // the remaining keywords would only repeat the mismatch
        }
        if (auto e = schema.find("enum"); e != schema.end()) {
            bool found = false;
            for (const json& allowed : *e) found = found || allowed == v;
            if (!found) problem(path, v.dump() + " is not one of " + e->dump());
        }
        if (v.is_object()) check_object(v, schema, path, depth);
        if (auto items = schema.find("items"); items != schema.end() && v.is_array()) {
            for (std::size_t i = 0; i < v.size(); ++i) check(v[i], *items, path + "/" + std::to_string(i), depth + 1);
        }
    }

    std::vector<std::string> problems;

private:
    static std::string shown(const std::string& path) { return path.empty() ? "/" : path; }

    void problem(const std::string& path, const std::string& what) { problems.push_back(shown(path) + ": " + what); }

    const json& resolve(const json& ref) {
        static constexpr std::string_view prefix = "#/$defs/";
        const std::string r = ref.is_string() ? ref.get<std::string>() : ref.dump();
        if (r.compare(0, prefix.size(), prefix) == 0) {
            const std::string name = r.substr(prefix.size());
            auto defs = root_.find("$defs");
            if (defs != root_.end() && defs->contains(name)) return (*defs)[name];
        }
        throw std::invalid_argument("unresolvable $ref " + r);
    }

    static bool type_ok(const json& v, const json& type) {
        if (type.is_string()) return has_type(v, type.get<std::string>());
        for (const json& t : type) {
            if (has_type(v, t.get<std::string>())) return true;
        }
        return false;
    }

    static std::string type_list(const json& type) {
        if (type.is_string()) return type.get<std::string>();
        std::string out;
        for (const json& t : type) out += (out.empty() ? "" : " or ") + t.get<std::string>();
        return out;
    }

    void check_object(const json& v, const json& schema, const std::string& path, int depth) {
        if (auto req = schema.find("required"); req != schema.end()) {
            for (const json& key : *req) {
                if (!v.contains(key.get<std::string>())) {
                    problem(path, "missing required property \"" + key.get<std::string>() + "\"");
                }
            }
        }
        const auto props = schema.find("properties");
        const auto extra = schema.find("additionalProperties");
        for (const auto& [key, value] : v.items()) {
            const std::string child = path + "/" + pointer_token(key);
            if (props != schema.end() && props->contains(key)) {
                check(value, (*props)[key], child, depth + 1);
            } else if (extra != schema.end()) {
                if (extra->is_boolean() && !extra->get<bool>()) problem(child, "property is not allowed");
                else check(value, *extra, child, depth + 1);
            }
        }
    }

    const json& root_;
};

}  // namespace

std::vector<std::string> check_against_schema(const json& doc, const json& schema) {
    Checker checker(schema);
    checker.check(doc, schema, "", 0);
    return std::move(checker.problems);
}

const json& document_schema() {
    static const json schema = json::parse(embedded_document_schema());
    return schema;
}

}  // namespace tasksplit
