// DMARC policy discovery (RFC 7489 section 6.6.3): the TXT records at
// _dmarc.<From domain>, and when none of them is a DMARC record, at
// _dmarc.<organisational domain> (the public suffix list's registrable
// domain, url/registrable.hpp). Answers come from a dns::Source, so "the
// caller did not supply this name" is kept apart from "the name does not
// exist": a linter that was not told cannot say there is no record.
//
// DMARCbis replaces the organisational-domain step by a walk up the tree
// (at most eight queries). Not done here: Gmail, Yahoo and Microsoft still
// document the RFC 7489 lookup, and for names under a public suffix that has
// no DMARC record of its own (nearly all) the two find the same record. A
// tree walk belongs in a function of its own beside discover() when a rule
// needs it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dmarc/record.hpp"
#include "dns/source.hpp"

namespace inboxlint::dmarc {

enum class DiscoveryStatus {
    found,             // exactly one DMARC record, at `record_name`
    no_record,         // NXDOMAIN or no DMARC record at every name asked
    multiple_records,  // more than one DMARC record at one name: no policy (step 5)
    lookup_failed,     // a SERVFAIL or timeout: DMARC's temperror
    not_supplied,      // no record found, and some names were not supplied
    invalid_domain,    // the From domain is empty or no domain name
};

// One TXT query and what it gave.
struct Lookup {
    std::string name;  // "_dmarc.example.com"
    DnsStatus status = DnsStatus::not_supplied;
    std::vector<std::string> dmarc_records;  // values that start as DMARC records
    std::vector<std::string> other_txt;      // the values discovery discarded
};

struct Discovery {
    DiscoveryStatus status = DiscoveryStatus::no_record;
    std::string from_domain;            // lower case, no final dot
    std::string organizational_domain;  // the registrable domain, or the From domain itself
    std::vector<Lookup> lookups;        // in the order asked

    // With `found`: the record, its text, the name it came from, and whether
    // that was the organisational domain standing in for a subdomain From
    // (then sp= and np= apply).
    std::string record_name;
    std::string record_text;
    std::optional<Record> record;
    bool from_organizational_domain = false;

    // Whether the From domain exists (A, AAAA or MX answered, or NODATA),
    // asked only when the record came from the organisational domain: np=
    // (DMARCbis) is the policy of non-existent subdomains. nullopt: not
    // asked, or not supplied / failing.
    std::optional<bool> from_domain_exists;

    // Names the caller's records did not cover. With `found` these make the
    // result an assumption (a record at the From domain would win) and the
    // notes say so.
    std::vector<std::string> not_supplied;
    std::vector<std::string> notes;  // human-readable, for reports

    [[nodiscard]] bool complete() const noexcept { return not_supplied.empty(); }
};

// Never throws. `from_domain` may carry a final dot and upper case.
[[nodiscard]] Discovery discover(const dns::Source& dns, std::string_view from_domain);

[[nodiscard]] std::string_view to_string(DiscoveryStatus status) noexcept;

// What Gmail, Yahoo and Outlook require of bulk senders: a DMARC record
// covering the From domain (its own or the organisational domain's) that
// publishes p=none or stricter.
[[nodiscard]] bool has_bulk_sender_policy(const Discovery& discovery) noexcept;

}  // namespace inboxlint::dmarc
