#include "auth/bimi_outcome.hpp"
#include "auth/dmarc_outcome.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

// Why the DMARC policy does not qualify, or "" when it does (or the records
// do not say).
std::string dmarc_shortfall(const auth::DmarcOutcome& dmarc) {
    if (!dmarc.discovery) return "";
    const dmarc::Discovery& d = *dmarc.discovery;
    if (d.status == dmarc::DiscoveryStatus::no_record) return "there is no DMARC record";
    if (d.status != dmarc::DiscoveryStatus::found || !d.record) return "";
    if (!d.record->usable()) return "the DMARC record is invalid";
    if (dmarc::policy_is_enforcing(*d.record)) return "";
    return "the DMARC policy at " + d.record_name + " does not enforce (it needs p=quarantine or p=reject at pct=100, "
           "without sp=none or t=y)";
}

}  // namespace

void check_bimi003_bimi_without_dmarc_enforcement(Context& ctx) {
    const auth::BimiOutcome& bimi = auth::bimi_outcome(ctx.message(), ctx.config());
    if (!bimi.discovery || bimi.discovery->status != bimi::Status::found || !bimi.discovery->record) return;
    if (bimi.discovery->record->declines()) return;
    const std::string shortfall = dmarc_shortfall(auth::dmarc_outcome(ctx.message(), ctx.config()));
    if (shortfall.empty()) return;
    Finding& f = ctx.report("", bimi.from->span,
                            "a BIMI record is published at " + bimi.discovery->record_name + ", but " + shortfall +
                                ": no mailbox provider shows the logo");
    with(f, "record_name", bimi.discovery->record_name);
}

}  // namespace inboxlint::checks
