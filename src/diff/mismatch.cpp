// comparison_mismatches: the warnings diff and report give before comparing two documents that
// are likely not the older and the newer notice of one breakdown.
#include "tasksplit/diff.hpp"
#include "tasksplit/run.hpp"

namespace tasksplit {

namespace {

// Issuers are compared as printed, spacing aside: signatures are spaced out to fill a line.
icu::UnicodeString without_spaces(const std::string& s) {
    const icu::UnicodeString in = from_utf8(s);
    icu::UnicodeString out;
    for (int32_t i = 0; i < in.length(); ++i)
        if (!is_space(in.charAt(i))) out.append(in.charAt(i));
    return out;
}

}  // namespace

std::vector<std::string> comparison_mismatches(const Document& old_doc, const Document& new_doc) {
    std::vector<std::string> out;
    const auto& o = old_doc.document;
    const auto& n = new_doc.document;
    if (o.year && n.year && *o.year > *n.year)
        out.push_back("the years are reversed (" + std::to_string(*o.year) + ", then " + std::to_string(*n.year) +
                      "): the older notice goes first");
    if (o.issuer && n.issuer && without_spaces(*o.issuer) != without_spaces(*n.issuer))
        out.push_back("the issuers differ (" + *o.issuer + " / " + *n.issuer + ")");
    return out;
}

}  // namespace tasksplit
