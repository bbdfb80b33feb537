// Leaders' portfolios: which section each leads, how many tasks, which bodies' work they oversee
// (lead units of their tasks), and where paired tasks moved from one leader to another.
#include <algorithm>
#include <map>
#include <set>

#include "internal.hpp"

namespace tasksplit::diff_detail {
namespace {

struct Side {
    std::optional<std::string> role;
    std::string section;
    int items = 0;
    std::set<std::string> units;
};

// Leaders in order of first appearance, with their side of the portfolio.
void collect(const std::vector<DiffItem>& items, const UnitResolver& units, std::vector<std::string>& order,
             std::map<std::string, Side>& sides) {
    for (const DiffItem& item : items) {
        if (!item.leader) continue;
        const std::string& name = item.leader->name;
        if (!sides.count(name)) {
            if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
            Side& s = sides[name];
            if (!item.leader->role.empty()) s.role = item.leader->role;
            s.section = item.section;
        }
        Side& s = sides[name];
        ++s.items;
        for (const Unit& u : item.lead) s.units.insert(units.key(u));
    }
}

std::vector<std::string> minus(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::vector<std::string> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

void bump(std::vector<std::pair<std::string, int>>& counts, const std::string& name) {
    auto it = std::find_if(counts.begin(), counts.end(), [&name](const auto& c) { return c.first == name; });
    if (it == counts.end()) counts.emplace_back(name, 1);
    else ++it->second;
}

}  // namespace

std::vector<LeaderPortfolio> leader_portfolios(const DiffResult& diff, const UnitResolver& units) {
    std::vector<std::string> order;
    std::map<std::string, Side> old_sides, new_sides;
    collect(diff.old_items, units, order, old_sides);
    collect(diff.new_items, units, order, new_sides);
    std::map<std::string, LeaderPortfolio> rows;
    for (const auto& name : order) {
        LeaderPortfolio& p = rows[name];
        p.name = name;
        const Side& o = old_sides[name];
        const Side& n = new_sides[name];
        p.old_role = o.role;
        p.new_role = n.role;
        p.old_section = o.section;
        p.new_section = n.section;
        p.old_items = o.items;
        p.new_items = n.items;
        p.units_gained = minus(n.units, o.units);
        p.units_lost = minus(o.units, n.units);
    }
    // Related pairs are too loose to say that a task changed hands.
    for (const Pair& pair : diff.pairs) {
        if (pair.strength == Strength::related) continue;
        const auto& ol = diff.old_items[pair.old_item].leader;
        const auto& nl = diff.new_items[pair.new_item].leader;
        if (!ol || !nl || ol->name == nl->name) continue;
        bump(rows[ol->name].moved_out, nl->name);
        bump(rows[nl->name].moved_in, ol->name);
    }
    std::vector<LeaderPortfolio> out;
    for (const auto& name : order) out.push_back(std::move(rows[name]));
    return out;
}

}  // namespace tasksplit::diff_detail
