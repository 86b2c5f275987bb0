#include "auth/dmarc_outcome.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

// The records must say there is no record (NXDOMAIN or no v=DMARC1 at the
// From domain and the organisational domain): not supplied is no finding. A
// record whose policy is void (no valid p=, an invalid sp=) is DMARC002's.
void check_dmarc001_dmarc_record_missing(Context& ctx) {
    const auth::DmarcOutcome& outcome = auth::dmarc_outcome(ctx.message(), ctx.config());
    if (!outcome.discovery || outcome.discovery->status != dmarc::DiscoveryStatus::no_record) return;
    const dmarc::Discovery& d = *outcome.discovery;
    std::string message = "no DMARC record for " + d.from_domain;
    if (d.organizational_domain != d.from_domain) message += " (nor for " + d.organizational_domain + ")";
    Finding& f = ctx.report("", outcome.from->span,
                            message + ": Gmail, Yahoo and Outlook require bulk senders to publish one (p=none or stricter)");
    with(f, "domain", d.from_domain);
}

}  // namespace inboxlint::checks
