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

// A rename needs this many paired tasks when the names have little in common ...
constexpr int kRenameTasks = 2;
// ... or one, when the names share this much (区旅游集团 / 区旅游发展集团: 0.83; 区交警大队 /
// 定海交警大队: 0.73; two unrelated bureaus such as 区水利局 / 区民政局 share 0.5, their frame).
constexpr double kRenameSimilarity = 0.7;
// ... or none, when the names are nearly the same.
constexpr double kRenameNameOnly = 0.85;

// 2 x longest common subsequence / total length, over code points.
double name_similarity(const std::string& a, const std::string& b) {
    std::u32string x = fold(a), y = fold(b);
    if (x.empty() && y.empty()) return 1;
    std::vector<std::size_t> row(y.size() + 1, 0);
    for (char32_t cx : x) {
        std::size_t diagonal = 0;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            std::size_t up = row[j];
            row[j] = cx == y[j - 1] ? diagonal + 1 : std::max(row[j], row[j - 1]);
            diagonal = up;
        }
    }
    return 2.0 * static_cast<double>(row[y.size()]) / static_cast<double>(x.size() + y.size());
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

std::vector<std::string> shared_leads(const DiffItem& old_item, const DiffItem& new_item, const UnitResolver& units) {
    ItemUnits o = item_units(old_item, units), n = item_units(new_item, units);
    std::vector<std::string> out;
    for (const auto& k : o.lead)
        if (std::find(n.lead.begin(), n.lead.end(), k) != n.lead.end()) out.push_back(k);
    return out;
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
    auto keys_of = [&](const DiffItem& item, std::set<std::string>& all, std::map<std::string, std::string>& shown_as) {
        std::set<std::string> here;
        for (const auto* list : {&item.lead, &item.support})
            for (const Unit& u : *list) {
                all.insert(units.key(u));
                shown_as.emplace(units.key(u), shown(u));
                here.insert(units.key(u));
            }
        return here;
    };
    std::vector<std::set<std::string>> old_units, new_units;
    for (const DiffItem& item : diff.old_items) {
        old_units.push_back(keys_of(item, old_keys, old_shown));
        for (const auto& k : old_units.back()) ++old_tasks[k];
    }
    for (const DiffItem& item : diff.new_items) new_units.push_back(keys_of(item, new_keys, new_shown));
    // Old tasks naming a vanished body, paired with a task naming a body new this year.
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::size_t, std::size_t>>> moves;
    for (const Pair& p : diff.pairs)
        for (const auto& g : old_units[p.old_item])
            for (const auto& c : new_units[p.new_item])
                if (!new_keys.count(g) && !old_keys.count(c)) {
                    auto& v = moves[{g, c}];
                    if (v.empty() || v.back().first != p.old_item) v.emplace_back(p.old_item, p.new_item);
                }
    // Each name's best partner: most tasks, then the most similar name.
    struct Candidate {
        std::string old_key, new_key;
        int tasks = 0;
        double similarity = 0;
    };
    std::vector<Candidate> all;
    for (const auto& [k, v] : moves)
        all.push_back({k.first, k.second, static_cast<int>(v.size()), name_similarity(old_shown[k.first], new_shown[k.second])});
    auto better = [](const Candidate& a, const Candidate& b) {
        return a.tasks != b.tasks ? a.tasks > b.tasks : a.similarity > b.similarity;
    };
    std::map<std::string, const Candidate*> best_new, best_old;
    for (const Candidate& c : all) {
        auto& bn = best_new[c.old_key];
        if (!bn || better(c, *bn)) bn = &c;
        auto& bo = best_old[c.new_key];
        if (!bo || better(c, *bo)) bo = &c;
    }
    std::vector<RenameSuggestion> out;
    for (const Candidate& c : all) {
        if (best_new[c.old_key] != &c || best_old[c.new_key] != &c) continue;
        // Two tasks and most of the old body's, or one task and a name that is mostly the same.
        bool by_tasks = c.tasks >= kRenameTasks && 2 * c.tasks >= old_tasks[c.old_key];
        if (!by_tasks && c.similarity < kRenameSimilarity) continue;
        out.push_back({old_shown[c.old_key], new_shown[c.new_key], c.tasks, old_tasks[c.old_key], c.similarity,
                       moves[{c.old_key, c.new_key}]});
    }
    // Names alone, when no pair joins them (a body that only supports): each the other's closest,
    // and nearly the same name (市市场监管局定海分局 / 市市场监督管理局定海分局: 0.91).
    std::set<std::string> suggested;
    for (const RenameSuggestion& r : out) {
        suggested.insert(r.old_name);
        suggested.insert(r.new_name);
    }
    std::vector<Candidate> alike;
    for (const auto& g : old_keys)
        for (const auto& c : new_keys)
            if (!new_keys.count(g) && !old_keys.count(c) && !suggested.count(old_shown[g]) && !suggested.count(new_shown[c])) {
                double similarity = name_similarity(old_shown[g], new_shown[c]);
                if (similarity >= kRenameNameOnly) alike.push_back({g, c, 0, similarity});
            }
    best_new.clear();
    best_old.clear();
    for (const Candidate& c : alike) {
        auto& bn = best_new[c.old_key];
        if (!bn || better(c, *bn)) bn = &c;
        auto& bo = best_old[c.new_key];
        if (!bo || better(c, *bo)) bo = &c;
    }
    for (const Candidate& c : alike)
        if (best_new[c.old_key] == &c && best_old[c.new_key] == &c)
            out.push_back({old_shown[c.old_key], new_shown[c.new_key], 0, old_tasks[c.old_key], c.similarity, {}});
    std::stable_sort(out.begin(), out.end(),
                     [](const RenameSuggestion& a, const RenameSuggestion& b) { return a.pairs > b.pairs; });
    return out;
}

}  // namespace tasksplit::diff_detail
