// Content-Transfer-Encoding decoding (RFC 2045 section 6) over a body span,
// keeping a map from every decoded byte back to the message bytes and
// recording every defect of the encoding.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/offset_map.hpp"
#include "mime/syntax_issue.hpp"

namespace inboxlint::mime {

struct TransferDecoded {
    std::string bytes;          // the decoded body when it was encoded
    std::string_view borrowed;  // the body in the message when it was not
    bool owned = false;         // which of the two holds the result
    core::OffsetMap map;        // decoded offset -> message offset
    SyntaxIssues issues;
    bool truncated = false;  // stopped at the size budget

    // A view (not a member) so that moving the struct cannot leave it dangling.
    [[nodiscard]] std::string_view view() const noexcept { return owned ? std::string_view(bytes) : borrowed; }
};

// `cte` is the lower-case encoding name; identity for 7bit, 8bit, binary and
// unknown names (the caller reports those). Decodes at most `max_size` bytes.
TransferDecoded decode_transfer(std::string_view message, Span body, std::string_view cte, std::size_t max_size);

TransferDecoded decode_base64(std::string_view message, Span body, std::size_t max_size);
TransferDecoded decode_quoted_printable(std::string_view message, Span body, std::size_t max_size);

}  // namespace inboxlint::mime
