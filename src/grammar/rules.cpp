// Loads grammars/*.yaml (embedded) into Rules. Errors name the file, line and rule.
#include "tasksplit/rules.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unicode/uchar.h>
#include <sstream>

#include "tasksplit/grammar_files.hpp"
#include "tasksplit/source_text.hpp"

namespace tasksplit {

Regex::Regex(const icu::UnicodeString& pattern, const std::string& where) : where_(where) {
    UParseError perr{};
    UErrorCode status = U_ZERO_ERROR;
    pattern_.reset(icu::RegexPattern::compile(pattern, 0, perr, status));
    if (U_FAILURE(status))
        throw GrammarError(where + ": pattern error at offset " + std::to_string(perr.offset) + " (" +
                           u_errorName(status) + ")");
    matcher_.reset(pattern_->matcher(status));
    // A user grammar may hold a catastrophic pattern: bound the time and the backtracking stack
    // of every match.
    matcher_->setTimeLimit(2000, status);
    matcher_->setStackLimit(8 << 20, status);
    std::u32string code_points(pattern.countChar32(), U'\0');
    UErrorCode conv = U_ZERO_ERROR;
    pattern.toUTF32(reinterpret_cast<UChar32*>(code_points.data()), static_cast<int32_t>(code_points.size()), conv);
    for (const std::u32string& set : required_char_sets(code_points)) {
        CharSet needed;
        bool bmp = true;
        for (char32_t c : set) {
            bmp &= c <= 0xFFFF;
            needed.chars.push_back(static_cast<char16_t>(c));
            needed.bloom |= std::uint64_t{1} << (c % 64);
        }
        if (bmp) needs_.push_back(std::move(needed));  // a set with a supplementary character is skipped
    }
}

bool Regex::may_match(const icu::UnicodeString& s, int32_t from, int32_t to) const {
    // Long regions are searched by the matcher alone: a scan per call could make repeated
    // searches over a whole text quadratic.
    constexpr int32_t kScanLimit = 512;
    if (needs_.empty() || to - from > kScanLimit) return true;
    const char16_t* text = s.getBuffer();
    for (const CharSet& set : needs_) {
        bool found = false;
        for (int32_t i = from; i < to && !found; ++i) {
            const char16_t c = text[i];
            found = ((set.bloom >> (c % 64)) & 1) && set.chars.find(c) != std::u16string::npos;
        }
        if (!found) return false;
    }
    return true;
}

void Regex::require_groups(int n) const {
    if (matcher_->groupCount() < n)
        throw GrammarError(where_ + ": the pattern needs " + std::to_string(n) + " capture group" + (n > 1 ? "s" : "") +
                           ", it has " + std::to_string(matcher_->groupCount()));
}

/// A match that ran out of time or stack is the grammar's fault: report the rule, never read it as
/// "no match", which would misfile text without a word.
static void check_limits(UErrorCode status, const std::string& where) {
    if (status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW)
        throw GrammarError(where + ": pattern too costly on this input (" + u_errorName(status) + ")");
}

bool Regex::find(const icu::UnicodeString& s, int32_t from, int32_t to) const {
    if (to < 0) to = s.length();
    if (!may_match(s, from, to)) return false;
    UErrorCode status = U_ZERO_ERROR;
    matcher_->reset(s);
    matcher_->region(from, to, status);
    matcher_->useTransparentBounds(true);
    bool found = matcher_->find(status);
    check_limits(status, where_);
    return U_SUCCESS(status) && found;
}

bool Regex::match_at(const icu::UnicodeString& s, int32_t from, int32_t to) const {
    if (to < 0) to = s.length();
    if (!may_match(s, from, to)) return false;
    UErrorCode status = U_ZERO_ERROR;
    matcher_->reset(s);
    matcher_->region(from, to, status);
    bool found = matcher_->lookingAt(status);
    check_limits(status, where_);
    return U_SUCCESS(status) && found;
}

int32_t Regex::start(int g) const {
    UErrorCode status = U_ZERO_ERROR;
    return matcher_->start(g, status);
}

int32_t Regex::end(int g) const {
    UErrorCode status = U_ZERO_ERROR;
    return matcher_->end(g, status);
}

icu::UnicodeString Regex::group(int g) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = matcher_->group(g, status);
    return U_SUCCESS(status) ? out : icu::UnicodeString();
}

namespace {

/// Bytes of the first character of a UTF-8 string.
std::size_t first_char_size(std::string_view s) {
    std::size_t end = s.empty() ? 0 : 1;
    while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
    return end;
}

/// The first two characters of a UTF-8 string (all of it when shorter).
std::string_view opening_pair(std::string_view s) {
    const std::size_t first = first_char_size(s);
    return s.substr(0, first + first_char_size(s.substr(first)));
}

}  // namespace

const std::string* Rules::header_role(const std::string& cell) const {
    if (auto it = column_role.find(cell); it != column_role.end()) return &it->second;
    // Most cells hold no column name: none of their character pairs opens one.
    bool opens = column_openings.count(std::string()) > 0;
    for (std::size_t i = 0; i < cell.size() && !opens; ++i)
        if ((static_cast<unsigned char>(cell[i]) & 0xC0) != 0x80)
            opens = column_openings.count(std::string(opening_pair(std::string_view(cell).substr(i)))) > 0;
    const std::string* role = nullptr;
    for (const auto& [name, r] : column_role) {
        if (!opens) break;
        if (cell.find(name) == std::string::npos) continue;
        if (role && *role != r) return nullptr;
        role = &r;
    }
    if (role) return role;
    // By form: a role word, then a unit word at the end ("协同推进部门"); a generic unit column
    // ("督办单位") stays unnamed, the walk and the column order settle it.
    role = role_by_form(cell);
    return role && (*role == "lead" || *role == "support") ? role : nullptr;
}

const std::string* Rules::role_by_form(const std::string& label) const {
    auto has = [&](const std::vector<std::string>& words) {
        return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return label.find(w) != std::string::npos; });
    };
    auto ends_in = [&](const std::vector<std::string>& words) {
        return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
            return label.size() > w.size() && label.compare(label.size() - w.size(), w.size(), w) == 0;
        });
    };
    static const std::string kLead = "lead", kSupport = "support", kUnits = "units", kLeader = "leader";
    if (ends_in(header_forms.leader_ends)) return &kLeader;
    if (!ends_in(header_forms.ends) || has(header_forms.never)) return nullptr;
    const bool lead = has(header_forms.lead), support = has(header_forms.support);
    if (lead && support) return nullptr;
    return lead ? &kLead : support ? &kSupport : &kUnits;
}

namespace {

/// ICU's \s, which the label rule used: tab, line breaks, form feed and the Unicode space
/// separators (U+3000 among them).
bool regex_space(char16_t c) {
    if (c == u'\t' || c == u'\n' || c == u'\f' || c == u'\r') return true;
    const int8_t type = u_charType(c);
    return type == U_SPACE_SEPARATOR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR;
}

}  // namespace

void LabelFinder::add(const icu::UnicodeString& word) {
    std::size_t node = 0;
    for (int32_t i = 0; i < word.length(); ++i) {
        const char16_t c = word.charAt(i);
        const auto& next = nodes_[node].next;
        auto it = std::find_if(next.begin(), next.end(), [c](const auto& e) { return e.first == c; });
        if (it != next.end()) {
            node = it->second;
            continue;
        }
        const std::size_t child = nodes_.size();
        nodes_[node].next.emplace_back(c, child);
        nodes_.emplace_back();
        node = child;
    }
    nodes_[node].word_ends = true;
    if (!word.isEmpty()) opens_[word.charAt(0)] = true;
}

namespace {

/// A clause may open at p: at the start, after a bracket, a sentence or clause end, or a line break.
bool opens_clause(const icu::UnicodeString& s, int32_t p) {
    if (p == 0) return true;
    const char16_t c = s.charAt(p - 1);
    return c == u'(' || c == u'（' || c == u'[' || c == u'【' || c == u'〔' || c == u'。' || c == u';' ||
           c == u'；' || c == u',' || c == u'，' || c == u'\n' || regex_space(c);
}

}  // namespace

bool LabelFinder::match_at(const icu::UnicodeString& s, int32_t p, int32_t to) const {
    // Walk the tree; whitespace may sit between the characters of a word. Every word end passed
    // is a candidate, tried longest first: a colon or closing bracket must follow it.
    std::vector<int32_t>& ends = ends_;
    ends.clear();
    std::size_t node = 0;
    for (int32_t i = p; i < to;) {
        if (i > p)
            while (i < to && regex_space(s.charAt(i))) ++i;
        if (i >= to) break;
        const char16_t c = s.charAt(i);
        const auto& next = nodes_[node].next;
        auto it = std::find_if(next.begin(), next.end(), [c](const auto& e) { return e.first == c; });
        if (it == next.end()) break;
        node = it->second;
        ++i;
        if (nodes_[node].word_ends) ends.push_back(i);
    }
    for (auto e = ends.rbegin(); e != ends.rend(); ++e) {
        int32_t k = *e;
        while (k < to && regex_space(s.charAt(k))) ++k;
        if (k >= to) continue;
        const char16_t c = s.charAt(k);
        if (c == u':' || c == u'：' || c == u'】' || c == u']') {
            start_ = p;
            end_ = k + 1;
            label_ = icu::UnicodeString(s, p, *e - p);
            return true;
        }
        // "（责任单位 区教育局、区财政局）": a colon lost in extraction, a space in its place, or
        // nothing before a value that opens like a unit name ("牵头单位区林业局"). Only whole
        // labels (责任单位, not the 牵头 that also closes "区发改局牵头") and never before
        // punctuation.
        const bool spaced = k > *e;
        const bool into_unit = !spaced && std::find(value_starts_.begin(), value_starts_.end(), c) != value_starts_.end();
        if ((spaced || into_unit) && *e - p >= kColonlessLabelMin && !u_ispunct(c) && opens_clause(s, p)) {
            start_ = p;
            end_ = k;
            label_ = icu::UnicodeString(s, p, *e - p);
            return true;
        }
    }
    return false;
}

bool LabelFinder::match_form(const icu::UnicodeString& s, int32_t from, int32_t colon, const int32_t* src) const {
    int32_t e = colon;
    while (e > from && regex_space(s.charAt(e - 1))) --e;
    for (const auto& w : form_ends_) {
        const int32_t m = w.length();
        if (e - m - 1 < from || s.compare(e - m, m, w) != 0) continue;
        // The shortest phrase before the end word that opens a clause or a line: "。主抓单位：".
        for (int32_t p = e - m - 1; p >= from && p >= e - m - form_max_before_; --p) {
            const char16_t c = s.charAt(p);
            if (c < 0x4E00 || c > 0x9FFF) break;
            const bool line_start = src && p > 0 && src[p] >= 0 && src[p - 1] >= 0 && src[p] != src[p - 1] + 1;
            if (!line_start && !opens_clause(s, p)) continue;
            start_ = p;
            end_ = colon + 1;
            label_ = icu::UnicodeString(s, p, e - p);
            by_form_ = true;
            return true;
        }
    }
    return false;
}

bool LabelFinder::find(const icu::UnicodeString& s, int32_t from, int32_t to, const int32_t* src) const {
    if (to < 0 || to > s.length()) to = s.length();
    from = std::max(from, 0);
    // One pass: a label of the lists where it starts, one read by its form where its colon is
    // (its start lies before the colon, so the first found is the leftmost).
    const bool forms = !form_ends_.empty();
    for (int32_t p = from; p < to; ++p) {
        const char16_t c = s.charAt(p);
        if (opens_[c] && match_at(s, p, to)) {
            by_form_ = false;
            return true;
        }
        if (forms && (c == u':' || c == u'：') && match_form(s, from, p, src)) return true;
    }
    return false;
}

namespace {

/// One grammar file's parsed YAML with its name, for error messages.
struct Source {
    std::string file;
    YAML::Node root;
    std::vector<std::pair<YAML::Node, std::string>> origins;  ///< nodes merged in from user grammar files
};

/// Records every node under `node` as coming from `file`, so errors name the file that wrote it.
void note_origin(const YAML::Node& node, const std::string& file, Source& src) {
    src.origins.emplace_back(node, file);
    if (node.IsMap())
        for (const auto& kv : node) note_origin(kv.second, file, src);
    else if (node.IsSequence())
        for (const auto& n : node) note_origin(n, file, src);
}

std::string where(const Source& src, const YAML::Node& node, const std::string& rule) {
    auto mark = node.Mark();
    std::string file = src.file;
    for (const auto& [n, f] : src.origins)
        if (n.is(node)) file = f;
    // Built-in rules come without positions (load_embedded_grammar): their file and rule name them.
    if (mark.is_null()) return file + ": rule '" + rule + "'";
    return file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) + ": rule '" + rule + "'";
}

YAML::Node need(const Source& src, const YAML::Node& parent, const std::string& key) {
    YAML::Node n = parent[key];
    if (!n) throw GrammarError(src.file + ": missing rule '" + key + "'");
    return n;
}

/// need(), for a rule that holds a list ("section_heading") or a map ("kinds") of rules: iterating
/// a scalar would give no rules at all, and the grammar would lose them without a word.
YAML::Node need_seq(const Source& src, const YAML::Node& parent, const std::string& key) {
    YAML::Node n = need(src, parent, key);
    if (!n.IsSequence()) throw GrammarError(where(src, n, key) + ": expected a list");
    return n;
}

YAML::Node need_map(const Source& src, const YAML::Node& parent, const std::string& key) {
    YAML::Node n = need(src, parent, key);
    if (!n.IsMap()) throw GrammarError(where(src, n, key) + ": expected a map");
    return n;
}

Regex regex_of(const Source& src, const YAML::Node& node, const std::string& rule) {
    if (!node.IsScalar()) throw GrammarError(where(src, node, rule) + ": expected a pattern string");
    return Regex(from_utf8(node.as<std::string>()), where(src, node, rule));
}

std::vector<std::string> list_of(const Source& src, const YAML::Node& node, const std::string& rule) {
    if (!node.IsSequence()) throw GrammarError(where(src, node, rule) + ": expected a list");
    std::vector<std::string> out;
    for (const auto& n : node) out.push_back(n.as<std::string>());
    return out;
}

/// A key that names one of the model's fixed values (unit kinds, part kinds, column roles): these
/// reach the output, so a grammar may only choose among them.
std::string one_of(const Source& src, const YAML::Node& key, const YAML::Node& value_node,
                   std::initializer_list<const char*> allowed, const std::string& rule) {
    std::string value = key.as<std::string>();
    std::string list;
    for (const char* a : allowed) {
        if (value == a) return value;
        list += list.empty() ? a : std::string(", ") + a;
    }
    // Keys merged from a user file lose their position: report where their value stands.
    throw GrammarError(where(src, value_node, rule) + ": '" + value + "' is not one of " + list);
}

icu::UnicodeString folded(const std::string& s) {
    icu::UnicodeString u = from_utf8(s);
    for (int32_t i = 0; i < u.length(); ++i) u.setCharAt(i, fold_unit(u.charAt(i)));
    return u;
}

std::vector<icu::UnicodeString> folded_list(const std::vector<std::string>& words) {
    std::vector<icu::UnicodeString> out;
    for (const auto& w : words) out.push_back(folded(w));
    return out;
}

/// Merges `extra` over `base`: maps merge key by key, anything else replaces.
void merge(YAML::Node base, const YAML::Node& extra) {
    for (const auto& kv : extra) {
        std::string key = kv.first.as<std::string>();
        if (base[key] && base[key].IsMap() && kv.second.IsMap()) merge(base[key], kv.second);
        else base[key] = kv.second;
    }
}

Source load_source(const std::string& name, const std::vector<std::pair<std::string, YAML::Node>>& extras) {
    Source src{"grammars/" + name, load_embedded_grammar(name), {}};
    const std::string section = name.substr(0, name.find('.'));
    for (const auto& [file, node] : extras) {
        if (!node[section]) continue;
        merge(src.root, node[section]);
        note_origin(node[section], file, src);
    }
    return src;
}

}  // namespace

Rules Rules::load(const std::vector<std::string>& extra_files) {
    // A user grammar file holds top-level sections named after the built-in files:
    // `layout:`, `units:`, `meta:`; each merges over the built-in one.
    std::vector<std::pair<std::string, YAML::Node>> extras;
    for (const auto& file : extra_files) {
        std::error_code ec;
        if (std::filesystem::is_directory(file, ec)) throw GrammarError(file + ": is a directory, not a grammar file");
        std::ifstream in(file);
        if (!in) throw GrammarError(file + ": cannot read grammar file");
        std::stringstream ss;
        ss << in.rdbuf();
        try {
            YAML::Node node = YAML::Load(ss.str());
            if (!node.IsMap()) throw GrammarError(file + ":1:1: a grammar file is a map of layout:, units:, meta:");
            extras.emplace_back(file, node);
        } catch (const YAML::Exception& e) {
            throw GrammarError(file + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) + ": " + e.msg);
        }
    }

    Rules r;
    // A rule of the wrong shape (a number where a pattern belongs, a list where a map does) is a
    // grammar error like a bad pattern, not a crash.
    try {
        {
            Source s = load_source("layout.yaml", extras);
            const YAML::Node& y = s.root;
            auto ph = need(s, y, "part_heading");
            r.part_heading = regex_of(s, need(s, ph, "pattern"), "part_heading.pattern");
            r.part_heading_ends = folded_list(list_of(s, need(s, ph, "ends_with"), "part_heading.ends_with"));
            r.part_heading_never = folded_list(list_of(s, need(s, ph, "never_contains"), "part_heading.never_contains"));
            r.part_heading_numbered = regex_of(s, need(s, ph, "numbered"), "part_heading.numbered");
            r.attachment_label = regex_of(s, need(s, need(s, y, "attachment_label"), "pattern"), "attachment_label");
            r.attachment_label.require_groups(1);  // the title after the label, possibly empty
            for (const auto& n : need_seq(s, y, "section_heading")) {
                r.section_heading.push_back(regex_of(s, need(s, n, "pattern"), "section_heading"));
                r.section_heading.back().require_groups(2);  // the label, then the title
            }
            for (const auto& n : need_seq(s, y, "item_number")) {
                r.item_number.push_back({regex_of(s, need(s, n, "pattern"), "item_number"),
                                         n["dotted"] ? n["dotted"].as<bool>() : true});
                r.item_number.back().re.require_groups(1);  // the number
            }
            auto lh = need(s, y, "leader_heading");
            std::string role = need(s, lh, "role").as<std::string>();
            std::string name = need(s, lh, "name").as<std::string>();
            r.leader_suffix = regex_of(s, need(s, lh, "suffix"), "leader_heading.suffix");
            r.leader_count = regex_of(s, need(s, lh, "count"), "leader_heading.count");
            std::string prefix = need(s, lh, "prefix").as<std::string>();
            // An official may hold several titles ("市委常委、副市长周八", "市政府党组成员、秘书长赵六"),
            // each with a note in brackets ("副县长（挂职）许文斌").
            const std::string one_role = "(?:" + role + ")(?:\\([^()]{1,6}\\))?";
            const std::string roles = one_role + "(?:[、,]?" + one_role + ")*";
            r.leader_role_at_end = Regex(from_utf8("^" + prefix + "(" + name + ")(" + roles + ")$"), where(s, lh, "leader_heading"));
            // "副县长赵丽（女）", "副区长李四（挂职）": a short note in brackets after the name.
            r.leader_role_at_start = Regex(from_utf8("^" + prefix + "(" + roles + ")(" + name + ")(?:\\([^()]{1,4}\\))?$"),
                                           where(s, lh, "leader_heading"));
            r.leader_name_only = Regex(from_utf8("^" + prefix + "(" + name + ")$"), where(s, lh, "leader_heading"));
            r.leader_roles_only = Regex(from_utf8("^" + prefix + "(?:" + roles + ")$"), where(s, lh, "leader_heading"));
            // "孙海燕同志（常务副县长）", "李明（常务副县长）": the title in brackets after the name.
            r.leader_role_in_brackets = Regex(from_utf8("^" + prefix + "(" + name + ")(?:同志)?\\((" + roles + ")\\)$"),
                                              where(s, lh, "leader_heading"));
            r.heading_max_title = need(s, need(s, y, "heading_as_item"), "max_title").as<int>();
            if (const YAML::Node forms = y["header_forms"]) {
                for (auto [key, list] : {std::pair{"ends", &r.header_forms.ends}, std::pair{"lead", &r.header_forms.lead},
                                         std::pair{"support", &r.header_forms.support}, std::pair{"never", &r.header_forms.never},
                                         std::pair{"leader_ends", &r.header_forms.leader_ends}})
                    for (const auto& w : list_of(s, need(s, forms, key), std::string("header_forms.") + key))
                        list->push_back(to_utf8(folded(w)));
                std::vector<icu::UnicodeString> ends;
                for (const auto* list : {&r.header_forms.ends, &r.header_forms.leader_ends})
                    for (const auto& w : *list) ends.push_back(from_utf8(w));
                r.clause_label.set_forms(std::move(ends), need(s, forms, "label_max_before").as<int>());
            }
            if (const YAML::Node names = y["surnames"]) {
                if (!names.IsScalar()) throw GrammarError(where(s, names, "surnames") + ": surnames is one string of characters");
                r.surnames = folded(names.as<std::string>());
            }
            // Named weights and thresholds of the evidence stages: numbers only, each checked here.
            if (const YAML::Node ev = y["evidence"]) {
                if (!ev.IsMap()) throw GrammarError(where(s, ev, "evidence") + ": evidence is a map of name: number");
                for (const auto& kv : ev) {
                    const std::string key = kv.first.as<std::string>();
                    try {
                        r.evidence[key] = kv.second.as<double>();
                    } catch (const YAML::Exception&) {
                        throw GrammarError(where(s, kv.second, "evidence." + key) + ": evidence." + key + " is not a number");
                    }
                }
            }
            r.person_cell = Regex(from_utf8("^" + name + "(?:\\s*[、,，]\\s*" + name + ")*$"), where(s, lh, "leader_heading.name"));
            auto cl = need(s, y, "clause_labels");
            for (const char* kind : {"leader", "lead", "support", "units", "deadline", "contact"}) {
                for (const auto& w : list_of(s, need(s, cl, kind), std::string("clause_labels.") + kind)) {
                    const icu::UnicodeString f = folded(w);
                    if (f.isEmpty()) continue;
                    r.label_role[to_utf8(f)] = kind;
                    r.clause_label.add(f);
                }
            }
            auto gc = need_map(s, y, "grid_columns");
            for (const auto& kv : gc) {
                std::string role = one_of(s, kv.first, kv.second, {"number", "text", "detail", "deadline", "leader", "lead", "support",
                                                        "units", "category"}, "grid_columns");
                for (const auto& w : list_of(s, kv.second, "grid_columns")) r.column_role[to_utf8(folded(w))] = role;
            }
            // A one-character column name (a user grammar's) can open anywhere: "" marks it.
            for (const auto& [name, role] : r.column_role) {
                const std::string_view pair = opening_pair(name);
                const bool one_char = first_char_size(name) == name.size();
                r.column_openings.insert(one_char ? std::string() : std::string(pair));
            }
            r.deadline_cell = regex_of(s, need(s, y, "deadline_cell"), "deadline_cell");
            r.footer = regex_of(s, need(s, y, "footer"), "footer");
            r.page_number = regex_of(s, need(s, y, "page_number"), "page_number");
            r.page_marker = regex_of(s, need(s, y, "page_marker"), "page_marker");
            r.note_line = regex_of(s, need(s, y, "note_line"), "note_line");
            r.bullet = regex_of(s, need(s, y, "bullet"), "bullet");
            r.web_furniture = regex_of(s, need(s, y, "web_furniture"), "web_furniture");
            r.closing_paragraph = regex_of(s, need(s, y, "closing_paragraph"), "closing_paragraph");
            r.frame_heading = regex_of(s, need(s, y, "frame_heading"), "frame_heading");
            for (const auto& kv : need_map(s, y, "part_kinds"))
                r.part_kind_words.emplace_back(one_of(s, kv.first, kv.second, {"key_tasks", "livelihood", "plan"}, "part_kinds"),
                                               list_of(s, kv.second, "part_kinds"));
        }
        {
            Source s = load_source("units.yaml", extras);
            const YAML::Node& y = s.root;
            for (const auto& w : list_of(s, need(s, y, "separators"), "separators")) {
                icu::UnicodeString u = folded(w);
                if (u.length() == 1) r.separators.push_back(u.charAt(0));
            }
            icu::UnicodeString starts = folded(need(s, y, "line_break_unit_starts").as<std::string>());
            for (int32_t i = 0; i < starts.length(); ++i) r.unit_starts.push_back(starts.charAt(i));
            r.clause_label.set_value_starts(r.unit_starts);
            icu::UnicodeString glued = folded(need(s, y, "glued_name_ends").as<std::string>());
            for (int32_t i = 0; i < glued.length(); ++i) r.glued_name_ends.push_back(glued.charAt(i));
            r.glued_branch_ends = folded_list(list_of(s, need(s, y, "glued_branch_ends"), "glued_branch_ends"));
            for (const auto& w : list_of(s, need(s, y, "brackets"), "brackets")) {
                icu::UnicodeString u = folded(w);
                if (u.length() != 2) throw GrammarError(where(s, y["brackets"], "brackets") + ": each entry is an open and a close character");
                r.brackets.emplace_back(u.charAt(0), u.charAt(1));
            }
            r.lead_marker = folded(need(s, y, "lead_marker").as<std::string>());
            r.bracketed_lead_all_before = folded_list(list_of(s, need(s, y, "bracketed_lead_all_before"), "bracketed_lead_all_before"));
            r.conjunctions = folded_list(list_of(s, need(s, y, "conjunctions"), "conjunctions"));
            r.etc_marker = folded(need(s, y, "etc_marker").as<std::string>());
            r.etc_generic = folded_list(list_of(s, need(s, y, "etc_generic"), "etc_generic"));
            r.support_markers = folded_list(list_of(s, need(s, y, "support_markers"), "support_markers"));
            r.markers_before_verb = folded_list(list_of(s, need(s, y, "markers_before_verb"), "markers_before_verb"));
            r.verb_after_marker_max = need(s, y, "verb_after_marker_max").as<int>();
            r.joint_lead_markers = folded_list(list_of(s, need(s, y, "joint_lead_markers"), "joint_lead_markers"));
            std::sort(r.support_markers.begin(), r.support_markers.end(), [](auto& a, auto& b) { return a.length() > b.length(); });
            r.convention = regex_of(s, need(s, y, "convention"), "convention");
            r.convention_requires = folded(need(s, y, "convention_requires").as<std::string>());
            for (const auto& kv : need_map(s, y, "kinds")) {
                KindRule k;
                k.kind = one_of(s, kv.first, kv.second, {"collective", "taskforce", "township", "enterprise", "department"}, "kinds");
                if (kv.second["starts_with"]) k.starts_with = folded_list(list_of(s, kv.second["starts_with"], "kinds"));
                if (kv.second["contains"]) k.contains = folded_list(list_of(s, kv.second["contains"], "kinds"));
                if (kv.second["ends_with"]) k.ends_with = folded_list(list_of(s, kv.second["ends_with"], "kinds"));
                if (kv.second["ends_with_named"])
                    k.ends_with_named = folded_list(list_of(s, kv.second["ends_with_named"], "kinds"));
                auto add_char = [](std::u16string& to, char16_t c) {
                    if (to.find(c) == std::u16string::npos) to.push_back(c);
                };
                for (const auto* list : {&k.ends_with, &k.ends_with_named})
                    for (const auto& p : *list)
                        if (!p.isEmpty()) add_char(k.end_chars, p.charAt(p.length() - 1));
                for (const auto& p : k.starts_with)
                    if (!p.isEmpty()) add_char(k.start_chars, p.charAt(0));
                for (const auto& p : k.contains)
                    if (!p.isEmpty()) add_char(k.contains_firsts, p.charAt(0));
                r.kinds.push_back(std::move(k));
            }
            const YAML::Node& e = need(s, y, "elision");
            r.elision.level_chars = folded(need(s, e, "level_chars").as<std::string>());
            const icu::UnicodeString party = folded(need(s, e, "party_committee").as<std::string>());
            if (party.length() != 1) throw GrammarError(where(s, e["party_committee"], "elision") + ": one character");
            r.elision.party_committee = party.charAt(0);
            r.elision.level_words = folded_list(list_of(s, need(s, e, "level_words"), "elision"));
            r.elision.place_chars = folded(need(s, e, "place_chars").as<std::string>());
            r.elision.bare_max = need(s, e, "bare_max").as<int>();
            r.elision.generic_ends = folded(need(s, e, "generic_ends").as<std::string>());
            r.elision.min_prefixed_share = need(s, e, "min_prefixed_share").as<double>();
            r.elision.shared_suffix_max = need(s, e, "shared_suffix_max").as<int>();
        }
        {
            Source s = load_source("meta.yaml", extras);
            const YAML::Node& y = s.root;
            r.doc_number = regex_of(s, need(s, y, "doc_number"), "doc_number");
            r.title = regex_of(s, need(s, y, "title"), "title");
            r.plan_title = regex_of(s, need(s, y, "plan_title"), "plan_title");
            r.date = regex_of(s, need(s, y, "date"), "date");
            r.date.require_groups(3);  // year, month, day
            r.written_date = regex_of(s, need(s, y, "written_date"), "written_date");
            r.written_date.require_groups(3);
            r.addressees = regex_of(s, need(s, y, "addressees"), "addressees");
            r.contact = regex_of(s, need(s, y, "contact"), "contact");
            r.contact.require_groups(2);  // name, phones
            r.issuer_ends = folded_list(list_of(s, need(s, y, "issuer_ends_with"), "issuer_ends_with"));
        }
    } catch (const YAML::Exception& e) {
        std::string file = extra_files.size() == 1 ? extra_files.front() : "grammar";
        throw GrammarError(file + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) + ": " +
                           e.msg);
    }
    return r;
}

}  // namespace tasksplit
