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

}  // namespace

std::vector<LeaderMove> leader_moves(const DiffResult& diff) {
    std::map<std::pair<std::string, std::string>, LeaderMove> moves;
    // Related pairs are counted too, and flagged: a part of a split (rural planning restated in a
    // village-landscape task) is often related on its own score, and leaving it out hides a move.
    for (const Pair& pair : diff.pairs) {
        const auto& ol = diff.old_items[pair.old_item].leader;
        const auto& nl = diff.new_items[pair.new_item].leader;
        if (!ol || !nl || ol->name == nl->name) continue;
        LeaderMove& m = moves[{ol->name, nl->name}];
        m.from = ol->name;
        m.to = nl->name;
        m.pairs.emplace_back(pair.old_item, pair.new_item);
        m.related += pair.strength == Strength::related;
    }
    std::vector<LeaderMove> out;
    for (auto& [key, m] : moves) {
        std::set<std::size_t> olds, news;
        for (const auto& [o, n] : m.pairs) {
            olds.insert(o);
            news.insert(n);
        }
        m.old_tasks = static_cast<int>(olds.size());
        m.new_tasks = static_cast<int>(news.size());
        out.push_back(std::move(m));
    }
    std::stable_sort(out.begin(), out.end(), [](const LeaderMove& a, const LeaderMove& b) {
        return std::max(a.old_tasks, a.new_tasks) > std::max(b.old_tasks, b.new_tasks);
    });
    return out;
}

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
    for (const LeaderMove& m : leader_moves(diff)) {
        rows[m.from].moved_out.emplace_back(m.to, m.old_tasks);
        rows[m.to].moved_in.emplace_back(m.from, m.new_tasks);
    }
    std::vector<LeaderPortfolio> out;
    for (const auto& name : order) out.push_back(std::move(rows[name]));
    return out;
}

}  // namespace tasksplit::diff_detail
