// The charts: tasks per unit (lead and support, one bar per year) and the target changes of a pair.
// They are HTML bars sized in percent: no script, no canvas, and they print.
#include <algorithm>
#include <cstdio>

#include "internal.hpp"

namespace tasksplit::report_detail {
namespace {

std::string percent(double part, double whole) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f%%", whole > 0 ? 100.0 * part / whole : 0.0);
    return buf;
}

// Change kinds in the order the chart lists them: movements of the number first.
const char* const kChanges[] = {"raised", "lowered", "bound", "unchanged", "added", "dropped"};

int change_rank(const std::string& change) {
    int i = 0;
    for (const char* c : kChanges) {
        if (change == c) return i;
        ++i;
    }
    return i;
}

}  // namespace

std::string unit_chart(const std::vector<Notice>& notices, const PageView& page) {
    const UnitNames& names = page.names;
    std::vector<std::map<std::string, UnitCount>> counts;
    std::map<std::string, bool> units;
    for (const Notice& n : notices) {
        counts.push_back(count_units(*n.doc, names));
        for (const auto& entry : counts.back()) units[entry.first] = true;
    }
    auto total = [&](std::size_t notice, const std::string& unit) {
        auto it = counts[notice].find(unit);
        return it == counts[notice].end() ? 0 : it->second.lead + it->second.support;
    };
    // Busiest first in the newest notice, then in the older one.
    std::vector<std::string> order;
    int most = 0;
    for (const auto& entry : units) {
        order.push_back(entry.first);
        for (std::size_t n = 0; n < notices.size(); ++n) most = std::max(most, total(n, entry.first));
    }
    std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
        for (std::size_t n = notices.size(); n-- > 0;)
            if (total(n, a) != total(n, b)) return total(n, a) > total(n, b);
        return false;
    });

    std::string out = "<p class=\"legend\"><i class=\"l\"></i> " + esc(page.t("lead")) + " <i class=\"s\"></i> " +
                      esc(page.t("support")) + " &nbsp; " +
                      esc(trf(page.view.lang, "{} units, busiest first; click a unit to list its tasks.", {std::to_string(order.size())})) +
                      "</p><div class=\"chart units\">\n";
    for (const auto& unit : order) {
        out += "<div class=\"urow\" data-u=\"" + esc(unit) + "\"><span class=\"uname\">" + esc(unit) + "</span><span class=\"ubars\">";
        for (std::size_t n = 0; n < notices.size(); ++n) {
            auto it = counts[n].find(unit);
            UnitCount c = it == counts[n].end() ? UnitCount{} : it->second;
            out += "<span class=\"ubar\">";
            if (notices.size() > 1) out += "<span class=\"yl\">" + esc(notices[n].label) + "</span>";
            out += "<span class=\"track\"><i class=\"l\" style=\"width:" + percent(c.lead, most) + "\"></i><i class=\"s\" style=\"width:" +
                   percent(c.support, most) + "\"></i></span><span class=\"n\">" + std::to_string(c.lead) + " + " +
                   std::to_string(c.support) + "</span></span>";
        }
        out += "</span></div>\n";
    }
    return out + "</div>\n";
}

std::string target_chart(const DiffResult& diff, const Notice& old_notice, const Notice& new_notice, const PageView& page) {
    std::map<std::string, int> by_change;
    for (const TargetChange& t : diff.targets) ++by_change[t.change];

    std::string out = "<div class=\"stack\">";
    for (const char* c : kChanges)
        if (by_change[c] > 0)
            out += "<span class=\"ch-" + std::string(c) + "\" style=\"width:" + percent(by_change[c], diff.targets.size()) +
                   "\" title=\"" + esc(page.t(c)) + "\">" + std::to_string(by_change[c]) + "</span>";
    out += "</div><p class=\"legend\">";
    for (const char* c : kChanges)
        out += "<i class=\"ch-" + std::string(c) + "\"></i> " + esc(page.t(c)) + " <b id=\"n-t-" + c + "\">" + std::to_string(by_change[c]) +
               "</b> &nbsp; ";
    out += "</p>\n";

    // One row per indicator; where both years commit to the same measure the two values are drawn
    // to the row's own scale, since the indicators' scales (%, 亿元, 个) have nothing in common.
    std::vector<const TargetChange*> rows;
    for (const TargetChange& t : diff.targets) rows.push_back(&t);
    std::stable_sort(rows.begin(), rows.end(), [](const TargetChange* a, const TargetChange* b) {
        return change_rank(a->change) < change_rank(b->change);
    });
    auto side = [&](const std::optional<TargetSide>& s, const Notice& notice, const std::vector<DiffItem>& items) {
        if (!s) return std::string("<td></td>");
        return "<td class=\"tv\"><a href=\"#" + esc(anchor(notice, items[s->item].id)) + "\" title=\"" + esc(s->target.text) +
               "\">" + esc((s->target.aspirational ? "力争" : "") + target_value(s->target)) + "</a></td>";
    };
    out += "<div class=\"chart targets\"><table><thead><tr><th>" + esc(page.t("Indicator")) + "</th><th>" + esc(old_notice.label) +
           "</th><th>" + esc(new_notice.label) + "</th><th></th><th>" + esc(page.t("Change")) + "</th></tr></thead><tbody>\n";
    for (const TargetChange* t : rows) {
        out += "<tr><td>" + esc(t->indicator) + "</td>" + side(t->old_side, old_notice, diff.old_items) +
               side(t->new_side, new_notice, diff.new_items) + "<td class=\"dumb\">";
        if (t->old_side && t->new_side && t->old_side->target.measure == t->new_side->target.measure) {
            double a = t->old_side->target.value, b = t->new_side->target.value, top = std::max(a, b);
            out += "<span class=\"track\"><i class=\"old\" style=\"width:" + percent(a, top) + "\"></i></span>"
                   "<span class=\"track\"><i class=\"ch-" + t->change + "\" style=\"width:" + percent(b, top) + "\"></i></span>";
        }
        out += "</td><td><span class=\"badge ch-" + t->change + "\">" + esc(page.t(t->change)) + "</span></td></tr>\n";
    }
    return out + "</tbody></table></div>\n";
}

}  // namespace tasksplit::report_detail
