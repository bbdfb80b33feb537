// The document model: the one tree that parse produces and that every writer,
// validate, diff and query read. Field names follow docs/output-contract (format 1).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace tasksplit {

inline constexpr const char* kFormat = "tasksplit/1";

/// A region of the decoded UTF-8 source: 1-based lines, 0-based byte offsets (end exclusive).
struct Span {
    int line = 0;
    int end_line = 0;
    std::size_t start = 0;
    std::size_t end = 0;
};

/// A responsible unit as printed ("区委组织部<区委人才办>" -> name 区委组织部, alias 区委人才办).
struct Unit {
    std::string name;   ///< bracketed alias removed, page-break splits joined, whitespace removed
    std::string raw;    ///< as printed (whitespace removed)
    std::string alias;  ///< bracketed alias, empty when none
    std::string kind;   ///< department | township | collective | enterprise | taskforce | other
    /// The whole name where the printed one leaves out what its list printed once ("省商务厅、
    /// 财政厅": 省财政厅); empty when `name` is whole.
    std::string canonical;
};

/// A leading official: name plus title as written (role may be empty).
struct Person {
    std::string name;
    std::string role;
};

/// One committed quantity inside an item's text ("一般公共预算收入增长 5%").
struct Target {
    std::string text;       ///< minimal source span holding indicator, verb and quantity
    std::string indicator;  ///< what is measured, as printed
    std::string verb;       ///< 增长, 达到, 新增 ... or empty
    double value = 0;
    std::string measure;    ///< %, 亿元, 个 ... as printed
    std::string bound;      ///< ">=", "<=", "~" or empty
    bool aspirational = false;
    std::size_t start = 0;  ///< byte offsets into the decoded source
    std::size_t end = 0;
};

struct Item {
    std::string id;                     ///< positional: p2.s3.i8
    std::optional<std::string> number;  ///< numeral as printed without punctuation
    std::string text;
    std::optional<std::string> detail;
    std::optional<Person> leader;
    std::vector<Unit> lead;
    std::vector<Unit> support;
    std::string lead_basis;  ///< explicit | column | convention | single | "" (no units)
    std::vector<Target> targets;
    std::optional<std::string> deadline;
    std::optional<std::string> deadline_iso;
    Span span;
};

struct Section {
    std::string id;
    int ordinal = 0;                   ///< 1-based; 0 for a part without headings
    std::optional<std::string> label;  ///< 一, 二, ... as printed
    std::optional<std::string> title;  ///< whitespace removed
    int line = 0;
    std::optional<Person> leader;
    std::vector<Item> items;
};

struct Part {
    std::string id;
    std::string kind;  ///< key_tasks | livelihood | plan | appendix | form
    std::string title;
    int line = 0;
    std::vector<Section> sections;
};

struct Table {
    std::string id;
    std::string part;  ///< id of the part that holds it
    std::string title;
    int line = 0;
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;      ///< "same as above" blanks filled in
    std::vector<std::vector<std::string>> raw_rows;  ///< as printed
};

struct Diagnostic {
    std::string severity;  ///< error | warning | info
    std::string code;      ///< stable kebab-case name
    int line = 0;
    int column = 0;        ///< 1-based code point column, 0 when unknown
    std::string message;
};

struct Unassigned {
    int line = 0;
    std::string text;
};

/// What claimed a source line: meta, attachment, part, section, grid-header, leader, item,
/// table, form. Filled only on request (parse --line-map).
struct LineRole {
    int line = 0;
    std::string role;
};

struct Contact {
    std::string name;
    std::vector<std::string> phones;
};

struct LeadConvention {
    std::string text;  ///< the sentence as written, without enclosing brackets
    std::string rule;  ///< first-listed
    int line = 0;
};

/// What the cover letter asks of the units about reporting ("请各牵头责任单位于3月19日前报送《…推进
/// 计划表》…区政府督查室…按进度报送频次分为月报、季报、半年报"): read from the lines before the
/// first part (src/layout/reporting.cpp).
struct Reporting {
    /// The rhythms the notice names (月报, 季报, 半年报 …), in its order.
    std::vector<std::string> frequencies;
    /// The office assigns the named rhythms task by task ("…分为月报、季报、半年报"): none of them is
    /// every task's. False when the notice sets one rhythm for all.
    bool per_task = false;
    std::optional<std::string> office;        ///< where reports go: 区政府督查室
    std::optional<std::string> reporters;     ///< who reports: 各牵头责任单位
    std::optional<std::string> plan_form;     ///< the form to hand in, without 《》: …任务推进计划表
    std::optional<std::string> plan_due;      ///< its deadline as printed: 3月19日
    std::optional<std::string> plan_due_iso;  ///< yyyy-mm-dd in the notice's year, when it has one
    std::string text;                         ///< the sentences the rules were read from
    int line = 0;

    /// The 汇报频次 of every task: the one rhythm the notice sets for all, else "".
    std::string frequency() const { return frequencies.size() == 1 && !per_task ? frequencies.front() : ""; }
};

struct DocumentMeta {
    std::optional<std::string> doc_number;
    std::optional<std::string> issuer;
    std::optional<std::string> title;
    std::optional<std::string> date;  ///< ISO yyyy-mm-dd
    std::optional<int> year;
    std::vector<std::string> addressees;
    std::vector<Contact> contacts;
    std::optional<LeadConvention> lead_convention;
    std::optional<Reporting> reporting;
};

struct SourceInfo {
    std::string path;
    std::string sha256;
    std::string encoding;
    std::size_t bytes = 0;
    int lines = 0;
    std::string format = "text";  ///< the reader that read the file: text, html, docx, pdf
};

struct Document {
    std::string format = kFormat;
    SourceInfo source;
    DocumentMeta document;
    std::vector<Part> parts;
    std::vector<Table> tables;
    std::vector<Diagnostic> diagnostics;
    std::vector<Unassigned> unassigned;
    std::vector<LineRole> line_roles;  ///< empty unless requested
};

}  // namespace tasksplit
