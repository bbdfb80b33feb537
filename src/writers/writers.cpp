#include "tasksplit/writers.hpp"

#include <sstream>

#include <charconv>

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
    using writers::RowStyle;
    switch (format) {
        case OutputFormat::json: return writers::write_json(docs, out);
        case OutputFormat::jsonl: return writers::write_jsonl(docs, out);
        case OutputFormat::yaml: return writers::write_yaml(docs, out);
        case OutputFormat::csv:
        case OutputFormat::tsv: {
            const RowStyle style = format == OutputFormat::csv ? RowStyle::csv : RowStyle::tsv;
            if (options.targets) return writers::write_target_rows(docs, style, out);
            return writers::write_item_rows(docs, style, out);
        }
    }
}

DocumentStream::DocumentStream(OutputFormat format, const WriteOptions& options, std::ostream& out, std::size_t count)
    : format_(format), options_(options), out_(out), count_(count) {}

std::string DocumentStream::render(const Document& doc) const {
    using writers::RowStyle;
    std::ostringstream out;
    switch (format_) {
        case OutputFormat::json:
            if (count_ == 1) writers::write_json({doc}, out);
            else writers::write_json_element(doc, out);
            break;
        case OutputFormat::jsonl: writers::write_jsonl({doc}, out); break;
        case OutputFormat::yaml: writers::write_yaml({doc}, out, count_ > 1); break;
        case OutputFormat::csv:
        case OutputFormat::tsv: {
            const RowStyle style = format_ == OutputFormat::csv ? RowStyle::csv : RowStyle::tsv;
            if (options_.targets) writers::write_target_rows({doc}, style, out, false);
            else writers::write_item_rows({doc}, style, out, false);
            break;
        }
    }
    return out.str();
}

void DocumentStream::write_rendered(const std::string& text) {
    if (written_++ == 0) {
        if (format_ == OutputFormat::json && count_ != 1) out_ << "[\n  ";
        if (format_ == OutputFormat::csv || format_ == OutputFormat::tsv) write_documents({}, format_, options_, out_);
    } else if (format_ == OutputFormat::json && count_ != 1) {
        out_ << ",\n  ";
    }
    out_ << text;
}

void DocumentStream::write(const Document& doc) { write_rendered(render(doc)); }

void DocumentStream::finish() {
    if (written_ == 0) return write_documents({}, format_, options_, out_);
    if (format_ == OutputFormat::json && count_ != 1) out_ << "\n]\n";
}

namespace writers {

std::string shortest_decimal(double v) {
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, result.ptr);
}

}  // namespace writers

}  // namespace tasksplit
