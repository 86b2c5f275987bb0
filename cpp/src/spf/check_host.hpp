// check_host() of RFC 7208 section 4: is this client IP allowed to send mail
// for this domain? Answered from the caller's DNS records, never a socket.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dns/source.hpp"

namespace inboxlint::spf {

enum class Result { none, neutral, pass, fail, softfail, temperror, permerror };

// "none", "neutral", "pass", ... as RFC 7208 section 2.6 and Received-SPF spell them.
std::string_view result_name(Result r) noexcept;

struct Query {
    std::string ip;      // the client IP, IPv4 or IPv6 text
    std::string domain;  // the domain to check: MAIL FROM's, or the HELO name for the null path
    std::string sender;  // MAIL FROM ("postmaster@" + HELO for the null path); empty: postmaster@domain
    std::string helo;    // %{h}
};

struct Evaluation {
    Result result = Result::none;
    std::string explanation;  // the exp= text for a fail; empty: none (use your default)
    std::string reason;       // why, for people
    // The term that decided, in the record of `decided_by_domain`. For a match
    // through include it is the include term; an error points at the term (or
    // the syntax error) where it arose; length 0 when no term decided (no
    // record, or no term matched and the default neutral applied).
    std::string decided_by_domain;
    std::size_t term_offset = 0, term_length = 0;
    std::string record_of_domain;  // the record text the offsets are in
    int dns_lookups = 0;   // terms that queried DNS (limit 10, section 4.6.4)
    int void_lookups = 0;  // of those, answers with no records or NXDOMAIN (limit 2)
    // Names looked up that the caller supplied no records for. Any of them but
    // an exp= target makes the result temperror: the evaluation cannot conclude.
    std::vector<std::string> not_supplied;
};

// Never throws. Without a usable client IP, the result is none with a reason.
Evaluation check_host(const Query& query, const dns::Source& source);

}  // namespace inboxlint::spf
