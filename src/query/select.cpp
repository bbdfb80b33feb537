// Selecting tasks by unit, role, leader, text, year and part, and the per-unit workload table.
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <memory>
#include <set>
#include <stdexcept>
#include <tuple>

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "tasksplit/query.hpp"
#include "tasksplit/writers.hpp"

namespace tasksplit {
namespace {

void for_each_unit(const std::vector<Document>& docs, const std::function<void(const Unit&)>& f) {
    for (const Document& doc : docs)
        for (const Part& part : doc.parts)
            for (const Section& section : part.sections)
                for (const Item& item : section.items) {
                    for (const Unit& u : item.lead) f(u);
                    for (const Unit& u : item.support) f(u);
                }
}

/// The form names and words are compared in: whitespace removed, NFKC case-folded, so that
/// "市财政局（市国资委）" equals "市财政局(市国资委)" and "ＰＰＰ" equals "ppp".
icu::UnicodeString folded(const std::string& utf8) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8), compact;
    for (int32_t i = 0; i < s.length();) {
        UChar32 c = s.char32At(i);
        if (!u_isUWhiteSpace(c)) compact.append(c);
        i += U16_LENGTH(c);
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold is unavailable");
    icu::UnicodeString out = nfkc->normalize(compact, status);
    if (U_FAILURE(status)) return compact;
    return out;
}

std::vector<UChar32> code_points(const icu::UnicodeString& s) {
    std::vector<UChar32> out;
    for (int32_t i = 0; i < s.length();) {
        UChar32 c = s.char32At(i);
        out.push_back(c);
        i += U16_LENGTH(c);
    }
    return out;
}

int edit_distance(const std::vector<UChar32>& a, const std::vector<UChar32>& b) {
    std::vector<int> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= b.size(); ++j) {
            int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// Longest run of code points `a` and `b` share ("区海洋局" and "区海洋科技产业园" share 区海洋).
int common_run(const std::vector<UChar32>& a, const std::vector<UChar32>& b) {
    std::vector<int> prev(b.size() + 1, 0), row(b.size() + 1, 0);
    int best = 0;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            row[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
            best = std::max(best, row[j]);
        }
        std::swap(prev, row);
    }
    return best;
}

/// Whether `needle` (already folded) occurs in `haystack` once both are folded.
bool contains_folded(const std::string& haystack, const icu::UnicodeString& needle) {
    return folded(haystack).indexOf(needle) >= 0;
}

}  // namespace

std::vector<Document> distinct_notices(std::vector<Document> docs, const std::vector<std::string>& paths) {
    std::vector<Document> out;
    std::map<std::string, std::pair<std::size_t, bool>> seen;  // sha256 -> (index in out, parsed from the notice)
    for (std::size_t i = 0; i < docs.size(); ++i) {
        bool from_notice = i < paths.size() && paths[i] == docs[i].source.path;
        const std::string& sha = docs[i].source.sha256;
        auto it = sha.empty() ? seen.end() : seen.find(sha);
        if (it == seen.end()) {
            if (!sha.empty()) seen[sha] = {out.size(), from_notice};
            out.push_back(std::move(docs[i]));
        } else if (from_notice && !it->second.second) {
            // Read from a JSON copy first; the notice parsed now is the authority.
            out[it->second.first] = std::move(docs[i]);
            it->second.second = true;
        }
    }
    return out;
}

UnitNames::UnitNames(const UnitAliases& registry, const std::vector<Document>& docs) : registry_(registry) {
    auto registered = [&](const std::string& name) { return registry_.names_of(registry_.canonical(name)).size() > 1; };
    // A bracket pair names one body twice: a name the registry does not know joins the body of the
    // other ("区委组织部<区委人才办>" makes a bare 区委人才办 mean 区委组织部). Learned names never chain (a
    // learned name is never a target), so one lookup resolves a name.
    std::set<std::string> targets;
    for_each_unit(docs, [&](const Unit& u) {
        if (u.alias.empty()) return;
        std::string target = registry_.canonical(u);
        for (const std::string* printed : {&u.name, &u.alias}) {
            if (registered(*printed)) continue;
            std::string name = registry_.canonical(*printed);
            if (name == target || bracketed_.count(name) || bracketed_.count(target) || targets.count(name)) continue;
            bracketed_[name] = target;
            targets.insert(target);
        }
    });
    for_each_unit(docs, [&](const Unit& u) {
        std::string c = canonical(u);
        auto [it, fresh] = printed_.try_emplace(c);
        if (fresh) present_.push_back(c);
        for (const std::string* n : {&u.raw, &u.name, &u.alias}) {
            if (n->empty() || *n == c || std::find(it->second.begin(), it->second.end(), *n) != it->second.end())
                continue;
            it->second.push_back(*n);
        }
    });
}

std::string UnitNames::canonical(const std::string& name) const {
    std::string n = registry_.canonical(name);
    auto it = bracketed_.find(n);
    return it == bracketed_.end() ? n : it->second;
}

std::string UnitNames::canonical(const Unit& unit) const { return canonical(registry_.canonical(unit)); }

std::vector<std::string> UnitNames::names_of(const std::string& canonical_name) const {
    std::vector<std::string> out = registry_.names_of(canonical_name);
    auto it = printed_.find(canonical_name);
    if (it != printed_.end())
        for (const std::string& n : it->second)
            if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    return out;
}

std::vector<UnitMatch> match_units(const std::string& query, const UnitNames& names, bool loose) {
    icu::UnicodeString q = folded(query);
    if (q.isEmpty()) return {};
    std::vector<UChar32> qcp = code_points(q);
    // Close spellings: up to a third of the query's code points changed, at least one.
    const int max_distance = std::max(1, static_cast<int>(qcp.size()) / 3);
    std::vector<std::pair<UnitMatch, std::size_t>> found;  // match, order of first appearance
    const auto& present = names.present();
    for (std::size_t order = 0; order < present.size(); ++order) {
        std::optional<UnitMatch> best;
        auto consider = [&](UnitMatch m) {
            if (!best || std::tie(m.kind, m.distance) < std::tie(best->kind, best->distance)) best = std::move(m);
        };
        for (const std::string& name : names.names_of(present[order])) {
            icu::UnicodeString n = folded(name);
            std::vector<UChar32> ncp = code_points(n);
            int length_gap = std::abs(static_cast<int>(ncp.size()) - static_cast<int>(qcp.size()));
            if (n == q) {
                consider({present[order], name, MatchKind::exact, 0});
            } else if (!loose) {
                continue;
            } else if (n.indexOf(q) >= 0) {
                consider({present[order], name, MatchKind::substring, length_gap});
            } else if (length_gap <= max_distance) {
                int d = edit_distance(qcp, ncp);
                if (d <= max_distance) consider({present[order], name, MatchKind::spelling, d});
            }
        }
        if (best) found.emplace_back(std::move(*best), order);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first.kind, a.first.distance, a.second) < std::tie(b.first.kind, b.first.distance, b.second);
    });
    std::vector<UnitMatch> out;
    for (auto& f : found) out.push_back(std::move(f.first));
    return out;
}

std::vector<UnitMatch> suggest_units(const std::string& query, const UnitNames& names, std::size_t limit) {
    std::vector<UChar32> qcp = code_points(folded(query));
    if (qcp.empty()) return {};
    // A suggestion shares two code points in a row with the query ("区海洋局" -> 区海洋科技产业园) or is a
    // close spelling. One shared character is not enough: nearly every name holds 区 or 局.
    struct Scored {
        UnitMatch match;
        int shared;
        std::size_t order;
    };
    std::vector<Scored> found;
    const auto& present = names.present();
    for (std::size_t order = 0; order < present.size(); ++order) {
        std::optional<Scored> best;
        for (const std::string& name : names.names_of(present[order])) {
            std::vector<UChar32> ncp = code_points(folded(name));
            int shared = common_run(qcp, ncp), d = edit_distance(qcp, ncp);
            if (shared < 2 && d > std::max(1, static_cast<int>(qcp.size()) / 3)) continue;
            Scored s{{present[order], name, MatchKind::spelling, d}, shared, order};
            if (!best || std::make_tuple(-s.shared, s.match.distance) < std::make_tuple(-best->shared, best->match.distance))
                best = std::move(s);
        }
        if (best) found.push_back(std::move(*best));
    }
    std::stable_sort(found.begin(), found.end(), [](const Scored& a, const Scored& b) {
        return std::make_tuple(-a.shared, a.match.distance, a.order) < std::make_tuple(-b.shared, b.match.distance, b.order);
    });
    std::vector<UnitMatch> out;
    for (std::size_t i = 0; i < found.size() && i < limit; ++i) out.push_back(std::move(found[i].match));
    return out;
}

namespace {

/// Calls `f(base, item)` for every task the filter's leader, words, years and parts keep, `base`
/// holding what its rows share; rows sorted by source, then document order, are what callers build.
void for_each_task(const std::vector<Document>& docs, const QueryFilter& filter,
                   const std::function<void(QueryRow&, const Item&)>& f) {
    std::optional<icu::UnicodeString> leader;
    if (filter.leader) leader = folded(*filter.leader);
    std::vector<icu::UnicodeString> words;
    for (const std::string& w : filter.words) words.push_back(folded(w));
    for (std::size_t d = 0; d < docs.size(); ++d) {
        const Document& doc = docs[d];
        const std::optional<int>& year = doc.document.year;
        if (!filter.years.empty() &&
            (!year || std::find(filter.years.begin(), filter.years.end(), *year) == filter.years.end()))
            continue;
        const std::vector<std::string> refs = task_refs(doc);
        std::size_t task = 0;
        for (const Part& part : doc.parts) {
            bool part_wanted = filter.parts.empty() ||
                               std::find(filter.parts.begin(), filter.parts.end(), part.kind) != filter.parts.end();
            for (const Section& section : part.sections) {
                for (const Item& item : section.items) {
                    std::size_t this_task = task++;
                    if (!part_wanted) continue;
                    const std::optional<Person>& person = item.leader ? item.leader : section.leader;
                    if (leader && !(person && (contains_folded(person->name + person->role, *leader) ||
                                               contains_folded(person->role + person->name, *leader))))
                        continue;
                    if (!words.empty()) {
                        icu::UnicodeString text = folded(item.text);
                        if (!std::all_of(words.begin(), words.end(), [&](const auto& w) { return text.indexOf(w) >= 0; }))
                            continue;
                    }
                    QueryRow base;
                    base.source = doc.source.path;
                    base.year = year;
                    base.part = part.kind;
                    base.section = section.title ? *section.title : section.label.value_or("");
                    base.leader = person ? person->name : "";
                    base.number = item.number.value_or("");
                    base.ref = this_task < refs.size() ? refs[this_task] : "";
                    base.text = item.text;
                    base.line = item.span.line;
                    base.doc = d;
                    base.task = this_task;
                    f(base, item);
                }
            }
        }
    }
}

std::string printed_name(const Unit& u) { return u.raw.empty() ? u.name : u.raw; }

}  // namespace

std::vector<QueryRow> select_rows(const std::vector<Document>& docs, const UnitNames& names,
                                  const QueryFilter& filter) {
    std::set<std::string> units(filter.units.begin(), filter.units.end());
    std::vector<QueryRow> rows;
    for_each_task(docs, filter, [&](QueryRow& base, const Item& item) {
        auto add = [&](const std::vector<Unit>& list, const char* role) {
            for (const Unit& u : list) {
                std::string c = names.canonical(u);
                if (!units.empty() && !units.count(c)) continue;
                QueryRow row = base;
                row.role = role;
                row.unit = printed_name(u);
                row.canonical = std::move(c);
                row.kind = u.kind;
                rows.push_back(std::move(row));
            }
        };
        if (filter.role != Role::support) add(item.lead, "lead");
        if (filter.role != Role::lead) add(item.support, "support");
        if (item.lead.empty() && item.support.empty() && units.empty() && filter.role == Role::any)
            rows.push_back(std::move(base));
    });
    std::stable_sort(rows.begin(), rows.end(), [](const QueryRow& a, const QueryRow& b) { return a.source < b.source; });
    return rows;
}

std::vector<TaskRow> select_tasks(const std::vector<Document>& docs, const UnitNames& names,
                                  const QueryFilter& filter) {
    std::set<std::string> units(filter.units.begin(), filter.units.end());
    std::vector<TaskRow> tasks;
    for_each_task(docs, filter, [&](QueryRow& base, const Item& item) {
        // The asked units' place in the task: lead when one of them leads, else support.
        auto holds = [&](const std::vector<Unit>& list) {
            return std::any_of(list.begin(), list.end(), [&](const Unit& u) { return units.count(names.canonical(u)) > 0; });
        };
        std::string role;
        if (!units.empty()) {
            if (filter.role != Role::support && holds(item.lead)) role = "lead";
            else if (filter.role != Role::lead && holds(item.support)) role = "support";
            else return;
        } else if ((filter.role == Role::lead && item.lead.empty()) || (filter.role == Role::support && item.support.empty())) {
            return;
        }
        TaskRow row;
        static_cast<QueryRow&>(row) = std::move(base);
        row.role = role;
        row.deadline = item.deadline.value_or("");
        for (const Unit& u : item.lead) row.lead.push_back(printed_name(u));
        for (const Unit& u : item.support) row.support.push_back(printed_name(u));
        tasks.push_back(std::move(row));
    });
    std::stable_sort(tasks.begin(), tasks.end(), [](const TaskRow& a, const TaskRow& b) { return a.source < b.source; });
    return tasks;
}

int UnitSummary::lead() const {
    int n = 0;
    for (const auto& c : notices) n += c.lead;
    return n;
}

int UnitSummary::support() const {
    int n = 0;
    for (const auto& c : notices) n += c.support;
    return n;
}

std::vector<UnitSummary> summarize_units(const std::vector<QueryRow>& rows) {
    std::vector<UnitSummary> out;
    std::map<std::string, std::size_t> index;                              // canonical -> out
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> notice_of;  // (unit, doc) -> notices
    std::set<std::tuple<std::size_t, std::size_t, std::string, std::string>> counted;
    for (const QueryRow& row : rows) {
        if (row.canonical.empty()) continue;
        // A unit printed twice in one task's list still does that task once.
        if (!counted.emplace(row.doc, row.task, row.canonical, row.role).second) continue;
        auto [it, fresh] = index.try_emplace(row.canonical, out.size());
        if (fresh) out.push_back(UnitSummary{row.canonical, row.kind, {}});
        UnitSummary& unit = out[it->second];
        auto [n, new_notice] = notice_of.try_emplace({it->second, row.doc}, unit.notices.size());
        if (new_notice) unit.notices.push_back(NoticeCount{row.source, row.year, {}, 0, 0});
        NoticeCount& count = unit.notices[n->second];
        if (row.unit != unit.unit && std::find(count.names.begin(), count.names.end(), row.unit) == count.names.end())
            count.names.push_back(row.unit);
        (row.role == "lead" ? count.lead : count.support) += 1;
    }
    return out;
}

std::vector<std::size_t> pinyin_order(const std::vector<std::string>& names) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU collator for zh: ") + u_errorName(status));
    // Sort keys compare as bytes in collation order: computed once per name, not once per comparison.
    std::vector<std::string> keys;
    for (const std::string& name : names) {
        icu::UnicodeString s = icu::UnicodeString::fromUTF8(name);
        int32_t size = collator->getSortKey(s, nullptr, 0);
        std::string key(static_cast<std::size_t>(size), '\0');
        collator->getSortKey(s, reinterpret_cast<uint8_t*>(key.data()), size);
        keys.push_back(std::move(key));
    }
    std::vector<std::size_t> order(names.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    return order;
}

}  // namespace tasksplit
