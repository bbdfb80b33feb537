// Front matter: the lines before the first part, section or item. Fields come from
// grammars/meta.yaml; every line used is marked claimed.
#include <algorithm>

#include "tasksplit/numerals.hpp"
#include "tasksplit/parse.hpp"
#include "tasksplit/run.hpp"

namespace tasksplit {
namespace {

struct FrontLine {
    int line;
    icu::UnicodeString fold;  ///< trimmed
    Run run;                  ///< trimmed original
};

}  // namespace

std::optional<LeadConvention> find_convention(const SourceText& text, int32_t a, int32_t b, const Rules& rules) {
    if (text.fold.indexOf(rules.convention_requires, a, b - a) < 0 || !rules.convention.find(text.fold, a, b))
        return std::nullopt;
    Run sentence;
    sentence.append(text, rules.convention.start(), rules.convention.end());
    auto closing = [&](char16_t c) {
        return c == u'。' || std::find(rules.separators.begin(), rules.separators.end(), c) != rules.separators.end();
    };
    while (!sentence.empty() && closing(sentence.fold.charAt(sentence.size() - 1))) sentence = sentence.sub(0, sentence.size() - 1);
    return LeadConvention{sentence.utf8(), "first-listed", text.line_at(a) + 1};
}

std::optional<std::string> iso_date(const Regex& re) {
    const int y = numeral_value(re.group(1)), m = numeral_value(re.group(2)), d = numeral_value(re.group(3));
    if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return std::string(buf);
}

bool office_name(const icu::UnicodeString& folded_line, const Rules& rules) {
    if (folded_line.length() > 40 || folded_line.indexOf(u'。') >= 0) return false;
    return std::any_of(rules.issuer_ends.begin(), rules.issuer_ends.end(),
                       [&](const auto& end) { return folded_line.endsWith(end); });
}

/// A notice title in a large type wraps onto at most this many lines.
constexpr std::size_t kMaxTitleLines = 4;

void read_front_matter(const SourceText& text, int end, const std::vector<bool>& furniture, const Rules& rules,
                       DocumentMeta& meta, std::vector<bool>& claimed) {
    std::vector<FrontLine> lines;
    for (int i = 0; i < end; ++i) {
        if (furniture[i]) continue;
        Run r;
        r.append(text, text.line_start[i], text.line_end[i]);
        if (r.empty()) continue;
        lines.push_back({i, r.fold, r});
    }
    // Title: "…关于印发…的通知"; else a plan title on the first line.
    for (std::size_t k = 0; k < lines.size() && !meta.title; ++k) {
        const auto& l = lines[k];
        if (rules.title.find(l.fold)) {
            meta.title = l.run.utf8_nospace();
            claimed[l.line] = true;
        } else if (l.fold.indexOf(u"关于") >= 0 && l.fold.indexOf(u'。') < 0) {
            // A long title wrapped onto two to four lines: "…关于印发2024年政府工作报告" /
            // "重点工作责任分解的通知", or "…办公室关于印发" / "2024年县政府工作报告重点工作" / "任务分解的通知".
            icu::UnicodeString joined = l.fold;
            for (std::size_t j = k + 1; j < lines.size() && j <= k + kMaxTitleLines - 1; ++j) {
                if (lines[j].line > lines[j - 1].line + 2 || lines[j].fold.indexOf(u'。') >= 0) break;
                joined.append(lines[j].fold);
                if (!rules.title.find(joined)) continue;
                std::string title;
                for (std::size_t m = k; m <= j; ++m) {
                    title += lines[m].run.utf8_nospace();
                    claimed[lines[m].line] = true;
                }
                meta.title = title;
                break;
            }
        }
    }
    if (!meta.title && !lines.empty() && rules.plan_title.find(lines.front().fold))
        meta.title = lines.front().run.utf8_nospace();
    if (meta.title) {
        for (const auto& l : lines)
            if (l.run.utf8_nospace() == *meta.title) claimed[l.line] = true;
    }
    for (const auto& l : lines) {
        if (!meta.doc_number && rules.doc_number.find(l.fold)) {
            meta.doc_number = l.run.sub(rules.doc_number.start(), rules.doc_number.end()).utf8_nospace();
            claimed[l.line] = true;
        }
    }
    // Signing date, and the issuer printed on the line above it.
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const auto& l = lines[k];
        if (!rules.date.match_at(l.fold)) continue;
        meta.date = iso_date(rules.date);
        if (!meta.date) continue;
        claimed[l.line] = true;
        // Joint issuers sign one above the other ("中共X县委办公室" / "X县人民政府办公室"): every
        // office line directly above the date signs.
        std::size_t first = k;
        while (first > 0 && office_name(lines[first - 1].fold, rules)) --first;
        if (first < k) {
            std::string issuer;
            for (std::size_t j = first; j < k; ++j) {
                issuer += lines[j].run.utf8_nospace();
                claimed[lines[j].line] = true;
            }
            meta.issuer = issuer;
        }
        break;
    }
    if (!meta.date) {
        for (const auto& l : lines) {
            if (!rules.written_date.find(l.fold)) continue;
            meta.date = iso_date(rules.written_date);
            if (!meta.date) continue;
            claimed[l.line] = true;
            break;
        }
    }
    // The letterhead ("…办公室文件") names the issuer when no signature does.
    for (const auto& l : lines) {
        if (l.fold.endsWith(u"文件") && l.fold.length() <= 40) {
            if (!meta.issuer) meta.issuer = l.run.sub(0, l.run.size() - 2).utf8_nospace();
            claimed[l.line] = true;
            break;
        }
    }
    // Without a signature or letterhead (a web copy, an excerpt), the title names the issuer:
    // "宁波市鄞州区人民政府办公室关于印发…的通知".
    if (!meta.issuer && meta.title) {
        const icu::UnicodeString title = from_utf8(*meta.title);
        icu::UnicodeString folded = title;
        for (int32_t i = 0; i < folded.length(); ++i) folded.setCharAt(i, fold_unit(folded.charAt(i)));
        const int32_t about = folded.indexOf(u"关于");
        if (about >= 4) {
            const icu::UnicodeString office(folded, 0, about);
            for (const auto& suffix : rules.issuer_ends) {
                if (office.endsWith(suffix)) {
                    meta.issuer = to_utf8(icu::UnicodeString(title, 0, about));
                    break;
                }
            }
        }
    }
    // "各项任务中列第一位的为牵头单位，其余为配合单位。" in the notice's own text.
    for (const auto& l : lines) {
        if (meta.lead_convention || l.run.src.empty()) break;
        meta.lead_convention = find_convention(text, l.run.src.front(), l.run.src.back() + 1, rules);
    }
    // Or a line that is nothing but the office's name, above the title of a web copy.
    for (const auto& l : lines) {
        if (meta.issuer) break;
        if (claimed[l.line] || l.fold.length() > 40 || l.fold.indexOf(u'。') >= 0 || l.fold.indexOf(u',') >= 0) continue;
        for (const auto& suffix : rules.issuer_ends) {
            if (l.fold.endsWith(suffix) && l.fold.length() > suffix.length() + 1) {
                meta.issuer = l.run.utf8_nospace();
                claimed[l.line] = true;
                break;
            }
        }
    }
    for (const auto& l : lines) {
        if (claimed[l.line] || !rules.addressees.match_at(l.fold)) continue;
        if (l.fold.indexOf(u'、') < 0 && l.fold.indexOf(u',') < 0) continue;
        Run body = l.run.sub(0, l.run.size() - 1);
        int32_t start = 0;
        int depth = 0;  // "各县（市、区）人民政府" is one addressee
        for (int32_t i = 0; i <= body.size(); ++i) {
            char16_t c = i < body.size() ? body.fold.charAt(i) : u'、';
            if (c == u'(' || c == u'[') ++depth;
            if ((c == u')' || c == u']') && depth > 0) --depth;
            if (depth == 0 && (c == u'、' || c == u',' || c == u';')) {
                std::string name = body.sub(start, i).utf8_nospace();
                if (!name.empty()) meta.addressees.push_back(name);
                start = i + 1;
            }
        }
        claimed[l.line] = true;
        break;
    }
    for (const auto& l : lines)
        if (auto c = read_contact(l.run, rules)) meta.contacts.push_back(std::move(*c));
}

std::optional<Contact> read_contact(const Run& line, const Rules& rules) {
    if (!rules.contact.find(line.fold)) return std::nullopt;
    Contact c;
    c.name = line.sub(rules.contact.start(1), rules.contact.end(1)).utf8_nospace();
    Run phones = line.sub(rules.contact.start(2), rules.contact.end(2));
    std::string current;
    for (int32_t i = 0; i <= phones.size(); ++i) {
        char16_t c16 = i < phones.size() ? phones.fold.charAt(i) : u',';
        if ((c16 >= u'0' && c16 <= u'9') || c16 == u'-') current += static_cast<char>(c16);
        else if (!current.empty() && !is_space(c16)) {
            c.phones.push_back(current);
            current.clear();
        } else if (!current.empty() && is_space(c16) && i + 1 < phones.size() &&
                   !(phones.fold.charAt(i + 1) >= u'0' && phones.fold.charAt(i + 1) <= u'9')) {
            c.phones.push_back(current);
            current.clear();
        }
    }
    if (!current.empty()) c.phones.push_back(current);
    return c;
}

}  // namespace tasksplit
