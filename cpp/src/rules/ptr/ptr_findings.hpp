// What the PTR rules share: the iprev check of the envelope's client IP,
// and findings about it (at the start of the message: the connection is not
// in its bytes).
#pragma once

#include <string>

#include "dns/iprev.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

// Null without a client IP or without any DNS records supplied.
const dns::Iprev* client_iprev(Context& ctx);

Finding& report_iprev(Context& ctx, const dns::Iprev& iprev, std::string message);

}  // namespace inboxlint::checks
