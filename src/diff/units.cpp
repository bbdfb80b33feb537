// Responsible units across the two years: identity (registry and bracket aliases), per-pair
// changes, the load table and rename suggestions.
#include <algorithm>
#include <map>
#include <set>

#include "internal.hpp"

namespace tasksplit::diff_detail {
namespace {

std::string shown(const Unit& u) { return u.raw.empty() ? u.name : u.raw; }

// Canonical keys of one item's units: leads, then supports that do not also lead.
struct ItemUnits {
    std::vector<std::string> lead, support;
};

ItemUnits item_units(const DiffItem& item, const UnitResolver& units) {
    ItemUnits out;
    for (const Unit& u : item.lead) {
        std::string k = units.key(u);
        if (std::find(out.lead.begin(), out.lead.end(), k) == out.lead.end()) out.lead.push_back(k);
    }
    for (const Unit& u : item.support) {
        std::string k = units.key(u);
        if (std::find(out.lead.begin(), out.lead.end(), k) == out.lead.end() &&
            std::find(out.support.begin(), out.support.end(), k) == out.support.end())
            out.support.push_back(k);
    }
    return out;
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

// Units of `from` (printed names) whose key is not among `keys`.
std::vector<std::string> missing(const std::vector<Unit>& from, const std::vector<std::string>& keys,
                                 const UnitResolver& units) {
    std::vector<std::string> out;
    for (const Unit& u : from)
        if (std::find(keys.begin(), keys.end(), units.key(u)) == keys.end()) add_unique(out, shown(u));
    return out;
}

}  // namespace

UnitResolver::UnitResolver(const UnitAliases& registry, const std::vector<DiffItem>& old_items,
                           const std::vector<DiffItem>& new_items)
    : registry_(registry) {
    for (const auto* items : {&old_items, &new_items})
        for (const DiffItem& item : *items)
            for (const auto* list : {&item.lead, &item.support})
                for (const Unit& u : *list)
                    if (!u.alias.empty()) bracketed_[registry_.canonical(u.alias)] = registry_.canonical(u.name);
}

std::string UnitResolver::key(const Unit& unit) const {
    std::string k = registry_.canonical(unit);
    auto it = bracketed_.find(k);
    return it == bracketed_.end() ? k : it->second;
}

void compare_units(const DiffItem& old_item, const DiffItem& new_item, const UnitResolver& units,
                   PairChanges& changes) {
    ItemUnits o = item_units(old_item, units), n = item_units(new_item, units);
    changes.lead_added = missing(new_item.lead, o.lead, units);
    changes.lead_removed = missing(old_item.lead, n.lead, units);
    std::vector<Unit> new_support, old_support;
    // A unit that leads in the same item is not counted as support (item_units does the same).
    for (const Unit& u : new_item.support)
        if (std::find(n.lead.begin(), n.lead.end(), units.key(u)) == n.lead.end()) new_support.push_back(u);
    for (const Unit& u : old_item.support)
        if (std::find(o.lead.begin(), o.lead.end(), units.key(u)) == o.lead.end()) old_support.push_back(u);
    changes.support_added = missing(new_support, o.support, units);
    changes.support_removed = missing(old_support, n.support, units);
    for (const auto* ol : {&old_item.lead, &old_item.support})
        for (const Unit& ou : *ol)
            for (const auto* nl : {&new_item.lead, &new_item.support})
                for (const Unit& nu : *nl)
                    if (units.key(ou) == units.key(nu) && shown(ou) != shown(nu)) {
                        UnitRename r{shown(ou), shown(nu)};
                        auto same = [&r](const UnitRename& x) { return x.old_name == r.old_name && x.new_name == r.new_name; };
                        if (std::none_of(changes.renamed.begin(), changes.renamed.end(), same))
                            changes.renamed.push_back(r);
                    }
}

std::vector<UnitLoad> unit_load(const DiffResult& diff, const UnitResolver& units) {
    std::map<std::string, UnitLoad> rows;
    auto count = [&](const std::vector<DiffItem>& items, bool is_old) {
        for (const DiffItem& item : items) {
            ItemUnits iu = item_units(item, units);
            for (const auto* list : {&item.lead, &item.support})
                for (const Unit& u : *list) {
                    UnitLoad& row = rows[units.key(u)];
                    add_unique(is_old ? row.old_names : row.new_names, shown(u));
                }
            for (const auto& k : iu.lead) ++(is_old ? rows[k].old_led : rows[k].new_led);
            for (const auto& k : iu.support) ++(is_old ? rows[k].old_supported : rows[k].new_supported);
        }
    };
    count(diff.old_items, true);
    count(diff.new_items, false);
    std::vector<UnitLoad> out;
    for (auto& [name, row] : rows) {
        row.name = name;
        out.push_back(std::move(row));
    }
    // Busiest first: led tasks in either year, then all tasks.
    auto weight = [](const UnitLoad& u) {
        return std::make_pair(std::max(u.old_led, u.new_led),
                              u.old_led + u.old_supported + u.new_led + u.new_supported);
    };
    std::stable_sort(out.begin(), out.end(), [&](const UnitLoad& a, const UnitLoad& b) { return weight(a) > weight(b); });
    return out;
}

std::vector<RenameSuggestion> suggest_renames(const DiffResult& diff, const UnitResolver& units) {
    std::set<std::string> old_keys, new_keys;
    std::map<std::string, int> old_tasks;
    std::map<std::string, std::string> old_shown, new_shown;
    for (const DiffItem& item : diff.old_items) {
        std::set<std::string> here;
        for (const auto* list : {&item.lead, &item.support})
            for (const Unit& u : *list) {
                old_keys.insert(units.key(u));
                old_shown.emplace(units.key(u), shown(u));
                here.insert(units.key(u));
            }
        for (const auto& k : here) ++old_tasks[k];
    }
    for (const DiffItem& item : diff.new_items)
        for (const auto* list : {&item.lead, &item.support})
            for (const Unit& u : *list) {
                new_keys.insert(units.key(u));
                new_shown.emplace(units.key(u), shown(u));
            }
    // Co-occurrence of a vanished name and a new name across confident pairs.
    std::map<std::pair<std::string, std::string>, int> moves;
    for (const Pair& p : diff.pairs) {
        if (p.strength == Strength::related) continue;
        std::set<std::string> gone, came;
        for (const auto* list : {&diff.old_items[p.old_item].lead, &diff.old_items[p.old_item].support})
            for (const Unit& u : *list)
                if (!new_keys.count(units.key(u))) gone.insert(units.key(u));
        for (const auto* list : {&diff.new_items[p.new_item].lead, &diff.new_items[p.new_item].support})
            for (const Unit& u : *list)
                if (!old_keys.count(units.key(u))) came.insert(units.key(u));
        for (const auto& g : gone)
            for (const auto& c : came) ++moves[{g, c}];
    }
    // A suggestion needs two tasks of evidence, most of the old name's tasks, and each name must be
    // the other's best partner.
    std::map<std::string, std::pair<int, std::string>> best_new, best_old;
    for (const auto& [k, n] : moves) {
        auto& bn = best_new[k.first];
        if (n > bn.first) bn = {n, k.second};
        auto& bo = best_old[k.second];
        if (n > bo.first) bo = {n, k.first};
    }
    std::vector<RenameSuggestion> out;
    for (const auto& [old_key, best] : best_new) {
        if (best.first < 2 || 2 * best.first < old_tasks[old_key] || best_old[best.second].second != old_key)
            continue;
        out.push_back({old_shown[old_key], new_shown[best.second], best.first, old_tasks[old_key]});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const RenameSuggestion& a, const RenameSuggestion& b) { return a.pairs > b.pairs; });
    return out;
}

}  // namespace tasksplit::diff_detail
