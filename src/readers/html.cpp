// HTML reader: a web page as the lines a browser shows. The page is decoded first (its declared
// charset, else UTF-8 or GB18030 as for text files) and handed to libxml2's forgiving HTML parser as
// UTF-8; block elements and <br> end lines, a table row is one line with a tab between its cells
// (as the DOCX reader writes rows, see docx.cpp), and scripts, styles, the head and navigation are
// left out.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

#include <libxml/HTMLparser.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/unistr.h>

#include "internal.hpp"
#include "numbering.hpp"

namespace tasksplit::readers {

namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

/// The charset a <meta charset=…> or <meta http-equiv content="…; charset=…"> declares in the
/// page's first 4 KiB, or "".
std::string declared_charset(std::string_view bytes) {
    const std::string head = lower_ascii(bytes.substr(0, 4096));
    for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
        const std::size_t end = head.find('>', at);
        const std::size_t cs = head.find("charset", at);
        if (cs == std::string::npos || (end != std::string::npos && cs > end)) continue;
        std::size_t i = cs + 7;
        while (i < head.size() && (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\'')) ++i;
        std::size_t j = i;
        while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' || head[j] == '_')) ++j;
        if (j > i) return head.substr(i, j - i);
    }
    return "";
}

bool valid_utf8(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8(nullptr, 0, &length, s.data(), static_cast<int32_t>(s.size()), &status);
    return status != U_INVALID_CHAR_FOUND && status != U_ILLEGAL_CHAR_FOUND;
}

/// The page as UTF-8, and the converter it was read with. Pages that say GB2312 or GBK use
/// characters outside those sets as often as not: they are read as GB18030, which holds both.
std::string to_utf8(std::string_view bytes, const std::optional<std::string>& forced, std::string& encoding) {
    std::string charset;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3);
        charset = "utf-8";
    } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        charset = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
        bytes.remove_prefix(2);
    }
    if (forced) charset = lower_ascii(*forced);
    if (charset.empty()) charset = declared_charset(bytes);
    if (charset.empty()) charset = valid_utf8(bytes) ? "utf-8" : "gb18030";
    if (charset == "gb2312" || charset == "gbk" || charset == "x-gbk" || charset == "cp936" || charset == "gb_2312-80")
        charset = "gb18030";
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(charset.c_str(), &status);
    if (U_FAILURE(status)) throw UnreadableFormat("a web page in an unknown charset (" + charset + "): give one with --encoding");
    const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), conv, status);
    // Upper case as decode_source names encodings (ICU's canonical name for GB18030 is lower case).
    encoding = ucnv_getName(conv, &status);
    std::transform(encoding.begin(), encoding.end(), encoding.begin(), [](unsigned char c) { return std::toupper(c); });
    ucnv_close(conv);
    std::string out;
    text.toUTF8String(out);
    return out;
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool skipped(std::string_view tag) {
    return one_of(tag, {"head", "script", "style", "noscript", "template", "nav", "iframe", "object", "svg", "select",
                        "button", "textarea"});
}

bool block(std::string_view tag) {
    return one_of(tag, {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
                        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
                        "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
                        "ol", "p", "pre", "section", "summary", "ul"});
}

/// style="display:none": text the page does not show.
bool hidden(const xmlNode* n) {
    std::string style = lower_ascii(attribute(n, "style"));
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    return style.find("display:none") != std::string::npos;
}

/// The code point of the UTF-8 sequence that starts at s[i].
char32_t code_point(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    char32_t cp = extra ? c & (0x3F >> extra) : c;
    for (int k = 1; k <= extra && i + static_cast<std::size_t>(k) < s.size(); ++k)
        cp = cp << 6 | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    return cp;
}

char32_t last_code_point(std::string_view s) {
    std::size_t i = s.size();
    while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
    return i > 0 ? code_point(s, i - 1) : 0;
}

/// CJK characters and full-width punctuation: a source line break between two of them is no space
/// (CSS Text 3, segment break transformation), or a paragraph wrapped in the HTML source would
/// get spaces inside its Chinese text.
bool wide(char32_t c) { return c >= 0x2E80; }

class Lines {
public:
    std::string out;

    void walk(const xmlNode* parent) {
        for (const xmlNode* n = parent->children; n; n = n->next) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                text(reinterpret_cast<const char*>(n->content));
                continue;
            }
            if (n->type != XML_ELEMENT_NODE) continue;
            const std::string tag = lower_ascii(local_name(n));
            if (skipped(tag) || hidden(n)) continue;
            if (tag == "br") {
                end_line(true);
            } else if (tag == "table") {
                end_line(false);
                table(n);
            } else if (tag == "pre") {
                end_line(false);
                ++pre_;
                walk(n);
                --pre_;
                end_line(false);
            } else if (tag == "ol" || tag == "ul") {
                end_line(false);
                lists_.push_back({tag == "ol", list_start(n), list_format(n)});
                walk(n);
                lists_.pop_back();
                end_line(false);
            } else if (tag == "li") {
                end_line(false);
                if (!lists_.empty() && lists_.back().ordered) line_ += format_number(lists_.back().next++, lists_.back().format) + ". ";
                walk(n);
                end_line(false);
            } else if (block(tag)) {
                end_line(false);
                walk(n);
                end_line(false);
            } else {
                walk(n);
            }
        }
    }

    /// Ends the current line; an empty one only for <br> (two <br> make a blank line).
    void end_line(bool even_empty) {
        while (!line_.empty() && line_.back() == ' ') line_.pop_back();
        if (!line_.empty() || even_empty) out += line_ + '\n';
        line_.clear();
        space_ = newline_ = false;
    }

private:
    struct List {
        bool ordered;
        int next;
        std::string format;
    };

    static int list_start(const xmlNode* ol) {
        const std::string s = attribute(ol, "start");
        return s.empty() ? 1 : std::atoi(s.c_str());
    }
    static std::string list_format(const xmlNode* ol) {
        const std::string t = attribute(ol, "type");
        return t == "a" ? "lowerLetter" : t == "A" ? "upperLetter" : t == "i" ? "lowerRoman" : t == "I" ? "upperRoman" : "decimal";
    }

    void text(std::string_view s) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            if (pre_) {
                if (c == '\n') end_line(true);
                else if (c != '\r') line_ += c;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                space_ = true;
                newline_ = newline_ || c == '\n' || c == '\r';
                continue;
            }
            if (space_ && !line_.empty() && !(newline_ && wide(last_code_point(line_)) && wide(code_point(s, i))))
                line_ += ' ';
            space_ = newline_ = false;
            if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // &nbsp;
                line_ += ' ';
                ++i;
            } else {
                line_ += c;
            }
        }
    }

    /// A cell's text on one line.
    static std::string cell(const xmlNode* td) {
        Lines inner;
        inner.walk(td);
        inner.end_line(false);
        std::string out;
        std::size_t start = 0;
        for (std::size_t end; (end = inner.out.find('\n', start)) != std::string::npos; start = end + 1) {
            std::string_view piece(inner.out.data() + start, end - start);
            while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
            if (piece.empty()) continue;
            if (!out.empty()) out += ' ';
            out += piece;
        }
        std::replace(out.begin(), out.end(), '\t', ' ');  // a <pre> tab inside a cell would split it
        return out;
    }

    static int span(const xmlNode* td, const char* name) {
        const int v = std::atoi(attribute(td, name).c_str());
        return std::clamp(v, 1, 1000);
    }

    /// Rows in document order, through thead/tbody/tfoot; a nested table's rows stay in its cell.
    static void rows(const xmlNode* parent, std::vector<const xmlNode*>& out) {
        for (const xmlNode* n = parent->children; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            const std::string tag = lower_ascii(local_name(n));
            if (tag == "tr") out.push_back(n);
            else if (tag == "thead" || tag == "tbody" || tag == "tfoot") rows(n, out);
        }
    }

    /// One line per row, a tab between cells. Cells that a rowspan or colspan covers are empty, so
    /// that every row has one cell per column (the grid reader fills merged cells in).
    void table(const xmlNode* tbl) {
        if (const xmlNode* caption = first_child(tbl, "caption")) {
            walk(caption);
            end_line(false);
        }
        std::vector<const xmlNode*> trs;
        rows(tbl, trs);
        std::vector<int> covered;  // per column: rows a rowspan from above still covers
        for (const xmlNode* tr : trs) {
            std::vector<std::string> cells;
            std::size_t col = 0;
            auto pass_covered = [&] {
                while (col < covered.size() && covered[col] > 0) {
                    --covered[col++];
                    cells.emplace_back();
                }
            };
            for (const xmlNode* td = tr->children; td; td = td->next) {
                if (td->type != XML_ELEMENT_NODE) continue;
                const std::string tag = lower_ascii(local_name(td));
                if ((tag != "td" && tag != "th") || hidden(td)) continue;
                pass_covered();
                const int rowspan = span(td, "rowspan"), colspan = span(td, "colspan");
                cells.push_back(cell(td));
                for (int k = 0; k < colspan; ++k, ++col) {
                    if (k) cells.emplace_back();
                    if (covered.size() <= col) covered.resize(col + 1);
                    covered[col] = rowspan - 1;
                }
            }
            pass_covered();
            append_row(out, cells);
        }
    }

    std::string line_;
    bool space_ = false, newline_ = false;
    int pre_ = 0;
    std::vector<List> lists_;
};

}  // namespace

std::string html_text(std::string_view bytes, const std::optional<std::string>& forced, std::string& encoding) {
    init_libxml2();
    const std::string utf8 = to_utf8(bytes, forced, encoding);
    // The page is UTF-8 by now: its own <meta charset> must not switch the parser back.
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_IGNORE_ENC;
    XmlDoc doc(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options));
    if (!doc || !xmlDocGetRootElement(doc.get())) return "";
    Lines lines;
    lines.walk(reinterpret_cast<const xmlNode*>(doc.get()));
    lines.end_line(false);
    return lines.out;
}

}  // namespace tasksplit::readers
