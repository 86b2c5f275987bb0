// The one list of rules, in id order. Ids are never reused or renumbered;
// nothing registers itself. Each rule's check lives in its own file beside
// its documentation page (<family>/<id>.md).
#include "rules/rule.hpp"

namespace inboxlint::checks {

void check_arc001_arc_chain_broken(Context&);
void check_auth001_malformed_dkim_signature(Context&);
void check_auth002_missing_dkim_tag(Context&);
void check_auth003_unsupported_dkim_version(Context&);
void check_auth004_dkim_rsa_sha1(Context&);
void check_auth005_unknown_dkim_algorithm(Context&);
void check_auth006_dkim_from_not_signed(Context&);
void check_auth007_dkim_identity_outside_domain(Context&);
void check_auth008_dkim_signature_expired(Context&);
void check_auth009_dkim_body_length_limit(Context&);
void check_auth010_dkim_body_hash_mismatch(Context&);
void check_auth011_dkim_signature_invalid(Context&);
void check_auth012_dkim_key_too_short(Context&);
void check_auth013_dkim_key_under_2048(Context&);
void check_auth014_from_not_aligned(Context&);
void check_bimi001_bimi_selector_invalid(Context&);
void check_bimi002_bimi_record_invalid(Context&);
void check_bimi003_bimi_without_dmarc_enforcement(Context&);
void check_cont001_mixed_content(Context&);
void check_dmarc001_dmarc_record_missing(Context&);
void check_dmarc002_dmarc_record_invalid(Context&);
void check_dmarc003_dmarc_report_destination_unauthorized(Context&);
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
void check_msg013_invalid_date(Context&);
void check_msg014_implausible_date(Context&);
void check_msg015_invalid_encoded_word(Context&);
void check_msg016_empty_message(Context&);
void check_ptr001_ptr_record_missing(Context&);
void check_ptr002_ptr_not_confirmed(Context&);
void check_ptr003_helo_not_ptr_name(Context&);
void check_spf001_spf_record_missing(Context&);
void check_spf002_spf_record_invalid(Context&);
void check_spf003_spf_too_permissive(Context&);
void check_spf004_spf_ptr_mechanism(Context&);
void check_spf005_spf_too_many_lookups(Context&);
void check_spf006_spf_record_too_long(Context&);
void check_spf007_spf_fail(Context&);
void check_fbl001_feedback_id_invalid(Context&);
void check_fbl002_feedback_id_not_signed(Context&);
void check_from001_multiple_from(Context&);
void check_from002_invalid_from_address(Context&);
void check_from003_display_name_shows_other_domain(Context&);
void check_from004_freemail_from_on_bulk(Context&);
void check_from005_missing_display_name(Context&);
void check_from006_reply_to_other_domain(Context&);
void check_html001_hidden_content(Context&);
void check_html002_hidden_keyword_stuffing(Context&);
void check_html003_hidden_preheader(Context&);
void check_html004_low_contrast_text(Context&);
void check_html005_invalid_html(Context&);
void check_html006_charset_mismatch(Context&);
void check_html007_gmail_clipping(Context&);
void check_html008_image_only(Context&);
void check_html009_html_parser_failure(Context&);
void check_idn001_invalid_idn(Context&);
void check_idn002_not_highly_restrictive(Context&);
void check_idn003_lookalike_label(Context&);
void check_idn004_mixed_number_systems(Context&);
void check_idn005_invisible_characters_in_domain(Context&);
void check_idn006_unknown_top_level_domain(Context&);
void check_link001_misleading_link_text(Context&);
void check_link002_userinfo_in_url(Context&);
void check_link003_ip_address_link(Context&);
void check_link004_dangerous_link_scheme(Context&);
void check_link005_insecure_http_link(Context&);
void check_link006_non_descriptive_link_text(Context&);
void check_link007_image_link_without_alt(Context&);
void check_link008_url_shortener(Context&);
void check_link009_invisible_characters_in_link(Context&);
void check_link010_unrelated_link_domain(Context&);
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
void check_mime015_alternatives_differ(Context&);
void check_subj001_missing_subject(Context&);
void check_subj002_reply_without_thread(Context&);
void check_subj003_all_caps_subject(Context&);
void check_subj004_repeated_symbols(Context&);
void check_subj005_invisible_characters(Context&);
void check_subj006_malformed_encoded_word(Context&);
void check_unsub001_missing_list_unsubscribe(Context&);
void check_unsub002_invalid_list_unsubscribe(Context&);
void check_unsub003_no_https_unsubscribe(Context&);
void check_unsub004_invalid_one_click_post(Context&);
void check_unsub005_unsubscribe_not_signed(Context&);
void check_unsub006_no_unsubscribe_link_in_body(Context&);
void check_unsub007_invalid_list_id(Context&);

namespace {

constexpr auto error = Severity::error;
constexpr auto warning = Severity::warning;
constexpr auto info = Severity::info;

std::vector<Rule> build() {
    return {
        {{"ARC001", "arc-chain-broken", warning, "authentication",
          "The ARC chain does not validate: broken structure, wrong cv=, or a seal or signature that fails",
          "RFC 8617 section 5.2 (chain validation)", {}},
         check_arc001_arc_chain_broken},
        {{"AUTH001", "malformed-dkim-signature", error, "authentication",
          "A DKIM-Signature is not a valid tag list, or a tag value (h=, i=, l=, t=, x=, b=, bh=, ...) is malformed",
          "RFC 6376 sections 3.2 (tag lists) and 3.5 (the DKIM-Signature tags)", {}},
         check_auth001_malformed_dkim_signature},
        {{"AUTH002", "missing-dkim-tag", error, "authentication",
          "A DKIM-Signature lacks a required tag (v, a, b, bh, d, h, s) or has it empty",
          "RFC 6376 section 3.5 (required tags) and 6.1.1", {}},
         check_auth002_missing_dkim_tag},
        {{"AUTH003", "unsupported-dkim-version", error, "authentication", "A DKIM-Signature has v= other than 1",
          "RFC 6376 section 3.5 (v= tag) and 6.1.1", {}},
         check_auth003_unsupported_dkim_version},
        {{"AUTH004", "dkim-rsa-sha1", error, "authentication", "A DKIM-Signature uses rsa-sha1",
          "RFC 8301 section 3.1 (rsa-sha1 MUST NOT be used); Gmail and Yahoo sender guidelines", {}},
         check_auth004_dkim_rsa_sha1},
        {{"AUTH005", "unknown-dkim-algorithm", error, "authentication",
          "A DKIM-Signature names an unknown algorithm, canonicalisation or query method",
          "RFC 6376 sections 3.3, 3.4 and 3.5 (a=, c=, q=); RFC 8463", {}},
         check_auth005_unknown_dkim_algorithm},
        {{"AUTH006", "dkim-from-not-signed", error, "authentication", "A DKIM-Signature does not sign From",
          "RFC 6376 section 5.4 (From MUST be signed) and 6.1.1", {}},
         check_auth006_dkim_from_not_signed},
        {{"AUTH007", "dkim-identity-outside-domain", error, "authentication",
          "A DKIM-Signature's i= is not in its d= domain", "RFC 6376 section 3.5 (i= tag) and 6.1.1", {}},
         check_auth007_dkim_identity_outside_domain},
        {{"AUTH008", "dkim-signature-expired", error, "authentication",
          "A DKIM-Signature's x= is not after its t=, or is before the message Date",
          "RFC 6376 section 3.5 (x= tag)", {}},
         check_auth008_dkim_signature_expired},
        {{"AUTH009", "dkim-body-length-limit", warning, "authentication",
          "A DKIM-Signature signs only part of the body (l=)", "RFC 6376 section 8.2 (misuse of body length limits)",
          {}},
         check_auth009_dkim_body_length_limit},
        {{"AUTH010", "dkim-body-hash-mismatch", error, "authentication",
          "The body hash recomputed offline does not match a DKIM-Signature's bh=",
          "RFC 6376 sections 3.4.3, 3.4.4, 3.7 and 6.1.3", {}},
         check_auth010_dkim_body_hash_mismatch},
        {{"AUTH011", "dkim-signature-invalid", error, "authentication",
          "A DKIM signature does not verify with the public key supplied, or that key cannot verify it",
          "RFC 6376 sections 3.6.1 and 6.1.3; RFC 8463 (Ed25519)", {}},
         check_auth011_dkim_signature_invalid},
        {{"AUTH012", "dkim-key-too-short", error, "authentication", "A DKIM RSA key has fewer than 1024 bits",
          "RFC 8301 section 3.2; Gmail sender guidelines (1024-bit keys at least)", {}},
         check_auth012_dkim_key_too_short},
        {{"AUTH013", "dkim-key-under-2048", info, "authentication", "A DKIM RSA key has fewer than 2048 bits",
          "Gmail and Yahoo sender guidelines (2048-bit keys recommended); RFC 8301 section 3.2", {}},
         check_auth013_dkim_key_under_2048},
        {{"AUTH014", "from-not-aligned", error, "authentication",
          "From's domain aligns with neither a DKIM d= nor the Return-Path domain: DMARC fails",
          "RFC 7489 sections 3.1 and 4.2 (identifier alignment); Gmail and Yahoo bulk sender requirements",
          {{"strict", OptionType::boolean, false,
            "strict alignment: the same domain, not only the same organisational domain"}}},
         check_auth014_from_not_aligned},
        {{"BIMI001", "bimi-selector-invalid", warning, "authentication",
          "A BIMI-Selector field is not \"v=BIMI1; s=selector\"", "BIMI draft section 4.2 (BIMI-Selector header)", {}},
         check_bimi001_bimi_selector_invalid},
        {{"BIMI002", "bimi-record-invalid", warning, "authentication",
          "The BIMI record lacks v=BIMI1 or l=, or its logo or certificate URL is not https (or not SVG)",
          "BIMI draft section 4 (assertion record)", {}},
         check_bimi002_bimi_record_invalid},
        {{"BIMI003", "bimi-without-dmarc-enforcement", warning, "authentication",
          "A BIMI record is published but DMARC does not enforce (p=quarantine or reject at pct=100)",
          "BIMI draft section 3; Gmail and Yahoo BIMI requirements", {}},
         check_bimi003_bimi_without_dmarc_enforcement},
        {{"CONT001", "mixed-content", warning, "content",
          "A transactional message (receipt, password reset, alert) carries a promotional block",
          "Gmail sender guidelines: don't mix promotional content into transactional messages",
          {{"count_incentives", OptionType::boolean, true,
            "flag blocks whose only promotion is a discount or coupon too (false: only adverts count)"}}},
         check_cont001_mixed_content},
        // Batch rules: checked over many messages (check_batch), not one.
        {{"CONT002", "category-from-several-addresses", info, "batch",
          "Within one sending domain, promotional (or transactional) mail is sent from more than one From address",
          "Gmail sender guidelines: send each category of message from its own, consistent address", {}},
         nullptr},
        {{"CONT003", "address-sends-several-categories", warning, "batch",
          "One From address sends both promotional and transactional mail",
          "Gmail sender guidelines: send promotions and transactional messages from different addresses", {}},
         nullptr},
        {{"DMARC001", "dmarc-record-missing", warning, "authentication",
          "The From domain has no DMARC record (or one without a policy of its own)",
          "RFC 7489 section 6.6.3; Gmail, Yahoo and Outlook.com bulk sender requirements (p=none or stricter)", {}},
         check_dmarc001_dmarc_record_missing},
        {{"DMARC002", "dmarc-record-invalid", error, "authentication",
          "The DMARC record is invalid: v=DMARC1 not first, no usable p=, bad tag values or URIs, or several records",
          "RFC 7489 sections 6.3, 6.4 and 6.6.3", {}},
         check_dmarc002_dmarc_record_invalid},
        {{"DMARC003", "dmarc-report-destination-unauthorized", warning, "authentication",
          "A rua=/ruf= destination outside the domain has not authorised its reports: they are dropped",
          "RFC 7489 section 7.1 (verifying external destinations)", {}},
         check_dmarc003_dmarc_report_destination_unauthorized},
        {{"FBL001", "feedback-id-invalid", warning, "sender",
          "A Feedback-ID is not a:b:c:SenderId with a SenderId of 5 to 15 characters, or appears twice",
          "Gmail Feedback Loop (Postmaster Tools): the Feedback-ID header", {}},
         check_fbl001_feedback_id_invalid},
        {{"FBL002", "feedback-id-not-signed", warning, "authentication",
          "A Feedback-ID is not covered by a DKIM signature that can pass", "Gmail Feedback Loop: sign Feedback-ID with DKIM",
          {}},
         check_fbl002_feedback_id_not_signed},
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
        {{"FROM003", "display-name-shows-other-domain", error, "sender",
          "The From display name shows an address or domain other than the real one",
          "Gmail sender guidelines: do not impersonate, clear sender information; RFC 5322 section 3.4", {}},
         check_from003_display_name_shows_other_domain},
        {{"FROM004", "freemail-from-on-bulk", error, "sender",
          "Bulk mail uses a free-mail From address (gmail.com, yahoo.com, ...)",
          "Gmail sender guidelines: do not impersonate Gmail From headers; DMARC (RFC 7489) policies of free-mail "
          "providers", {}},
         check_from004_freemail_from_on_bulk},
        {{"FROM005", "missing-display-name", info, "sender", "From has an address but no display name",
          "Gmail sender guidelines: clear sender information; RFC 5322 section 3.4 (display-name)", {}},
         check_from005_missing_display_name},
        {{"FROM006", "reply-to-other-domain", info, "sender",
          "Reply-To or Sender is in another organisation's domain than From",
          "Gmail sender guidelines: clear sender information; RFC 5322 section 3.6.2", {}},
         check_from006_reply_to_other_domain},
        {{"HTML001", "hidden-content", warning, "content",
          "Text hidden from the reader in the body of the message (not a preheader, responsive or Outlook variant)",
          "Gmail sender guidelines: don't use HTML and CSS to hide content in messages", {}},
         check_html001_hidden_content},
        {{"HTML002", "hidden-keyword-stuffing", error, "content",
          "Hidden text with many words or repeated phrases: keyword stuffing",
          "Gmail sender guidelines: don't use HTML and CSS to hide content in messages", {}},
         check_html002_hidden_keyword_stuffing},
        {{"HTML003", "hidden-preheader", info, "content",
          "The hidden preview text (preheader) before the first visible words",
          "Gmail sender guidelines: hidden content; the preheader is the accepted exception", {}},
         check_html003_hidden_preheader},
        {{"HTML004", "low-contrast-text", warning, "content",
          "Visible text with a contrast ratio under 1.5:1 against its background",
          "Gmail sender guidelines: don't hide content; WCAG 2.2 success criterion 1.4.3 (contrast)", {}},
         check_html004_low_contrast_text},
        {{"HTML005", "invalid-html", warning, "content",
          "The HTML has parse errors that change how it renders",
          "Gmail sender guidelines: format messages according to HTML standards; HTML Living Standard section 13.2",
          {}},
         check_html005_invalid_html},
        {{"HTML006", "html-charset-mismatch", warning, "content",
          "A <meta> charset disagrees with the part's Content-Type charset",
          "RFC 2045 section 5.1 and RFC 2046 section 4.1.2 (charset); HTML Living Standard section 4.2.5.4", {}},
         check_html006_charset_mismatch},
        {{"HTML007", "gmail-clipping", warning, "content",
          "The HTML is larger than Gmail shows before clipping the message (102 KB)",
          "Gmail clips messages whose HTML exceeds 102 KB behind a \"View entire message\" link",
          {{"max_bytes", OptionType::integer, std::int64_t{104448},
            "HTML bytes (after transfer decoding) above which Gmail clips"}}},
         check_html007_gmail_clipping},
        {{"HTML008", "image-only", warning, "content",
          "An HTML part with images and almost no visible text",
          "Gmail sender guidelines: content that looks like spam; image-only mail is a common spam signal",
          {{"min_words", OptionType::integer, std::int64_t{10},
            "visible words below which an HTML part with images counts as image-only"}}},
         check_html008_image_only},
        {{"HTML009", "html-parser-failure", error, "robustness",
          "The HTML parser failed on a part; its HTML was not checked",
          "inboxlint: bytes in, report out (cpp/docs/gumbo-guard.md)", {}},
         check_html009_html_parser_failure},
        {{"IDN001", "invalid-idn", error, "domains",
          "An international domain name (any role) fails UTS #46 processing",
          "Gmail sender guidelines: international domains; UTS #46 sections 4 and 4.1; RFC 5891", {}},
         check_idn001_invalid_idn},
        {{"IDN002", "not-highly-restrictive", error, "domains",
          "A domain label (any role) is less restrictive than UTS #39 highly restrictive",
          "Gmail sender guidelines: IDNs in the highly restrictive level of UTS #39 section 5.2", {}},
         check_idn002_not_highly_restrictive},
        {{"IDN003", "lookalike-label", error, "domains",
          "A non-ASCII domain label looks exactly like an ASCII label (whole-script or other confusable)",
          "UTS #39 section 4 (confusable detection); Gmail sender guidelines: highly restrictive IDNs", {}},
         check_idn003_lookalike_label},
        {{"IDN004", "mixed-number-systems", warning, "domains",
          "A domain label mixes digits of different number systems",
          "UTS #39 section 5.3 (mixed-number detection); Gmail sender guidelines: highly restrictive IDNs", {}},
         check_idn004_mixed_number_systems},
        {{"IDN005", "invisible-characters-in-domain", error, "domains",
          "A domain name holds invisible characters (zero-width, bidi controls, hidden marks)",
          "UTS #39 section 5.4 (optional detection); UTS #46 section 5 (ignored characters)", {}},
         check_idn005_invisible_characters_in_domain},
        {{"IDN006", "unknown-top-level-domain", warning, "domains",
          "A domain in a header role or link ends in a top-level domain the public suffix list does not know",
          "Gmail sender guidelines: clear sender information; RFC 2606 and RFC 6761 (reserved names)",
          {{"allowed_tlds", OptionType::string_list, std::vector<std::string>{"example", "test", "invalid", "localhost"},
            "top-level labels not to report: by default the names RFC 2606 reserves for documentation and tests"}}},
         check_idn006_unknown_top_level_domain},
        {{"LINK001", "misleading-link-text", error, "links",
          "The link text shows a URL or domain on another registrable domain than the link's",
          "Gmail sender guidelines: links visible and easy to understand; WHATWG URL Standard (hosts)",
          {{"tracking_domains", OptionType::string_list, std::vector<std::string>{},
            "your own click-tracking domains: links through them may show any destination"}}},
         check_link001_misleading_link_text},
        {{"LINK002", "userinfo-in-url", error, "links", "A URL has user information before '@' in its authority",
          "Gmail sender guidelines: links easy to understand; RFC 3986 section 3.2.1; WHATWG URL (authority)", {}},
         check_link002_userinfo_in_url},
        {{"LINK003", "ip-address-link", warning, "links",
          "A link goes to an IP address (dotted, hex, octal or integer forms) instead of a domain",
          "Gmail sender guidelines: links easy to understand; WHATWG URL Standard section 3.5 (IPv4 parser)", {}},
         check_link003_ip_address_link},
        {{"LINK004", "dangerous-link-scheme", error, "links", "A link uses javascript:, vbscript: or data:",
          "Gmail sender guidelines: links visible and easy to understand", {}},
         check_link004_dangerous_link_scheme},
        {{"LINK005", "insecure-http-link", info, "links", "A link uses http instead of https",
          "Gmail and Yahoo sender requirements (TLS); RFC 8058 section 3 (https URIs)", {}},
         check_link005_insecure_http_link},
        {{"LINK006", "non-descriptive-link-text", info, "links",
          "The link text (\"click here\", \"hier klicken\", ...) does not say where it goes",
          "Gmail sender guidelines: links easy to understand; WCAG 2.2 success criterion 2.4.4", {}},
         check_link006_non_descriptive_link_text},
        {{"LINK007", "image-link-without-alt", info, "links", "A link made only of images has no alt text",
          "Gmail sender guidelines: links visible; WCAG 2.2 success criteria 1.1.1 and 2.4.4", {}},
         check_link007_image_link_without_alt},
        {{"LINK008", "url-shortener", warning, "links", "A link goes through a public URL shortener",
          "Gmail sender guidelines: links easy to understand (the destination is hidden)", {}},
         check_link008_url_shortener},
        {{"LINK009", "invisible-characters-in-link", warning, "links",
          "A URL or link text holds zero-width or bidirectional control characters",
          "Gmail sender guidelines: links visible and easy to understand; UTS #39 section 5.4", {}},
         check_link009_invisible_characters_in_link},
        {{"LINK010", "unrelated-link-domain", info, "links",
          "Links go to a registrable domain unrelated to the From domain",
          "Gmail sender guidelines: clear sender information, links easy to understand",
          {{"own_domains", OptionType::string_list, std::vector<std::string>{},
            "domains that belong to the sender although they differ from the From domain"}}},
         check_link010_unrelated_link_domain},
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
        {{"MIME015", "alternatives-differ", warning, "mime",
          "The text/plain and text/html alternatives say substantially different things",
          "RFC 2046 section 5.1.4 (alternatives are versions of the same information)", {}},
         check_mime015_alternatives_differ},
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
        {{"MSG013", "invalid-date", error, "format", "Date or Resent-Date is not a valid RFC 5322 date-time",
          "RFC 5322 section 3.3 (date and time specification) and 3.6.1 (origination date)", {}},
         check_msg013_invalid_date},
        {{"MSG014", "implausible-date", warning, "format",
          "The Date is before 1990, in an impossible zone, or far from when the message was sent",
          "RFC 5322 section 3.6.1 (the date the message was ready for delivery)",
          {{"reference_time", OptionType::integer, std::int64_t{0},
            "seconds since 1970 to compare the Date with; 0 uses the newest Received field, if any"},
           {"max_future_hours", OptionType::integer, std::int64_t{24},
            "how far ahead of the reference a Date may be (clock skew)"},
           {"max_age_days", OptionType::integer, std::int64_t{30},
            "how far behind the reference a Date may be"}}},
         check_msg014_implausible_date},
        {{"MSG015", "invalid-encoded-word", warning, "format",
          "An RFC 2047 encoded word in a display name or text field is malformed or misplaced",
          "RFC 2047 sections 2, 5 and 6 (encoded words: length, placement, charset, encoding)", {}},
         check_msg015_invalid_encoded_word},
        {{"MSG016", "empty-message", error, "format", "The input is empty or only white space: no header, no body",
          "RFC 5322 section 3.6 (a message has at least From and Date fields)", {}},
         check_msg016_empty_message},
        {{"PTR001", "ptr-record-missing", error, "authentication", "The sending IP has no PTR record (reverse DNS)",
          "Gmail and Yahoo sender guidelines (valid forward and reverse DNS); RFC 1912 section 2.1", {}},
         check_ptr001_ptr_record_missing},
        {{"PTR002", "ptr-not-confirmed", error, "authentication",
          "No PTR name of the sending IP resolves back to it (iprev fails)",
          "RFC 8601 section 3 (iprev); Gmail sender guidelines", {}},
         check_ptr002_ptr_not_confirmed},
        {{"PTR003", "helo-not-ptr-name", info, "authentication",
          "The HELO name is in another organisation than the sending IP's PTR name",
          "RFC 5321 section 4.1.4; Gmail sender guidelines", {}},
         check_ptr003_helo_not_ptr_name},
        {{"SPF001", "spf-record-missing", error, "authentication",
          "The MAIL FROM domain (or the HELO name for a null sender) publishes no SPF record",
          "RFC 7208 section 2.6.1; Gmail, Yahoo and Outlook.com sender requirements (SPF for all senders)", {}},
         check_spf001_spf_record_missing},
        {{"SPF002", "spf-record-invalid", error, "authentication",
          "An SPF record has a syntax error, or a name has more than one SPF record: permerror",
          "RFC 7208 sections 4.5, 4.6 and 12", {}},
         check_spf002_spf_record_invalid},
        {{"SPF003", "spf-too-permissive", warning, "authentication",
          "An SPF record ends in +all or ?all: any host passes, or every host is neutral",
          "RFC 7208 section 5.1 and appendix B", {}},
         check_spf003_spf_too_permissive},
        {{"SPF004", "spf-ptr-mechanism", warning, "authentication",
          "An SPF record uses the ptr mechanism, which must not be published", "RFC 7208 section 5.5", {}},
         check_spf004_spf_ptr_mechanism},
        {{"SPF005", "spf-too-many-lookups", error, "authentication",
          "Evaluating an SPF record needs more than 10 DNS lookups: permerror", "RFC 7208 section 4.6.4", {}},
         check_spf005_spf_too_many_lookups},
        {{"SPF006", "spf-record-too-long", warning, "authentication",
          "An SPF record is over 450 bytes, or its TXT answer does not fit a 512-byte UDP message",
          "RFC 7208 section 3.4", {}},
         check_spf006_spf_record_too_long},
        {{"SPF007", "spf-fail", error, "authentication",
          "SPF does not pass for the client IP: fail, softfail, neutral, or an error in the records",
          "RFC 7208 sections 2.6 and 4; Gmail, Yahoo and Outlook.com sender requirements", {}},
         check_spf007_spf_fail},
        {{"SUBJ001", "missing-subject", warning, "content", "The Subject is missing, empty or shows nothing",
          "RFC 5322 section 3.6.5 (Subject); Gmail sender guidelines: subjects that say what the message is", {}},
         check_subj001_missing_subject},
        {{"SUBJ002", "fake-reply-prefix", warning, "content",
          "The Subject starts with Re: or Fwd: but the message answers nothing (no In-Reply-To or References)",
          "RFC 5322 sections 3.6.4 and 3.6.5; Gmail sender guidelines: no misleading subject lines",
          {{"include_forwards", OptionType::boolean, true, "also flag forward prefixes (Fwd:, WG:, TR:, ...)"},
           {"accept_quoted_body", OptionType::boolean, true,
            "an earlier message quoted or attached in the body shows a real reply or forward"}}},
         check_subj002_reply_without_thread},
        {{"SUBJ003", "all-caps-subject", warning, "content", "The Subject is written in capitals",
          "Gmail sender guidelines: no misleading or sensational subject lines",
          {{"min_letters", OptionType::integer, std::int64_t{10},
            "the fewest upper-case letters for a subject to count as written in capitals"}}},
         check_subj003_all_caps_subject},
        {{"SUBJ004", "repeated-symbols", warning, "content",
          "The Subject has runs of exclamation marks, question marks or currency signs",
          "Gmail sender guidelines: no misleading or sensational subject lines",
          {{"min_run", OptionType::integer, std::int64_t{3}, "the shortest run of signs to flag"},
           {"max_total", OptionType::integer, std::int64_t{6},
            "flag a subject with this many signs in all, even without a run (0: off)"}}},
         check_subj004_repeated_symbols},
        {{"SUBJ005", "invisible-characters", warning, "content",
          "The Subject contains invisible, zero-width or bidirectional control characters",
          "Gmail sender guidelines: no misleading subject lines; Unicode UTS #39 section 3, UAX #9", {}},
         check_subj005_invisible_characters},
        {{"SUBJ006", "malformed-encoded-word", warning, "format", "An encoded word in the Subject breaks RFC 2047",
          "RFC 2047 sections 2, 4 and 5 (encoded-word syntax, B and Q encodings, placement)",
          {{"max_line_length", OptionType::integer, std::int64_t{78},
            "report folded lines holding encoded words only when longer than this (RFC 2047 says 76)"}}},
         check_subj006_malformed_encoded_word},
        {{"UNSUB001", "missing-list-unsubscribe", error, "unsubscribe",
          "Bulk or list mail has no List-Unsubscribe field",
          "RFC 2369 section 3.2; RFC 8058; Gmail and Yahoo bulk sender requirements (one-click unsubscribe)", {}},
         check_unsub001_missing_list_unsubscribe},
        {{"UNSUB002", "invalid-list-unsubscribe", error, "unsubscribe",
          "List-Unsubscribe is not a comma-separated list of <URI>s", "RFC 2369 sections 2 and 3.2", {}},
         check_unsub002_invalid_list_unsubscribe},
        {{"UNSUB003", "no-https-unsubscribe", error, "unsubscribe", "List-Unsubscribe offers no https URI",
          "RFC 8058 section 3.1 (one-click needs an HTTPS URI); Gmail and Yahoo sender guidelines", {}},
         check_unsub003_no_https_unsubscribe},
        {{"UNSUB004", "invalid-one-click-post", error, "unsubscribe",
          "List-Unsubscribe-Post is missing, repeated or not exactly List-Unsubscribe=One-Click",
          "RFC 8058 sections 3.1 and 3.2; Gmail and Yahoo sender guidelines", {}},
         check_unsub004_invalid_one_click_post},
        {{"UNSUB005", "unsubscribe-not-signed", error, "unsubscribe",
          "List-Unsubscribe and List-Unsubscribe-Post are not covered by a DKIM signature",
          "RFC 8058 section 4 (the fields MUST be covered by a valid DKIM signature)",
          {{"require_aligned", OptionType::boolean, false,
            "only count signatures whose d= aligns with From (relaxed)"}}},
         check_unsub005_unsubscribe_not_signed},
        {{"UNSUB006", "no-unsubscribe-link-in-body", warning, "unsubscribe",
          "Bulk or promotional mail offers no unsubscribe link or wording in its body",
          "CAN-SPAM 15 U.S.C. 7704(a)(3) and (5); Gmail and Yahoo sender guidelines (visible unsubscribe link)", {}},
         check_unsub006_no_unsubscribe_link_in_body},
        {{"UNSUB007", "invalid-list-id", warning, "unsubscribe", "List-Id does not follow RFC 2919",
          "RFC 2919 section 2 (list-id = list-label \".\" list-id-namespace in <...>)", {}},
         check_unsub007_invalid_list_id},
    };
}

}  // namespace

const std::vector<Rule>& registry() {
    static const std::vector<Rule> rules = build();
    return rules;
}

}  // namespace inboxlint::checks
