// The one list of rules, in id order. Ids are never reused or renumbered;
// nothing registers itself. Each rule's check lives in its own file beside
// its documentation page (<family>/<id>.md).
#include "rules/rule.hpp"

namespace inboxlint::checks {

void check_msg001_missing_date(Context&);
void check_msg002_missing_from(Context&);
void check_msg003_duplicate_field(Context&);
void check_msg004_line_too_long(Context&);
void check_msg005_bare_line_break(Context&);
void check_msg006_invalid_address_list(Context&);
void check_from001_multiple_from(Context&);
void check_from002_invalid_from_address(Context&);
void check_mid001_missing_message_id(Context&);
void check_mid002_invalid_message_id(Context&);
void check_mid003_message_id_brackets(Context&);
void check_mid004_duplicate_message_id(Context&);
void check_mime001_invalid_base64(Context&);

namespace {

constexpr auto error = Severity::error;
constexpr auto warning = Severity::warning;

std::vector<Rule> build() {
    return {
        {{"FROM001",
          "multiple-from-addresses",
          error,
          "sender",
          "From holds more than one mailbox, a group, or appears more than once",
          "Gmail sender guidelines: a single email address in the From header; RFC 5322 section 3.6.2",
          {}},
         check_from001_multiple_from},
        {{"FROM002",
          "invalid-from-address",
          error,
          "sender",
          "From or Sender is not a valid mailbox",
          "RFC 5322 sections 3.4 and 3.6.2; Gmail: clear sender information",
          {}},
         check_from002_invalid_from_address},
        {{"LINT001",
          "resource-limit-reached",
          warning,
          "robustness",
          "A resource limit stopped part of the analysis",
          "inboxlint limits (Config.limits): bounded work on any input",
          {}},
         nullptr},
        {{"LINT002",
          "internal-error",
          error,
          "robustness",
          "A check failed internally; the report may be incomplete",
          "inboxlint: bytes in, report out",
          {}},
         nullptr},
        {{"MID001",
          "missing-message-id",
          error,
          "format",
          "The message has no Message-ID field",
          "Gmail sender guidelines: a valid Message-ID header; RFC 5322 section 3.6.4",
          {}},
         check_mid001_missing_message_id},
        {{"MID002",
          "invalid-message-id",
          error,
          "format",
          "The Message-ID is not a valid msg-id",
          "RFC 5322 section 3.6.4 (msg-id = \"<\" id-left \"@\" id-right \">\")",
          {}},
         check_mid002_invalid_message_id},
        {{"MID003",
          "message-id-without-brackets",
          error,
          "format",
          "The Message-ID is not enclosed in angle brackets",
          "RFC 5322 section 3.6.4 (msg-id is enclosed in \"<\" and \">\")",
          {}},
         check_mid003_message_id_brackets},
        {{"MID004",
          "duplicate-message-id",
          error,
          "format",
          "The message has more than one Message-ID field",
          "RFC 5322 section 3.6 (message-id: at most one)",
          {}},
         check_mid004_duplicate_message_id},
        {{"MIME001",
          "invalid-base64",
          error,
          "mime",
          "A base64 body has characters outside the alphabet, bad padding or over-long lines",
          "RFC 2045 section 6.8 (base64 content-transfer-encoding)",
          {}},
         check_mime001_invalid_base64},
        {{"MSG001",
          "missing-date",
          error,
          "format",
          "The message has no Date field",
          "RFC 5322 section 3.6 (orig-date: exactly one); Gmail: format messages according to RFC 5322",
          {}},
         check_msg001_missing_date},
        {{"MSG002",
          "missing-from",
          error,
          "format",
          "The message has no From field",
          "RFC 5322 section 3.6 (from: exactly one); Gmail: format messages according to RFC 5322",
          {}},
         check_msg002_missing_from},
        {{"MSG003",
          "duplicate-field",
          error,
          "format",
          "A field that may appear at most once appears again",
          "RFC 5322 section 3.6 (the table of field occurrences)",
          {}},
         check_msg003_duplicate_field},
        {{"MSG004",
          "line-too-long",
          error,
          "format",
          "A line is longer than 998 octets",
          "RFC 5322 section 2.1.1 (line length limits)",
          {}},
         check_msg004_line_too_long},
        {{"MSG005",
          "bare-line-break",
          warning,
          "format",
          "A bare CR or LF where CRLF is required",
          "RFC 5322 section 2.2 and 2.3 (CR and LF only together as CRLF)",
          {{"require_crlf", OptionType::boolean, false,
            "also flag messages that use LF line breaks throughout (as files on Unix do)"}}},
         check_msg005_bare_line_break},
        {{"MSG006",
          "invalid-address-list",
          error,
          "format",
          "An address field (To, Cc, Bcc, Reply-To, Resent-*) is not a valid address list",
          "RFC 5322 section 3.4 (address specification) and 3.6.3 (destination fields)",
          {}},
         check_msg006_invalid_address_list},
    };
}

}  // namespace

const std::vector<Rule>& registry() {
    static const std::vector<Rule> rules = build();
    return rules;
}

}  // namespace inboxlint::checks
