// The properties the fuzz targets check on every input, shared with the unit tests that replay
// samples and saved findings (tests/unit/conservation_test.cpp, fuzz_regressions_test.cpp), so a
// finding reproduces in the ordinary suite exactly as the fuzzer saw it.
//
// Each check returns the problems it found, one line each; empty means the input is handled.
#pragma once

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "tasksplit/json_io.hpp"
#include "tasksplit/parse.hpp"
#include "tasksplit/run.hpp"
#include "tasksplit/writers.hpp"

namespace tasksplit::fuzz {

using Problems = std::vector<std::string>;

inline std::string written_json(const Document& doc) {
    std::ostringstream out;
    write_documents({doc}, OutputFormat::json, {}, out);
    return out.str();
}

/// JSON -> read -> JSON gives the same bytes.
inline Problems round_trip_problems(const Document& doc) {
    std::string first = written_json(doc);
    Document back;
    try {
        back = document_from_json(nlohmann::json::parse(first));
    } catch (const std::exception& e) {
        return {std::string("written JSON does not read back: ") + e.what()};
    }
    if (written_json(back) != first) return {"JSON -> read -> JSON changes the bytes"};
    return {};
}

/// The parser's own rule for a tail it drops after a clause (parser.cpp only_punctuation):
/// sentence punctuation, folded.
inline bool droppable_punctuation(char16_t folded) {
    return folded == u'。' || folded == u'.' || folded == u';' || folded == u',' || folded == u'、';
}

/// Nothing lost, nothing counted twice. `doc` must come from a parser with set_line_map(true).
///
/// Every non-whitespace character of the source is accounted for exactly once:
/// - on a line claimed as meta, attachment, part, section, grid-header, leader, table or form,
///   by that role alone (no item span and no unassigned entry reaches into it); a page line (page
///   number or running header) also by its role, but it may lie inside the span of the task it
///   interrupts;
/// - on a line claimed as item, by exactly one item span or one unassigned entry (text after a
///   clause, a grid cell left over); only sentence punctuation the parser drops after a clause
///   may be in neither;
/// - on a line nothing claimed, by exactly one unassigned entry;
/// - on a mixed line (a long line cut into pieces read differently: an attachment label, then
///   items), by at most one item span or unassigned entry: the other pieces by their roles.
/// Spans lie on character boundaries inside the text, with line and end_line matching their bytes,
/// and an item's text is drawn from its own span.
/// One input can break the rule on every line: the first `limit` problems say what is wrong.
inline Problems conservation_problems(const SourceText& text, const Document& doc, std::size_t limit = 20) {
    Problems out;
    auto problem = [&](const std::string& p) {
        if (out.size() < limit) out.push_back(p);
    };
    const int lines = text.line_count();
    const icu::UnicodeString& orig = text.orig;
    const int32_t n = orig.length();

    // Characters: UTF-16 index of each code point, its byte offset, its line; a surrogate pair is one.
    std::vector<int32_t> pos;
    std::vector<std::size_t> byte;
    std::vector<int> line_of;
    {
        std::size_t b = 0;
        int line = 0;
        for (int32_t i = 0; i < n; ++i) {
            char16_t c = orig.charAt(i);
            while (line + 1 < lines && text.line_start[line + 1] <= i) ++line;
            if (U16_IS_TRAIL(c) && i > 0 && U16_IS_LEAD(orig.charAt(i - 1))) {
                b += 2;  // the pair's lead counted 2 of its 4 bytes
                continue;
            }
            pos.push_back(i);
            byte.push_back(b);
            line_of.push_back(line);
            b += c < 0x80 ? 1 : c < 0x800 ? 2 : U16_IS_LEAD(c) ? 2 : 3;
        }
        if (b != text.utf8_length) problem("internal: character walk disagrees with the UTF-8 text length");
    }
    const std::size_t chars = pos.size();
    auto space = [&](std::size_t k) { return is_space(orig.charAt(pos[k])); };
    auto char_at_byte = [&](std::size_t b) {
        return static_cast<std::size_t>(std::lower_bound(byte.begin(), byte.end(), b) - byte.begin());
    };

    std::vector<std::string> role(lines);
    for (const LineRole& r : doc.line_roles) {
        if (r.line < 1 || r.line > lines) {
            problem("line_roles names line " + std::to_string(r.line) + " of " + std::to_string(lines));
            continue;
        }
        if (!role[r.line - 1].empty()) problem("line " + std::to_string(r.line) + " has two roles");
        role[r.line - 1] = r.role;
    }

    std::vector<int> count(chars, 0);
    std::vector<char> in_span(chars, 0);
    for (const Part& p : doc.parts)
        for (const Section& s : p.sections)
            for (const Item& it : s.items) {
                const Span& sp = it.span;
                std::string name = "item " + it.id + " (line " + std::to_string(sp.line) + ")";
                if (sp.start >= sp.end || sp.end > text.utf8_length) {
                    problem(name + ": span [" + std::to_string(sp.start) + ", " + std::to_string(sp.end) +
                            ") is empty or outside the text");
                    continue;
                }
                std::size_t a = char_at_byte(sp.start), e = char_at_byte(sp.end);
                if (a >= chars || byte[a] != sp.start || (e < chars && byte[e] != sp.end)) {
                    problem(name + ": span does not lie on character boundaries");
                    continue;
                }
                if (line_of[a] + 1 != sp.line || line_of[e - 1] + 1 != sp.end_line)
                    problem(name + ": span bytes are on lines " + std::to_string(line_of[a] + 1) + "-" +
                            std::to_string(line_of[e - 1] + 1) + ", span says " + std::to_string(sp.line) + "-" +
                            std::to_string(sp.end_line));
                for (std::size_t k = a; k < e; ++k)
                    if (!space(k)) ++count[k], in_span[k] = 1;
                // The item's text is drawn from its span: its characters appear there in order.
                icu::UnicodeString t = from_utf8(it.text);
                std::size_t k = a;
                for (int32_t i = 0; i < t.length(); i = t.moveIndex32(i, 1)) {
                    UChar32 c = t.char32At(i);
                    if (c <= 0xFFFF && is_space(static_cast<char16_t>(c))) continue;
                    while (k < e && orig.char32At(pos[k]) != c) ++k;
                    if (k == e) {
                        problem(name + ": text is not drawn from its span");
                        break;
                    }
                    ++k;
                }
            }

    // Unassigned text is the source's characters, possibly joined over lines without the spaces;
    // it is found at its line, on characters no span and no other entry holds.
    std::vector<std::size_t> solid;  // non-whitespace characters
    std::vector<std::size_t> first_solid(lines + 1, 0);
    for (std::size_t k = 0; k < chars; ++k)
        if (!space(k)) solid.push_back(k);
    for (int l = 0, s = 0; l <= lines; ++l) {
        while (static_cast<std::size_t>(s) < solid.size() && line_of[solid[s]] < l) ++s;
        first_solid[l] = s;
    }
    for (const Unassigned& u : doc.unassigned) {
        std::string name = "unassigned line " + std::to_string(u.line);
        if (u.line < 1 || u.line > lines) {
            problem(name + ": no such line");
            continue;
        }
        std::vector<UChar32> want;
        {
            icu::UnicodeString t = from_utf8(u.text);
            for (int32_t i = 0; i < t.length(); i = t.moveIndex32(i, 1))
                if (!is_space(t.charAt(i))) want.push_back(t.char32At(i));
        }
        if (want.empty()) {
            problem(name + ": empty text");
            continue;
        }
        bool found = false;
        for (std::size_t s = first_solid[u.line - 1]; s < first_solid[u.line] && !found; ++s) {
            if (s + want.size() > solid.size()) break;
            bool same = true;
            for (std::size_t j = 0; j < want.size() && same; ++j)
                same = orig.char32At(pos[solid[s + j]]) == want[j] && count[solid[s + j]] == 0;
            if (!same) continue;
            for (std::size_t j = 0; j < want.size(); ++j) ++count[solid[s + j]];
            found = true;
        }
        if (!found) problem(name + ": text not found unclaimed at its line: " + u.text.substr(0, 60));
    }

    // Consecutive characters of a line with the same fault make one problem.
    std::string run, run_fault;
    int run_line = -1;
    auto flush = [&] {
        if (!run.empty()) {
            const std::string& r = role[run_line];
            problem("line " + std::to_string(run_line + 1) + " (" + (r.empty() ? "no role" : r) + ") '" + run + "': " + run_fault);
        }
        run.clear();
    };
    for (std::size_t s : solid) {
        const std::string& r = role[line_of[s]];
        std::string fault;
        if (r.empty() || r == "item") {
            bool dropped_punctuation = count[s] == 0 && r == "item" && droppable_punctuation(text.fold.charAt(pos[s]));
            if (count[s] != 1 && !dropped_punctuation)
                fault = count[s] == 0 ? "accounted for nowhere" : "counted " + std::to_string(count[s]) + " times";
        } else if (r == "mixed") {
            if (count[s] > 1) fault = "counted " + std::to_string(count[s]) + " times";
        } else if (count[s] && !(r == "page" && count[s] == 1 && in_span[s])) {
            fault = in_span[s] ? "also inside an item span" : "also listed as unassigned";
        }
        if (fault.empty() || fault != run_fault || line_of[s] != run_line) flush();
        if (fault.empty()) continue;
        run_fault = fault;
        run_line = line_of[s];
        run += to_utf8(orig.tempSubString(pos[s], U16_IS_LEAD(orig.charAt(pos[s])) ? 2 : 1));
    }
    flush();
    return out;
}

/// A notice: decode, parse, then conservation and the JSON round trip. Undecodable bytes are a
/// clean refusal, not a problem.
inline Problems notice_problems(const Parser& parser, const std::string& bytes, std::size_t limit = 20) {
    SourceText text;
    try {
        text = decode_source(bytes, "fuzz.txt");
    } catch (const DecodeError&) {
        return {};
    }
    Document doc = parser.parse(text);
    Problems out = conservation_problems(text, doc, limit);
    for (auto& p : round_trip_problems(doc)) out.push_back(p);
    return out;
}

/// A document JSON: read it; when it reads, it writes back and reads again to the same bytes, and
/// every writer takes it.
inline Problems document_json_problems(const std::string& bytes) {
    nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
    if (j.is_discarded()) return {};
    Document doc;
    try {
        doc = document_from_json(j);
    } catch (const ReadError&) {
        return {};
    }
    Problems out = round_trip_problems(doc);
    for (OutputFormat f : {OutputFormat::yaml, OutputFormat::jsonl, OutputFormat::csv, OutputFormat::tsv}) {
        std::ostringstream sink;
        write_documents({doc, doc}, f, {}, sink);
        if (f == OutputFormat::csv) {
            WriteOptions targets;
            targets.targets = true;
            write_documents({doc}, f, targets, sink);
        }
    }
    return out;
}

/// A small notice with every layout the grammar drives: front matter, parts, sections with
/// leaders, numbered items with clauses, label pairs, a cell-per-line grid and a tab grid.
inline const char* grammar_probe_notice() {
    return "定政办发〔2024〕5号\n关于印发2024年重点工作任务分解的通知\n各镇人民政府：\n"
           "2024 年政府工作报告重点工作责任分解\n\n一、张三区长牵头重点工作\n\n"
           "1. 一般公共预算收入增长 5%。(责任单位：区财政局、区税务局)\n"
           "2.推进项目建设。[牵头单位:市发改委;责任单位:市经信局]\n"
           "（一）推进数字经济发展。（牵头领导：王五副市长；责任单位：市经信局（牵头）；完成时限：2024年10月）\n"
           "二、副区长李四牵头重点工作\n序号\n目标任务\n牵头单位\n配合单位\n"
           "1\n改造道路\n区住建局\n区发改局、各镇(街道)\n"
           "序号\t重点工作\t牵头单位\t配合单位\t完成时限\n1\t优化营商环境\t市商务局\t\t2024年底\n"
           "抄送：区委办。\n";
}

/// A user grammar file: it loads or fails with GrammarError (never another exception), and a
/// parser built from it accounts for every character of the probe notice as well as the built-in
/// grammar does. What the built-in grammar itself gets wrong there is fuzz_parse's finding; this
/// target reports only what a user grammar adds.
inline Problems grammar_problems(const std::string& bytes) {
    // Every problem, not the first few: a user grammar's own must not hide behind the built-in's.
    constexpr std::size_t all = 100000;
    static const Problems builtin = [] {
        Parser p;
        p.set_line_map(true);
        return notice_problems(p, grammar_probe_notice(), all);
    }();
    // Rules::load reads files: one scratch file per process.
    static const std::string path = "/tmp/tasksplit-fuzz-grammar-" + std::to_string(::getpid()) + ".yaml";
    {
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f << bytes;
    }
    std::optional<Parser> parser;
    try {
        parser.emplace(std::vector<std::string>{path});
    } catch (const GrammarError&) {
        std::remove(path.c_str());
        return {};
    } catch (const std::exception& e) {
        std::remove(path.c_str());
        return {std::string("grammar loader threw something other than GrammarError: ") + e.what()};
    }
    std::remove(path.c_str());
    parser->set_line_map(true);
    Problems out;
    for (auto& p : notice_problems(*parser, grammar_probe_notice(), all))
        if (std::find(builtin.begin(), builtin.end(), p) == builtin.end()) out.push_back(p);
    return out;
}

/// Prints the problems and aborts, so that libFuzzer records the input as a finding.
inline void abort_on(const Problems& problems) {
    if (problems.empty()) return;
    for (const auto& p : problems) std::fprintf(stderr, "tasksplit fuzz: %s\n", p.c_str());
    std::abort();
}

}  // namespace tasksplit::fuzz
