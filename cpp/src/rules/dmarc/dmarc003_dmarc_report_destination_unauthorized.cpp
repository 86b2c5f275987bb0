#include "auth/dmarc_outcome.hpp"
#include "dmarc/destinations.hpp"
#include "dns/source.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

// RFC 7489 section 7.1: reports go to an outside domain only when it says
// it accepts them; otherwise they are dropped without a word.
void check_dmarc003_dmarc_report_destination_unauthorized(Context& ctx) {
    const auth::DmarcOutcome& outcome = auth::dmarc_outcome(ctx.message(), ctx.config());
    if (!outcome.discovery || outcome.discovery->status != dmarc::DiscoveryStatus::found) return;
    const dns::SuppliedSource dns(ctx.config().dns, ctx.config().dns_resolver);
    const dmarc::Discovery& d = *outcome.discovery;
    for (const dmarc::Destination& dest : dmarc::check_report_destinations(dns, d)) {
        if (dest.status != dmarc::DestinationStatus::not_authorized) continue;
        Finding& f = ctx.report("", outcome.from->span,
                                "the DMARC record at " + d.record_name + " sends " + dest.tag + " reports to " + dest.domain +
                                    ", which does not accept them (no " + dest.query_name + " record): they are dropped");
        with(f, "record", d.record_text);
        with(f, "uri", dest.uri);
        with(f, "offset", std::to_string(dest.span.begin));
        with(f, "length", std::to_string(dest.span.size()));
    }
}

}  // namespace inboxlint::checks
