// xlsx: the supervision ledger (督办台账) a 督查室 keeps in Excel or WPS, written with libxlsxwriter.
// One workbook for all the documents: 督办台账 (every task, with columns for the office to fill in
// and a status drop-down), 按分管领导 (the same tasks grouped by leading official, a page each
// when printed), 量化指标 (one row per target), 问题 (diagnostics), then one sheet per unit with
// the tasks it leads and supports and the other units of each. With several documents a 来源
// column says which notice a row comes from.
// The layout all sheets share is xlsx_book.hpp's.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "writers_internal.hpp"
#include "xlsx_book.hpp"

namespace tasksplit::writers {
namespace {

using xlsx::Align;
using xlsx::Cell;
using xlsx::Column;

/// A task with the document it comes from.
struct Task {
    const Document* doc;
    TaskRef ref;
};

std::string source_of(const Document& doc) { return doc.source.path; }

std::string leader_of(const Item& item) { return item.leader ? item.leader->name : ""; }

std::string targets_text(const Item& item) {
    std::string out;
    for (const Target& t : item.targets) out += (out.empty() ? "" : "\n") + t.text;
    return out;
}

/// The name a unit is grouped by: the whole name the notice implies (Unit::canonical), else its own.
std::string unit_key(const Unit& u) { return u.canonical.empty() ? u.name : u.canonical; }

std::string names_except(const std::vector<Unit>& units, const std::string& key) {
    std::vector<Unit> others;
    for (const Unit& u : units) {
        if (unit_key(u) != key) others.push_back(u);
    }
    return unit_names(others);
}

/// The cover letter's reporting rule in one line: who hands in which form to whom by when, and the
/// rhythms ("汇报要求：各牵头责任单位于3月19日前向区政府督查室报送《…推进计划表》；汇报频次：月报、季报、
/// 半年报（按进度分类确定）"); "" when the notice sets none.
std::string reporting_line(const Document& doc) {
    if (!doc.document.reporting) return "";
    const Reporting& r = *doc.document.reporting;
    std::string line;
    if (r.plan_form) {
        line = r.reporters.value_or("") + (r.plan_due ? "于" + *r.plan_due + "前" : "") + (r.office ? "向" + *r.office : "") +
               "报送《" + *r.plan_form + "》";
    }
    if (!r.frequencies.empty()) {
        std::string rhythms;
        for (const std::string& f : r.frequencies) rhythms += (rhythms.empty() ? "" : "、") + f;
        line += (line.empty() ? "" : "；") + std::string("汇报频次：") + rhythms + (r.per_task ? "（按进度分类确定）" : "");
    }
    return "汇报要求：" + line;
}

/// Lines above the ledger: the notice's title, then its number, issuer and date, then its reporting
/// rule; with several notices one line each.
std::vector<std::string> ledger_title(const std::vector<Document>& docs) {
    auto title_of = [](const Document& d) { return d.document.title.value_or(d.source.path); };
    if (docs.size() == 1) {
        const DocumentMeta& m = docs.front().document;
        std::string line;
        for (const auto& part : {m.doc_number, m.issuer, m.date}) {
            if (part) line += (line.empty() ? "" : "　") + *part;
        }
        std::vector<std::string> out{"督办台账：" + title_of(docs.front()), line};
        if (const std::string rule = reporting_line(docs.front()); !rule.empty()) out.push_back(rule);
        return out;
    }
    std::vector<std::string> out{"督办台账（" + std::to_string(docs.size()) + " 份通知）"};
    for (const Document& d : docs) {
        out.push_back(title_of(d) + (d.document.doc_number ? "　" + *d.document.doc_number : "") + "（" + d.source.path + "）");
    }
    return out;
}

class Workbook {
public:
    explicit Workbook(const std::vector<Document>& docs) : docs_(docs), several_(docs.size() > 1) {
        for (const Document& d : docs_) {
            for (const TaskRef& r : tasks_of(d)) tasks_.push_back({&d, r});
        }
    }

    void write(std::ostream& out) {
        if (docs_.size() == 1 && docs_.front().document.title) book_.properties(*docs_.front().document.title, "督办台账");
        ledger();
        by_leader();
        targets();
        diagnostics();
        units();
        book_.write(out);
    }

private:
    /// `columns` with 来源 after the first when there are several notices.
    std::vector<Column> with_source(std::vector<Column> columns) const {
        if (several_) columns.insert(columns.begin() + 1, Column{"来源", 18});
        return columns;
    }
    std::vector<Cell> with_source(std::vector<Cell> cells, const Document& doc) const {
        if (several_) cells.insert(cells.begin() + 1, Cell(source_of(doc)));
        return cells;
    }

    void ledger() {
        const std::vector<Column> columns{{"序号", 5, Align::center}, {"编号", 7, Align::center}, {"分管领导", 9, Align::center},
                                          {"任务内容", 50}, {"牵头单位", 16}, {"配合单位", 18}, {"完成时限", 10, Align::center},
                                          {"汇报频次", 8, Align::center}, {"量化指标", 20}, {"进展情况", 20},
                                          {"完成状态", 9, Align::center}, {"备注", 10}};
        xlsx::Sheet sheet = book_.sheet("督办台账", with_source(columns), ledger_title(docs_));
        // 汇报频次: the one rhythm a notice sets for every task fills the cell; rhythms the office
        // assigns task by task (月报、季报、半年报) are the cell's drop-down, for the office to choose.
        std::vector<std::string> rhythms;
        for (const Document& d : docs_) {
            if (!d.document.reporting) continue;
            for (const std::string& f : d.document.reporting->frequencies)
                if (std::find(rhythms.begin(), rhythms.end(), f) == rhythms.end()) rhythms.push_back(f);
        }
        sheet.choices("汇报频次", rhythms);
        double seq = 0;
        for (const Task& t : tasks_) {
            const Item& item = *t.ref.item;
            sheet.row(with_source({++seq, t.ref.ref, leader_of(item), item.text, unit_names(item.lead),
                                   unit_names(item.support), item.deadline.value_or(""), report_frequency(*t.doc),
                                   targets_text(item), "", "", ""},
                                  *t.doc));
        }
        sheet.finish();
    }

    void by_leader() {
        const std::vector<Column> columns{{"分管领导", 10, Align::center}, {"序号", 5, Align::center}, {"编号", 7, Align::center},
                                          {"任务内容", 56}, {"牵头单位", 18}, {"配合单位", 20}, {"完成时限", 10, Align::center}};
        xlsx::Sheet sheet = book_.sheet("按分管领导", with_source(columns), {"督办台账：按分管领导"});
        std::vector<std::string> leaders;
        for (const Task& t : tasks_) {
            const std::string name = leader_of(*t.ref.item);
            if (std::find(leaders.begin(), leaders.end(), name) == leaders.end()) leaders.push_back(name);
        }
        for (const std::string& leader : leaders) {
            sheet.page_break();
            double seq = 0;
            for (const Task& t : tasks_) {
                const Item& item = *t.ref.item;
                if (leader_of(item) != leader) continue;
                sheet.row(with_source({leader.empty() ? "（未注明）" : leader, ++seq, t.ref.ref, item.text,
                                       unit_names(item.lead), unit_names(item.support), item.deadline.value_or("")},
                                      *t.doc));
            }
        }
        sheet.finish();
    }

    void targets() {
        const std::vector<Column> columns{{"序号", 5, Align::center}, {"编号", 7, Align::center}, {"分管领导", 9, Align::center},
                                          {"指标", 24}, {"动词", 7, Align::center}, {"数值", 8, Align::center},
                                          {"计量单位", 8, Align::center}, {"约束", 6, Align::center}, {"预期性", 7, Align::center},
                                          {"牵头单位", 18}, {"指标原文", 40}};
        xlsx::Sheet sheet = book_.sheet("量化指标", with_source(columns), {"量化指标"});
        double seq = 0;
        for (const Task& t : tasks_) {
            const Item& item = *t.ref.item;
            for (const Target& target : item.targets) {
                sheet.row(with_source({++seq, t.ref.ref, leader_of(item), target.indicator, target.verb, target.value,
                                       target.measure, target.bound, target.aspirational ? "是" : "否",
                                       unit_names(item.lead), target.text},
                                      *t.doc));
            }
        }
        sheet.finish();
    }

    void diagnostics() {
        static const std::map<std::string, std::string> severity{{"error", "错误"}, {"warning", "警告"}, {"info", "提示"}};
        const std::vector<Column> columns{{"序号", 5, Align::center}, {"级别", 6, Align::center}, {"代码", 22},
                                          {"行", 6, Align::center},   {"列", 5, Align::center},   {"说明", 80}};
        xlsx::Sheet sheet = book_.sheet("问题", with_source(columns), {"解析问题（tasksplit 的诊断）"});
        double seq = 0;
        for (const Document& doc : docs_) {
            for (const Diagnostic& d : doc.diagnostics) {
                auto level = severity.find(d.severity);
                sheet.row(with_source({++seq, level == severity.end() ? d.severity : level->second, d.code,
                                       static_cast<double>(d.line), static_cast<double>(d.column), d.message},
                                      doc));
            }
        }
        sheet.finish();
    }

    /// One sheet per unit, in order of first appearance: the tasks it leads, then those it supports.
    void units() {
        std::vector<std::string> keys;
        for (const Task& t : tasks_) {
            for (const auto* list : {&t.ref.item->lead, &t.ref.item->support}) {
                for (const Unit& u : *list) {
                    if (std::find(keys.begin(), keys.end(), unit_key(u)) == keys.end()) keys.push_back(unit_key(u));
                }
            }
        }
        auto holds = [](const std::vector<Unit>& units, const std::string& key) {
            return std::any_of(units.begin(), units.end(), [&](const Unit& u) { return unit_key(u) == key; });
        };
        for (const std::string& key : keys) {
            std::vector<const Task*> lead, support;
            for (const Task& t : tasks_) {
                if (holds(t.ref.item->lead, key)) lead.push_back(&t);
                else if (holds(t.ref.item->support, key)) support.push_back(&t);
            }
            const std::vector<Column> columns{{"序号", 5, Align::center}, {"编号", 7, Align::center}, {"承担方式", 8, Align::center},
                                              {"任务内容", 48}, {"其他牵头单位", 16}, {"其他配合单位", 18},
                                              {"分管领导", 9, Align::center}, {"完成时限", 10, Align::center}, {"进展情况", 20},
                                              {"完成状态", 9, Align::center}};
            const std::string count = "牵头 " + std::to_string(lead.size()) + " 项，配合 " + std::to_string(support.size()) + " 项";
            xlsx::Sheet sheet = book_.sheet(key, with_source(columns), {key, count});
            double seq = 0;
            for (const auto* group : {&lead, &support}) {
                for (const Task* t : *group) {
                    const Item& item = *t->ref.item;
                    sheet.row(with_source({++seq, t->ref.ref, group == &lead ? "牵头" : "配合", item.text,
                                           names_except(item.lead, key), names_except(item.support, key),
                                           leader_of(item), item.deadline.value_or(""), "", ""},
                                          *t->doc));
                }
            }
            sheet.finish();
        }
    }

    const std::vector<Document>& docs_;
    bool several_;
    std::vector<Task> tasks_;
    xlsx::Book book_;
};

}  // namespace

void write_xlsx(const std::vector<Document>& docs, std::ostream& out) { Workbook(docs).write(out); }

}  // namespace tasksplit::writers
