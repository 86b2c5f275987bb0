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
void check_msg007_invalid_field_name(Context&);
void check_msg008_malformed_header_line(Context&);
void check_msg009_missing_header_separator(Context&);
void check_msg010_obsolete_syntax(Context&);
void check_msg011_invalid_header_utf8(Context&);
void check_msg012_missing_sender(Context&);
void check_from001_multiple_from(Context&);
void check_from002_invalid_from_address(Context&);
void check_from004_freemail_from_on_bulk(Context&);
void check_from005_missing_display_name(Context&);
void check_mid001_missing_message_id(Context&);
void check_mid002_invalid_message_id(Context&);
void check_mid003_message_id_brackets(Context&);
void check_mid004_duplicate_message_id(Context&);
void check_mid005_message_id_not_fqdn(Context&);
void check_mid006_message_id_ip_address(Context&);
void check_mid007_message_id_contains_sender(Context&);
void check_mid008_invalid_msg_id_list(Context&);
void check_mime001_invalid_base64(Context&);
void check_mime002_invalid_quoted_printable(Context&);
void check_mime003_mime_version(Context&);
void check_mime004_invalid_content_type(Context&);
void check_mime005_invalid_transfer_encoding(Context&);
void check_mime006_eight_bit_in_seven_bit(Context&);
void check_mime007_missing_charset(Context&);
void check_mime008_unknown_charset(Context&);
void check_mime009_invalid_charset_bytes(Context&);
void check_mime010_html_without_text(Context&);
void check_mime011_empty_part(Context&);
void check_mime012_missing_boundary(Context&);
void check_mime013_missing_close_delimiter(Context&);
void check_mime014_invalid_boundary(Context&);

namespace {

constexpr auto error = Severity::error;
constexpr auto warning = Severity::warning;
constexpr auto info = Severity::info;

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
        {{"FROM004", "freemail-from-on-bulk", error, "sender",
          "Bulk mail uses a free-mail From address (gmail.com, yahoo.com, ...)",
          "Gmail sender guidelines: do not impersonate Gmail From headers; DMARC (RFC 7489) policies of free-mail "
          "providers", {}},
         check_from004_freemail_from_on_bulk},
        {{"FROM005", "missing-display-name", info, "sender", "From has an address but no display name",
          "Gmail sender guidelines: clear sender information; RFC 5322 section 3.4 (display-name)", {}},
         check_from005_missing_display_name},
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
        {{"MID005", "message-id-not-fqdn", warning, "format",
          "The Message-ID's right-hand side is localhost, a single label or a local name",
          "RFC 5322 section 3.6.4 (the right side should be a domain identifier, for global uniqueness)", {}},
         check_mid005_message_id_not_fqdn},
        {{"MID006", "message-id-ip-address", warning, "format",
          "The Message-ID's right-hand side is an IP address or address literal",
          "RFC 5322 section 3.6.4 (a domain name of the sender; IP literals are a known spam signal)", {}},
         check_mid006_message_id_ip_address},
        {{"MID007", "message-id-contains-sender", info, "format", "The Message-ID contains the From address",
          "RFC 5322 section 3.6.4 (a unique, opaque identifier)", {}},
         check_mid007_message_id_contains_sender},
        {{"MID008", "invalid-msg-id-list", error, "format", "In-Reply-To or References is not a list of msg-ids",
          "RFC 5322 section 3.6.4 (in-reply-to and references are 1*msg-id)", {}},
         check_mid008_invalid_msg_id_list},
        {{"MIME001",
          "invalid-base64",
          error,
          "mime",
          "A base64 body has characters outside the alphabet, bad padding or over-long lines",
          "RFC 2045 section 6.8 (base64 content-transfer-encoding)",
          {}},
         check_mime001_invalid_base64},
        {{"MIME002", "invalid-quoted-printable", error, "mime",
          "A quoted-printable body has invalid escapes or lines over 76 characters",
          "RFC 2045 section 6.7 (quoted-printable content-transfer-encoding)", {}},
         check_mime002_invalid_quoted_printable},
        {{"MIME003", "mime-version", error, "mime", "MIME-Version is missing, repeated or not 1.0",
          "RFC 2045 section 4 (MIME-Version header field)", {}},
         check_mime003_mime_version},
        {{"MIME004", "invalid-content-type", error, "mime", "A Content-Type field is malformed or repeated",
          "RFC 2045 section 5.1 (syntax of the Content-Type header field); RFC 2231", {}},
         check_mime004_invalid_content_type},
        {{"MIME005", "invalid-transfer-encoding", error, "mime",
          "A Content-Transfer-Encoding is unknown, malformed, repeated or not allowed for the part",
          "RFC 2045 section 6 (Content-Transfer-Encoding), 6.4 (composite types)", {}},
         check_mime005_invalid_transfer_encoding},
        {{"MIME006", "eight-bit-in-seven-bit-part", error, "mime", "A 7bit part contains 8-bit bytes",
          "RFC 2045 section 2.7 and 6.2 (7bit data)", {}},
         check_mime006_eight_bit_in_seven_bit},
        {{"MIME007", "missing-charset", warning, "mime", "A text part with non-ASCII content has no charset",
          "RFC 2045 section 5.2 and RFC 2046 section 4.1.2 (charset parameter)", {}},
         check_mime007_missing_charset},
        {{"MIME008", "unknown-charset", error, "mime", "A text part declares a charset nobody knows",
          "RFC 2046 section 4.1.2; IANA character sets registry", {}},
         check_mime008_unknown_charset},
        {{"MIME009", "invalid-charset-bytes", error, "mime", "A text part has bytes invalid in its declared charset",
          "RFC 2046 section 4.1.2 (the charset describes the text)", {}},
         check_mime009_invalid_charset_bytes},
        {{"MIME010", "html-without-text-alternative", warning, "mime",
          "An HTML body has no text/plain alternative",
          "RFC 2046 section 5.1.4 (multipart/alternative); Gmail: use HTML standards", {}},
         check_mime010_html_without_text},
        {{"MIME011", "empty-part", warning, "mime", "A body part or the message body is empty",
          "RFC 2046 section 5.1 (body parts carry content)", {}},
         check_mime011_empty_part},
        {{"MIME012", "missing-boundary", error, "mime",
          "A multipart has no boundary parameter, or its boundary never occurs",
          "RFC 2046 section 5.1.1 (the boundary parameter is required)", {}},
         check_mime012_missing_boundary},
        {{"MIME013", "missing-close-delimiter", warning, "mime", "A multipart ends without its close delimiter",
          "RFC 2046 section 5.1.1 (close-delimiter)", {}},
         check_mime013_missing_close_delimiter},
        {{"MIME014", "invalid-boundary", error, "mime", "A boundary is too long or has characters RFC 2046 forbids",
          "RFC 2046 section 5.1.1 (boundary := 0*69<bchars> bcharsnospace)", {}},
         check_mime014_invalid_boundary},
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
        {{"MSG007", "invalid-field-name", error, "format",
          "A header field name has characters other than printable ASCII, or is empty",
          "RFC 5322 section 2.2 and 3.6.8 (ftext: printable US-ASCII except colon)", {}},
         check_msg007_invalid_field_name},
        {{"MSG008", "malformed-header-line", error, "format",
          "A header line is neither a field nor a folded continuation",
          "RFC 5322 section 2.2 (header fields) and 2.2.3 (folding)", {}},
         check_msg008_malformed_header_line},
        {{"MSG009", "missing-header-separator", warning, "format",
          "The body starts without the blank line that ends the header",
          "RFC 5322 section 2.1 (the body is separated from the header by an empty line)", {}},
         check_msg009_missing_header_separator},
        {{"MSG010", "obsolete-syntax", info, "format", "A header uses obsolete RFC 5322 syntax",
          "RFC 5322 section 4 (obsolete syntax: must be read, must not be generated)", {}},
         check_msg010_obsolete_syntax},
        {{"MSG011", "invalid-header-utf8", error, "format", "A header value has 8-bit bytes that are not UTF-8",
          "RFC 5322 section 2.2 (US-ASCII headers), RFC 6532 section 3 (UTF-8 headers)", {}},
         check_msg011_invalid_header_utf8},
        {{"MSG012", "missing-sender", error, "format", "From holds several mailboxes and there is no Sender",
          "RFC 5322 section 3.6.2 (Sender is required when From has more than one mailbox)", {}},
         check_msg012_missing_sender},
    };
}

}  // namespace

const std::vector<Rule>& registry() {
    static const std::vector<Rule> rules = build();
    return rules;
}

}  // namespace inboxlint::checks
