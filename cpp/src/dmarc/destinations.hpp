// External report destinations (RFC 7489 section 7.1; the same check in
// DMARCbis's aggregate-reporting document): a receiver sends reports to a
// rua=/ruf= address outside the policy domain's organisation only when that
// destination publishes "<policy domain>._report._dmarc.<destination>" TXT
// with v=DMARC1. A record pointing reports at an ESP or a DMARC vendor that
// never authorised it loses the reports silently; this is the fact a rule
// needs to say so.
#pragma once

#include <string>
#include <vector>

#include "dmarc/discovery.hpp"

namespace inboxlint::dmarc {

enum class DestinationStatus {
    same_organization,  // the destination shares the policy domain's organisational domain
    authorized,         // the _report._dmarc record is there
    not_authorized,     // NXDOMAIN, or no v=DMARC1 record at the name
    lookup_failed,      // SERVFAIL: receivers try again later
    not_supplied,       // the caller's records do not cover the name
};

struct Destination {
    std::string tag;     // "rua" or "ruf"
    std::string uri;     // as in the record, without "!size"
    Span span;           // in the record text
    std::string domain;  // the mailbox's domain or the https host, lower case
    DestinationStatus status = DestinationStatus::not_supplied;
    std::string query_name;  // the name asked, empty for same_organization
};

// One entry per valid rua= and ruf= URI of the discovered record, in record
// order; empty without a found record. Each distinct name is asked once.
[[nodiscard]] std::vector<Destination> check_report_destinations(const dns::Source& dns, const Discovery& discovery);

[[nodiscard]] std::string_view to_string(DestinationStatus status) noexcept;

}  // namespace inboxlint::dmarc
