// DNS records the caller supplies, and the SMTP connection a message arrived
// on (or will be sent on). The core never opens a socket: SPF, DMARC, BIMI,
// ARC, PTR and DKIM key lookups are answered from these records, so the same
// input gives the same report.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "inboxlint/export.hpp"

namespace inboxlint {

// How a lookup ended. `not_supplied` is not NXDOMAIN: the records say
// nothing about the name, so a check that needs it cannot conclude (and says
// so). A fixture marks a name nonexistent with an NXDOMAIN pseudo-record and
// a failing lookup (a timeout, SERVFAIL) with a SERVFAIL pseudo-record.
enum class DnsStatus { answer, nxdomain, servfail, not_supplied };

// An answer: for `answer`, the values of the records of the asked type (empty
// when the name exists without records of that type, DNS's NODATA). Values
// are presentation text: TXT the character-strings joined without separator,
// A/AAAA the address, MX "preference exchange", PTR and CNAME the target name
// without the final dot.
struct DnsAnswer {
    DnsStatus status = DnsStatus::not_supplied;
    std::vector<std::string> values;
};

// A caller's resolver: (absolute name in lower case without the final dot,
// type in upper case such as "TXT") -> answer. It may be called from several
// threads at once; an exception it throws counts as `servfail`.
using DnsResolver = std::function<DnsAnswer(const std::string& name, const std::string& type)>;

// Records by name and type: a value type, cheap to copy when empty.
class INBOXLINT_API DnsRecords {
public:
    // Names are case-insensitive; a final dot is ignored. Throws ConfigError
    // for a name that is no domain name or a type this model does not know.
    void add(std::string_view name, std::string_view type, std::string value);
    void mark_nonexistent(std::string_view name);  // answers NXDOMAIN
    void mark_failing(std::string_view name);      // answers SERVFAIL
    // Adds every record and mark of `other` (several zone files in one).
    void merge(const DnsRecords& other);

    // The answer for (name, type). A CNAME at the name is followed (at most
    // eight links) for any other type; a name that has records of other types
    // answers NODATA; a name with none is NXDOMAIN when marked so, else not
    // supplied.
    [[nodiscard]] DnsAnswer lookup(std::string_view name, std::string_view type) const;

    [[nodiscard]] bool empty() const noexcept;
    [[nodiscard]] std::size_t size() const noexcept;  // records, pseudo-records included
    // Every record as (name, type, value), sorted; pseudo-records have an empty value.
    [[nodiscard]] std::vector<std::pair<std::pair<std::string, std::string>, std::string>> entries() const;

    friend bool operator==(const DnsRecords&, const DnsRecords&) = default;

private:
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> records_;
    std::set<std::string> nonexistent_;
    std::set<std::string> failing_;
};

// The record types DnsRecords holds: TXT, A, AAAA, MX, PTR, CNAME (and the
// NXDOMAIN and SERVFAIL pseudo-types of fixtures).
[[nodiscard]] INBOXLINT_API bool is_known_dns_type(std::string_view type) noexcept;

// Reads a zone file: "NAME [TTL] [IN] TYPE DATA" lines, $ORIGIN and $TTL,
// relative names, "@", a blank owner repeating the previous one, TXT data of
// several quoted strings (joined), parentheses over several lines, ';'
// comments. Also "NAME NXDOMAIN" and "NAME SERVFAIL" lines. Today's DKIM key
// files ("selector._domainkey.example.com v=DKIM1; ...", one per line) are
// read as TXT records. Throws ConfigError naming `source`, the line and the
// reason.
[[nodiscard]] INBOXLINT_API DnsRecords parse_zone(std::string_view text, std::string_view source = "zone");
// The same, from a file; throws ConfigError when it cannot be read.
[[nodiscard]] INBOXLINT_API DnsRecords load_zone(const std::string& path);

// The SMTP connection. Without a client IP, SPF is judged only as far as the
// records go (their defects) and alignment says what it assumed.
struct Envelope {
    std::string client_ip;                 // "192.0.2.1" or "2001:db8::1"; empty: unknown
    std::string helo;                      // the HELO/EHLO name; empty: unknown
    std::optional<std::string> mail_from;  // the MAIL FROM address ("" is the null path); unset: Return-Path
    friend bool operator==(const Envelope&, const Envelope&) = default;
};

// Throws ConfigError when the client IP is no IPv4 or IPv6 address, the HELO
// name is neither a domain name nor an address literal, or MAIL FROM is no
// address.
INBOXLINT_API void validate_envelope(const Envelope& envelope);

}  // namespace inboxlint
