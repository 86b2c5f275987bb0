#include "auth/iprev_outcome.hpp"
#include "rules/context.hpp"
#include "rules/ptr/ptr_findings.hpp"

namespace inboxlint::checks {

void check_ptr001_ptr_record_missing(Context& ctx) {
    const dns::Iprev* iprev = auth::client_iprev(ctx.message(), ctx.config());
    if (iprev == nullptr || iprev->status != dns::IprevStatus::no_ptr) return;
    report_iprev(ctx, *iprev, iprev->reason + ": Gmail and Yahoo require reverse DNS for the sending IP");
}

}  // namespace inboxlint::checks
