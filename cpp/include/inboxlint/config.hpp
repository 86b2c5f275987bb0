// Configuration: which rules run, at what severity, with which options, and
// the resource limits. Validated when a Linter is built; a bad configuration
// is a ConfigError there and never a surprise later.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "inboxlint/dns.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint {

class INBOXLINT_API ConfigError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// Limits keep every input linear and bounded. Hitting one is a finding
// (LINT001) and marks the report truncated.
struct Limits {
    std::size_t max_message_size = 64u << 20;   // bytes linted; the rest is ignored
    std::size_t max_header_fields = 10000;      // per header block
    std::size_t max_depth = 40;                 // MIME nesting
    std::size_t max_parts = 10000;              // MIME entities per message
    std::size_t max_decoded_size = 128u << 20;  // decoded bytes over all parts
    std::size_t max_html_nodes = 500000;        // per HTML part
    std::size_t max_findings_per_rule = 100;    // further findings are counted, not listed
};

// A rule option's value. Integers, booleans, strings and string lists cover
// every option; each rule declares the type it expects.
using OptionValue = std::variant<bool, std::int64_t, std::string, std::vector<std::string>>;

struct Config {
    // Rule ids or prefixes ("MSG", "MSG00", "FROM001"); empty means all rules.
    std::vector<std::string> select;
    // Rule ids or prefixes to leave out; applied after `select`.
    std::vector<std::string> ignore;
    // Severity per rule id or prefix; the longest matching key wins.
    std::map<std::string, Severity> severity;
    // Options per rule id: {"MSG005": {"require_crlf": true}}.
    std::map<std::string, std::map<std::string, OptionValue>> options;
    Limits limits;
    // DKIM public keys, as DNS would answer them: the TXT value
    // ("v=DKIM1; k=rsa; p=...") by name ("selector._domainkey.example.com").
    // With a key, a signature is verified and its key size judged (AUTH
    // rules); without one, only what the message itself shows is checked.
    std::map<std::string, std::string> dkim_keys;
    // DNS records (SPF, DMARC, BIMI, PTR, DKIM keys, ...) for the checks that
    // need them; `dns_resolver` answers what the records do not supply. The
    // core never queries DNS itself. Keys in dkim_keys are found first.
    DnsRecords dns;
    DnsResolver dns_resolver;
    // The SMTP connection, for SPF and PTR.
    Envelope envelope;
};

// Reads DKIM keys from text with one key per line, "NAME TXT-VALUE", or in
// DNS zone-file syntax ("NAME. 3600 IN TXT ( "v=DKIM1; ..." "..." )", the
// quoted strings joined). Blank lines and lines starting with '#' or ';' are
// skipped. Throws ConfigError naming the line of a malformed entry.
[[nodiscard]] INBOXLINT_API std::map<std::string, std::string> parse_dkim_keys(std::string_view text);
// The same, from a file; throws ConfigError when it cannot be read.
[[nodiscard]] INBOXLINT_API std::map<std::string, std::string> load_dkim_keys(const std::string& path);

}  // namespace inboxlint
