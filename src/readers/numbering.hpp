// Word's list numbering: the printed label of each numbered paragraph, counted in document order.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>

#include "internal.hpp"

namespace tasksplit::readers {

/// `n` in a numFmt of WordprocessingML: decimal 3, chineseCounting 三, ideographTraditional 丙,
/// decimalEnclosedCircle ③, …; a format notices do not number with reads as decimal.
std::string format_number(int n, std::string_view fmt);

class ListNumbering {
public:
    /// `numbering` is numbering.xml, or null when the document has none.
    explicit ListNumbering(const xmlDoc* numbering);
    /// The label of the next paragraph of list `num_id` at `level` ("1.", "（一）", "一、") with the
    /// space Word puts after it; "" for bullets and for lists numbering.xml does not define.
    std::string next(const std::string& num_id, int level);

private:
    static constexpr int kLevels = 9;
    struct Level {
        int start = 1;
        std::string format = "decimal";
        std::string text;
        std::string suffix = " ";  // Word's default is a tab, which the layout stages would read as a cell break
        bool legal = false;        // isLgl: the numbers of upper levels shown as decimals
    };
    using Levels = std::array<Level, kLevels>;
    struct List {
        Levels levels;
        std::array<int, kLevels> count{};
        std::array<bool, kLevels> started{};
    };
    std::map<std::string, List> lists_;  // by numId
};

}  // namespace tasksplit::readers
