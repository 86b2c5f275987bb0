// DMARC policy records (RFC 7489 section 6.3 and 6.4; DMARCbis where it
// differs: np=, t=, psd=, and a record with rua= but no valid p= read as
// p=none). Every tag and every issue keeps its bytes in the record text, so
// a rule can point at exactly what is wrong. The parser never throws and is
// linear in the record's length.
//
// The tag=value splitting is auth::parse_tag_list (the DKIM one): DMARC's
// grammar is the same shape (';'-separated "name = value", optional final
// ';'), and its spans and defect codes carry over. What DMARC adds is checked
// here: only SP and TAB count as white space (a CR or LF is no separator in a
// DNS TXT record, while DKIM's FWS allows them), tag names are 1*ALPHA and
// case-insensitive (DKIM's are case-sensitive and allow digits and '_'), so
// duplicates are found here too, and the first tag must be v=DMARC1 starting
// at byte 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/tag_list.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint::dmarc {

enum class Policy { none, quarantine, reject };
enum class Alignment { relaxed, strict };
enum class PsdFlag { yes, no, unknown };  // DMARCbis psd=y|n|u

// How much an issue matters to a receiver reading the record:
// note: nothing is wrong for receivers (unknown tag, an RFC 7489 tag
//   DMARCbis dropped); error: the tag is ignored and its default used
//   (RFC 7489 section 6.3: "syntax errors in the remainder of the record
//   SHOULD be discarded in favor of default values"), or the text breaks the
//   section 6.4 ABNF in a way lenient receivers skip; fatal: receivers apply
//   no DMARC policy from this record (bad v=, or no usable p= and no rua=).
enum class Level { note, error, fatal };

// Codes: "leading-whitespace", "missing-version", "misplaced-version",
// "invalid-version", "missing-policy", "invalid-policy" (p=), "invalid-value"
// (any other known tag), "duplicate-tag", "unknown-tag" (note),
// "invalid-uri", "unsupported-uri-scheme", "empty-tag" (";;"),
// "missing-equals", "invalid-tag-name", "invalid-character" (control or
// non-ASCII byte), "line-break" (CR or LF), "missing-separator" (a value that
// swallowed the next tag: "p=none sp=reject"), "policy-not-second" (note:
// RFC 7489's ABNF puts p= right after v=), "pct-deprecated" (note:
// DMARCbis replaces pct= by t=), "policy-from-rua" (DMARCbis / RFC 7489
// 6.6.3 step 6: no valid p= or sp=, but a valid rua=, so p=none is assumed).
struct Issue {
    std::string_view code;
    Span span;  // in the record text
    std::string detail;
    Level level = Level::error;
};

// One DMARC URI of rua= or ruf=: "mailto:a@example.com!10m".
struct ReportUri {
    Span span;                                // the whole element, size suffix included
    std::string uri;                          // without the "!size"
    std::string scheme;                       // lower case: "mailto", "https"
    std::optional<std::uint64_t> size_limit;  // in bytes, "!10m" = 10 * 2^20
};

struct Record {
    auth::TagList tags;  // every tag as written, spans in the record text
    std::vector<Issue> issues;  // sorted by position

    bool version_ok = false;                // the record starts with v=DMARC1
    std::optional<Policy> policy;           // p=; set to none by the rua= fallback
    bool policy_from_rua = false;           // p=none assumed (see "policy-from-rua")
    std::optional<Policy> subdomain_policy; // sp=, when valid
    std::optional<Policy> nonexistent_policy;  // np= (DMARCbis), when valid
    Alignment adkim = Alignment::relaxed;
    Alignment aspf = Alignment::relaxed;
    int pct = 100;                          // RFC 7489; DMARCbis drops it (see t=)
    bool pct_given = false;
    std::vector<std::string> fo = {"0"};
    std::vector<std::string> rf = {"afrf"};
    std::uint32_t ri = 86400;
    std::vector<ReportUri> rua;  // the valid ones; invalid ones are issues
    std::vector<ReportUri> ruf;
    bool testing = false;        // DMARCbis t=y: do not apply the policy (like pct=0)
    PsdFlag psd = PsdFlag::unknown;

    // A receiver applies a policy from this record: v=DMARC1 first and a p=
    // (written or assumed from rua=).
    [[nodiscard]] bool usable() const noexcept { return version_ok && policy.has_value(); }
    [[nodiscard]] bool has(std::string_view code) const noexcept;
    // The first tag of this name, compared case-insensitively.
    [[nodiscard]] const auth::Tag* find(std::string_view name) const noexcept;
};

// Whether a TXT value starts the way RFC 7489 section 6.6.3 step 2 keeps
// records: "v" *WSP "=" *WSP "DMARC1", then the end, WSP or ';'. Discovery
// discards every other TXT value at _dmarc names.
[[nodiscard]] bool starts_as_dmarc(std::string_view txt) noexcept;

[[nodiscard]] Record parse_record(std::string_view txt);

[[nodiscard]] std::optional<Policy> parse_policy(std::string_view value) noexcept;  // case-insensitive
[[nodiscard]] std::string_view to_string(Policy policy) noexcept;

// BIMI's bar (draft-brand-indicators-for-message-identification, section
// "Assertion Record"): an enforcing policy, p=quarantine or p=reject at
// pct=100, not in DMARCbis test mode (t=y), and no sp=none letting
// subdomains off.
[[nodiscard]] bool policy_is_enforcing(const Record& record) noexcept;

// What Gmail, Yahoo and Outlook ask of bulk senders: a usable record with a
// p= of its own, p=none or stricter. A p=none assumed from rua= does not
// count: the record does not publish a policy, receivers only tolerate it.
[[nodiscard]] bool publishes_policy(const Record& record) noexcept;

}  // namespace inboxlint::dmarc
