// The diff report as an XLSX change ledger for the supervision office: 变化台账 (every task of both
// years: the pairs with the two texts side by side, target and responsibility changes; then the
// dropped and the new tasks), 指标对比 (every target matched by indicator, with the direction),
// 责任单位 (each body's tasks in both years) and 分管领导 (each leader's portfolio). The workbook
// layout is the parse ledger's (src/writers/xlsx_book.hpp).
#include <cmath>

#include "../writers/xlsx_book.hpp"
#include "internal.hpp"

namespace tasksplit {
namespace {

using diff_detail::target_value;
using xlsx::Align;
using xlsx::Cell;
using xlsx::Column;

std::string join(const std::vector<std::string>& v, const std::string& sep = "、") {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string change_name(const std::string& change) {
    if (change == "raised") return "上调";
    if (change == "lowered") return "下调";
    if (change == "bound") return "约束变化";
    if (change == "added") return "新增";
    if (change == "dropped") return "删除";
    return "不变";
}

// "，口径变化" and the like after the change, "" when the kind says nothing more.
std::string kind_name(const TargetChange& t) {
    if (t.kind == "scope_changed") return "，口径变化";
    if (t.kind == "indicator_changed") return "，指标改为/原为" + t.counterpart;
    if (t.kind == "figure_dropped") return "，不再量化";
    if (t.kind == "figure_added") return "，新增量化";
    return "";
}

std::string status(const Pair& p) {
    std::string s = p.strength == Strength::same ? (p.changes.empty() ? "未变" : "微调")
                    : p.strength == Strength::continued ? "延续调整"
                                                        : "相关";
    if (p.kind == PairKind::split) s += "（拆分）";
    if (p.kind == PairKind::merge) s += "（合并）";
    return s;
}

std::string target_line(const TargetChange& t) {
    const std::string a = t.old_side ? target_value(t.old_side->target) : "—";
    const std::string b = t.new_side ? target_value(t.new_side->target) : "—";
    return t.indicator + t.verb + "：" + a + " → " + b + "（" + change_name(t.change) + kind_name(t) + "）";
}

std::string leader_name(const DiffItem& item) { return item.leader ? item.leader->name : ""; }

class ChangeLedger {
public:
    explicit ChangeLedger(const DiffResult& d)
        : d_(d), old_(diff_detail::year_label(d.old_meta, "旧")), new_(diff_detail::year_label(d.new_meta, "新")) {}

    void write(std::ostream& out) {
        book_.properties("任务变化台账 " + old_ + " → " + new_, "任务变化台账");
        tasks();
        targets();
        units();
        leaders();
        book_.write(out);
    }

private:
    std::vector<std::string> title(const std::string& what) const {
        auto notice = [](const std::string& year, const DocumentMeta& m, const std::string& path) {
            return year + "：" + m.title.value_or(path) + (m.doc_number ? "　" + *m.doc_number : "");
        };
        return {what + "：" + old_ + " → " + new_, notice(old_, d_.old_meta, d_.old_path),
                notice(new_, d_.new_meta, d_.new_path)};
    }

    void tasks() {
        const std::vector<Column> columns{{"序号", 5, Align::center},        {"变化", 9, Align::center},
                                          {old_ + "编号", 9, Align::center}, {old_ + "任务内容", 40},
                                          {new_ + "编号", 9, Align::center}, {new_ + "任务内容", 40},
                                          {"指标变化", 26},                  {"责任变化", 26},
                                          {"相似度", 7, Align::center}};
        xlsx::Sheet sheet = book_.sheet("变化台账", columns, title("任务变化台账"));
        double seq = 0;
        for (const Pair& p : d_.pairs) {
            const DiffItem& o = d_.old_items[p.old_item];
            const DiffItem& n = d_.new_items[p.new_item];
            std::vector<std::string> targets;
            for (const TargetChange& t : p.changes.targets) {
                if (t.change != "unchanged") targets.push_back(target_line(t));
            }
            // Three decimals, as the JSON gives the score.
            sheet.row({++seq, status(p), o.ref, o.text, n.ref, n.text, join(targets, "\n"),
                       responsibility(p.changes, o, n), std::round(p.score * 1000) / 1000});
        }
        for (std::size_t i : d_.dropped) {
            const DiffItem& o = d_.old_items[i];
            sheet.row({++seq, "删除", o.ref, o.text, "", "", "", "", ""});
        }
        for (std::size_t i : d_.added) {
            const DiffItem& n = d_.new_items[i];
            sheet.row({++seq, "新增", "", "", n.ref, n.text, "", "", ""});
        }
        sheet.finish();
    }

    /// Leader, lead and support units gained and lost, renames: one line each.
    static std::string responsibility(const PairChanges& c, const DiffItem& o, const DiffItem& n) {
        std::vector<std::string> lines;
        if (c.leader_changed) lines.push_back("分管领导：" + leader_name(o) + " → " + leader_name(n));
        auto units = [&](const char* what, const std::vector<std::string>& names) {
            if (!names.empty()) lines.push_back(what + join(names));
        };
        units("牵头增加：", c.lead_added);
        units("牵头减少：", c.lead_removed);
        units("配合增加：", c.support_added);
        units("配合减少：", c.support_removed);
        for (const UnitRename& r : c.renamed) lines.push_back("更名：" + r.old_name + " → " + r.new_name);
        return join(lines, "\n");
    }

    void targets() {
        const std::vector<Column> columns{{"序号", 5, Align::center},        {"指标", 30},
                                          {old_, 14, Align::center},         {new_, 14, Align::center},
                                          {"变化", 9, Align::center},        {old_ + "编号", 9, Align::center},
                                          {new_ + "编号", 9, Align::center}};
        xlsx::Sheet sheet = book_.sheet("指标对比", columns, title("量化指标对比"));
        double seq = 0;
        for (const TargetChange& t : d_.targets) {
            sheet.row({++seq, t.indicator + t.verb, t.old_side ? target_value(t.old_side->target) : "",
                       t.new_side ? target_value(t.new_side->target) : "", change_name(t.change),
                       t.old_side ? d_.old_items[t.old_side->item].ref : "",
                       t.new_side ? d_.new_items[t.new_side->item].ref : ""});
        }
        sheet.finish();
    }

    void units() {
        const std::vector<Column> columns{{"序号", 5, Align::center},       {"单位", 24},
                                          {"牵头" + old_, 8, Align::center}, {"牵头" + new_, 8, Align::center},
                                          {"配合" + old_, 8, Align::center}, {"配合" + new_, 8, Align::center},
                                          {old_ + "名称", 24},              {new_ + "名称", 24}};
        xlsx::Sheet sheet = book_.sheet("责任单位", columns, title("责任单位任务量"));
        double seq = 0;
        for (const UnitLoad& u : d_.units) {
            // Names only where they differ: a renamed body shows both.
            const bool renamed = u.old_names != u.new_names;
            sheet.row({++seq, u.name, static_cast<double>(u.old_led), static_cast<double>(u.new_led),
                       static_cast<double>(u.old_supported), static_cast<double>(u.new_supported),
                       renamed ? join(u.old_names) : "", renamed ? join(u.new_names) : ""});
        }
        sheet.finish();
    }

    void leaders() {
        const std::vector<Column> columns{{"序号", 5, Align::center}, {"分管领导", 10, Align::center},
                                          {old_, 20},                {new_, 20},
                                          {"任务移入", 16},          {"任务移出", 16},
                                          {"新增牵头单位", 24},      {"不再牵头单位", 24}};
        xlsx::Sheet sheet = book_.sheet("分管领导", columns, title("分管领导任务变化"));
        auto side = [](const std::optional<std::string>& role, const std::string& section, int n) {
            return n == 0 ? std::string("—")
                          : section + (role ? " " + *role : "") + "，" + std::to_string(n) + " 项";
        };
        auto moves = [](const std::vector<std::pair<std::string, int>>& m) {
            std::vector<std::string> parts;
            for (const auto& [who, n] : m) parts.push_back(who + " " + std::to_string(n) + " 项");
            return join(parts);
        };
        double seq = 0;
        for (const LeaderPortfolio& l : d_.leaders) {
            sheet.row({++seq, l.name, side(l.old_role, l.old_section, l.old_items),
                       side(l.new_role, l.new_section, l.new_items), moves(l.moved_in), moves(l.moved_out),
                       join(l.units_gained), join(l.units_lost)});
        }
        sheet.finish();
    }

    const DiffResult& d_;
    std::string old_, new_;
    xlsx::Book book_;
};

}  // namespace

void diff_to_xlsx(const DiffResult& diff, std::ostream& out) { ChangeLedger(diff).write(out); }

}  // namespace tasksplit
