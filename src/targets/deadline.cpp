// Deadlines: the latest date a deadline cell allows ("2024年9月;幼儿园:2024年11月" -> 2024-11-30)
// and a completion time inside a task text ("10月1日完工开放" -> "10月1日").
#include <algorithm>
#include <cstdio>

#include <yaml-cpp/yaml.h>

#include "scan.hpp"
#include "tasksplit/grammar_files.hpp"
#include "tasksplit/targets.hpp"

namespace tasksplit {

namespace {

using scan::U32;
using scan::WordSet;

struct MonthDay {
    int month = 12;
    int day = 31;
};

MonthDay parse_month_day(const std::string& s) {
    MonthDay md;
    std::sscanf(s.c_str(), "%d-%d", &md.month, &md.day);
    return md;
}

struct DeadlineRules {
    WordSet periods, holidays, relative_years;
    std::vector<MonthDay> period_date, holiday_date;
    std::vector<int> year_offset;
    WordSet by_words, before_words, fillers, completion_verbs;
};

const DeadlineRules& deadline_rules() {
    static const DeadlineRules rules = [] {
        const YAML::Node y = load_embedded_grammar("targets.yaml")["deadlines"];
        DeadlineRules r;
        for (const auto& kv : y["periods"]) {
            r.periods.add(scan::folded(kv.first.as<std::string>()));
            r.period_date.push_back(parse_month_day(kv.second.as<std::string>()));
        }
        for (const auto& kv : y["holidays"]) {
            r.holidays.add(scan::folded(kv.first.as<std::string>()));
            r.holiday_date.push_back(parse_month_day(kv.second.as<std::string>()));
        }
        for (const auto& kv : y["relative_years"]) {
            r.relative_years.add(scan::folded(kv.first.as<std::string>()));
            r.year_offset.push_back(kv.second.as<int>());
        }
        r.by_words.add_all(y["by_words"]);
        r.before_words.add_all(y["before_words"]);
        r.fillers.add_all(y["fillers"]);
        r.completion_verbs.add_all(y["completion_verbs"]);
        return r;
    }();
    return rules;
}

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

// One time expression: [a, b) in code points; year unknown when 0.
struct TimeHit {
    std::size_t a = 0, b = 0;
    int year = 0;
    int month = 12;
    int day = 31;
    bool year_only = false;
};

class TimeScanner {
public:
    TimeScanner(const U32& t, std::optional<int> year) : r_(deadline_rules()), t_(t), n_(t.size()), year_(year.value_or(0)) {}

    std::vector<TimeHit> run() {
        std::vector<TimeHit> hits;
        for (std::size_t i = 0; i < n_;) {
            std::size_t a = i;
            int year = 0;
            bool has_year = false;
            std::size_t k = i;
            if (auto rel = r_.relative_years.at(t_, i, n_)) {
                year = year_ ? year_ + r_.year_offset[static_cast<std::size_t>(rel.id)] : 0;
                k = i + rel.len;
                has_year = true;
            } else if (number_at(i, 4, 4) && (i == 0 || !scan::is_digit(t_[i - 1]))) {
                std::size_t e = skip_spaces(i + 4);
                if (e < n_ && t_[e] == U'年') {
                    year = digits(i, i + 4);
                    k = e + 1;
                    has_year = true;
                    if (k < n_ && (t_[k] == U'底' || t_[k] == U'末')) {
                        hits.push_back({a, k + 1, year, 12, 31, false});
                        i = k + 1;
                        continue;
                    }
                }
            }
            const std::size_t before = k;
            k = skip_spaces(k);
            TimeHit hit;
            if (read_month(k, year, hit) || read_period(k, year, hit)) {
                hit.a = a;
                hits.push_back(hit);
                i = hit.b;
                if (has_year) last_year_ = year;
                continue;
            }
            if (has_year) {
                // A bare year ("2025年", "2024年度") allows the whole year.
                std::size_t e = before;
                if (e < n_ && (t_[e] == U'度' || t_[e] == U'内')) ++e;
                if (year) hits.push_back({a, e, year, 12, 31, true});
                last_year_ = year;
                i = std::max(e, i + 1);
                continue;
            }
            ++i;
        }
        return hits;
    }

private:
    const DeadlineRules& r_;
    const U32& t_;
    std::size_t n_;
    int year_;
    int last_year_ = 0;

    std::size_t skip_spaces(std::size_t p) const {
        while (p < n_ && scan::is_space(t_[p])) ++p;
        return p;
    }

    // A date written without a year takes the last year written before it, else the notice's.
    int known(int year) const { return year ? year : last_year_ ? last_year_ : year_; }

    bool number_at(std::size_t i, std::size_t min, std::size_t max) const {
        std::size_t k = i;
        while (k < n_ && scan::is_digit(t_[k]) && k - i < max + 1) ++k;
        return k - i >= min && k - i <= max;
    }

    int digits(std::size_t a, std::size_t b) const {
        int v = 0;
        for (std::size_t k = a; k < b; ++k) v = v * 10 + static_cast<int>(t_[k] - U'0');
        return v;
    }

    // A month number, Arabic or Chinese (一 … 十二), ending right before 月.
    std::size_t month_number(std::size_t i, int& month) const {
        if (i < n_ && scan::is_digit(t_[i]) && (i == 0 || (!scan::is_digit(t_[i - 1]) && t_[i - 1] != U'.'))) {
            std::size_t k = i;
            while (k < n_ && scan::is_digit(t_[k]) && k - i < 3) ++k;
            if (k - i > 2) return 0;
            month = digits(i, k);
            return k - i;
        }
        static const U32 cn = U"一二三四五六七八九";
        if (i < n_ && t_[i] == U'十') {
            month = 10;
            if (i + 1 < n_ && (t_[i + 1] == U'一' || t_[i + 1] == U'二')) {
                month += t_[i + 1] == U'一' ? 1 : 2;
                return 2;
            }
            return 1;
        }
        if (i < n_ && cn.find(t_[i]) != U32::npos) {
            month = static_cast<int>(cn.find(t_[i])) + 1;
            return 1;
        }
        return 0;
    }

    bool read_month(std::size_t i, int year, TimeHit& hit) const {
        int month = 0;
        const std::size_t len = month_number(i, month);
        if (!len) return false;
        std::size_t k = skip_spaces(i + len);
        if (k >= n_ || t_[k] != U'月' || month < 1 || month > 12) return false;
        ++k;
        const int y = known(year);
        hit = {i, k, y, month, y ? days_in_month(y, month) : 31, false};
        const std::size_t d = skip_spaces(k);
        std::size_t e = d;
        while (e < n_ && scan::is_digit(t_[e]) && e - d < 3) ++e;
        const std::size_t de = skip_spaces(e);
        if (e > d && e - d <= 2 && de < n_ && (t_[de] == U'日' || t_[de] == U'号')) {
            const int day = digits(d, e);
            if (day >= 1 && day <= (y ? days_in_month(y, month) : 31)) {
                hit.day = day;
                hit.b = de + 1;
            }
        } else if (d < n_ && (t_[d] == U'底' || t_[d] == U'末' || t_[d] == U'份')) {
            hit.b = d + 1;
        } else if (d + 1 < n_ && t_[d + 1] == U'旬' && (t_[d] == U'上' || t_[d] == U'中' || t_[d] == U'下')) {
            // A ten-day period ends on the 10th, the 20th or the month's last day.
            if (t_[d] == U'上') hit.day = 10;
            else if (t_[d] == U'中') hit.day = 20;
            hit.b = d + 2;
        }
        return true;
    }

    bool read_period(std::size_t i, int year, TimeHit& hit) const {
        std::size_t k = i;
        if (k < n_ && t_[k] == U'第') ++k;  // 第四季度
        if (auto p = r_.periods.at(t_, k, n_)) {
            const MonthDay md = r_.period_date[static_cast<std::size_t>(p.id)];
            hit = {i, k + p.len, known(year), md.month, md.day, false};
            return true;
        }
        if (auto h = r_.holidays.at(t_, i, n_)) {
            const MonthDay md = r_.holiday_date[static_cast<std::size_t>(h.id)];
            hit = {i, i + h.len, known(year), md.month, md.day, false};
            return true;
        }
        return false;
    }
};

std::string iso(const TimeHit& h) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", h.year, h.month, h.day);
    return buf;
}

}  // namespace

std::optional<std::string> deadline_iso(const std::string& deadline, std::optional<int> year) {
    const U32 t = scan::folded(deadline);
    std::optional<std::string> latest;
    for (const auto& hit : TimeScanner(t, year).run()) {
        if (hit.year <= 0) continue;
        const std::string date = iso(hit);
        if (!latest || date > *latest) latest = date;
    }
    return latest;
}

std::optional<std::string> find_deadline(const std::string& text) {
    const auto chars = scan::decode(text);
    const U32& t = chars.cp;
    const auto& r = deadline_rules();
    for (const auto& hit : TimeScanner(t, std::nullopt).run()) {
        // The work year alone ("2024 年完成 20 家") is not a completion time.
        if (hit.year_only) continue;
        std::size_t end = hit.b;
        if (end < t.size() && t[end] == U'”') ++end;  // "“五一”前"
        if (auto b = r.before_words.at(t, end, t.size())) end += b.len;
        std::size_t k = end;
        while (k < t.size()) {
            if (scan::is_space(t[k])) {
                ++k;
            } else if (auto f = r.fillers.at(t, k, t.size())) {
                k += f.len;
            } else {
                break;
            }
        }
        if (r.completion_verbs.at(t, k, t.size()) || r.by_words.ending(t, 0, hit.a)) return chars.slice(text, hit.a, end);
    }
    return std::nullopt;
}

}  // namespace tasksplit
