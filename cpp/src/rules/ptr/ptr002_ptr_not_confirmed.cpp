#include "auth/iprev_outcome.hpp"
#include "rules/context.hpp"
#include "rules/ptr/ptr_findings.hpp"

namespace inboxlint::checks {

void check_ptr002_ptr_not_confirmed(Context& ctx) {
    const dns::Iprev* iprev = auth::client_iprev(ctx.message(), ctx.config());
    if (iprev == nullptr || iprev->status != dns::IprevStatus::not_confirmed) return;
    report_iprev(ctx, *iprev, iprev->reason + ": the reverse DNS is not forward-confirmed (iprev fails)");
}

}  // namespace inboxlint::checks
