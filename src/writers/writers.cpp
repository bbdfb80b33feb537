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

void DocumentStream::print(const Document& doc, std::ostream& out) const {
    using writers::RowStyle;
    switch (format_) {
        case OutputFormat::json:
            writers::write_json(doc, out, json_array() ? 1 : 0);
            if (!json_array()) out << '\n';
            break;
        case OutputFormat::jsonl: writers::write_json_line(doc, out); break;
        case OutputFormat::yaml: writers::write_yaml(doc, out, count_ > 1); break;
        case OutputFormat::csv:
        case OutputFormat::tsv: {
            const RowStyle style = format_ == OutputFormat::csv ? RowStyle::csv : RowStyle::tsv;
            if (options_.targets) writers::write_target_rows(doc, style, out);
            else writers::write_item_rows(doc, style, out);
            break;
        }
    }
}

std::string DocumentStream::render(const Document& doc) const {
    std::ostringstream out;
    print(doc, out);
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
    if (format_ != OutputFormat::csv && format_ != OutputFormat::tsv) return;
    const auto style = format_ == OutputFormat::csv ? writers::RowStyle::csv : writers::RowStyle::tsv;
    if (options_.targets) writers::write_target_header(style, out_);
    else writers::write_item_header(style, out_);
}

void DocumentStream::write_rendered(const std::string& text) {
    begin_entry();
    out_ << text;
}

void DocumentStream::write(const Document& doc) {
    begin_entry();
    print(doc, out_);
}

void DocumentStream::finish() {
    if (written_ == 0) {
        // An empty batch is still a valid file of its format: an empty JSON array, a CSV header.
        if (format_ == OutputFormat::json) out_ << "[]\n";
        write_header();
    } else if (json_array()) {
        out_ << "\n]\n";
    }
}

namespace writers {

std::string shortest_decimal(double v) {
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, result.ptr);
}

}  // namespace writers

}  // namespace tasksplit
