#include "auth/bimi_outcome.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

// The field's own defects, at their bytes in the message: no DNS needed.
void check_bimi001_bimi_selector_invalid(Context& ctx) {
    const auth::BimiOutcome& outcome = auth::bimi_outcome(ctx.message(), ctx.config());
    if (!outcome.selector) return;
    for (const bimi::Issue& issue : outcome.selector->issues) {
        Finding& f = ctx.report("", issue.span, "BIMI-Selector: " + issue.detail + " (receivers then use s=default)");
        with(f, "issue", std::string(issue.code));
    }
}

}  // namespace inboxlint::checks
