// Document <-> JSON. Key order follows docs/output-contract; grammars/schema/document.schema.json
// describes the same tree, and json_io_test checks the two agree.
#include "tasksplit/json_io.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>

namespace tasksplit {

using ojson = nlohmann::ordered_json;
using nlohmann::json;

namespace {

// ---- writing ---------------------------------------------------------------------------------

ojson or_null(const std::optional<std::string>& s) { return s ? ojson(*s) : ojson(nullptr); }

// Empty strings that mean "none" (alias, role, bound) are written as null, like empty optionals.
ojson empty_as_null(const std::string& s) { return s.empty() ? ojson(nullptr) : ojson(s); }

// Integral values are written as integers (5, not 5.0); 2^53 bounds the range where a double is exact.
ojson number(double v) {
    if (std::isfinite(v) && std::trunc(v) == v && std::fabs(v) <= 9007199254740992.0) {
        return ojson(static_cast<std::int64_t>(v));
    }
    return ojson(v);
}

// ordered_json keeps an object's members in a vector of pairs with const keys, which cannot be
// moved: each time it grows it copies every member deeply. Reserving the members up front keeps
// serialisation linear.
ojson object_with(std::size_t members) {
    ojson o = ojson::object();
    o.get_ref<ojson::object_t&>().reserve(members);
    return o;
}

ojson person(const std::optional<Person>& p) {
    if (!p) return nullptr;
    ojson o = object_with(2);
    o["name"] = p->name;
    o["role"] = empty_as_null(p->role);
    return o;
}

ojson units(const std::vector<Unit>& list) {
    ojson a = ojson::array();
    for (const Unit& u : list) {
        ojson o = object_with(4);
        o["name"] = u.name;
        o["raw"] = u.raw;
        o["alias"] = empty_as_null(u.alias);
        o["kind"] = u.kind;
        a.push_back(std::move(o));
    }
    return a;
}

ojson target(const Target& t) {
    ojson o = object_with(8);
    o["indicator"] = t.indicator;
    o["verb"] = t.verb;
    o["value"] = number(t.value);
    o["measure"] = t.measure;
    o["bound"] = empty_as_null(t.bound);
    o["aspirational"] = t.aspirational;
    o["text"] = t.text;
    o["span"] = ojson{{"start", t.start}, {"end", t.end}};
    return o;
}

ojson item(const Item& it) {
    ojson o = object_with(13);
    o["id"] = it.id;
    o["number"] = or_null(it.number);
    o["text"] = it.text;
    o["detail"] = or_null(it.detail);
    o["leader"] = person(it.leader);
    o["lead"] = units(it.lead);
    o["support"] = units(it.support);
    o["lead_basis"] = it.lead_basis;
    o["targets"] = ojson::array();
    for (const Target& t : it.targets) o["targets"].push_back(target(t));
    o["deadline"] = or_null(it.deadline);
    o["deadline_iso"] = or_null(it.deadline_iso);
    o["span"] = ojson{{"line", it.span.line}, {"end_line", it.span.end_line},
                      {"start", it.span.start}, {"end", it.span.end}};
    return o;
}

ojson section(const Section& s) {
    ojson o = object_with(7);
    o["id"] = s.id;
    o["ordinal"] = s.ordinal;
    o["label"] = or_null(s.label);
    o["title"] = or_null(s.title);
    o["line"] = s.line;
    o["leader"] = person(s.leader);
    o["items"] = ojson::array();
    for (const Item& it : s.items) o["items"].push_back(item(it));
    return o;
}

ojson part(const Part& p) {
    ojson o = object_with(5);
    o["id"] = p.id;
    o["kind"] = p.kind;
    o["title"] = p.title;
    o["line"] = p.line;
    o["sections"] = ojson::array();
    for (const Section& s : p.sections) o["sections"].push_back(section(s));
    return o;
}

ojson table(const Table& t) {
    ojson o = object_with(7);
    o["id"] = t.id;
    o["part"] = t.part;
    o["title"] = t.title;
    o["line"] = t.line;
    o["columns"] = t.columns;
    o["rows"] = t.rows;
    o["raw_rows"] = t.raw_rows;
    return o;
}

ojson meta(const DocumentMeta& m) {
    ojson o = object_with(8);
    o["doc_number"] = or_null(m.doc_number);
    o["issuer"] = or_null(m.issuer);
    o["title"] = or_null(m.title);
    o["date"] = or_null(m.date);
    o["year"] = m.year ? ojson(*m.year) : ojson(nullptr);
    o["addressees"] = m.addressees;
    o["contacts"] = ojson::array();
    for (const Contact& c : m.contacts) {
        o["contacts"].push_back(ojson{{"name", c.name}, {"phones", c.phones}});
    }
    if (m.lead_convention) {
        const LeadConvention& lc = *m.lead_convention;
        o["lead_convention"] = ojson{{"text", lc.text}, {"rule", lc.rule}, {"line", lc.line}};
    } else {
        o["lead_convention"] = nullptr;
    }
    return o;
}

// ---- reading ---------------------------------------------------------------------------------

// A JSON value together with its JSON Pointer, so every error can say where it happened.
class Cursor {
public:
    Cursor(const json& value, std::string path) : value_(value), path_(std::move(path)) {}

    [[noreturn]] void fail(const std::string& problem) const { throw ReadError(path_, problem); }

    const Cursor& expect(json::value_t type, const char* name) const {
        if (value_.type() != type) fail(std::string("expected ") + name + ", got " + value_.type_name());
        return *this;
    }

    /// The member `key`; throws when it is absent.
    Cursor at(const char* key) const {
        expect(json::value_t::object, "object");
        auto it = value_.find(key);
        if (it == value_.end()) throw ReadError(path_ + "/" + key, "missing");
        return Cursor(*it, path_ + "/" + key);
    }

    /// The member `key`, or nothing when it is absent or null.
    std::optional<Cursor> maybe(const char* key) const {
        expect(json::value_t::object, "object");
        auto it = value_.find(key);
        if (it == value_.end() || it->is_null()) return std::nullopt;
        return Cursor(*it, path_ + "/" + key);
    }

    std::string str() const {
        if (!value_.is_string()) fail(std::string("expected string, got ") + value_.type_name());
        return value_.get<std::string>();
    }

    std::int64_t integer(std::int64_t lo, std::int64_t hi) const {
        if (!value_.is_number_integer()) fail(std::string("expected integer, got ") + value_.type_name());
        if (value_.is_number_unsigned() &&
            value_.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            fail("integer out of range");
        }
        const std::int64_t v = value_.get<std::int64_t>();
        if (v < lo || v > hi) fail("integer out of range: " + std::to_string(v));
        return v;
    }
    int int_value() const {
        return static_cast<int>(integer(std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
    }
    std::size_t offset() const {
        return static_cast<std::size_t>(integer(0, std::numeric_limits<std::int64_t>::max()));
    }

    double number() const {
        if (!value_.is_number()) fail(std::string("expected number, got ") + value_.type_name());
        return value_.get<double>();
    }

    bool boolean() const {
        if (!value_.is_boolean()) fail(std::string("expected boolean, got ") + value_.type_name());
        return value_.get<bool>();
    }

    template <typename F>
    auto list(F read_one) const {
        expect(json::value_t::array, "array");
        std::vector<decltype(read_one(std::declval<Cursor>()))> out;
        out.reserve(value_.size());
        for (std::size_t i = 0; i < value_.size(); ++i) {
            out.push_back(read_one(Cursor(value_[i], path_ + "/" + std::to_string(i))));
        }
        return out;
    }

private:
    const json& value_;
    std::string path_;
};

std::string read_str(const Cursor& c) { return c.str(); }

std::optional<std::string> opt_str(const Cursor& c, const char* key) {
    if (auto v = c.maybe(key)) return v->str();
    return std::nullopt;
}

std::string str_or_empty(const Cursor& c, const char* key) { return opt_str(c, key).value_or(""); }

std::optional<Person> read_person(const Cursor& c, const char* key) {
    auto v = c.maybe(key);
    if (!v) return std::nullopt;
    return Person{v->at("name").str(), str_or_empty(*v, "role")};
}

Unit read_unit(const Cursor& c) {
    return Unit{c.at("name").str(), c.at("raw").str(), str_or_empty(c, "alias"), c.at("kind").str()};
}

Target read_target(const Cursor& c) {
    Target t;
    t.indicator = c.at("indicator").str();
    t.verb = c.at("verb").str();
    t.value = c.at("value").number();
    t.measure = c.at("measure").str();
    t.bound = str_or_empty(c, "bound");
    // aspirational and span came after the contract's example, which leaves them out.
    if (auto a = c.maybe("aspirational")) t.aspirational = a->boolean();
    t.text = c.at("text").str();
    if (auto s = c.maybe("span")) {
        t.start = s->at("start").offset();
        t.end = s->at("end").offset();
    }
    return t;
}

Item read_item(const Cursor& c) {
    Item it;
    it.id = c.at("id").str();
    it.number = opt_str(c, "number");
    it.text = c.at("text").str();
    it.detail = opt_str(c, "detail");
    it.leader = read_person(c, "leader");
    it.lead = c.at("lead").list(read_unit);
    it.support = c.at("support").list(read_unit);
    it.lead_basis = c.at("lead_basis").str();
    it.targets = c.at("targets").list(read_target);
    it.deadline = opt_str(c, "deadline");
    it.deadline_iso = opt_str(c, "deadline_iso");
    const Cursor span = c.at("span");
    it.span.line = span.at("line").int_value();
    it.span.end_line = span.at("end_line").int_value();
    it.span.start = span.at("start").offset();
    it.span.end = span.at("end").offset();
    return it;
}

Section read_section(const Cursor& c) {
    Section s;
    s.id = c.at("id").str();
    s.ordinal = c.at("ordinal").int_value();
    s.label = opt_str(c, "label");
    s.title = opt_str(c, "title");
    s.line = c.at("line").int_value();
    s.leader = read_person(c, "leader");
    s.items = c.at("items").list(read_item);
    return s;
}

Part read_part(const Cursor& c) {
    Part p;
    p.id = c.at("id").str();
    p.kind = c.at("kind").str();
    p.title = c.at("title").str();
    p.line = c.at("line").int_value();
    p.sections = c.at("sections").list(read_section);
    return p;
}

std::vector<std::string> read_row(const Cursor& c) { return c.list(read_str); }

Table read_table(const Cursor& c) {
    Table t;
    t.id = c.at("id").str();
    t.part = c.at("part").str();
    t.title = c.at("title").str();
    t.line = c.at("line").int_value();
    t.columns = c.at("columns").list(read_str);
    t.rows = c.at("rows").list(read_row);
    t.raw_rows = c.at("raw_rows").list(read_row);
    return t;
}

Diagnostic read_diagnostic(const Cursor& c) {
    Diagnostic d;
    d.severity = c.at("severity").str();
    d.code = c.at("code").str();
    d.line = c.at("line").int_value();
    // column came after the contract's example, which leaves it out.
    if (auto col = c.maybe("column")) d.column = col->int_value();
    d.message = c.at("message").str();
    return d;
}

Unassigned read_unassigned(const Cursor& c) { return Unassigned{c.at("line").int_value(), c.at("text").str()}; }

Contact read_contact(const Cursor& c) { return Contact{c.at("name").str(), c.at("phones").list(read_str)}; }

DocumentMeta read_meta(const Cursor& c) {
    DocumentMeta m;
    m.doc_number = opt_str(c, "doc_number");
    m.issuer = opt_str(c, "issuer");
    m.title = opt_str(c, "title");
    m.date = opt_str(c, "date");
    if (auto y = c.maybe("year")) m.year = y->int_value();
    m.addressees = c.at("addressees").list(read_str);
    m.contacts = c.at("contacts").list(read_contact);
    if (auto lc = c.maybe("lead_convention")) {
        m.lead_convention = LeadConvention{lc->at("text").str(), lc->at("rule").str(), lc->at("line").int_value()};
    }
    return m;
}

SourceInfo read_source(const Cursor& c) {
    SourceInfo s;
    s.path = c.at("path").str();
    s.sha256 = c.at("sha256").str();
    s.encoding = c.at("encoding").str();
    s.bytes = c.at("bytes").offset();
    s.lines = c.at("lines").int_value();
    return s;
}

}  // namespace

ReadError::ReadError(std::string where, const std::string& problem)
    : std::runtime_error((where.empty() ? std::string("/") : where) + ": " + problem), path(std::move(where)) {}

ojson to_json(const Document& doc) {
    ojson o = object_with(9);
    o["format"] = doc.format;
    const SourceInfo& s = doc.source;
    o["source"] = ojson{{"path", s.path}, {"sha256", s.sha256}, {"encoding", s.encoding},
                        {"bytes", s.bytes}, {"lines", s.lines}};
    o["document"] = meta(doc.document);
    o["parts"] = ojson::array();
    for (const Part& p : doc.parts) o["parts"].push_back(part(p));
    o["tables"] = ojson::array();
    for (const Table& t : doc.tables) o["tables"].push_back(table(t));
    o["diagnostics"] = ojson::array();
    for (const Diagnostic& d : doc.diagnostics) {
        o["diagnostics"].push_back(ojson{{"severity", d.severity}, {"code", d.code}, {"line", d.line},
                                         {"column", d.column}, {"message", d.message}});
    }
    o["unassigned"] = ojson::array();
    for (const Unassigned& u : doc.unassigned) o["unassigned"].push_back(ojson{{"line", u.line}, {"text", u.text}});
    // Empty unless parse --line-map asked for it.
    o["line_roles"] = ojson::array();
    for (const LineRole& r : doc.line_roles) o["line_roles"].push_back(ojson{{"line", r.line}, {"role", r.role}});
    return o;
}

Document document_from_json(const json& j) {
    const Cursor root(j, "");
    Document doc;
    doc.format = root.at("format").str();
    if (doc.format != kFormat) {
        throw ReadError("/format", "unsupported format \"" + doc.format + "\", expected \"" + kFormat + "\"");
    }
    doc.source = read_source(root.at("source"));
    doc.document = read_meta(root.at("document"));
    doc.parts = root.at("parts").list(read_part);
    doc.tables = root.at("tables").list(read_table);
    doc.diagnostics = root.at("diagnostics").list(read_diagnostic);
    doc.unassigned = root.at("unassigned").list(read_unassigned);
    if (auto roles = root.maybe("line_roles"))
        doc.line_roles = roles->list([](const Cursor& c) { return LineRole{c.at("line").int_value(), c.at("role").str()}; });
    return doc;
}

bool looks_like_document_json(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    const auto first = bytes.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || (bytes[first] != '{' && bytes[first] != '[')) return false;
    return bytes.find(kFormat) != std::string_view::npos;
}

}  // namespace tasksplit
