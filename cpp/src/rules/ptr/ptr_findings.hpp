// What the PTR rules share: findings about the iprev check of the
// envelope's client IP (auth/iprev_outcome.hpp), at the start of the
// message: the connection is not in its bytes.
#pragma once

#include <string>

#include "dns/iprev.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

Finding& report_iprev(Context& ctx, const dns::Iprev& iprev, std::string message);

}  // namespace inboxlint::checks
