// Word's list numbering (numbering.xml): the number Word prints before a numbered paragraph is not
// in the paragraph's text, so the reader counts the lists as Word does and writes the number in.
#include "numbering.hpp"

namespace tasksplit::readers {

namespace {

std::string chinese_number(int n, const char* const digits[10], const char* ten, const char* hundred,
                           const char* thousand) {
    if (n <= 0 || n > 9999) return std::to_string(n);
    const char* units[4] = {"", ten, hundred, thousand};
    std::string out;
    bool zero = false;
    for (int pos = 3; pos >= 0; --pos) {
        int scale = pos == 3 ? 1000 : pos == 2 ? 100 : pos == 1 ? 10 : 1;
        int d = n / scale % 10;
        if (d == 0) {
            zero = !out.empty();
            continue;
        }
        if (zero) out += digits[0];
        zero = false;
        // 十一, not 一十一, when ten is the highest place
        if (!(pos == 1 && d == 1 && out.empty())) out += digits[d];
        out += units[pos];
    }
    return out;
}

const char* const kChineseDigits[10] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
const char* const kLegalDigits[10] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};

std::string letters(int n, char a) {
    std::string out;
    for (; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>(a + (n - 1) % 26));
    return out;
}

std::string roman(int n, bool upper) {
    static const std::array<std::pair<int, const char*>, 13> table = {
        {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
         {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
    std::string out;
    for (const auto& [v, s] : table)
        for (; n >= v; n -= v) out += s;
    if (upper)
        for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
}

/// U+2460 ① .. U+2473 ⑳ and the parenthesised / full-stop series after them: one code point each.
std::string enclosed(int n, char32_t first) {
    if (n < 1 || n > 20) return std::to_string(n);
    const char32_t c = first + static_cast<char32_t>(n - 1);
    std::string out;
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
    return out;
}

std::string cycle(int n, const char* const* names, int count) { return n >= 1 ? names[(n - 1) % count] : std::to_string(n); }

int int_attribute(const xmlNode* n, const char* name, int fallback) {
    const std::string v = n ? attribute(n, name) : "";
    try {
        return v.empty() ? fallback : std::stoi(v);
    } catch (const std::exception&) {
        return fallback;
    }
}

}  // namespace

std::string format_number(int n, std::string_view fmt) {
    static const char* const kStems[10] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    static const char* const kBranches[12] = {"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"};
    if (fmt == "decimal") return std::to_string(n);
    if (fmt == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
    if (fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") {
        std::string out;
        for (char c : std::to_string(n)) out += std::string("\xEF\xBC") + static_cast<char>(0x90 + (c - '0'));
        return out;
    }
    if (fmt == "chineseCounting" || fmt == "chineseCountingThousand" || fmt == "taiwaneseCounting" ||
        fmt == "taiwaneseCountingThousand" || fmt == "japaneseCounting")
        return chinese_number(n, kChineseDigits, "十", "百", "千");
    if (fmt == "chineseLegalSimplified") return chinese_number(n, kLegalDigits, "拾", "佰", "仟");
    if (fmt == "ideographDigital" || fmt == "taiwaneseDigital") {
        std::string out;
        for (char c : std::to_string(n)) out += c == '0' ? "〇" : kChineseDigits[c - '0'];
        return out;
    }
    if (fmt == "ideographTraditional") return cycle(n, kStems, 10);
    if (fmt == "ideographZodiac") return cycle(n, kBranches, 12);
    if (fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese") return enclosed(n, 0x2460);
    if (fmt == "decimalEnclosedParen") return enclosed(n, 0x2474);
    if (fmt == "decimalEnclosedFullstop") return enclosed(n, 0x2488);
    if (fmt == "upperLetter") return letters(n, 'A');
    if (fmt == "lowerLetter") return letters(n, 'a');
    if (fmt == "upperRoman") return roman(n, true);
    if (fmt == "lowerRoman") return roman(n, false);
    return std::to_string(n);  // formats a notice does not number tasks with: read as decimal
}

ListNumbering::ListNumbering(const xmlDoc* numbering) {
    const xmlNode* root = numbering ? xmlDocGetRootElement(numbering) : nullptr;
    std::map<std::string, Levels> abstract;
    for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
        if (!is_element(n, "abstractNum")) continue;
        Levels& levels = abstract[attribute(n, "abstractNumId")];
        for (const xmlNode* l = n->children; l; l = l->next) {
            if (!is_element(l, "lvl")) continue;
            const int ilvl = int_attribute(l, "ilvl", 0);
            if (ilvl < 0 || ilvl >= kLevels) continue;
            Level& level = levels[static_cast<std::size_t>(ilvl)];
            level.start = int_attribute(first_child(l, "start"), "val", 1);
            if (const xmlNode* f = first_child(l, "numFmt")) level.format = attribute(f, "val");
            if (const xmlNode* t = first_child(l, "lvlText")) level.text = attribute(t, "val");
            if (const xmlNode* s = first_child(l, "suff")) level.suffix = attribute(s, "val") == "nothing" ? "" : " ";
            level.legal = first_child(l, "isLgl") != nullptr;
        }
    }
    for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
        if (!is_element(n, "num")) continue;
        const xmlNode* a = first_child(n, "abstractNumId");
        auto it = a ? abstract.find(attribute(a, "val")) : abstract.end();
        if (it == abstract.end()) continue;
        List& list = lists_[attribute(n, "numId")];
        list.levels = it->second;
        for (const xmlNode* o = n->children; o; o = o->next) {
            if (!is_element(o, "lvlOverride")) continue;
            const int ilvl = int_attribute(o, "ilvl", 0);
            if (ilvl < 0 || ilvl >= kLevels) continue;
            if (const xmlNode* s = first_child(o, "startOverride"))
                list.levels[static_cast<std::size_t>(ilvl)].start = int_attribute(s, "val", 1);
        }
    }
}

std::string ListNumbering::next(const std::string& num_id, int level) {
    auto it = lists_.find(num_id);
    if (it == lists_.end() || level < 0 || level >= kLevels) return "";
    List& list = it->second;
    const auto lvl = static_cast<std::size_t>(level);
    list.count[lvl] = list.started[lvl] ? list.count[lvl] + 1 : list.levels[lvl].start;
    list.started[lvl] = true;
    // A deeper level starts again under each new item of this one.
    for (std::size_t d = lvl + 1; d < kLevels; ++d) list.started[d] = false;
    const Level& own = list.levels[lvl];
    if (own.format == "bullet" || own.format == "none") return "";
    std::string out;
    const std::string& text = own.text;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            const auto ref = static_cast<std::size_t>(text[i + 1] - '1');
            const Level& shown = list.levels[ref];
            const int value = list.started[ref] ? list.count[ref] : shown.start;
            out += format_number(value, own.legal && ref < lvl ? "decimal" : shown.format);
            ++i;
        } else {
            out += text[i];
        }
    }
    return out.empty() ? out : out + own.suffix;
}

}  // namespace tasksplit::readers
