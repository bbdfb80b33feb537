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

namespace writers {

std::string shortest_decimal(double v) {
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, result.ptr);
}

}  // namespace writers

}  // namespace tasksplit
