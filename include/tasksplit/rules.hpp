// The compiled grammar: grammars/*.yaml turned into ICU regexes and word lists once per parser.
// A Rules object holds regex matchers, so it is used by one thread at a time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

namespace tasksplit {

/// A grammar that cannot be used: `where` is "file:line:col: rule".
struct GrammarError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Sets of characters read from the ICU regex `pattern`: every match holds at least one character
/// of each set ("级" in '[0-9]+\s*(?:万)?级'; one of 打/关 in '打印本页|关闭窗口'). May find
/// fewer sets, never a wrong one. Empty when the pattern sets flags.
std::vector<std::u32string> required_char_sets(const std::u32string& pattern);

/// An ICU regex with its own matcher; searches a region of a UnicodeString. A region that lacks
/// all characters of one of the pattern's required sets is answered without running the matcher.
class Regex {
public:
    Regex() = default;
    Regex(const icu::UnicodeString& pattern, const std::string& where);
    bool valid() const { return matcher_ != nullptr; }
    /// Throws GrammarError unless the pattern has at least `n` capture groups (the code reads them).
    void require_groups(int n) const;
    /// Finds the first match in s[from, to); to < 0 means the end. Throws GrammarError when the
    /// match exceeds the time or stack limit.
    bool find(const icu::UnicodeString& s, int32_t from = 0, int32_t to = -1) const;
    /// Matches at s[from] (anchored start) within s[from, to).
    bool match_at(const icu::UnicodeString& s, int32_t from = 0, int32_t to = -1) const;
    int32_t start(int group = 0) const;
    int32_t end(int group = 0) const;
    icu::UnicodeString group(int group) const;

private:
    /// False when s[from, to) holds no character of one of needs_ (checked on short regions only).
    bool may_match(const icu::UnicodeString& s, int32_t from, int32_t to) const;

    std::string where_;  ///< file:line:col: rule, for errors found while matching
    /// Every match holds one character of each set (BMP); `bloom` has bit c % 64 set for each c.
    struct CharSet {
        std::u16string chars;
        std::uint64_t bloom = 0;
    };
    std::vector<CharSet> needs_;
    std::shared_ptr<icu::RegexPattern> pattern_;
    std::unique_ptr<icu::RegexMatcher> matcher_;
};

/// Finds clause labels: one of a list of words, with whitespace allowed between its characters
/// (page breaks split them), then optional whitespace and a colon or the closing 】/] it is
/// printed in ("牵头单位：", "【牵头单位】"). A prefix tree walked from each character that opens a
/// word: a regex alternation of ~70 words tried each word at each position and was the most
/// expensive rule of all. Same interface as Regex; the longest word that fits wins.
class LabelFinder {
public:
    /// `word` as folded text (fold_unit), not empty.
    void add(const icu::UnicodeString& word);
    /// Characters a unit name opens with: a whole label may run straight into such a value when
    /// extraction lost its colon ("（牵头单位区林业局，配合单位各镇街）").
    void set_value_starts(std::vector<char16_t> starts) { value_starts_ = std::move(starts); }
    /// Labels in no list are read by their form: at most `max_before` characters, then one of
    /// `ends` (单位, 部门, 领导 …), then a colon, opening a clause ("主抓单位：", "督办领导：").
    void set_forms(std::vector<icu::UnicodeString> ends, int32_t max_before) {
        form_ends_ = std::move(ends);
        form_max_before_ = max_before;
    }
    /// The leftmost label inside s[from, to); to < 0 means the end. `src`, where given, maps
    /// each unit of `s` to the source (Run::src): a break in it is a line start, where a label
    /// read by its form may open ("钱明远" / "主抓单位：…" joined from two lines).
    bool find(const icu::UnicodeString& s, int32_t from = 0, int32_t to = -1, const int32_t* src = nullptr) const;
    int32_t start() const { return start_; }
    /// Just after the colon or bracket.
    int32_t end() const { return end_; }
    /// The label as printed (group 1 of the old regex), spaces inside included.
    icu::UnicodeString label() const { return label_; }
    /// The label was read by its form, not found in the lists.
    bool by_form() const { return by_form_; }

private:
    struct Node {
        bool word_ends = false;
        std::vector<std::pair<char16_t, std::size_t>> next;  ///< character -> index in nodes_
    };
    std::vector<Node> nodes_ = std::vector<Node>(1);  ///< nodes_[0] is the root
    std::vector<bool> opens_ = std::vector<bool>(65536, false);  ///< first characters of the words
    mutable int32_t start_ = -1, end_ = -1;
    mutable icu::UnicodeString label_;
    mutable bool by_form_ = false;
    std::vector<icu::UnicodeString> form_ends_;
    int32_t form_max_before_ = 0;
    mutable std::vector<int32_t> ends_;  ///< word ends passed by the walk in match_at
    std::vector<char16_t> value_starts_;
    /// Labels this long may be followed by a space instead of a colon.
    static constexpr int32_t kColonlessLabelMin = 4;

    /// The label starting exactly at s[p], ending by `to`; sets start_/end_/label_.
    bool match_at(const icu::UnicodeString& s, int32_t p, int32_t to) const;
    /// The label read by its form whose colon is s[colon], starting at `from` or after.
    bool match_form(const icu::UnicodeString& s, int32_t from, int32_t colon, const int32_t* src) const;
};

struct Rules {
    // layout.yaml
    Regex part_heading;
    Regex part_heading_numbered;  ///< "第一部分　重点工作"
    std::vector<icu::UnicodeString> part_heading_ends, part_heading_never;
    Regex attachment_label;
    std::vector<Regex> section_heading;
    int heading_max_title = 50;  ///< longer heading-shaped lines are tasks
    struct ItemNumber { Regex re; bool dotted = true; };
    std::vector<ItemNumber> item_number;
    Regex leader_suffix, leader_count, leader_role_at_end, leader_role_at_start;
    Regex leader_name_only;      ///< "王五" in "王五同志牵头": a name with no title
    Regex leader_roles_only;     ///< "县政府党组成员": titles and no name (县政府 is no person)
    Regex leader_role_in_brackets;  ///< "孙海燕同志（常务副县长）"
    LabelFinder clause_label;  ///< any clause label followed by a colon or its closing bracket
    std::map<std::string, std::string> label_role;  ///< folded label -> leader|lead|support|units
    std::map<std::string, std::string> column_role;  ///< folded column name -> role
    std::unordered_set<std::string> column_openings;  ///< first two characters of each column name
    Regex deadline_cell;
    Regex person_cell;  ///< a grid cell holding only a leader's name or names
    Regex footer, closing_paragraph;
    Regex frame_heading;  ///< "基本原则", "保障措施": sections around the tasks, no tasks themselves
    Regex page_number;  ///< "— 5 —" between the lines of a task
    Regex page_marker;  ///< "第 1 页共 5 页" glued inside a line
    Regex note_line;    ///< "说明：…": a note about the breakdown
    Regex bullet;       ///< "●" before an unnumbered task
    Regex web_furniture;  ///< "【打印本页】【关闭窗口】": the web page around a copy
    std::vector<std::pair<std::string, std::vector<std::string>>> part_kind_words;
    struct HeaderForms {
        std::vector<std::string> ends, lead, support, never;  ///< folded UTF-8
        std::vector<std::string> leader_ends;                 ///< "督办领导"
    } header_forms;  ///< a header cell's or a clause label's role from its form when no list names it
    /// The role of a label or header cell in no list, by its form: lead, support, units (a unit
    /// word at the end, no role word), leader; nullptr when it has no such form.
    const std::string* role_by_form(const std::string& folded_label) const;
    icu::UnicodeString surnames;  ///< first characters of a leader's name in a grid cell (folded)
    std::map<std::string, double> evidence;  ///< named weights and thresholds (layout.yaml: evidence)
    // units.yaml
    std::vector<char16_t> separators;
    std::vector<char16_t> unit_starts;
    std::vector<char16_t> glued_name_ends;  ///< "区住建局区交通运输局": where two joined names split
    std::vector<icu::UnicodeString> glued_branch_ends;  ///< "市生态环境局北湖分局": a branch, not a second name
    std::vector<std::pair<char16_t, char16_t>> brackets;
    icu::UnicodeString lead_marker, etc_marker;
    std::vector<icu::UnicodeString> etc_generic;  ///< words after 等 that name no one: 部门, 单位
    std::vector<icu::UnicodeString> conjunctions;               ///< 和, 及 between two whole units
    std::vector<icu::UnicodeString> bracketed_lead_all_before;  ///< 以上, 并列: a bracketed 牵头 marks every unit before
    std::vector<icu::UnicodeString> support_markers;
    std::vector<icu::UnicodeString> markers_before_verb;  ///< "牵头" in "牵头落实": a verb may follow
    int verb_after_marker_max = 0;
    std::vector<icu::UnicodeString> joint_lead_markers;  ///< "A会同B负责": A leads, B supports
    Regex convention;
    icu::UnicodeString convention_requires;  ///< a word every convention sentence holds (cheap pre-check)
    struct KindRule {
        std::string kind;
        std::vector<icu::UnicodeString> starts_with, contains, ends_with;
        std::vector<icu::UnicodeString> ends_with_named;  ///< after a name of two characters or more
        /// The last characters of ends_with and ends_with_named, the first of starts_with and
        /// contains: most names are ruled out by one lookup (unit_kind runs for every name).
        std::u16string end_chars, start_chars, contains_firsts;
    };
    std::vector<KindRule> kinds;
    /// Names that leave out the level a list printed once ("省商务厅、财政厅"): unit_names.cpp.
    struct Elision {
        icu::UnicodeString level_chars;            ///< 省市区县: a name opening with one names its level
        char16_t party_committee = 0;              ///< 委 after the level: "市委宣传部、组织部"
        std::vector<icu::UnicodeString> level_words;  ///< 市场, 城市: a level character that names no level
        icu::UnicodeString place_chars;            ///< 省市区县镇乡: the two characters before one name a place
        int bare_max = 0;                          ///< longest generic department name
        icu::UnicodeString generic_ends;           ///< 局委办厅: how a level's bodies close
        double min_prefixed_share = 0;             ///< lists whose first unit prints its level, at least
        int shared_suffix_max = 0;                 ///< "东城区、西城区政府": characters of 政府
    } elision;
    // meta.yaml
    Regex doc_number, title, plan_title, date, written_date, addressees, contact;
    std::vector<icu::UnicodeString> issuer_ends;

    /// The role of a grid's header cell (folded, spaces removed): a column name of grid_columns,
    /// or the names inside a longer header ("重点工作任务", "牵头单位（部门）") when they all
    /// have one role; nullptr otherwise. Points into column_role.
    const std::string* header_role(const std::string& cell) const;

    /// The built-in grammar, plus extra files that add to or replace its rules.
    static Rules load(const std::vector<std::string>& extra_files = {});
};

}  // namespace tasksplit
