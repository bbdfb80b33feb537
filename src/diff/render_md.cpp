// The diff report as Markdown (GitHub/Pandoc pipe tables): summary tables first, then the pairs
// with their text diffs (~~deleted~~ **inserted**), splits and merges, dropped and added tasks.
#include <cstdio>
#include <sstream>

#include "internal.hpp"

namespace tasksplit {
namespace {

using diff_detail::target_value;

// Backslash-escapes what Markdown would read as markup; '|' also ends a table cell.
std::string esc(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::string("\\`*_~[]<>|#").find(c) != std::string::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep = "、") {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + esc(s);
    return out;
}

std::string where(const DiffItem& item) { return esc(item.ref) + " (L" + std::to_string(item.line) + ")"; }

class MarkdownReport {
public:
    explicit MarkdownReport(const DiffResult& d)
        : d_(d), old_(diff_detail::year_label(d.old_meta, "old")), new_(diff_detail::year_label(d.new_meta, "new")) {}

    std::string render() {
        out_ << "# Task breakdown changes, " << old_ << " → " << new_ << "\n\n";
        documents();
        summary();
        targets();
        units();
        leaders();
        renames();
        pairs();
        unpaired("Dropped tasks", d_.dropped, d_.old_items);
        unpaired("New tasks", d_.added, d_.new_items);
        return out_.str();
    }

private:
    void documents() {
        out_ << "| | " << old_ << " | " << new_ << " |\n|---|---|---|\n";
        auto row = [&](const char* label, const std::optional<std::string>& a, const std::optional<std::string>& b) {
            out_ << "| " << label << " | " << esc(a.value_or("")) << " | " << esc(b.value_or("")) << " |\n";
        };
        row("document", d_.old_meta.doc_number, d_.new_meta.doc_number);
        row("title", d_.old_meta.title, d_.new_meta.title);
        row("file", d_.old_path, d_.new_path);
        out_ << "| tasks | " << d_.old_items.size() << " | " << d_.new_items.size() << " |\n\n";
    }

    void summary() {
        auto c = diff_detail::count_strengths(d_);
        out_ << "## Summary\n\n"
             << "- " << c.same << " tasks kept (same), " << c.continued << " continued, " << c.related
             << " related to an earlier task\n"
             << "- " << d_.splits.size() << " tasks split, " << d_.merges.size() << " merged\n"
             << "- " << d_.dropped.size() << " tasks dropped, " << d_.added.size() << " new\n\n";
    }

    void targets() {
        if (d_.targets.empty()) return;
        out_ << "## Targets\n\n| indicator | " << old_ << " | " << new_ << " | change | tasks |\n|---|---|---|---|---|\n";
        for (const TargetChange& t : d_.targets) {
            std::string a = t.old_side ? esc(target_value(t.old_side->target)) : "";
            std::string b = t.new_side ? esc(target_value(t.new_side->target)) : "";
            std::string tasks = (t.old_side ? esc(d_.old_items[t.old_side->item].ref) : "—") + " → " +
                                (t.new_side ? esc(d_.new_items[t.new_side->item].ref) : "—");
            std::string change = (t.change == "unchanged" || !t.old_side || !t.new_side)
                                     ? t.change : "**" + t.change + "**";
            if (!t.kind.empty()) change += " (" + esc(t.kind + (t.counterpart.empty() ? "" : " ↔ " + t.counterpart)) + ")";
            out_ << "| " << esc(t.indicator + t.verb) << " | " << a << " | " << b << " | " << change << " | " << tasks << " |\n";
        }
        out_ << "\n";
    }

    void units() {
        out_ << "## Responsible units\n\nTasks led and supported; a renamed body is one row.\n\n"
             << "| unit | led " << old_ << " | led " << new_ << " | supported " << old_ << " | supported " << new_
             << " | names " << old_ << " | names " << new_ << " |\n|---|---|---|---|---|---|---|\n";
        for (const UnitLoad& u : d_.units) {
            out_ << "| " << esc(u.name) << " | " << u.old_led << " | " << u.new_led << " | " << u.old_supported << " | "
                 << u.new_supported << " | " << (u.old_names == u.new_names ? "" : join(u.old_names)) << " | "
                 << (u.old_names == u.new_names ? "" : join(u.new_names)) << " |\n";
        }
        out_ << "\n";
    }

    void leaders() {
        auto moves = [](const std::vector<std::pair<std::string, int>>& m) {
            std::vector<std::string> parts;
            for (const auto& [who, n] : m) parts.push_back(who + " " + std::to_string(n));
            return join(parts, ", ");
        };
        auto side = [](const std::optional<std::string>& role, const std::string& section, int n) {
            return n == 0 ? std::string("—") : esc(section + " " + role.value_or("")) + ", " + std::to_string(n) + " tasks";
        };
        out_ << "## Leaders\n\n| leader | " << old_ << " | " << new_
             << " | tasks from | tasks to | lead units gained | lead units lost |\n|---|---|---|---|---|---|---|\n";
        for (const LeaderPortfolio& l : d_.leaders)
            out_ << "| " << esc(l.name) << " | " << side(l.old_role, l.old_section, l.old_items) << " | "
                 << side(l.new_role, l.new_section, l.new_items) << " | " << moves(l.moved_in) << " | "
                 << moves(l.moved_out) << " | " << join(l.units_gained) << " | " << join(l.units_lost) << " |\n";
        out_ << "\n";
        if (d_.leader_moves.empty()) return;
        out_ << "### Work that changed hands\n\n| from | to | " << old_ << " tasks | " << new_
             << " tasks | related | pairs |\n|---|---|---|---|---|---|\n";
        for (const LeaderMove& m : d_.leader_moves) {
            std::vector<std::string> pairs;
            for (const auto& [o, n] : m.pairs) pairs.push_back(esc(d_.old_items[o].ref + " → " + d_.new_items[n].ref));
            out_ << "| " << esc(m.from) << " | " << esc(m.to) << " | " << m.old_tasks << " | " << m.new_tasks << " | "
                 << m.related << " | " << join(pairs) << " |\n";
        }
        out_ << "\n";
    }

    void renames() {
        auto renamed = diff_detail::renamed_units(d_);
        if (!renamed.empty()) {
            out_ << "## Renamed units\n\n| " << old_ << " | " << new_ << " |\n|---|---|\n";
            for (const UnitLoad* u : renamed) out_ << "| " << join(u->old_names) << " | " << join(u->new_names) << " |\n";
            out_ << "\n";
        }
        if (!d_.rename_suggestions.empty()) {
            out_ << "## Possible renames\n\nBodies named only in " << old_ << " whose tasks moved to a body named only in "
                 << new_ << ". Not applied; confirm and add them to an aliases file.\n\n| " << old_ << " | " << new_
                 << " | tasks moved | names alike |\n|---|---|---|---|\n";
            for (const RenameSuggestion& r : d_.rename_suggestions) {
                char similarity[16];
                std::snprintf(similarity, sizeof similarity, "%.2f", r.similarity);
                out_ << "| " << esc(r.old_name) << " | " << esc(r.new_name) << " | " << r.pairs << " of " << r.old_tasks
                     << " | " << similarity << " |\n";
            }
            out_ << "\n";
        }
    }

    void pairs() {
        out_ << "## Task pairs\n\n";
        if (!d_.splits.empty() || !d_.merges.empty()) {
            for (const Split& s : d_.splits) {
                std::vector<std::string> parts;
                for (std::size_t n : s.new_items) parts.push_back(d_.new_items[n].ref);
                out_ << "- split: " << esc(d_.old_items[s.old_item].ref) << " → " << join(parts, ", ") << "\n";
            }
            for (const Merge& m : d_.merges) {
                std::vector<std::string> parts;
                for (std::size_t o : m.old_items) parts.push_back(d_.old_items[o].ref);
                out_ << "- merged: " << join(parts, ", ") << " → " << esc(d_.new_items[m.new_item].ref) << "\n";
            }
            out_ << "\n";
        }
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
            out_ << "### " << where(o) << " → " << where(n) << "\n\n*" << to_string(p.strength);
            if (p.kind != PairKind::one_to_one) out_ << ", " << to_string(p.kind);
            out_ << ", score " << score << "*\n\n> ";
            for (const TextEdit& e : p.changes.text)
                out_ << (e.op == '=' ? esc(e.text) : e.op == '-' ? "~~" + esc(e.text) + "~~" : "**" + esc(e.text) + "**");
            out_ << "\n\n";
            changes(p.changes, o, n);
        }
        if (quiet > 0) out_ << quiet << " pairs without any change are not listed.\n\n";
    }

    void changes(const PairChanges& c, const DiffItem& o, const DiffItem& n) {
        bool any = false;
        auto item = [&](const std::string& line) {
            out_ << "- " << line << "\n";
            any = true;
        };
        if (c.leader_changed)
            item("leader: " + esc(o.leader ? o.leader->name : "—") + " → " + esc(n.leader ? n.leader->name : "—"));
        else if (c.section_changed)
            item("section: " + esc(o.section_title) + " → " + esc(n.section_title));
        auto units = [&](const char* role, const std::vector<std::string>& added, const std::vector<std::string>& removed) {
            if (!added.empty()) item(std::string(role) + " added: " + join(added));
            if (!removed.empty()) item(std::string(role) + " removed: " + join(removed));
        };
        units("lead", c.lead_added, c.lead_removed);
        units("support", c.support_added, c.support_removed);
        for (const UnitRename& r : c.renamed) item("renamed: " + esc(r.old_name) + " → " + esc(r.new_name));
        for (const TargetChange& t : c.targets) {
            if (t.change == "unchanged") continue;
            std::string a = t.old_side ? esc(target_value(t.old_side->target)) : "—";
            std::string b = t.new_side ? esc(target_value(t.new_side->target)) : "—";
            item("target " + esc(t.indicator + t.verb) + ": " + a + " → " + b + " (" + t.change + ")");
        }
        if (any) out_ << "\n";
    }

    void unpaired(const std::string& title, const std::vector<std::size_t>& which, const std::vector<DiffItem>& items) {
        if (which.empty()) return;
        out_ << "## " << title << "\n\n| task | leader | lead | text |\n|---|---|---|---|\n";
        for (std::size_t i : which) {
            const DiffItem& it = items[i];
            std::vector<std::string> lead;
            for (const Unit& u : it.lead) lead.push_back(u.raw.empty() ? u.name : u.raw);
            out_ << "| " << where(it) << " | " << esc(it.leader ? it.leader->name : "") << " | " << join(lead) << " | "
                 << esc(it.text) << " |\n";
        }
        out_ << "\n";
    }

    const DiffResult& d_;
    std::string old_, new_;
    std::ostringstream out_;
};

}  // namespace

std::string diff_to_markdown(const DiffResult& diff) { return MarkdownReport(diff).render(); }

}  // namespace tasksplit
