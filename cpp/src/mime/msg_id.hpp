// RFC 5322 section 3.6.4 message identifiers: Message-ID, In-Reply-To and
// References, with spans and a defect list that says what is wrong.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/report.hpp"
#include "mime/syntax_issue.hpp"

namespace inboxlint::mime {

struct MsgId {
    Span span;   // '<' through '>' (the bare id when the brackets are missing)
    Span left;   // id-left
    Span right;  // id-right
    std::string left_text;
    std::string right_text;
    bool angle_brackets = false;
    bool domain_literal = false;  // id-right is "[...]"
    bool obsolete = false;        // needed obs-id-left / obs-id-right syntax
    bool valid = false;           // id-left "@" id-right, each well formed
};

// Issue codes: "empty-msg-id", "missing-angle-brackets", "unterminated-msg-id",
// "missing-at", "empty-id-left", "empty-id-right", "invalid-id-left",
// "invalid-id-right", "obsolete-msg-id", "junk-after-msg-id".
struct MsgIdList {
    std::vector<MsgId> ids;
    SyntaxIssues issues;
};

// A Message-ID value: exactly one msg-id.
MsgIdList parse_message_id(std::string_view raw_value, std::size_t base);

// An In-Reply-To or References value: one or more msg-ids (RFC 5322 4.5.4
// also allows obsolete phrases between them, reported as "obsolete-msg-id").
MsgIdList parse_msg_id_list(std::string_view raw_value, std::size_t base);

}  // namespace inboxlint::mime
