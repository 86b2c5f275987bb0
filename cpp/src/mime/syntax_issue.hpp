// A defect found while parsing a structured header value: a stable code (used
// by rules to pick what they report), where it is, and a human detail.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/report.hpp"

namespace inboxlint::mime {

struct SyntaxIssue {
    std::string_view code;  // "unterminated-quoted-string"
    Span span;
    std::string detail;
};

using SyntaxIssues = std::vector<SyntaxIssue>;

}  // namespace inboxlint::mime
