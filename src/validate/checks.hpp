// Internals of validate: the context every check reports through, and the checks themselves.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "tasksplit/validate.hpp"

namespace tasksplit::validation {

/// A place to report: 1-based line and code point column (0 = unknown).
struct Where {
    int line = 0;
    int column = 0;
};

class Context {
public:
    Context(const Document& doc, const SourceText* source, const Rules& rules, const ValidateOptions& options);

    const Document& doc;
    const SourceText* source;  ///< the notice, or null for JSON input
    const Rules& rules;
    const ValidateOptions& options;
    std::vector<Diagnostic> found;

    /// Adds a finding with the registry's severity for `code` (or `severity` when given).
    void report(const std::string& code, Where where, const std::string& message, const std::string& severity = "");

    /// The text the text checks read: the notice, or (JSON input) one line per item text, detail,
    /// deadline and unassigned text, so that the same scans run on both.
    const SourceText& text() const { return source ? *source : synthetic_; }
    /// Where index `pos` of text() is in the notice.
    Where where_at(int32_t pos) const;
    /// Line ranges [first, last] of text() (0-based) that brackets must balance within: one per item
    /// (items sharing a line merge) and one per other line.
    std::vector<std::pair<int, int>> regions() const;
    /// The first character of a notice line (column 0 without a notice).
    Where at_line(int line) const;
    /// The last place `needle` (whitespace ignored, widths folded) occurs in lines [first, last]: the
    /// units of an item stand in its clause, after its text. The first line when it is not found.
    Where locate(int first_line, int last_line, const std::string& needle) const;
    Where locate(const Item& item, const std::string& needle) const;
    /// Every item in document order, with the part that holds it.
    std::vector<std::pair<const Part*, const Item*>> items() const;

private:
    SourceText synthetic_;
    std::vector<int> synthetic_lines_;  ///< notice line of each synthetic line
};

void check_units(Context& ctx);         // item-without-lead, duplicate-unit, unit-typo, unit-suffix, renamed-unit
void check_sections(Context& ctx);      // section-without-leader, livelihood-leader, late-convention
void check_unassigned(Context& ctx);    // unassigned-task
void check_brackets(Context& ctx);      // unbalanced-bracket, mixed-width-brackets
void check_characters(Context& ctx);    // extraction-artifact, repeated-word, doubtful-encoding, unusual-space
void check_names(Context& ctx);         // name-typo, title-mismatch
void check_notice_layout(Context& ctx); // number-style, empty-lead-marker (notices only)

/// Code points of `s` (UTF-8) for comparing names character by character.
std::u32string code_points(const std::string& s);
/// True when a and b have the same length >= min_length and differ in exactly one character that is
/// not a digit, numeral, direction or administrative level (市/区/县..., which tell bodies apart).
bool one_substitution(const std::u32string& a, const std::u32string& b, std::size_t min_length);

}  // namespace tasksplit::validation
