// diff_documents: flattens both documents into items, aligns them, then fills in what changed.
#include <algorithm>

#include "internal.hpp"

namespace tasksplit {
namespace {

std::vector<DiffItem> flatten(const Document& doc) {
    std::size_t parts_with_items = 0;
    for (const Part& part : doc.parts)
        if (std::any_of(part.sections.begin(), part.sections.end(), [](const Section& s) { return !s.items.empty(); }))
            ++parts_with_items;
    std::vector<DiffItem> out;
    for (std::size_t p = 0; p < doc.parts.size(); ++p) {
        for (const Section& section : doc.parts[p].sections) {
            for (const Item& item : section.items) {
                DiffItem d;
                d.id = item.id;
                d.line = item.span.line;
                d.number = item.number;
                d.section = section.label.value_or("");
                d.section_title = section.title.value_or("");
                if (item.number && !d.section.empty()) d.ref = d.section + "." + *item.number;
                else if (item.number) d.ref = *item.number;
                else d.ref = item.id;
                // Several parts with items (key tasks and a livelihood list) restart their numbering.
                if (parts_with_items > 1 && item.number) d.ref = std::to_string(p + 1) + ":" + d.ref;
                d.text = item.text;
                d.leader = item.leader ? item.leader : section.leader;
                d.lead = item.lead;
                d.support = item.support;
                d.targets = item.targets;
                out.push_back(std::move(d));
            }
        }
    }
    return out;
}

}  // namespace

const char* to_string(Strength strength) {
    switch (strength) {
        case Strength::same: return "same";
        case Strength::continued: return "continued";
        case Strength::related: return "related";
    }
    return "related";
}

const char* to_string(PairKind kind) {
    switch (kind) {
        case PairKind::one_to_one: return "one-to-one";
        case PairKind::split: return "split";
        case PairKind::merge: return "merge";
    }
    return "one-to-one";
}

bool PairChanges::empty() const {
    return std::all_of(text.begin(), text.end(), [](const TextEdit& e) { return e.op == '='; }) &&
           lead_added.empty() && lead_removed.empty() && support_added.empty() && support_removed.empty() &&
           renamed.empty() && !leader_changed && !section_changed &&
           std::all_of(targets.begin(), targets.end(), [](const TargetChange& t) { return t.change == "unchanged"; });
}

bool DiffResult::equal() const {
    return added.empty() && dropped.empty() && splits.empty() && merges.empty() &&
           std::all_of(pairs.begin(), pairs.end(), [](const Pair& p) { return p.changes.empty(); });
}

DiffResult diff_documents(const Document& old_doc, const Document& new_doc, const UnitAliases& aliases) {
    using namespace diff_detail;
    DiffResult r;
    r.old_path = old_doc.source.path;
    r.new_path = new_doc.source.path;
    r.old_meta = old_doc.document;
    r.new_meta = new_doc.document;
    r.old_items = flatten(old_doc);
    r.new_items = flatten(new_doc);
    UnitResolver units(aliases, r.old_items, r.new_items);
    Alignment a = align(build_corpus(r.old_items, r.new_items, units));
    r.pairs = std::move(a.pairs);
    r.splits = std::move(a.splits);
    r.merges = std::move(a.merges);

    std::vector<char> old_paired(r.old_items.size(), 0), new_paired(r.new_items.size(), 0);
    for (Pair& p : r.pairs) {
        const DiffItem& o = r.old_items[p.old_item];
        const DiffItem& n = r.new_items[p.new_item];
        old_paired[p.old_item] = new_paired[p.new_item] = 1;
        p.changes.text = diff_text(o.text, n.text);
        compare_units(o, n, units, p.changes);
        p.evidence.shared_units = shared_leads(o, n, units);
        p.changes.leader_changed = (o.leader ? o.leader->name : "") != (n.leader ? n.leader->name : "");
        p.evidence.same_leader = o.leader && n.leader && !p.changes.leader_changed;
        p.changes.section_changed = o.section_title != n.section_title;
    }
    for (std::size_t i = 0; i < old_paired.size(); ++i)
        if (!old_paired[i]) {
            r.dropped.push_back(i);
            r.dropped_nearest.push_back(a.old_nearest[i]);
        }
    for (std::size_t i = 0; i < new_paired.size(); ++i)
        if (!new_paired[i]) {
            r.added.push_back(i);
            r.added_nearest.push_back(a.new_nearest[i]);
        }
    r.targets = compare_targets(r.old_items, r.new_items, r.pairs);
    r.units = unit_load(r, units);
    r.leaders = leader_portfolios(r, units);
    r.leader_moves = leader_moves(r);
    r.rename_suggestions = suggest_renames(r, units);
    return r;
}

}  // namespace tasksplit
