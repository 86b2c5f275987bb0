// RFC 5322 section 3.4 address lists with exact spans: mailboxes, groups,
// comments, quoted strings, the obsolete forms of section 4.4 and RFC 6532
// UTF-8. Encoded words (RFC 2047) are tokenised as atoms here, so an encoded
// comma can never split an address; they are decoded afterwards.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/report.hpp"
#include "mime/syntax_issue.hpp"

namespace inboxlint::mime {

struct Mailbox {
    Span span;                      // the whole mailbox: display name through '>', or the addr-spec
    Span display_name;              // the phrase as written, without surrounding CFWS; empty (at span.begin)
                                    // when there is none
    std::string display_name_text;  // quotes and escapes removed, white space collapsed,
                                    // comments dropped; encoded words still encoded
    Span addr_spec;                 // local-part "@" domain (inside the angle brackets)
    Span local_part_span;
    Span domain_span;
    std::string local_part;       // semantic value: quotes and CFWS removed
    std::string domain;           // semantic value: CFWS removed; "[...]" kept for literals
    bool angle_addr = false;      // written as name-addr / angle-addr
    bool domain_literal = false;  // domain is "[...]"
    bool obsolete = false;        // used obs- syntax (route, CFWS between atoms, ...)
    bool has_route = false;       // obs-route "<@a,@b:x@y>"
    bool valid = true;            // the addr-spec and its angle brackets had no errors (display-name
                                  // defects do not count); the issues say what was wrong
};

struct Group {
    Span span;          // display name through ';' (or the end when unterminated)
    Span display_name;  // empty (at the ':') when missing, which is an issue
    std::string display_name_text;
    std::vector<Mailbox> members;
    bool terminated = true;  // the closing ';' was present
};

struct Address {
    enum class Kind { mailbox, group };
    Kind kind = Kind::mailbox;
    Mailbox mailbox;  // when kind == mailbox
    Group group;      // when kind == group
};

// Issue codes: "invalid-address" (text that is no address; span covers it),
// "missing-at", "empty-local-part", "empty-domain", "invalid-local-part",
// "invalid-domain", "unterminated-quoted-string", "unterminated-comment",
// "unterminated-angle-addr", "unterminated-domain-literal",
// "unterminated-group", "empty-list-element" (",," or a leading or trailing
// ','; obsolete but legal in RFC 5322 4.4), "obsolete-syntax",
// "junk-after-address" (also a top-level ';' between addresses, after which
// parsing goes on as after ','), "invalid-character" (a control character, a bare CR
// or LF, or invalid UTF-8), "invalid-display-name" (unquoted specials before
// '<'; the mailbox is still returned), "nested-group" (a group inside a group;
// its members are kept as members of the outer group).
// A mailbox is returned whenever an '@' was found where its addr-spec belongs,
// even with a defective local part or domain (then valid == false); text
// without an '@' gives no mailbox, only an issue. One list element gets at most
// one "obsolete-syntax" issue, pointing at its first obsolete construct.
struct AddressList {
    std::vector<Address> addresses;
    SyntaxIssues issues;

    // Mailboxes, counting group members.
    [[nodiscard]] std::size_t mailbox_count() const noexcept;
    [[nodiscard]] std::size_t group_count() const noexcept;
    // Every mailbox in order, group members included.
    [[nodiscard]] std::vector<const Mailbox*> mailboxes() const;
};

// Parses a raw field value (folding included). `base` is the offset of
// raw_value in the message; every span is absolute.
AddressList parse_address_list(std::string_view raw_value, std::size_t base);

// Checks one bare addr-spec (no display name, no angle brackets), as in the
// isemail suite. CFWS around the parts is allowed (RFC 5322 obsolete or CFWS
// forms); `obsolete` tells whether obsolete syntax was needed. Line breaks
// must be CRLF followed by WSP. RFC 5321 length limits are not checked; a
// domain label starting or ending with '-' is invalid. `valid` is true when
// the only issues are "obsolete-syntax". cpp/docs/address-conformance.md has the
// details and the isemail results.
struct AddrSpecCheck {
    bool valid = false;
    bool obsolete = false;
    std::string local_part;
    std::string domain;
    SyntaxIssues issues;
};
AddrSpecCheck check_addr_spec(std::string_view text);

}  // namespace inboxlint::mime
