// Finding a domain's SPF record (RFC 7208 section 4.4, 4.5): TXT records
// only (the SPF RR type is obsolete), exactly one starting "v=spf1".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dns/source.hpp"

namespace inboxlint::spf {

enum class LookupStatus {
    found,        // one SPF record
    none,         // NXDOMAIN, or no TXT record is an SPF record
    several,      // more than one: a permerror
    failed,       // the TXT lookup failed (SERVFAIL, timeout): a temperror
    not_supplied  // the caller supplied nothing for the name
};

struct RecordLookup {
    LookupStatus status = LookupStatus::none;
    std::vector<std::string> records;  // every SPF record at the name, in answer order
};

RecordLookup find_record(std::string_view domain, const dns::Source& source);

// A name SPF may query: labels of 1 to 63 octets, at most 253 in all (a final
// dot ignored).
bool is_query_name(std::string_view name) noexcept;

// A domain check_host starts from (section 4.3): a query name of at least two
// labels of letters, digits, '-' and '_' (no address literal, no bare host).
bool is_fqdn(std::string_view name) noexcept;

}  // namespace inboxlint::spf
