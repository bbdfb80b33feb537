// parse: notice text -> Document. The pipeline is decode (source_text) -> front matter (meta)
// -> layout (parts, sections, items, grids, tables) -> units and clauses -> targets.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tasksplit/document.hpp"
#include "tasksplit/rules.hpp"
#include "tasksplit/run.hpp"
#include "tasksplit/source_text.hpp"

namespace tasksplit {

class TargetExtractor;

/// A parser holds the compiled grammar; one per thread.
class Parser {
public:
    explicit Parser(const std::vector<std::string>& grammar_files = {});
    ~Parser();
    Parser(Parser&&) noexcept;

    /// Parses decoded text. Never fails on content: problems become diagnostics.
    Document parse(const SourceText& text) const;
    /// Decodes then parses; throws DecodeError for input that is not text. Pass the bytes with
    /// std::move when they are not needed after: they are freed once decoded, which keeps peak memory down.
    Document parse_bytes(std::string bytes, const std::string& path,
                         const std::optional<std::string>& encoding = std::nullopt) const;
    /// What the layout stages saw and chose (parse --explain): a report for people.
    std::string explain(const SourceText& text) const;
    const Rules& rules() const { return rules_; }
    /// Records in Document::line_roles what claimed each source line (debugging, conservation).
    void set_line_map(bool on) { line_map_ = on; }

private:
    Rules rules_;
    std::unique_ptr<TargetExtractor> targets_;
    bool line_map_ = false;
};

/// Front matter: fills doc_number, issuer, title, date, year, addressees, contacts from
/// lines [0, end), passing over the web page's `furniture` lines, and marks the lines it used
/// in `claimed`.
void read_front_matter(const SourceText& text, int end, const std::vector<bool>& furniture, const Rules& rules,
                       DocumentMeta& meta, std::vector<bool>& claimed);

/// "联系人：李四，联系电话：0580-1234567": the contact a line names (in the front matter, or
/// after the tasks), or nullopt.
std::optional<Contact> read_contact(const Run& line, const Rules& rules);

/// A line (folded) that is an office's name as signed: at most 40 characters, no sentence, and
/// ending like an issuer ("…人民政府办公室").
bool office_name(const icu::UnicodeString& folded_line, const Rules& rules);

/// The convention sentence ("列第一位的为牵头单位…") in [a, b) of the text, if there is one.
std::optional<LeadConvention> find_convention(const SourceText& text, int32_t a, int32_t b, const Rules& rules);

/// The date a matched pattern holds in groups 1-3 (year, month, day; digits or Chinese numerals)
/// as YYYY-MM-DD; nothing when it is not a calendar date.
std::optional<std::string> iso_date(const Regex& re);

/// Leader named in a section heading: "夏泉常务副区长牵头重点工作", "区长陈兴立牵头重点工作".
std::optional<Person> leader_from_heading(const icu::UnicodeString& folded_title,
                                          const icu::UnicodeString& orig_title, const Rules& rules);

/// Hex SHA-256 of bytes (source.sha256).
std::string sha256_hex(const std::string& bytes);

}  // namespace tasksplit
