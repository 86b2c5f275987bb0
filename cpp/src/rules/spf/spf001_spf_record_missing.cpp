#include "auth/spf_outcome.hpp"
#include "rules/context.hpp"
#include "rules/spf/spf_findings.hpp"

namespace inboxlint::checks {

void check_spf001_spf_record_missing(Context& ctx) {
    const auth::SpfOutcome& outcome = auth::spf_outcome(ctx.message(), ctx.config());
    if (outcome.presence != auth::SpfPresence::missing) return;
    Finding& f = ctx.report("", auth::spf_finding_span(outcome),
                            spf_identity_text(*outcome.identity) +
                                " publishes no SPF record: SPF is none, and Gmail, Yahoo and Outlook require SPF");
    with(f, "domain", outcome.identity->domain);
    with(f, "identity", outcome.identity->property());
}

}  // namespace inboxlint::checks
