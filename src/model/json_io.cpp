// Document <-> JSON. Key order follows docs/output-contract; grammars/schema/document.schema.json
// describes the same tree, and json_io_test checks the two agree.
#include "tasksplit/json_io.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tasksplit {

using ojson = nlohmann::ordered_json;
using nlohmann::json;

namespace {

// ---- writing ---------------------------------------------------------------------------------

// Walks the model into a JsonSink; the shape here is docs/output-contract's.
class Walker {
public:
    explicit Walker(JsonSink& sink) : out_(sink) {}

    void document(const Document& doc) {
        out_.begin_object(9);
        field("format", doc.format);
        out_.key("source");
        const SourceInfo& s = doc.source;
        out_.begin_object(6);
        field("path", s.path);
        field("sha256", s.sha256);
        field("encoding", s.encoding);
        field("format", s.format);
        field("bytes", s.bytes);
        field("lines", s.lines);
        out_.end_object();
        out_.key("document");
        meta(doc.document);
        list("parts", doc.parts, &Walker::part);
        list("tables", doc.tables, &Walker::table);
        list("diagnostics", doc.diagnostics, &Walker::diagnostic);
        list("unassigned", doc.unassigned, &Walker::unassigned);
        // Empty unless parse --line-map asked for it.
        list("line_roles", doc.line_roles, &Walker::line_role);
        out_.end_object();
    }

private:
    void field(const char* name, const std::string& v) {
        out_.key(name);
        out_.string(v);
    }
    void field(const char* name, const std::optional<std::string>& v) {
        out_.key(name);
        v ? out_.string(*v) : out_.null();
    }
    void field(const char* name, std::int64_t v) {
        out_.key(name);
        out_.integer(v);
    }
    void field(const char* name, int v) { field(name, static_cast<std::int64_t>(v)); }
    void field(const char* name, std::size_t v) { field(name, static_cast<std::int64_t>(v)); }
    // Empty strings that mean "none" (alias, role, bound) are written as null, like empty optionals.
    void field_or_null(const char* name, const std::string& v) {
        out_.key(name);
        v.empty() ? out_.null() : out_.string(v);
    }
    // Integral values are written as integers (5, not 5.0); 2^53 bounds the range where a double is exact.
    void number(const char* name, double v) {
        out_.key(name);
        if (std::isfinite(v) && std::trunc(v) == v && std::fabs(v) <= 9007199254740992.0) {
            out_.integer(static_cast<std::int64_t>(v));
        } else {
            out_.real(v);
        }
    }
    void strings(const char* name, const std::vector<std::string>& v) {
        out_.key(name);
        strings(v);
    }
    void strings(const std::vector<std::string>& v) {
        out_.begin_array(v.size());
        for (const std::string& s : v) out_.string(s);
        out_.end_array();
    }
    template <typename T>
    void list(const char* name, const std::vector<T>& v, void (Walker::*one)(const T&)) {
        out_.key(name);
        out_.begin_array(v.size());
        for (const T& x : v) (this->*one)(x);
        out_.end_array();
    }

    void person(const char* name, const std::optional<Person>& p) {
        out_.key(name);
        if (!p) return out_.null();
        out_.begin_object(2);
        field("name", p->name);
        field_or_null("role", p->role);
        out_.end_object();
    }

    void unit(const Unit& u) {
        out_.begin_object(5);
        field("name", u.name);
        field("raw", u.raw);
        field_or_null("alias", u.alias);
        field("kind", u.kind);
        field("canonical", u.canonical.empty() ? u.name : u.canonical);
        out_.end_object();
    }

    void target(const Target& t) {
        out_.begin_object(8);
        field("indicator", t.indicator);
        field("verb", t.verb);
        number("value", t.value);
        field("measure", t.measure);
        field_or_null("bound", t.bound);
        out_.key("aspirational");
        out_.boolean(t.aspirational);
        field("text", t.text);
        out_.key("span");
        out_.begin_object(2);
        field("start", t.start);
        field("end", t.end);
        out_.end_object();
        out_.end_object();
    }

    void item(const Item& it) {
        out_.begin_object(13);
        field("id", it.id);
        field("number", it.number);
        field("text", it.text);
        field("detail", it.detail);
        person("leader", it.leader);
        list("lead", it.lead, &Walker::unit);
        list("support", it.support, &Walker::unit);
        field("lead_basis", it.lead_basis);
        list("targets", it.targets, &Walker::target);
        field("deadline", it.deadline);
        field("deadline_iso", it.deadline_iso);
        out_.key("span");
        out_.begin_object(4);
        field("line", it.span.line);
        field("end_line", it.span.end_line);
        field("start", it.span.start);
        field("end", it.span.end);
        out_.end_object();
        out_.end_object();
    }

    void section(const Section& s) {
        out_.begin_object(7);
        field("id", s.id);
        field("ordinal", s.ordinal);
        field("label", s.label);
        field("title", s.title);
        field("line", s.line);
        person("leader", s.leader);
        list("items", s.items, &Walker::item);
        out_.end_object();
    }

    void part(const Part& p) {
        out_.begin_object(5);
        field("id", p.id);
        field("kind", p.kind);
        field("title", p.title);
        field("line", p.line);
        list("sections", p.sections, &Walker::section);
        out_.end_object();
    }

    void table(const Table& t) {
        out_.begin_object(7);
        field("id", t.id);
        field("part", t.part);
        field("title", t.title);
        field("line", t.line);
        strings("columns", t.columns);
        list("rows", t.rows, &Walker::strings);
        list("raw_rows", t.raw_rows, &Walker::strings);
        out_.end_object();
    }

    void contact(const Contact& c) {
        out_.begin_object(2);
        field("name", c.name);
        strings("phones", c.phones);
        out_.end_object();
    }

    void meta(const DocumentMeta& m) {
        out_.begin_object(9);
        field("doc_number", m.doc_number);
        field("issuer", m.issuer);
        field("title", m.title);
        field("date", m.date);
        out_.key("year");
        m.year ? out_.integer(*m.year) : out_.null();
        strings("addressees", m.addressees);
        list("contacts", m.contacts, &Walker::contact);
        out_.key("lead_convention");
        if (m.lead_convention) {
            const LeadConvention& lc = *m.lead_convention;
            out_.begin_object(3);
            field("text", lc.text);
            field("rule", lc.rule);
            field("line", lc.line);
            out_.end_object();
        } else {
            out_.null();
        }
        out_.key("reporting");
        if (m.reporting) {
            const Reporting& r = *m.reporting;
            out_.begin_object(9);
            strings("frequencies", r.frequencies);
            out_.key("per_task");
            out_.boolean(r.per_task);
            field("office", r.office);
            field("reporters", r.reporters);
            field("plan_form", r.plan_form);
            field("plan_due", r.plan_due);
            field("plan_due_iso", r.plan_due_iso);
            field("text", r.text);
            field("line", r.line);
            out_.end_object();
        } else {
            out_.null();
        }
        out_.end_object();
    }

    void diagnostic(const Diagnostic& d) {
        out_.begin_object(5);
        field("severity", d.severity);
        field("code", d.code);
        field("line", d.line);
        field("column", d.column);
        field("message", d.message);
        out_.end_object();
    }

    void unassigned(const Unassigned& u) {
        out_.begin_object(2);
        field("line", u.line);
        field("text", u.text);
        out_.end_object();
    }

    void line_role(const LineRole& r) {
        out_.begin_object(2);
        field("line", r.line);
        field("role", r.role);
        out_.end_object();
    }

    JsonSink& out_;
};

// Builds the tree in place: each container is created in its slot before its members are added.
class TreeSink : public JsonSink {
public:
    explicit TreeSink(ojson& root) : root_(root) {}

    void begin_object(std::size_t members) override {
        ojson& v = slot();
        v = ojson::object();
        // ordered_json keeps an object's members in a vector of pairs with const keys, which cannot
        // be moved: each time it grows it copies every member deeply. Reserving keeps this linear.
        v.get_ref<ojson::object_t&>().reserve(members);
        open_.push_back(&v);
    }
    void end_object() override { open_.pop_back(); }
    void begin_array(std::size_t elements) override {
        ojson& v = slot();
        v = ojson::array();
        v.get_ref<ojson::array_t&>().reserve(elements);
        open_.push_back(&v);
    }
    void end_array() override { open_.pop_back(); }
    void key(std::string_view name) override { key_ = name; }
    void string(std::string_view v) override { slot() = std::string(v); }
    void integer(std::int64_t v) override { slot() = v; }
    void real(double v) override { slot() = v; }
    void boolean(bool v) override { slot() = v; }
    void null() override { slot() = nullptr; }

private:
    // Where the next value goes: the root, the next array element or the member named by key().
    ojson& slot() {
        if (open_.empty()) return root_;
        ojson& parent = *open_.back();
        if (parent.is_array()) {
            parent.push_back(nullptr);
            return parent.back();
        }
        return parent[key_];
    }

    ojson& root_;
    std::vector<ojson*> open_;
    std::string key_;
};

}  // namespace

void walk_document(const Document& doc, JsonSink& sink) { Walker(sink).document(doc); }

ojson to_json(const Document& doc) {
    ojson root;
    TreeSink sink(root);
    walk_document(doc, sink);
    return root;
}

namespace {

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
    Unit u{c.at("name").str(), c.at("raw").str(), str_or_empty(c, "alias"), c.at("kind").str(), str_or_empty(c, "canonical")};
    // Written whole for every unit; kept only where it says more than the name.
    if (u.canonical == u.name) u.canonical.clear();
    return u;
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
    // Documents written before the cover letter's reporting rules were read have no such key.
    if (auto r = c.maybe("reporting")) {
        Reporting rep;
        rep.frequencies = r->at("frequencies").list(read_str);
        rep.per_task = r->at("per_task").boolean();
        rep.office = opt_str(*r, "office");
        rep.reporters = opt_str(*r, "reporters");
        rep.plan_form = opt_str(*r, "plan_form");
        rep.plan_due = opt_str(*r, "plan_due");
        rep.plan_due_iso = opt_str(*r, "plan_due_iso");
        rep.text = r->at("text").str();
        rep.line = r->at("line").int_value();
        m.reporting = std::move(rep);
    }
    return m;
}

SourceInfo read_source(const Cursor& c) {
    SourceInfo s;
    s.path = c.at("path").str();
    s.sha256 = c.at("sha256").str();
    s.encoding = c.at("encoding").str();
    // Documents written before the readers came have no format: they were read from text.
    if (auto f = c.maybe("format")) s.format = f->str();
    s.bytes = c.at("bytes").offset();
    s.lines = c.at("lines").int_value();
    return s;
}

}  // namespace

ReadError::ReadError(std::string where, const std::string& problem)
    : std::runtime_error((where.empty() ? std::string("/") : where) + ": " + problem), path(std::move(where)) {}

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
