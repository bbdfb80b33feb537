// The diff report as JSON; the shape is documented in docs/diff.md.
#include <cmath>

#include "internal.hpp"

namespace tasksplit {
namespace {

using nlohmann::ordered_json;

ordered_json item_json(const DiffItem& item) {
    ordered_json j;
    j["id"] = item.id;
    j["line"] = item.line;
    j["number"] = item.number ? ordered_json(*item.number) : ordered_json(nullptr);
    j["ref"] = item.ref;
    j["leader"] = item.leader ? ordered_json(item.leader->name) : ordered_json(nullptr);
    j["text"] = item.text;
    return j;
}

ordered_json item_brief(const DiffItem& item) {
    return {{"id", item.id}, {"ref", item.ref}, {"line", item.line}};
}

ordered_json number_json(double v) {
    if (std::floor(v) == v && std::fabs(v) < 1e15) return static_cast<long long>(v);
    return v;
}

ordered_json side_json(const std::optional<TargetSide>& side, const std::vector<DiffItem>& items) {
    if (!side) return nullptr;
    const Target& t = side->target;
    return {{"value", number_json(t.value)},
            {"measure", t.measure},
            {"bound", t.bound.empty() ? ordered_json(nullptr) : ordered_json(t.bound)},
            {"aspirational", t.aspirational},
            {"text", t.text},
            {"item", item_brief(items[side->item])}};
}

ordered_json target_json(const TargetChange& t, const DiffResult& d) {
    return {{"indicator", t.indicator},
            {"verb", t.verb},
            {"old", side_json(t.old_side, d.old_items)},
            {"new", side_json(t.new_side, d.new_items)},
            {"change", t.change},
            {"kind", t.kind.empty() ? ordered_json(nullptr) : ordered_json(t.kind)},
            {"counterpart", t.counterpart.empty() ? ordered_json(nullptr) : ordered_json(t.counterpart)}};
}

ordered_json changes_json(const Pair& p, const DiffResult& d) {
    const PairChanges& c = p.changes;
    ordered_json j;
    j["text_diff"] = ordered_json::array();
    for (const TextEdit& e : c.text) j["text_diff"].push_back({{"op", std::string(1, e.op)}, {"text", e.text}});
    j["lead_added"] = c.lead_added;
    j["lead_removed"] = c.lead_removed;
    j["support_added"] = c.support_added;
    j["support_removed"] = c.support_removed;
    j["units_renamed"] = ordered_json::array();
    for (const UnitRename& r : c.renamed) j["units_renamed"].push_back({{"old", r.old_name}, {"new", r.new_name}});
    const DiffItem& o = d.old_items[p.old_item];
    const DiffItem& n = d.new_items[p.new_item];
    if (c.leader_changed) {
        j["leader_old"] = o.leader ? ordered_json(o.leader->name) : ordered_json(nullptr);
        j["leader_new"] = n.leader ? ordered_json(n.leader->name) : ordered_json(nullptr);
    }
    if (c.section_changed) {
        j["section_old"] = {{"label", o.section}, {"title", o.section_title}};
        j["section_new"] = {{"label", n.section}, {"title", n.section_title}};
    }
    j["targets"] = ordered_json::array();
    for (const TargetChange& t : c.targets) j["targets"].push_back(target_json(t, d));
    return j;
}

ordered_json doc_json(const std::string& path, const DocumentMeta& meta, std::size_t items) {
    auto opt = [](const std::optional<std::string>& s) { return s ? ordered_json(*s) : ordered_json(nullptr); };
    return {{"path", path},
            {"doc_number", opt(meta.doc_number)},
            {"title", opt(meta.title)},
            {"year", meta.year ? ordered_json(*meta.year) : ordered_json(nullptr)},
            {"items", items}};
}

ordered_json counts_json(const DiffResult& d) {
    auto s = diff_detail::count_strengths(d);
    std::size_t changed = 0;
    for (const TargetChange& t : d.targets) changed += (t.old_side && t.new_side && t.change != "unchanged");
    return {{"old_items", d.old_items.size()}, {"new_items", d.new_items.size()},
            {"pairs", d.pairs.size()},         {"same", s.same},
            {"continued", s.continued},        {"related", s.related},
            {"splits", d.splits.size()},       {"merges", d.merges.size()},
            {"dropped", d.dropped.size()},     {"added", d.added.size()},
            {"targets_changed", changed}};
}

ordered_json leader_side(const std::optional<std::string>& role, const std::string& section, int items) {
    if (items == 0) return nullptr;
    return {{"role", role ? ordered_json(*role) : ordered_json(nullptr)}, {"section", section}, {"items", items}};
}

ordered_json moves_json(const std::vector<std::pair<std::string, int>>& moves) {
    ordered_json j = ordered_json::array();
    for (const auto& [leader, n] : moves) j.push_back({{"leader", leader}, {"tasks", n}});
    return j;
}

ordered_json evidence_json(const PairEvidence& e) {
    return {{"anchors", e.anchors},
            {"containment", std::round(e.containment * 1000) / 1000},
            {"shared_units", e.shared_units},
            {"same_leader", e.same_leader},
            {"mutual", e.mutual}};
}

// A task left without a pair, with its nearest candidate in the other year.
ordered_json unpaired_json(const DiffItem& item, const Nearest& nearest, const std::vector<DiffItem>& others) {
    ordered_json j = item_json(item);
    if (nearest.item) {
        ordered_json n = item_brief(others[*nearest.item]);
        n["score"] = std::round(nearest.score * 1000) / 1000;
        j["nearest"] = n;
    } else {
        j["nearest"] = nullptr;
    }
    return j;
}

}  // namespace

nlohmann::ordered_json diff_to_json(const DiffResult& d) {
    ordered_json j;
    j["format"] = "tasksplit-diff/1";
    j["old"] = doc_json(d.old_path, d.old_meta, d.old_items.size());
    j["new"] = doc_json(d.new_path, d.new_meta, d.new_items.size());
    j["equal"] = d.equal();
    j["pairs"] = ordered_json::array();
    for (const Pair& p : d.pairs) {
        j["pairs"].push_back({{"old", item_json(d.old_items[p.old_item])},
                              {"new", item_json(d.new_items[p.new_item])},
                              {"score", std::round(p.score * 1000) / 1000},
                              {"strength", to_string(p.strength)},
                              {"kind", to_string(p.kind)},
                              {"evidence", evidence_json(p.evidence)},
                              {"changes", changes_json(p, d)}});
    }
    j["added"] = ordered_json::array();
    for (std::size_t k = 0; k < d.added.size(); ++k)
        j["added"].push_back(unpaired_json(d.new_items[d.added[k]], d.added_nearest[k], d.old_items));
    j["dropped"] = ordered_json::array();
    for (std::size_t k = 0; k < d.dropped.size(); ++k)
        j["dropped"].push_back(unpaired_json(d.old_items[d.dropped[k]], d.dropped_nearest[k], d.new_items));
    j["splits"] = ordered_json::array();
    for (const Split& s : d.splits) {
        ordered_json parts = ordered_json::array();
        for (std::size_t n : s.new_items) parts.push_back(item_brief(d.new_items[n]));
        j["splits"].push_back({{"old", item_brief(d.old_items[s.old_item])}, {"new", parts}});
    }
    j["merges"] = ordered_json::array();
    for (const Merge& m : d.merges) {
        ordered_json parts = ordered_json::array();
        for (std::size_t o : m.old_items) parts.push_back(item_brief(d.old_items[o]));
        j["merges"].push_back({{"old", parts}, {"new", item_brief(d.new_items[m.new_item])}});
    }

    ordered_json summary;
    summary["counts"] = counts_json(d);
    summary["targets"] = ordered_json::array();
    for (const TargetChange& t : d.targets) summary["targets"].push_back(target_json(t, d));
    summary["units"] = ordered_json::array();
    for (const UnitLoad& u : d.units)
        summary["units"].push_back({{"name", u.name},
                                    {"old_names", u.old_names},
                                    {"new_names", u.new_names},
                                    {"old", {{"led", u.old_led}, {"supported", u.old_supported}}},
                                    {"new", {{"led", u.new_led}, {"supported", u.new_supported}}}});
    summary["renames"] = ordered_json::array();
    for (const UnitLoad* u : diff_detail::renamed_units(d))
        summary["renames"].push_back({{"name", u->name}, {"old_names", u->old_names}, {"new_names", u->new_names}});
    summary["leaders"] = ordered_json::array();
    for (const LeaderPortfolio& l : d.leaders)
        summary["leaders"].push_back({{"name", l.name},
                                      {"old", leader_side(l.old_role, l.old_section, l.old_items)},
                                      {"new", leader_side(l.new_role, l.new_section, l.new_items)},
                                      {"units_gained", l.units_gained},
                                      {"units_lost", l.units_lost},
                                      {"moved_in", moves_json(l.moved_in)},
                                      {"moved_out", moves_json(l.moved_out)}});
    summary["leader_moves"] = ordered_json::array();
    for (const LeaderMove& m : d.leader_moves) {
        ordered_json pairs = ordered_json::array();
        for (const auto& [o, n] : m.pairs) pairs.push_back({{"old", d.old_items[o].ref}, {"new", d.new_items[n].ref}});
        summary["leader_moves"].push_back(
            {{"from", m.from}, {"to", m.to}, {"old_tasks", m.old_tasks}, {"new_tasks", m.new_tasks}, {"pairs", pairs}});
    }
    j["summary"] = std::move(summary);
    j["rename_suggestions"] = ordered_json::array();
    for (const RenameSuggestion& s : d.rename_suggestions)
    {
        ordered_json tasks = ordered_json::array();
        for (const auto& [o, n] : s.evidence) tasks.push_back({{"old", d.old_items[o].ref}, {"new", d.new_items[n].ref}});
        j["rename_suggestions"].push_back({{"old", s.old_name}, {"new", s.new_name}, {"pairs", s.pairs}, {"old_tasks", s.old_tasks},
                                           {"similarity", std::round(s.similarity * 100) / 100}, {"tasks", tasks}});
    }
    return j;
}

}  // namespace tasksplit
