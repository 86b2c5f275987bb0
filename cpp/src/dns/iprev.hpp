// The reverse DNS of the sending IP, confirmed forward ("iprev", RFC 8601
// section 3; RFC 1912 section 2.1): the PTR names of the client IP, and
// whether one of them resolves (A or AAAA) back to it. Gmail and Yahoo
// require it of every sender. From the supplied records only.
#pragma once

#include <string>
#include <vector>

#include "dns/source.hpp"

namespace inboxlint::dns {

enum class IprevStatus {
    pass,          // a PTR name resolves back to the IP
    no_ptr,        // NXDOMAIN, or no PTR record
    not_confirmed, // PTR names exist, none resolves back to the IP
    temperror,     // a lookup failed, or the records do not cover a name
    invalid_ip,
};

struct Iprev {
    IprevStatus status = IprevStatus::invalid_ip;
    std::string reverse_name;            // "1.2.0.192.in-addr.arpa"
    std::vector<std::string> ptr_names;  // as the PTR records give them
    std::string confirmed_name;          // with pass: the name that resolved back
    std::vector<std::string> not_supplied;
    std::string reason;
};

// At most ten PTR names are followed (RFC 7208 section 4.6.4 uses the same
// bound for the same lookups). Never throws.
Iprev check_iprev(const std::string& client_ip, const Source& source);

}  // namespace inboxlint::dns
