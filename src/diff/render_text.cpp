// The diff report for a terminal: summary first (what an analyst asks first), then each pair's
// changes, splits and merges, and the tasks dropped and added. Without colour, deletions and
// insertions are marked [-like this-]{+and this+} (wdiff's convention).
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "internal.hpp"

namespace tasksplit {
namespace {

using diff_detail::display_width;
using diff_detail::target_value;

// Unit names longer than this overflow their column rather than widen it for every row.
constexpr int kNameColumn = 24;

// A column: padded to `width`, and always followed by a space, even when it overflows.
std::string cell(const std::string& utf8, int width) { return diff_detail::pad(utf8, width) + " "; }

class Style {
public:
    explicit Style(bool colour) : colour_(colour) {}
    std::string bold(const std::string& s) const { return wrap("1", s); }
    std::string dim(const std::string& s) const { return wrap("2", s); }
    std::string red(const std::string& s) const { return wrap("31", s); }
    std::string green(const std::string& s) const { return wrap("32", s); }
    std::string yellow(const std::string& s) const { return wrap("33", s); }
    std::string deleted(const std::string& s) const { return colour_ ? red(s) : "[-" + s + "-]"; }
    std::string inserted(const std::string& s) const { return colour_ ? green(s) : "{+" + s + "+}"; }

private:
    std::string wrap(const char* code, const std::string& s) const {
        return colour_ ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
    }
    bool colour_;
};

std::string join(const std::vector<std::string>& v, const std::string& sep = "、") {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string where(const DiffItem& item) { return item.ref + " L" + std::to_string(item.line); }

std::string leader_of(const DiffItem& item) { return item.leader ? item.leader->name : "-"; }

// "raised", "raised (scope_changed)", "dropped (indicator_changed → …规上营收)".
std::string change_label(const TargetChange& t) {
    if (t.kind.empty()) return t.change;
    return t.change + " (" + t.kind + (t.counterpart.empty() ? "" : " ↔ " + t.counterpart) + ")";
}

// Bytes of the first 30 characters of a UTF-8 text: enough to recognise a task.
std::size_t text_prefix(const std::string& utf8) {
    std::size_t at = 0;
    for (int chars = 0; at < utf8.size() && chars < 30; ++chars) {
        auto c = static_cast<unsigned char>(utf8[at]);
        at += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    return std::min(at, utf8.size());
}

class TextReport {
public:
    TextReport(const DiffResult& d, bool colour)
        : d_(d), s_(colour), old_year_(diff_detail::year_label(d.old_meta, "old")),
          new_year_(diff_detail::year_label(d.new_meta, "new")) {}

    std::string render() {
        header();
        summary();
        targets();
        units();
        leaders();
        renames();
        pairs();
        groups();
        unpaired("Dropped", d_.dropped, d_.dropped_nearest, d_.old_items, d_.new_items, '-');
        unpaired("Added", d_.added, d_.added_nearest, d_.new_items, d_.old_items, '+');
        return out_.str();
    }

private:
    void heading(const std::string& title) { out_ << "\n" << s_.bold(title) << "\n"; }

    void header() {
        auto doc = [&](const std::string& year, const std::string& path, const DocumentMeta& m, std::size_t n) {
            out_ << "  " << cell(year, 6) << m.doc_number.value_or("-") << "  " << m.title.value_or("") << "  ("
                 << n << " tasks)  " << s_.dim(path) << "\n";
        };
        out_ << s_.bold("tasksplit diff") << "\n";
        doc(old_year_, d_.old_path, d_.old_meta, d_.old_items.size());
        doc(new_year_, d_.new_path, d_.new_meta, d_.new_items.size());
    }

    void summary() {
        auto c = diff_detail::count_strengths(d_);
        heading("Summary");
        out_ << "  " << d_.old_items.size() << " tasks in " << old_year_ << ", " << d_.new_items.size() << " in "
             << new_year_ << "\n";
        out_ << "  pairs: " << c.same << " same, " << c.continued << " continued, " << c.related << " related\n";
        out_ << "  " << d_.splits.size() << " split, " << d_.merges.size() << " merged, " << d_.dropped.size()
             << " dropped, " << d_.added.size() << " added\n";
    }

    void targets() {
        std::vector<const TargetChange*> changed, only;
        std::size_t unchanged = 0;
        for (const TargetChange& t : d_.targets) {
            if (!t.old_side || !t.new_side) only.push_back(&t);
            else if (t.change == "unchanged") ++unchanged;
            else changed.push_back(&t);
        }
        if (d_.targets.empty()) return;
        heading("Targets (" + old_year_ + " → " + new_year_ + ")");
        int w = 0;
        for (const TargetChange* t : changed) w = std::max(w, display_width(t->indicator + t->verb));
        for (const TargetChange* t : changed) {
            out_ << "  " << cell(t->indicator + t->verb, w + 2) << cell(target_value(t->old_side->target), 12) << "→ "
                 << cell(target_value(t->new_side->target), 12) << s_.yellow(cell(change_label(*t), 10)) << " "
                 << s_.dim(d_.old_items[t->old_side->item].ref + " → " + d_.new_items[t->new_side->item].ref) << "\n";
        }
        if (unchanged > 0) out_ << "  " << s_.dim(std::to_string(unchanged) + " targets unchanged") << "\n";
        std::size_t dropped = 0;
        for (const TargetChange* t : only) dropped += t->old_side ? 1 : 0;
        if (!only.empty())
            out_ << "  " << s_.dim(std::to_string(dropped) + " targets only in " + old_year_ + ", " +
                                   std::to_string(only.size() - dropped) + " only in " + new_year_ +
                                   " (see the pairs below; every target in --format md or json)")
                 << "\n";
    }

    void units() {
        std::vector<const UnitLoad*> changed;
        for (const UnitLoad& u : d_.units)
            if (u.old_led != u.new_led || u.old_supported != u.new_supported || u.old_names != u.new_names)
                changed.push_back(&u);
        heading("Units: tasks led/supported, " + old_year_ + " → " + new_year_);
        int w = 0;
        for (const UnitLoad* u : changed) w = std::min(kNameColumn, std::max(w, display_width(u->name)));
        for (const UnitLoad* u : changed) {
            out_ << "  " << cell(u->name, w + 2) << cell(std::to_string(u->old_led) + "/" + std::to_string(u->old_supported), 6)
                 << "→ " << cell(std::to_string(u->new_led) + "/" + std::to_string(u->new_supported), 6);
            if (!u->old_names.empty() && !u->new_names.empty() && u->old_names != u->new_names)
                out_ << s_.dim(join(u->old_names) + " → " + join(u->new_names));
            out_ << "\n";
        }
        out_ << "  " << s_.dim(std::to_string(d_.units.size() - changed.size()) + " units unchanged") << "\n";
    }

    void leaders() {
        heading("Leaders");
        auto side = [](const std::string& section, int n) {
            return n == 0 ? std::string("-") : section + " " + std::to_string(n) + " tasks";
        };
        int w = 0;
        for (const LeaderPortfolio& l : d_.leaders)
            w = std::max(w, display_width(l.name + " " + l.new_role.value_or(l.old_role.value_or(""))));
        for (const LeaderPortfolio& l : d_.leaders) {
            std::string role = l.new_role.value_or(l.old_role.value_or(""));
            if (l.old_role && l.new_role && *l.old_role != *l.new_role) role = *l.old_role + "→" + *l.new_role;
            out_ << "  " << cell(l.name + " " + role, w + 2) << cell(side(l.old_section, l.old_items), 14)
                 << "→ " << cell(side(l.new_section, l.new_items), 14);
            auto moves = [](const std::vector<std::pair<std::string, int>>& m) {
                std::vector<std::string> parts;
                for (const auto& [who, n] : m) parts.push_back(who + " " + std::to_string(n));
                return join(parts, ", ");
            };
            std::vector<std::string> notes;
            if (!l.moved_in.empty()) notes.push_back("from " + moves(l.moved_in));
            if (!l.moved_out.empty()) notes.push_back("to " + moves(l.moved_out));
            out_ << join(notes, "; ") << "\n";
            if (!l.units_gained.empty()) out_ << "      " << s_.green("+ " + join(l.units_gained)) << "\n";
            if (!l.units_lost.empty()) out_ << "      " << s_.red("- " + join(l.units_lost)) << "\n";
        }
        if (d_.leader_moves.empty()) return;
        heading("Work that changed hands (" + old_year_ + " tasks → " + new_year_ + " tasks)");
        for (const LeaderMove& m : d_.leader_moves) {
            std::vector<std::string> pairs;
            for (const auto& [o, n] : m.pairs) pairs.push_back(d_.old_items[o].ref + "→" + d_.new_items[n].ref);
            std::string loose = m.related > 0 ? ", " + std::to_string(m.related) + " related" : "";
            out_ << "  " << m.from << " → " << m.to << "  " << m.old_tasks << " tasks → " << m.new_tasks << loose << "  "
                 << s_.dim(join(pairs, " ")) << "\n";
        }
    }

    void renames() {
        auto renamed = diff_detail::renamed_units(d_);
        if (!renamed.empty()) {
            heading("Renamed units");
            for (const UnitLoad* u : renamed) out_ << "  " << join(u->old_names) << " → " << join(u->new_names) << "\n";
        }
        if (!d_.rename_suggestions.empty()) {
            heading("Possible renames (tasks moved between names; add to an --aliases file if right)");
            for (const RenameSuggestion& r : d_.rename_suggestions) {
                std::vector<std::string> tasks;
                for (const auto& [o, n] : r.evidence) tasks.push_back(d_.old_items[o].ref + "→" + d_.new_items[n].ref);
                char similarity[16];
                std::snprintf(similarity, sizeof similarity, "%.2f", r.similarity);
                std::string paired = r.pairs == 0 ? "no paired task" : std::to_string(r.pairs) + " of " +
                                         std::to_string(r.old_tasks) + " tasks (" + join(tasks, " ") + ")";
                out_ << "  " << r.old_name << " → " << r.new_name << "  "
                     << s_.dim(paired + ", names " + similarity + " alike") << "\n";
            }
        }
    }

    void pairs() {
        heading("Pairs");
        std::size_t quiet = 0;
        for (const Pair& p : d_.pairs) {
            if (p.changes.empty()) {
                ++quiet;
                continue;
            }
            const DiffItem& o = d_.old_items[p.old_item];
            const DiffItem& n = d_.new_items[p.new_item];
            char score[16];
            std::snprintf(score, sizeof score, "%.2f", p.score);
            std::string kind = p.kind == PairKind::one_to_one ? "" : std::string(" (") + to_string(p.kind) + ")";
            out_ << "  " << cell(to_string(p.strength), 10) << score << "  " << s_.bold(where(o) + " → " + where(n))
                 << kind << "\n";
            if (!p.evidence.anchors.empty()) out_ << "      " << s_.dim("anchors  " + join(p.evidence.anchors)) << "\n";
            pair_changes(p, o, n);
        }
        if (quiet > 0) out_ << "  " << s_.dim(std::to_string(quiet) + " pairs without any change not shown") << "\n";
    }

    void pair_changes(const Pair& p, const DiffItem& o, const DiffItem& n) {
        const PairChanges& c = p.changes;
        const std::string indent = "      ";
        std::string text;
        for (const TextEdit& e : c.text)
            text += e.op == '=' ? e.text : e.op == '-' ? s_.deleted(e.text) : s_.inserted(e.text);
        out_ << indent << text << "\n";
        if (c.leader_changed) out_ << indent << "leader   " << leader_of(o) << " → " << leader_of(n) << "\n";
        else if (c.section_changed) out_ << indent << "section  " << o.section_title << " → " << n.section_title << "\n";
        auto units = [&](const char* label, const std::vector<std::string>& added, const std::vector<std::string>& removed) {
            if (added.empty() && removed.empty()) return;
            out_ << indent << label;
            for (const auto& u : added) out_ << " " << s_.green("+" + u);
            for (const auto& u : removed) out_ << " " << s_.red("-" + u);
            out_ << "\n";
        };
        units("lead    ", c.lead_added, c.lead_removed);
        units("support ", c.support_added, c.support_removed);
        for (const UnitRename& r : c.renamed) out_ << indent << "renamed  " << r.old_name << " → " << r.new_name << "\n";
        for (const TargetChange& t : c.targets) {
            if (t.change == "unchanged") continue;
            out_ << indent << "target   " << t.indicator << t.verb << " ";
            if (t.old_side && t.new_side)
                out_ << target_value(t.old_side->target) << " → " << target_value(t.new_side->target) << " ("
                     << change_label(t) << ")\n";
            else if (t.old_side)
                out_ << s_.red(target_value(t.old_side->target) + " (" + change_label(t) + ")") << "\n";
            else
                out_ << s_.green(target_value(t.new_side->target) + " (" + change_label(t) + ")") << "\n";
        }
    }

    void groups() {
        if (!d_.splits.empty()) {
            heading("Split");
            for (const Split& s : d_.splits) {
                std::vector<std::string> parts;
                for (std::size_t n : s.new_items) parts.push_back(d_.new_items[n].ref);
                out_ << "  " << d_.old_items[s.old_item].ref << " → " << join(parts, ", ") << "\n";
            }
        }
        if (!d_.merges.empty()) {
            heading("Merged");
            for (const Merge& m : d_.merges) {
                std::vector<std::string> parts;
                for (std::size_t o : m.old_items) parts.push_back(d_.old_items[o].ref);
                out_ << "  " << join(parts, ", ") << " → " << d_.new_items[m.new_item].ref << "\n";
            }
        }
    }

    // Each task with its nearest candidate in the other year, to check a doubtful drop at a glance.
    void unpaired(const std::string& title, const std::vector<std::size_t>& which, const std::vector<Nearest>& nearest,
                  const std::vector<DiffItem>& items, const std::vector<DiffItem>& others, char mark) {
        if (which.empty()) return;
        heading(title + " (" + std::to_string(which.size()) + ")");
        for (std::size_t k = 0; k < which.size(); ++k) {
            const DiffItem& item = items[which[k]];
            std::string line = std::string(1, mark) + " " + cell(where(item), 10) + " " + item.text;
            out_ << "  " << (mark == '-' ? s_.red(line) : s_.green(line)) << "\n";
            if (nearest[k].item) {
                char score[16];
                std::snprintf(score, sizeof score, "%.2f", nearest[k].score);
                const DiffItem& near = others[*nearest[k].item];
                out_ << "      " << s_.dim(std::string("nearest ") + score + " " + where(near) + " " + near.text.substr(0, text_prefix(near.text))) << "\n";
            }
        }
    }

    const DiffResult& d_;
    Style s_;
    std::string old_year_, new_year_;
    std::ostringstream out_;
};

}  // namespace

std::string diff_to_text(const DiffResult& diff, bool colour) { return TextReport(diff, colour).render(); }

}  // namespace tasksplit
