// Unit lists. Works on the folded view for decisions and slices names from the original.
#include "tasksplit/units.hpp"

#include <algorithm>

namespace tasksplit {
namespace {

int open_index(const Rules& rules, char16_t c) {
    for (std::size_t i = 0; i < rules.brackets.size(); ++i)
        if (rules.brackets[i].first == c) return static_cast<int>(i);
    return -1;
}

bool is_close(const Rules& rules, char16_t c) {
    for (const auto& b : rules.brackets)
        if (b.second == c) return true;
    return false;
}

bool is_separator(const Rules& rules, char16_t c) {
    return std::find(rules.separators.begin(), rules.separators.end(), c) != rules.separators.end();
}

/// A piece between separators, with the position where whitespace split it, if any.
struct Piece {
    Run run;
    bool after_marker = false;  ///< a 牵头 marker followed this piece
};

/// Removes whitespace from a piece (PDF extraction spaces are never part of a unit name), as
/// the folded view has it: a mirror's pinyin glosses ("縣(xiàn)") are spaces there.
Run squeeze(Run r) {
    // Most pieces hold no space: they go back as they came.
    int32_t k = 0;
    while (k < r.size() && !is_space(r.fold.charAt(k))) ++k;
    if (k == r.size()) return r;
    Run out;
    for (int32_t i = 0; i < r.size(); ++i) {
        if (is_space(r.fold.charAt(i))) continue;
        out.orig.append(r.orig.charAt(i));
        out.fold.append(r.fold.charAt(i));
        out.src.push_back(r.src[i]);
    }
    return out;
}

/// "市生态环境局北湖分局": what follows a closed name is its branch, named by place without a level
/// (a level opens a unit of its own: "区财政局区公安分局").
bool names_branch(const Run& rest, const Rules& rules) {
    if (rules.elision.level_chars.indexOf(rest.fold.charAt(0)) >= 0) return false;
    for (const auto& end : rules.glued_branch_ends)
        if (const int32_t at = rest.fold.indexOf(end); at > 0) {
            bool levelled = false;
            for (int32_t i = 0; i < at; ++i) levelled |= rules.elision.level_chars.indexOf(rest.fold.charAt(i)) >= 0;
            if (!levelled) return true;
        }
    return false;
}

/// "区住建局区交通运输局" -> two units: a copy that lost the line break between two names of one
/// grid cell. Split where one name closes (glued_name_ends) and the next opens like a unit name,
/// both sides whole units of at least kGluedNameMin characters. A township after a department
/// ("县住建局城关镇") opens a unit of its own whatever its first character: no department's
/// name runs on into a town's.
void split_glued(Run piece, const Rules& rules, std::vector<Run>& out) {
    constexpr int32_t kGluedNameMin = 3;
    const auto in = [](const std::vector<char16_t>& set, char16_t c) { return std::find(set.begin(), set.end(), c) != set.end(); };
    for (int32_t i = kGluedNameMin; i + kGluedNameMin <= piece.size(); ++i) {
        if (!in(rules.glued_name_ends, piece.fold.charAt(i - 1))) continue;
        const Run left = piece.sub(0, i);
        Run right = piece.sub(i, piece.size());
        const bool conjunction = std::any_of(rules.conjunctions.begin(), rules.conjunctions.end(),
                                             [&](const icu::UnicodeString& c) { return right.fold.startsWith(c); });
        if (!in(rules.unit_starts, piece.fold.charAt(i)) &&
            (conjunction || unit_kind(right.fold, rules) != "township" || unit_kind(left.fold, rules) != "department"))
            continue;
        if (left.fold.indexOf(u'(') >= 0 || unit_kind(left.fold, rules) == "other" || unit_kind(right.fold, rules) == "other" ||
            names_branch(right, rules))
            continue;
        out.push_back(left);
        piece = std::move(right);
        i = kGluedNameMin - 1;
    }
    out.push_back(std::move(piece));
}

/// "园林局配合做好专项整治工作": where the last piece of a list is no unit but opens with one,
/// closed where glued names close (局委办厅), the rest ran on from the next line of a copy that
/// lost its line breaks. The piece keeps the unit; `run_on` gets the rest.
void split_run_on(Run& piece, const Rules& rules, std::optional<Run>& run_on) {
    // A unit's name is shorter than kNameMax ("国家税务总局舟山市定海区税务局": 15).
    constexpr int32_t kNameMin = 3, kNameMax = 20, kRunOnMin = 4;
    if (piece.size() < kNameMin + kRunOnMin || unit_kind(piece.fold, rules) != "other") return;
    // "区委组织部<区委人才办>", "市商务局（市外办）": a bracket holds the name's alias or its note.
    for (const auto& [open, close] : rules.brackets)
        if (piece.fold.indexOf(open) >= 0) return;
    const int32_t last = std::min(piece.size() - kRunOnMin, kNameMax);
    for (int32_t i = kNameMin; i <= last; ++i) {
        if (std::find(rules.glued_name_ends.begin(), rules.glued_name_ends.end(), piece.fold.charAt(i - 1)) ==
                rules.glued_name_ends.end() ||
            unit_kind(icu::UnicodeString(piece.fold, 0, i), rules) == "other")
            continue;
        run_on = piece.sub(i, piece.size());
        piece = piece.sub(0, i);
        return;
    }
}

/// Splits at depth-0 separators; whitespace splits only between two complete unit names
/// ("市卫健委 市教育局"), elsewhere it is an extraction artefact and is dropped.
std::vector<Run> split_pieces(const Run& list, const Rules& rules, int& empty) {
    std::vector<Run> raw;
    std::vector<char16_t> stack;
    int32_t start = 0;
    // Chinese characters, most of any list, are neither brackets nor separators (unless a
    // grammar file makes one so).
    auto ideograph = [](char16_t c) { return c >= 0x3400 && c <= 0x9FFF; };
    bool skip_ideographs = std::none_of(rules.separators.begin(), rules.separators.end(), ideograph);
    for (const auto& [open, close] : rules.brackets) skip_ideographs &= !ideograph(open) && !ideograph(close);
    for (int32_t i = 0; i <= list.size(); ++i) {
        char16_t c = i < list.size() ? list.fold.charAt(i) : 0;
        if (skip_ideographs && ideograph(c)) continue;
        if (i < list.size()) {
            int oi = open_index(rules, c);
            if (oi >= 0 && !(rules.brackets[oi].first == rules.brackets[oi].second && !stack.empty() && stack.back() == c)) {
                stack.push_back(rules.brackets[oi].second);
                continue;
            }
            if (!stack.empty() && c == stack.back()) { stack.pop_back(); continue; }
            if (is_close(rules, c) && !stack.empty()) continue;
        }
        if (i == list.size() || (stack.empty() && is_separator(rules, c))) {
            int32_t a = start, b = i;  // trimmed before it is copied
            while (a < b && is_space(list.orig.charAt(a))) ++a;
            while (b > a && is_space(list.orig.charAt(b - 1))) --b;
            if (a == b) {
                if (i < list.size() || start > 0) ++empty;
            } else {
                raw.push_back(list.sub(a, b));
            }
            start = i + 1;
        }
    }
    // Whitespace and line breaks (grid cells, page breaks) split only between two whole units;
    // elsewhere they are extraction artefacts inside one name ("区旅游" / "集团").
    std::vector<Run> out;
    for (Run& piece : raw) {
        int32_t from = 0;
        for (int32_t i = 0; i < piece.size(); ++i) {
            bool line_break = i > 0 && piece.src[i] >= 0 && piece.src[i - 1] >= 0 && piece.src[i] != piece.src[i - 1] + 1;
            if (!is_space(piece.orig.charAt(i)) && !line_break) continue;
            int32_t j = i;
            while (j < piece.size() && is_space(piece.orig.charAt(j))) ++j;
            Run left = squeeze(piece.sub(from, i));
            Run right = squeeze(piece.sub(j, piece.size()));
            bool whole = !left.empty() && !right.empty() && unit_kind(left.fold, rules) != "other" &&
                         unit_kind(right.fold, rules) != "other" && left.fold.indexOf(u'(') < 0;
            // The right side must also open like a unit name ("区交通运输局"), not continue one:
            // "定海分局" after "市自然资源和规划局" at a line break, "政法委" after "区委 " where a
            // letter-spaced PDF left a stray space.
            if (whole)
                whole = std::find(rules.unit_starts.begin(), rules.unit_starts.end(), right.fold.charAt(0)) != rules.unit_starts.end();
            if (whole) {
                out.push_back(std::move(left));
                from = j;
            }
            i = std::max(i, j - 1);
        }
        Run rest = squeeze(from == 0 ? std::move(piece) : piece.sub(from, piece.size()));
        if (!rest.empty()) split_glued(std::move(rest), rules, out);
    }
    return out;
}

/// Finds the convention sentence and cuts it (with enclosing brackets) out of the list.
Run cut_convention(const Run& list, const Rules& rules, std::optional<Run>& convention) {
    if (list.fold.indexOf(rules.convention_requires) < 0 || !rules.convention.find(list.fold)) return list;
    int32_t a = rules.convention.start(), b = rules.convention.end();
    convention = list.sub(a, b).trimmed();
    // Strip trailing separators of the sentence itself.
    while (!convention->empty() && is_separator(rules, convention->fold.charAt(convention->size() - 1)))
        *convention = convention->sub(0, convention->size() - 1);
    int32_t ca = a, cb = b;
    int32_t l = a - 1, r = b;
    while (l >= 0 && is_space(list.orig.charAt(l))) --l;
    while (r < list.size() && is_space(list.orig.charAt(r))) ++r;
    if (l >= 0 && r < list.size() && open_index(rules, list.fold.charAt(l)) >= 0 && is_close(rules, list.fold.charAt(r))) {
        ca = l;
        cb = r + 1;
    } else if (l >= 0 && open_index(rules, list.fold.charAt(l)) >= 0 && r >= list.size()) {
        ca = l;  // unclosed bracket at the end of the list
    }
    Run out = list.sub(0, ca);
    Run tail = list.sub(cb, list.size());
    out.orig.append(tail.orig);
    out.fold.append(tail.fold);
    out.src.insert(out.src.end(), tail.src.begin(), tail.src.end());
    return out;
}

/// "省直有关单位和各市州人民政府" -> two units: a conjunction with a whole unit on each side, the
/// right one opening like a unit name.
std::vector<Run> split_at_conjunctions(const std::vector<Run>& parts, const Rules& rules) {
    std::vector<Run> out;
    for (const Run& part : parts) {
        Run rest = part;
        bool split = true;
        while (split) {
            split = false;
            for (const auto& conj : rules.conjunctions) {
                for (int32_t at = rest.fold.indexOf(conj); at > 0 && !split; at = rest.fold.indexOf(conj, at + 1)) {
                    const Run left = rest.sub(0, at), right = rest.sub(at + conj.length(), rest.size());
                    // The right side opens like a unit name ("各…", "市…"): in "区安委会和消安委会成员单位"
                    // 成员单位 belongs to both committees.
                    if (right.empty() || left.fold.indexOf(u'(') >= 0 || unit_kind(left.fold, rules) == "other" ||
                        unit_kind(right.fold, rules) == "other" ||
                        std::find(rules.unit_starts.begin(), rules.unit_starts.end(), right.fold.charAt(0)) == rules.unit_starts.end())
                        continue;
                    out.push_back(left);
                    rest = right;
                    split = true;
                }
                if (split) break;
            }
        }
        out.push_back(rest);
    }
    return out;
}

/// Where the bracket that closes `piece` opens; -1 when it does not end in a closing bracket.
int32_t closing_bracket_open(const Run& piece, const Rules& rules) {
    const icu::UnicodeString& f = piece.fold;
    if (f.isEmpty() || !is_close(rules, f.charAt(f.length() - 1))) return -1;
    int depth = 0;
    for (int32_t i = f.length() - 1; i >= 0; --i) {
        const char16_t c = f.charAt(i);
        if (is_close(rules, c) && !(open_index(rules, c) >= 0 && depth > 0)) ++depth;
        else if (open_index(rules, c) >= 0 && --depth == 0) return i;
    }
    return -1;
}

Unit make_unit(const Run& piece, const Rules& rules) {
    Unit u;
    u.raw = piece.utf8();
    u.name = u.raw;
    const icu::UnicodeString& f = piece.fold;
    icu::UnicodeString name_fold = f;
    // Alias: a bracket at the very end holding a unit, after a unit: 市财政局(市国资委).
    if (f.length() > 2) {
        const int32_t open = closing_bracket_open(piece, rules);
        if (open > 0) {
            icu::UnicodeString inner(f, open + 1, f.length() - 1 - (open + 1));
            icu::UnicodeString outer(f, 0, open);
            std::string ik = unit_kind(inner, rules), ok = unit_kind(outer, rules);
            bool inner_list = false;
            for (char16_t s : rules.separators) inner_list |= inner.indexOf(s) >= 0;
            if (!inner_list && inner.length() >= 3 && ik != "other" && ik != "collective" && ik != "township" &&
                ok != "other" && ok != "collective") {
                u.name = to_utf8(piece.orig.tempSubStringBetween(0, open));
                u.alias = to_utf8(piece.orig.tempSubStringBetween(open + 1, f.length() - 1));
                name_fold = outer;
            }
        }
    }
    u.kind = unit_kind(name_fold, rules);
    return u;
}

/// "市发改委牵头落实" -> "市发改委牵头", "…按职责分工推进" -> "…按职责分工": a short verb after a
/// marker (markers_before_verb) goes, so the marker closes the piece. Not a unit's ending
/// ("牵头单位"), and only after a unit.
Run without_verb_after_marker(const Run& piece, const Rules& rules) {
    for (const auto& m : rules.markers_before_verb) {
        const int32_t at = piece.fold.lastIndexOf(m);
        if (at <= 0) continue;
        const int32_t verb = piece.size() - at - m.length();
        if (verb <= 0 || verb > rules.verb_after_marker_max) continue;
        bool ideographs = true;
        for (int32_t i = at + m.length(); i < piece.size(); ++i) {
            const char16_t c = piece.fold.charAt(i);
            ideographs &= c >= 0x4E00 && c <= 0x9FFF;
        }
        if (!ideographs) continue;
        // "…牵头单位", "…牵头部门", "…牵头局": what follows ends a name, it is no verb.
        const icu::UnicodeString tail(piece.fold, at + m.length());
        bool name_end = std::find(rules.etc_generic.begin(), rules.etc_generic.end(), tail) != rules.etc_generic.end();
        for (const auto& k : rules.kinds)
            for (const auto& e : k.ends_with) name_end |= tail.endsWith(e);
        if (name_end) continue;
        // "…银监分局分别牵头落实": the name ends before the adverb.
        int32_t name_end_at = at;
        for (const auto& w : rules.bracketed_lead_all_before)
            if (icu::UnicodeString(piece.fold, 0, at).endsWith(w) && at > w.length()) {
                name_end_at = at - w.length();
                break;
            }
        const icu::UnicodeString before(piece.fold, 0, name_end_at);
        if (unit_kind(before, rules) == "other") continue;
        return piece.sub(0, at + m.length());
    }
    return piece;
}

}  // namespace

const std::string& unit_kind(const icu::UnicodeString& name, const Rules& rules) {
    static const std::string other = "other";
    const int32_t n = name.length();
    if (n == 0) return other;
    const char16_t* s = name.getBuffer();
    // Most suffixes differ from the name in their last character: that is checked first.
    auto ends = [&](const icu::UnicodeString& p, int32_t before) {
        const int32_t m = p.length();
        return m + before <= n && m > 0 && s[n - 1] == p[m - 1] && std::equal(p.getBuffer(), p.getBuffer() + m, s + (n - m));
    };
    // Views of the buffers: no ICU call per pattern (this runs for every name of every list).
    const std::u16string_view whole(s, static_cast<std::size_t>(n));
    auto view = [](const icu::UnicodeString& p) { return std::u16string_view(p.getBuffer(), static_cast<std::size_t>(p.length())); };
    for (const auto& k : rules.kinds) {
        if (k.start_chars.find(s[0]) != std::u16string::npos)
            for (const auto& p : k.starts_with)
                if (n > p.length() && whole.substr(0, static_cast<std::size_t>(p.length())) == view(p)) return k.kind;
        if (whole.find_first_of(k.contains_firsts) != std::u16string_view::npos)
            for (const auto& p : k.contains)
                if (whole.find(view(p)) != std::u16string_view::npos) return k.kind;
        if (k.end_chars.find(s[n - 1]) == std::u16string::npos) continue;
        for (const auto& p : k.ends_with)
            if (ends(p, 1)) return k.kind;
        for (const auto& p : k.ends_with_named)
            if (ends(p, 2)) return k.kind;
    }
    return other;
}

bool looks_like_units(const Run& cell, const Rules& rules) {
    // A stretch longer than any name with no separator or space in it is text: no need to split.
    constexpr int32_t kLongestName = 60;  // with a bracketed note after it
    int32_t stretch = 0;
    for (int32_t i = 0; i < cell.size() && stretch <= kLongestName; ++i) {
        const char16_t c = cell.fold.charAt(i);
        stretch = is_separator(rules, c) || is_space(c) ? 0 : stretch + 1;
    }
    if (stretch > kLongestName) return false;
    UnitList list = split_units(cell, rules);
    if (list.units.empty() || list.run_on) return false;  // a text that opens like a unit
    for (const auto& u : list.units)
        if (u.kind == "other") return false;
    return true;
}

UnitList split_units(const Run& input, const Rules& rules) {
    UnitList out;
    Run list = cut_convention(input, rules, out.convention);
    // A unit cell written as a sentence ("区发改委、区市场监管局。"): the full stop ends the list.
    while (!list.empty() && list.fold.charAt(list.size() - 1) == u'。') list = list.sub(0, list.size() - 1).trimmed();
    std::vector<Run> split = split_pieces(list, rules, out.empty_pieces);
    // "国家发展改革委、财政部会同有关部门负责": a joint-lead word between two units ends the lead
    // group, like a 牵头 marker after the first; the piece after it goes on as the next piece.
    // Only between two units: "会同" inside a task's wording is no marker.
    std::vector<std::pair<Run, bool>> pieces;
    for (Run piece : split) {
        bool cut = true;
        while (cut) {
            cut = false;
            for (const auto& m : rules.joint_lead_markers) {
                const int32_t at = piece.fold.indexOf(m);
                if (at <= 0 || at + m.length() >= piece.size()) continue;
                const Run left = piece.sub(0, at).trimmed(), right = piece.sub(at + m.length(), piece.size()).trimmed();
                if (left.empty() || right.empty() || unit_kind(left.fold, rules) == "other") continue;
                pieces.emplace_back(left, true);
                piece = right;
                cut = true;
                break;
            }
        }
        pieces.emplace_back(std::move(piece), false);
    }
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        auto& [piece, joint_lead] = pieces[k];
        bool marker = joint_lead;
        piece = without_verb_after_marker(piece, rules);
        // "市发改委（牵头）", "〔牵头〕": a closing bracket naming 牵头 marks this one unit, or with
        // "以上" / "并列" every unit so far.
        bool own_marker = false;
        if (const int32_t open = closing_bracket_open(piece, rules); open > 0) {
            const icu::UnicodeString inner(piece.fold, open + 1, piece.size() - open - 2);
            if (inner.indexOf(rules.lead_marker) >= 0) {
                own_marker = true;
                for (const auto& w : rules.bracketed_lead_all_before) marker |= inner.indexOf(w) >= 0;
                piece = piece.sub(0, open).trimmed();
            }
        }
        // "区发改局、区财政局牵头": the marker closes the lead group ("…分别牵头": every one leads).
        while (piece.fold.endsWith(rules.lead_marker) && piece.size() > rules.lead_marker.length()) {
            piece = piece.sub(0, piece.size() - rules.lead_marker.length());
            marker = true;
            for (const auto& w : rules.bracketed_lead_all_before)
                if (piece.fold.endsWith(w) && piece.size() > w.length()) {
                    piece = piece.sub(0, piece.size() - w.length());
                    break;
                }
        }
        if (piece.fold == rules.lead_marker) {
            if (!out.marked_lead.empty()) {
                std::fill(out.marked_lead.begin(), out.marked_lead.end(), true);
                out.has_marker = true;
            }
            continue;
        }
        for (const auto& m : rules.support_markers)
            if (piece.fold.endsWith(m) && piece.size() > m.length()) {
                piece = piece.sub(0, piece.size() - m.length());
                out.has_support_marker = true;
                break;
            }
        if (k + 1 == pieces.size()) split_run_on(piece, rules, out.run_on);
        // "区经信局、区住建局等区级有关部门": split off the collective after 等.
        std::vector<Run> parts{piece};
        int32_t etc = piece.fold.lastIndexOf(rules.etc_marker);
        if (etc > 0 && etc + rules.etc_marker.length() < piece.size()) {
            Run tail = piece.sub(etc + rules.etc_marker.length(), piece.size());
            if (unit_kind(tail.fold, rules) == "collective") parts = {piece.sub(0, etc), tail};
            else if (std::find(rules.etc_generic.begin(), rules.etc_generic.end(), tail.fold) != rules.etc_generic.end())
                parts = {piece.sub(0, etc)};  // "市财政局等部门"
        } else if (etc > 0 && unit_kind(icu::UnicodeString(piece.fold, 0, etc), rules) != "other") {
            parts = {piece.sub(0, etc)};  // "市工信局、市商务局等": 等 closes the list, naming no one
        }
        parts = split_at_conjunctions(parts, rules);
        for (const Run& p : parts) {
            out.units.push_back(make_unit(p, rules));
            out.marked_lead.push_back(own_marker);
        }
        out.has_marker |= own_marker;
        if (marker) {
            // Every unit listed so far and not yet claimed by an earlier marker leads.
            std::fill(out.marked_lead.begin(), out.marked_lead.end(), true);
            out.has_marker = true;
        }
    }
    return out;
}

std::string assign_roles(const UnitList& list, std::vector<Unit>& lead, std::vector<Unit>& support) {
    if (list.units.empty()) return "";
    if (list.has_marker) {
        for (std::size_t i = 0; i < list.units.size(); ++i)
            (list.marked_lead[i] ? lead : support).push_back(list.units[i]);
        return "explicit";
    }
    lead.push_back(list.units.front());
    support.insert(support.end(), list.units.begin() + 1, list.units.end());
    return list.units.size() == 1 ? "single" : "convention";
}

}  // namespace tasksplit
