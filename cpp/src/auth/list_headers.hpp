// The list header fields one-click unsubscribe rests on: List-Unsubscribe
// (RFC 2369 section 3.2), List-Unsubscribe-Post (RFC 8058 section 3.1) and
// List-Id (RFC 2919), parsed with the span of every URI and defect.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/message.hpp"
#include "mime/syntax_issue.hpp"

namespace inboxlint::auth {

struct ListUri {
    Span span;           // between the angle brackets
    std::string uri;     // white space (folding) removed, as RFC 2369 says to
    std::string scheme;  // lower-case ("https", "mailto"); empty when there is none
};

// Issue codes: "empty-field", "missing-angle-brackets" (a URI or other text
// not in <...>), "unterminated-angle-bracket", "missing-comma" (two URIs
// without a comma between), "empty-list-element" (",,"), "empty-uri",
// "invalid-uri" (no scheme, or a byte that is not printable ASCII),
// "unterminated-comment".
struct ListUnsubscribe {
    std::vector<ListUri> uris;
    mime::SyntaxIssues issues;

    [[nodiscard]] const ListUri* first_with_scheme(std::string_view scheme) const noexcept;
};

ListUnsubscribe parse_list_unsubscribe(std::string_view raw_value, std::size_t base);

// Issue codes: "missing-angle-brackets", "unterminated-angle-bracket",
// "invalid-list-id" (not list-label "." namespace with dot-atom-text and
// domain syntax, or longer than 255 bytes), "junk-after-list-id",
// "unterminated-comment". Specials in the phrase before '<' pass: receivers
// read only the bracketed id.
struct ListId {
    Span id_span;
    std::string id;
    mime::SyntaxIssues issues;
};

ListId parse_list_id(std::string_view raw_value, std::size_t base);

// The top-level List-Unsubscribe fields of a message, parsed once.
struct ListUnsubscribeFields {
    std::vector<const mime::HeaderField*> fields;
    std::vector<ListUnsubscribe> parsed;  // parallel to fields
};

const ListUnsubscribeFields& list_unsubscribe(const analysis::Message& msg);

// The top-level List-Id fields, parsed once, in order.
struct ListIdFields {
    std::vector<ListId> parsed;
};

const ListIdFields& list_ids(const analysis::Message& msg);

}  // namespace inboxlint::auth
