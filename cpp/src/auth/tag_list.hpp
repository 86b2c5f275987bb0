// RFC 6376 section 3.2 tag=value lists, as in DKIM-Signature fields and DKIM
// key records, with the span of every tag, name and value. Defects are
// recorded, never repaired: a list with a duplicate tag is still returned
// (both tags kept) and the issue says it is invalid.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/report.hpp"
#include "mime/syntax_issue.hpp"

namespace inboxlint::auth {

struct Tag {
    Span span;   // tag-spec without the FWS around it
    Span name;   // tag-name as written
    Span value;  // tag-value without the FWS around it (inner FWS kept)
    std::string name_text;
    std::string compact;       // the value with every space, tab, CR and LF removed
    bool inner_space = false;  // the value had white space between its characters
};

struct TagList {
    std::vector<Tag> tags;
    mime::SyntaxIssues issues;

    // The first tag with this name (tag names are case-sensitive).
    [[nodiscard]] const Tag* find(std::string_view name) const noexcept;
};

// Issue codes: "empty-tag-spec" (";;", or a ';' first), "missing-equals" (a
// tag-spec without '='), "invalid-tag-name" (not ALPHA *(ALPHA/DIGIT/"_")),
// "duplicate-tag" (RFC 6376 3.2: the whole list is then invalid; the span is
// the second occurrence), "invalid-value-character" (a control character or
// a byte over 0x7E in a value).
// `raw` is a raw field value (folding included); `base` its offset in the
// message. Linear in the input.
TagList parse_tag_list(std::string_view raw, std::size_t base);

}  // namespace inboxlint::auth
