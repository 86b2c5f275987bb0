// What is wrong with a domain's SPF records, without a client IP: the facts
// later lint rules report. Follows include and redirect through the records
// the caller supplied.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dns/source.hpp"

namespace inboxlint::spf {

enum class DefectKind {
    several_records,   // more than one "v=spf1" TXT record at a name: permerror (RFC 7208 section 4.5)
    syntax_error,      // the record does not parse: permerror (section 4.6)
    permissive_all,    // "+all" (or bare "all") or "?all": any host passes, or is as good as unchecked
    ptr_mechanism,     // "ptr": slow, unreliable, "SHOULD NOT be used" (section 5.5)
    too_many_lookups,  // more than 10 DNS-querying terms over the include/redirect tree (section 4.6.4)
    record_too_long,   // the record is over 450 octets (section 3.4)
    answer_too_big,    // the TXT answer would not fit a 512-byte UDP message (section 3.4)
};

struct Defect {
    DefectKind kind;
    std::string domain;  // the name whose record has it
    std::string record;  // that record's text (the first one for several_records)
    std::size_t offset = 0, length = 0;  // the bytes in `record`; the whole record for the size defects
    std::string message;
};

// Every defect of `domain`'s record and of the records it includes or
// redirects to, each reported once per name. Names the records do not
// supply are not followed. Never throws.
std::vector<Defect> record_defects(std::string_view domain, const dns::Source& source);

}  // namespace inboxlint::spf
