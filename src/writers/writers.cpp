#include "tasksplit/writers.hpp"

#include <charconv>
#include <sstream>

#include "writers_internal.hpp"

namespace tasksplit {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    if (name == "json") return OutputFormat::json;
    if (name == "yaml") return OutputFormat::yaml;
    if (name == "jsonl") return OutputFormat::jsonl;
    if (name == "csv") return OutputFormat::csv;
    if (name == "tsv") return OutputFormat::tsv;
    if (name == "xlsx") return OutputFormat::xlsx;
    return std::nullopt;
}

void write_documents(const std::vector<Document>& docs, OutputFormat format, const WriteOptions& options,
                     std::ostream& out) {
    DocumentStream stream(format, options, out, docs.size());
    for (const Document& doc : docs) stream.write(doc);
    stream.finish();
}

DocumentStream::DocumentStream(OutputFormat format, const WriteOptions& options, std::ostream& out, std::size_t count)
    : format_(format), options_(options), out_(out), count_(count) {}

bool DocumentStream::json_array() const { return format_ == OutputFormat::json && count_ != 1; }

bool DocumentStream::rows() const { return format_ == OutputFormat::csv || format_ == OutputFormat::tsv; }

bool DocumentStream::renders_alone() const {
    if (format_ == OutputFormat::xlsx) return false;
    return !rows() || !writers::row_view(writers::RowStyle::csv, options_).numbered();
}

std::size_t DocumentStream::print(const Document& doc, std::size_t first_seq, std::ostream& out) const {
    switch (format_) {
        case OutputFormat::json:
            writers::write_json(doc, out, json_array() ? 1 : 0);
            if (!json_array()) out << '\n';
            break;
        case OutputFormat::jsonl: writers::write_json_line(doc, out); break;
        case OutputFormat::yaml: writers::write_yaml(doc, out, count_ > 1); break;
        case OutputFormat::csv:
        case OutputFormat::tsv: {
            const auto style = format_ == OutputFormat::csv ? writers::RowStyle::csv : writers::RowStyle::tsv;
            return writers::write_rows(doc, writers::row_view(style, options_), first_seq, out);
        }
        case OutputFormat::xlsx: break;  // written whole by finish()
    }
    return 0;
}

std::string DocumentStream::render(const Document& doc) const {
    std::ostringstream out;
    print(doc, 1, out);
    return out.str();
}

void DocumentStream::begin_entry() {
    if (written_++ == 0) {
        if (json_array()) out_ << "[\n  ";
        write_header();
    } else if (json_array()) {
        out_ << ",\n  ";
    }
}

void DocumentStream::write_header() {
    if (!rows()) return;
    if (options_.bom) out_ << "\xEF\xBB\xBF";
    const auto style = format_ == OutputFormat::csv ? writers::RowStyle::csv : writers::RowStyle::tsv;
    writers::write_row_header(writers::row_view(style, options_), out_);
}

void DocumentStream::write_rendered(const std::string& text) {
    begin_entry();
    out_ << text;
}

void DocumentStream::write(const Document& doc) {
    if (format_ == OutputFormat::xlsx) {
        kept_.push_back(doc);
        return;
    }
    begin_entry();
    rows_ += print(doc, rows_ + 1, out_);
}

void DocumentStream::finish() {
    if (format_ == OutputFormat::xlsx) {
        writers::write_xlsx(kept_, out_);
        return;
    }
    if (written_ == 0) {
        // An empty batch is still a valid file of its format: an empty JSON array, a CSV header.
        if (format_ == OutputFormat::json) out_ << "[]\n";
        write_header();
    } else if (json_array()) {
        out_ << "\n]\n";
    }
}

namespace writers {

std::vector<TaskRef> tasks_of(const Document& doc) {
    std::vector<TaskRef> out;
    int task_parts = 0;
    for (const Part& part : doc.parts) {
        bool has_items = false;
        for (const Section& section : part.sections) has_items = has_items || !section.items.empty();
        if (!has_items) continue;
        const std::string prefix = ++task_parts > 1 ? std::to_string(task_parts) + "-" : "";
        for (const Section& section : part.sections) {
            std::string label = section.label.value_or(section.ordinal > 0 ? std::to_string(section.ordinal) : "");
            for (std::size_t i = 0; i < section.items.size(); ++i) {
                const Item& item = section.items[i];
                const std::string number = item.number.value_or(std::to_string(i + 1));
                out.push_back({&part, &section, &item, prefix + (label.empty() ? number : label + "." + number)});
            }
        }
    }
    return out;
}

std::string report_frequency(const Document& doc) {
    return doc.document.reporting ? doc.document.reporting->frequency() : "";
}

std::string unit_names(const std::vector<Unit>& units) {
    std::string out;
    for (const Unit& u : units) out += (out.empty() ? "" : "、") + u.name;
    return out;
}

std::string shortest_decimal(double v) {
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, result.ptr);
}

}  // namespace writers

std::vector<std::string> task_refs(const Document& doc) {
    std::vector<std::string> out;
    for (const writers::TaskRef& t : writers::tasks_of(doc)) out.push_back(t.ref);
    return out;
}

}  // namespace tasksplit
