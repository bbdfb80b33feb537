// report_html: the page around the tables and charts — header, summary cards, the diff summary of
// a pair, parser notes — with its stylesheet and script inline, so that the file is the whole page.
#include "tasksplit/report.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>

#include "internal.hpp"
#include "tasksplit/no_tasks.hpp"

namespace tasksplit {
namespace report_detail {

std::string esc(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string target_value(const Target& t) {
    char number[32];
    std::snprintf(number, sizeof number, "%.10g", t.value);
    std::string out;
    if (t.bound == ">=") out += "≥";
    else if (t.bound == "<=") out += "≤";
    else if (t.bound == "~") out += "~";
    return out + number + t.measure;
}

std::string anchor(const Notice& notice, const std::string& item_id) { return notice.key + "-" + item_id; }

std::string item_ref(const Document& doc, std::size_t part, const Section& section, const Item& item) {
    if (!item.number) return item.id;
    std::string ref = section.label ? *section.label + "." + *item.number : *item.number;
    std::size_t parts_with_items = std::count_if(doc.parts.begin(), doc.parts.end(), [](const Part& p) {
        return std::any_of(p.sections.begin(), p.sections.end(), [](const Section& s) { return !s.items.empty(); });
    });
    return parts_with_items > 1 ? std::to_string(part + 1) + ":" + ref : ref;
}

const Person* leader_of(const Section& section, const Item& item) {
    if (item.leader) return &*item.leader;
    return section.leader ? &*section.leader : nullptr;
}

std::map<std::string, UnitCount> count_units(const Document& doc, const UnitNames& names) {
    std::map<std::string, UnitCount> out;
    for (const Part& p : doc.parts)
        for (const Section& s : p.sections)
            for (const Item& it : s.items) {
                std::set<std::string> lead, support;
                for (const Unit& u : it.lead) lead.insert(names.canonical(u));
                for (const Unit& u : it.support) support.insert(names.canonical(u));
                for (const auto& u : lead) ++out[u].lead;
                for (const auto& u : support) ++out[u].support;
            }
    return out;
}

namespace {

const char* const kStyle = R"CSS(
:root{--lead:#1f5fa8;--support:#9cc3ea;--ink:#1d232b;--muted:#67717d;--line:#dde3ea;--bg:#f6f8fa;
--same:#7b8794;--continued:#2e8b57;--related:#c28e0e;--added:#1f5fa8;--dropped:#b03a2e;
--raised:#2e8b57;--lowered:#b03a2e;--bound:#c28e0e;--unchanged:#9aa5b1}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:14px/1.5 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif;color:var(--ink);background:#fff}
header{padding:18px 28px 14px;border-bottom:1px solid var(--line);background:var(--bg)}
h1{font-size:21px;margin:0 0 4px}
h2{font-size:17px;margin:26px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:15px;margin:18px 0 8px}
.meta{color:var(--muted);margin:0;font-size:13px}
.layout{display:flex;align-items:flex-start}
nav{position:sticky;top:0;flex:0 0 230px;max-height:100vh;overflow:auto;padding:14px 10px 14px 20px;font-size:13px;border-right:1px solid var(--line)}
nav a{display:block;color:var(--ink);text-decoration:none;padding:2px 4px;border-radius:3px}
nav a:hover{background:var(--bg)}
nav .sub{padding-left:14px;color:var(--muted)}
nav b{display:block;margin-top:10px}
main{flex:1;min-width:0;padding:4px 28px 40px}
.banner{margin:12px 28px 0;padding:10px 14px;border:1px solid var(--dropped);border-radius:6px;background:#fbeeec;color:var(--dropped)}
.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:110px;background:#fff}
.card b{display:block;font-size:22px;line-height:1.2}
.card span{color:var(--muted);font-size:12px}
.card b span{color:inherit;font-size:inherit}
.card.st b{color:var(--c)}
.legend{color:var(--muted);font-size:12.5px}
.legend i{display:inline-block;width:11px;height:11px;border-radius:2px;vertical-align:-1px}
i.l,.track i.l{background:var(--lead)} i.s,.track i.s{background:var(--support)}
.chart{max-height:28em;overflow:auto;border:1px solid var(--line);border-radius:6px;padding:6px 10px}
.urow{display:flex;align-items:center;gap:10px;padding:2px 4px;cursor:pointer;border-radius:3px}
.urow:hover{background:var(--bg)}
.uname{flex:0 0 230px;text-align:right;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.ubars{flex:1}
.ubar{display:flex;align-items:center;gap:6px}
.yl{flex:0 0 40px;color:var(--muted);font-size:11.5px}
.track{flex:1;display:flex;height:13px;background:var(--bg);border-radius:2px;overflow:hidden}
.track i{display:block;height:100%}
.n{flex:0 0 60px;font-size:12px;color:var(--muted);font-variant-numeric:tabular-nums}
.badge{display:inline-block;color:#fff;border-radius:3px;padding:0 6px;font-size:12px;background:var(--c,#888)}
.stack{display:flex;height:26px;border-radius:4px;overflow:hidden;margin:6px 0}
.stack span{color:#fff;font-size:12px;text-align:center;line-height:26px;overflow:hidden}
.ch-raised{background:var(--raised)} .ch-lowered{background:var(--lowered)} .ch-bound{background:var(--bound)}
.ch-unchanged{background:var(--unchanged)} .ch-added{background:var(--added)} .ch-dropped{background:#4a5561}
.targets table{border-collapse:collapse;width:100%}
.targets td,.targets th{padding:3px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
.tv{white-space:nowrap;font-variant-numeric:tabular-nums}
.tv a{color:var(--ink)}
.dumb{width:30%}
.dumb .track{height:7px;margin:2px 0}
.dumb i.old{background:#b8c2cc}
.st-same{--c:var(--same)} .st-continued{--c:var(--continued)} .st-related{--c:var(--related)}
.st-added{--c:var(--added)} .st-dropped{--c:var(--dropped)}
.tag{font-size:11.5px;border:1px solid var(--line);border-radius:3px;padding:0 4px;color:var(--muted)}
.changed{font-size:12px;color:var(--muted)}
.filters{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;padding:8px 10px;background:#fff;border:1px solid var(--line);border-radius:6px}
.filters select,.filters input{font:inherit;max-width:240px}
.shown{margin-left:auto;color:var(--muted)}
table.grid{border-collapse:collapse;width:100%;font-size:13px}
table.grid th,table.grid td{border-bottom:1px solid var(--line);padding:5px 6px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
table.grid thead th{background:var(--bg);font-weight:600}
table.tasks{table-layout:fixed}
col.c-ref{width:4.5em} col.c-leader{width:6em} col.c-lead{width:9em} col.c-support{width:10em}
col.c-targets{width:10em} col.c-deadline{width:5.5em} col.c-fate{width:10em}
tr.part th{background:#e8eef5;font-size:14px}
tr.sec th{background:var(--bg);font-weight:600}
.sc,.cnt{color:var(--muted);font-weight:400;font-size:12px}
td.ref{white-space:nowrap;color:var(--muted)}
td.leader small{display:block;color:var(--muted)}
.detail{color:var(--muted);font-size:12px;margin-top:3px}
.u{display:inline-block;background:#eef3f9;border-radius:3px;padding:0 4px;margin:1px 0;cursor:pointer}
.u:hover{background:#d9e6f5}
.tg{display:inline-block;background:#eef7f1;border-radius:3px;padding:0 4px;margin:1px 0}
td.fate a{white-space:nowrap}
tr:target td{background:#fff6c8}
details{margin-top:8px}
.notes td,.notes th{padding:2px 8px;text-align:left;font-size:12.5px}
footer{color:var(--muted);font-size:12px;padding:14px 28px;border-top:1px solid var(--line)}
col.c-role{width:3.5em} td.role{white-space:nowrap} td.r-lead{color:var(--lead);font-weight:600}
.unit-view col.c-lead,.unit-view col.c-support{width:8em}
@page{size:A4;margin:12mm 11mm}
@media print{nav,.filters,footer{display:none}.chart{max-height:none}
body{font-size:10pt}header{padding:0 0 6px;background:none}h1{font-size:14pt}h2{font-size:12pt;margin:10px 0 6px}
.layout{display:block}main{padding:0}table.grid{font-size:9pt}table.grid th,table.grid td{padding:3px 4px}
tr.task{break-inside:avoid}thead{display:table-header-group}
col.c-ref{width:3.4em}col.c-role{width:2.8em}col.c-leader{width:4.2em}col.c-deadline{width:4.6em}
.unit-view col.c-lead,.unit-view col.c-support{width:7em}td.leader small{display:none}
.unit-view .secondary{display:none}}
)CSS";

// Filters act on data- attributes of the task rows and are mirrored in the URL fragment.
const char* const kScript = R"JS(
(function () {
  'use strict';
  var byId = function (id) { return document.getElementById(id); };
  var f = {unit: byId('f-unit'), role: byId('f-role'), leader: byId('f-leader'),
           status: byId('f-status'), year: byId('f-year'), q: byId('f-q')};
  var keys = Object.keys(f).filter(function (k) { return f[k]; });
  function has(list, name) { return !!list && list.split('\n').indexOf(name) >= 0; }
  function visible(r) {
    var d = r.dataset, unit = f.unit.value, role = f.role.value;
    if (unit) {
      var lead = has(d.lead, unit), support = has(d.support, unit);
      if (role === 'lead' ? !lead : role === 'support' ? !support : !(lead || support)) return false;
    }
    if (f.leader.value && d.leader !== f.leader.value) return false;
    if (f.status && f.status.value && d.status !== f.status.value) return false;
    var q = f.q.value.trim().toLowerCase();
    return !q || r.textContent.toLowerCase().indexOf(q) >= 0;
  }
  function apply() {
    var shown = 0, secs = {}, parts = {};
    document.querySelectorAll('section.notice').forEach(function (s) {
      var on = !f.year || !f.year.value || f.year.value === s.dataset.notice, n = 0;
      s.hidden = !on;
      s.querySelectorAll('tr.task').forEach(function (r) {
        var v = on && visible(r);
        r.hidden = !v;
        if (v) { n++; secs[r.dataset.sec] = parts[r.dataset.part] = true; }
      });
      s.querySelector('.n-shown').textContent = n;
      shown += n;
    });
    document.querySelectorAll('tr.sec').forEach(function (r) { r.hidden = !secs[r.dataset.sec]; });
    document.querySelectorAll('tr.part').forEach(function (r) { r.hidden = !parts[r.dataset.part]; });
    byId('n-shown').textContent = shown;
    var state = new URLSearchParams();
    keys.forEach(function (k) { if (f[k].value) state.set(k, f[k].value); });
    var s = state.toString();
    // A fragment naming a row (a link was followed) is left alone until a filter changes.
    if (s || location.hash.indexOf('=') >= 0) {
      try { history.replaceState(null, '', s ? '#' + s : location.pathname + location.search); } catch (e) {}
    }
  }
  function reset() {
    keys.forEach(function (k) { f[k].value = ''; });
    apply();
  }
  if (location.hash.indexOf('=') >= 0) {
    var p = new URLSearchParams(location.hash.slice(1));
    keys.forEach(function (k) { if (p.has(k)) f[k].value = p.get(k); });
  }
  keys.forEach(function (k) { f[k].addEventListener(k === 'q' ? 'input' : 'change', apply); });
  byId('f-reset').addEventListener('click', reset);
  document.addEventListener('click', function (e) {
    var u = e.target.closest('[data-u]');
    if (u) {
      f.unit.value = u.dataset.u;
      f.role.value = '';
      apply();
      byId('tasks').scrollIntoView();
      return;
    }
    // A link to a row the filters hide shows everything again, so that the link lands somewhere.
    var a = e.target.closest('a[href^="#"]');
    var target = a && byId(decodeURIComponent(a.getAttribute('href').slice(1)));
    if (target && target.closest('[hidden]')) reset();
  });
  apply();
})();
)JS";

std::string card(const std::string& id, const std::string& value, const std::string& label, const std::string& cls = "") {
    return "<div class=\"card" + (cls.empty() ? "" : " st " + cls) + "\"><b id=\"" + id + "\">" + value + "</b><span>" + esc(label) +
           "</span></div>";
}

struct Counts {
    int tasks = 0, sections = 0, units = 0, leaders = 0, targets = 0;
};

Counts count(const Document& doc, const UnitNames& names) {
    Counts c;
    std::set<std::string> leaders;
    for (const Part& p : doc.parts)
        for (const Section& s : p.sections) {
            if (!s.items.empty()) ++c.sections;
            for (const Item& it : s.items) {
                ++c.tasks;
                c.targets += static_cast<int>(it.targets.size());
                if (const Person* l = leader_of(s, it)) leaders.insert(l->name);
            }
        }
    c.leaders = static_cast<int>(leaders.size());
    c.units = static_cast<int>(count_units(doc, names).size());
    return c;
}

std::string label_of(const Document& doc) {
    if (doc.document.year) return std::to_string(*doc.document.year);
    return std::filesystem::path(doc.source.path).filename().string();
}

std::string header(const std::vector<Notice>& notices) {
    const Document& newest = *notices.back().doc;
    std::string title = newest.document.title.value_or(label_of(newest));
    if (notices.size() == 2) title = notices[0].label + " → " + notices[1].label + ": " + title;
    std::string out = "<header><h1>" + esc(title) + "</h1>";
    for (const Notice& n : notices) {
        const Document& d = *n.doc;
        std::vector<std::string> bits;
        if (notices.size() == 2) bits.push_back(n.label);
        if (d.document.doc_number) bits.push_back(*d.document.doc_number);
        if (d.document.issuer) bits.push_back(*d.document.issuer);
        if (d.document.date) bits.push_back(*d.document.date);
        bits.push_back(d.source.path + (d.source.sha256.empty() ? "" : " (sha256 " + d.source.sha256.substr(0, 12) + ")"));
        std::string line;
        for (const auto& b : bits) line += (line.empty() ? "" : " · ") + b;
        out += "<p class=\"meta\">" + esc(line) + "</p>";
    }
    return out + "</header>\n";
}

std::string nav(const std::vector<Notice>& notices, const PageView& page) {
    auto link = [&](const char* id, const char* label) { return "<a href=\"#" + std::string(id) + "\">" + esc(page.t(label)) + "</a>"; };
    std::string out = "<nav>";
    if (page.view.unit.empty()) out += link("summary", "Summary") + link("units", "Tasks per unit");
    if (notices.size() == 2) out += link("target-changes", "Target changes") + link("people", "Leaders and units");
    out += link("tasks", "Tasks");
    for (auto it = notices.rbegin(); it != notices.rend(); ++it) {
        out += "<b>" + esc(it->label) + "</b>";
        for (const Part& p : it->doc->parts)
            for (const Section& s : p.sections) {
                if (s.items.empty() || !(s.label || s.title)) continue;
                const auto shown = std::count_if(s.items.begin(), s.items.end(), [&](const Item& i) { return page.shows(i); });
                if (shown == 0) continue;
                out += "<a class=\"sub\" href=\"#" + esc(anchor(*it, s.id)) + "\">" +
                       esc(s.label.value_or("") + (s.label && s.title ? "、" : "") + s.title.value_or("")) + " (" +
                       std::to_string(shown) + ")</a>";
            }
    }
    if (!page.view.unit.empty()) out += link("summary", "Summary") + link("units", "Tasks per unit");
    return out + link("notes", "Parser notes") + "</nav>\n";
}

std::string summary_cards(const std::vector<Notice>& notices, const PageView& page) {
    std::vector<Counts> c;
    for (const Notice& n : notices) c.push_back(count(*n.doc, page.names));
    std::string out = "<div class=\"cards\">";
    auto add = [&](const std::string& key, const std::string& label, int Counts::*field) {
        if (c.size() == 1) {
            out += card("n-" + key, std::to_string(c[0].*field), page.t(label));
        } else {
            out += "<div class=\"card\"><b><span id=\"n-old-" + key + "\">" + std::to_string(c[0].*field) +
                   "</span> → <span id=\"n-new-" + key + "\">" + std::to_string(c[1].*field) + "</span></b><span>" + esc(page.t(label)) +
                   "</span></div>";
        }
    };
    add("tasks", "tasks", &Counts::tasks);
    add("sections", "sections", &Counts::sections);
    add("units", "units", &Counts::units);
    add("leaders", "leaders", &Counts::leaders);
    add("targets", "quantitative targets", &Counts::targets);
    return out + "</div>";
}

/// What became of every item: its strongest pairing, or added/dropped, with its partners.
void fill_fates(const DiffResult& diff, Notice& old_notice, Notice& new_notice) {
    auto rank = [](const std::string& s) { return s == "same" ? 3 : s == "continued" ? 2 : s == "related" ? 1 : 0; };
    auto changes = [](const PairChanges& c) {
        std::vector<std::string> out;
        if (std::any_of(c.text.begin(), c.text.end(), [](const TextEdit& e) { return e.op != '='; })) out.push_back("wording");
        if (std::any_of(c.targets.begin(), c.targets.end(), [](const TargetChange& t) { return t.change != "unchanged"; }))
            out.push_back("targets");
        if (!c.lead_added.empty() || !c.lead_removed.empty()) out.push_back("lead units");
        if (!c.support_added.empty() || !c.support_removed.empty()) out.push_back("support units");
        if (c.leader_changed) out.push_back("leader");
        return out;
    };
    auto link = [&rank](Fate& fate, const Pair& p, const std::string& anchor_id, const std::string& label,
                   const std::vector<std::string>& changed) {
        std::string status = to_string(p.strength);
        if (rank(status) > rank(fate.status)) fate.status = status;
        fate.split = fate.split || p.kind == PairKind::split;
        fate.merge = fate.merge || p.kind == PairKind::merge;
        fate.partners.emplace_back(anchor_id, label);
        for (const auto& c : changed)
            if (std::find(fate.changed.begin(), fate.changed.end(), c) == fate.changed.end()) fate.changed.push_back(c);
    };
    for (const Pair& p : diff.pairs) {
        const DiffItem& o = diff.old_items[p.old_item];
        const DiffItem& n = diff.new_items[p.new_item];
        auto changed = changes(p.changes);
        link(old_notice.fates[o.id], p, anchor(new_notice, n.id), new_notice.label + " " + n.ref, changed);
        link(new_notice.fates[n.id], p, anchor(old_notice, o.id), old_notice.label + " " + o.ref, changed);
    }
    for (std::size_t i : diff.dropped) old_notice.fates[diff.old_items[i].id].status = "dropped";
    for (std::size_t i : diff.added) new_notice.fates[diff.new_items[i].id].status = "added";
}

std::string diff_summary(const DiffResult& diff, const std::vector<Notice>& notices, const PageView& page) {
    const Lang lang = page.view.lang;
    int same = 0, continued = 0, related = 0;
    for (const Pair& p : diff.pairs) {
        if (p.strength == Strength::same) ++same;
        else if (p.strength == Strength::continued) ++continued;
        else ++related;
    }
    auto num = [](std::size_t n) { return std::to_string(n); };
    std::string out = "<h3>" + esc(page.t("What changed")) + "</h3><div class=\"cards\">";
    out += card("n-same", num(same), page.t("same task"), "st-same");
    out += card("n-continued", num(continued), page.t("continued (reworded, new figures)"), "st-continued");
    out += card("n-related", num(related), page.t("related"), "st-related");
    out += card("n-added", num(diff.added.size()), trf(lang, "added in {}", {notices[1].label}), "st-added");
    out += card("n-dropped", num(diff.dropped.size()), trf(lang, "dropped from {}", {notices[0].label}), "st-dropped");
    out += card("n-split", num(diff.splits.size()), page.t("split into several"));
    out += card("n-merged", num(diff.merges.size()), page.t("merged into one"));
    out += "</div>";
    out += "<p class=\"legend\">" +
           page.t("Pairs are tasks aligned by meaning (as <code>tasksplit diff</code> does); each task's fate is "
                  "in the Change column of the tables below.") +
           "</p>";

    // Composition of each year's tasks by fate.
    for (const Notice& n : notices) {
        std::map<std::string, int> by;
        for (const auto& [id, fate] : n.fates) ++by[fate.status];
        int total = 0;
        for (const auto& [s, k] : by) total += k;
        out += "<div class=\"ubar\"><span class=\"yl\">" + esc(n.label) + "</span><span class=\"track\" style=\"height:18px\">";
        for (const char* s : {"same", "continued", "related", "added", "dropped"})
            if (by[s] > 0) {
                char width[32];
                std::snprintf(width, sizeof width, "%.2f%%", 100.0 * by[s] / total);
                out += "<i class=\"st-" + std::string(s) + "\" style=\"background:var(--c);width:" + width + "\" title=\"" +
                       esc(page.t(s)) + " " + std::to_string(by[s]) + "\"></i>";
            }
        out += "</span><span class=\"n\">" + esc(trf(lang, "{} tasks", {std::to_string(total)})) + "</span></div>";
    }

    out += "<p class=\"legend\">";
    for (const char* s : {"same", "continued", "related", "added", "dropped"})
        out += "<i class=\"st-" + std::string(s) + "\" style=\"background:var(--c)\"></i> " + esc(page.t(s)) + " &nbsp; ";
    return out + "</p>";
}

/// Renamed units and the leaders' portfolios in both years.
std::string people(const DiffResult& diff, const std::vector<Notice>& notices, const PageView& page) {
    std::string out = "<section id=\"people\" class=\"secondary\"><h2>" + esc(page.t("Leaders and units")) + "</h2>";
    std::vector<std::string> renames;
    for (const UnitLoad& u : diff.units) {
        if (u.old_names.empty() || u.new_names.empty()) continue;
        bool shared = std::any_of(u.old_names.begin(), u.old_names.end(), [&](const std::string& n) {
            return std::find(u.new_names.begin(), u.new_names.end(), n) != u.new_names.end();
        });
        if (!shared) renames.push_back(u.old_names.front() + " → " + u.new_names.front());
    }
    // A suggestion with no paired task rests on the names alone: say so, not "0 paired tasks".
    for (const RenameSuggestion& r : diff.rename_suggestions)
        renames.push_back(r.old_name + " → " + r.new_name +
                          (r.pairs > 0 ? trf(page.view.lang, " (suggested by {} paired tasks)", {std::to_string(r.pairs)})
                                       : trf(page.view.lang, " (suggested by names {}% alike)",
                                             {std::to_string(static_cast<int>(100 * r.similarity + 0.5))})));
    if (!renames.empty()) {
        out += "<h3>" + esc(page.t("Units renamed")) + "</h3><ul>";
        for (const auto& r : renames) out += "<li>" + esc(r) + "</li>";
        out += "</ul>";
    }

    if (!diff.leaders.empty()) {
        out += "<h3>" + esc(page.t("Leaders")) + "</h3><table class=\"grid\"><thead><tr><th>" + esc(page.t("Leader")) + "</th><th>" +
               esc(notices[0].label) + "</th><th>" + esc(notices[1].label) + "</th><th>" + esc(page.t("Tasks")) + "</th><th>" +
               esc(page.t("Lead units gained")) + "</th><th>" + esc(page.t("Lead units lost")) + "</th></tr></thead><tbody>";
        auto post = [&page](const std::optional<std::string>& role, const std::string& section) {
            std::string s = role.value_or("");
            if (!section.empty()) s += (s.empty() ? "" : " · ") + trf(page.view.lang, "section {}", {section});
            return s;
        };
        auto list = [](const std::vector<std::string>& v) {
            std::string s;
            for (const auto& x : v) s += (s.empty() ? "" : "、") + x;
            return s;
        };
        for (const LeaderPortfolio& l : diff.leaders)
            out += "<tr><td>" + esc(l.name) + "</td><td>" + esc(post(l.old_role, l.old_section)) + "</td><td>" +
                   esc(post(l.new_role, l.new_section)) + "</td><td>" + std::to_string(l.old_items) + " → " +
                   std::to_string(l.new_items) + "</td><td>" + esc(list(l.units_gained)) + "</td><td>" + esc(list(l.units_lost)) +
                   "</td></tr>";
        out += "</tbody></table>";
    }
    return out + "</section>\n";
}

std::string notes(const std::vector<Notice>& notices, const PageView& page) {
    std::string out = "<section id=\"notes\" class=\"secondary\"><h2>" + esc(page.t("Parser notes")) + "</h2>";
    for (auto it = notices.rbegin(); it != notices.rend(); ++it) {
        const Document& d = *it->doc;
        out += "<details><summary>" + esc(it->label) + ": " +
               trf(page.view.lang, "{} diagnostics, {} unassigned lines (<code>tasksplit validate</code> explains them)",
                   {std::to_string(d.diagnostics.size()), std::to_string(d.unassigned.size())}) +
               "</summary><table class=\"notes\"><tr><th>" + esc(page.t("Line")) + "</th><th>" + esc(page.t("Severity")) + "</th><th>" +
               esc(page.t("Code")) + "</th><th>" + esc(page.t("Message")) + "</th></tr>";
        for (const Diagnostic& g : d.diagnostics)
            out += "<tr><td>" + std::to_string(g.line) + "</td><td>" + esc(page.t(g.severity)) + "</td><td>" + esc(g.code) +
                   "</td><td>" + esc(g.message) + "</td></tr>";
        for (const Unassigned& u : d.unassigned)
            out += "<tr><td>" + std::to_string(u.line) + "</td><td></td><td>unassigned</td><td>" + esc(u.text) + "</td></tr>";
        out += "</table></details>";
    }
    return out + "</section>\n";
}

/// A unit's printout opens with what it is: the unit and how many tasks it leads and supports.
std::string unit_heading(const std::vector<Notice>& notices, const PageView& page) {
    std::string out = "<h2>" + esc(trf(page.view.lang, "Tasks of {}", {page.view.unit})) + "</h2><p class=\"meta\">";
    for (auto it = notices.rbegin(); it != notices.rend(); ++it) {
        int lead = 0, support = 0;
        for (const Part& p : it->doc->parts)
            for (const Section& s : p.sections)
                for (const Item& item : s.items) {
                    const std::string role = page.role(item);
                    lead += role == "lead";
                    support += role == "support";
                }
        out += esc((notices.size() > 1 ? it->label + " " : "") +
                   trf(page.view.lang, "leads {}, supports {}", {std::to_string(lead), std::to_string(support)})) +
               "<br>";
    }
    return out + "</p>";
}

std::string page(std::vector<Notice>& notices, const DiffResult* diff, const UnitAliases& aliases, const ReportView& view) {
    std::vector<Document> docs;
    for (const Notice& n : notices) docs.push_back(*n.doc);
    UnitNames names(aliases, docs);
    const PageView pv{view, names};
    if (diff) fill_fates(*diff, notices[0], notices[1]);
    const bool unit_view = !view.unit.empty();

    std::string title = notices.back().doc->document.title.value_or(notices.back().label);
    if (diff) title = notices[0].label + " → " + notices[1].label + " " + title;
    if (unit_view) title = view.unit + " · " + title;
    // zh-CN whatever the labels' language: the notice's own text is the page's content.
    std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
                      std::string(kReportGenerator) + TASKSPLIT_VERSION "\">\n<title>" +
                      esc(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body" +
                      (unit_view ? " class=\"unit-view\"" : "") + ">\n";
    out += header(notices);
    // An empty page would look like a notice without work: say why there is nothing to show.
    for (const Notice& n : notices)
        if (const Diagnostic* d = no_tasks_diagnostic(*n.doc))
            out += "<div class=\"banner\" role=\"alert\"><strong>" + esc(trf(view.lang, "{}: no tasks.", {n.label})) + "</strong> " +
                   esc(d->message) + "</div>\n";
    out += "<div class=\"layout\">\n" + nav(notices, pv) + "<main>\n";
    std::string summary = "<section id=\"summary\" class=\"secondary\"><h2>" + esc(pv.t("Summary")) + "</h2>" +
                          summary_cards(notices, pv);
    if (diff) summary += diff_summary(*diff, notices, pv);
    summary += "</section>\n<section id=\"units\" class=\"secondary\"><h2>" + esc(pv.t("Tasks per unit")) + "</h2>" +
               unit_chart(notices, pv) + "</section>\n";
    if (diff)
        summary += "<section id=\"target-changes\" class=\"secondary\"><h2>" + esc(pv.t("Target changes")) +
                   "</h2><p class=\"legend\">" +
                   esc(pv.t("Quantitative targets matched by indicator across the years; where both years use the same measure "
                            "the bars compare the two values.")) +
                   "</p>" + target_chart(*diff, notices[0], notices[1], pv) + "</section>\n" + people(*diff, notices, pv);
    std::string tasks = "<section id=\"tasks\">" + (unit_view ? unit_heading(notices, pv) : "<h2>" + esc(pv.t("Tasks")) + "</h2>") +
                        task_filters(notices, pv);
    for (auto it = notices.rbegin(); it != notices.rend(); ++it) tasks += task_table(*it, pv, diff != nullptr);
    tasks += "</section>\n";
    // A unit's printout is its tasks: they come first, the rest after them (and not in print).
    out += unit_view ? tasks + summary : summary + tasks;
    out += notes(notices, pv);
    out += "</main></div>\n<footer>" +
           trf(view.lang, "Made by tasksplit {} (output format {}). This page is self-contained: it loads nothing from the network.",
               {TASKSPLIT_VERSION, kFormat}) +
           "</footer>\n";
    out += "<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
    return out;
}

}  // namespace
}  // namespace report_detail

std::string report_html(const Document& doc, const UnitAliases& aliases, const ReportView& view) {
    using namespace report_detail;
    std::vector<Notice> notices{{&doc, "d0", label_of(doc), {}}};
    return page(notices, nullptr, aliases, view);
}

std::string report_html(const Document& old_doc, const Document& new_doc, const DiffResult& diff, const UnitAliases& aliases,
                        const ReportView& view) {
    using namespace report_detail;
    std::string old_label = label_of(old_doc), new_label = label_of(new_doc);
    // Two notices of one year (or two unnamed files) still need labels that tell them apart.
    if (old_label == new_label) {
        old_label = tr(view.lang, "old ") + old_label;
        new_label = tr(view.lang, "new ") + new_label;
    }
    std::vector<Notice> notices{{&old_doc, "d0", old_label, {}}, {&new_doc, "d1", new_label, {}}};
    return page(notices, &diff, aliases, view);
}

}  // namespace tasksplit
