#include "tasksplit/writers.hpp"

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

void DocumentStream::write(const Document& doc) {
    using writers::RowStyle;
    const bool first = written_++ == 0;
    switch (format_) {
        case OutputFormat::json:
            if (count_ == 1) return writers::write_json({doc}, out_);
            return writers::write_json_element(doc, first, out_);
        case OutputFormat::jsonl: return writers::write_jsonl({doc}, out_);
        case OutputFormat::yaml: return writers::write_yaml({doc}, out_, count_ > 1);
        case OutputFormat::csv:
        case OutputFormat::tsv: {
            const RowStyle style = format_ == OutputFormat::csv ? RowStyle::csv : RowStyle::tsv;
            if (options_.targets) return writers::write_target_rows({doc}, style, out_, first);
            return writers::write_item_rows({doc}, style, out_, first);
        }
    }
}

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
