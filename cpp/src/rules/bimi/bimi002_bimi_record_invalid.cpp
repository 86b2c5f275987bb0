#include "auth/bimi_outcome.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_bimi002_bimi_record_invalid(Context& ctx) {
    const auth::BimiOutcome& outcome = auth::bimi_outcome(ctx.message(), ctx.config());
    if (!outcome.discovery) return;
    const bimi::Discovery& d = *outcome.discovery;
    if (d.status == bimi::Status::multiple_records) {
        Finding& f = ctx.report("", outcome.from->span, "more than one BIMI record for " + outcome.from->domain + ": no logo is shown");
        with(f, "domain", outcome.from->domain);
        return;
    }
    if (d.status != bimi::Status::found || !d.record) return;
    for (const bimi::Issue& issue : d.record->issues) {
        Finding& f = ctx.report("", outcome.from->span, "the BIMI record at " + d.record_name + ": " + issue.detail);
        with(f, "record_name", d.record_name);
        with(f, "record", d.record_text);
        with(f, "issue", std::string(issue.code));
        with(f, "offset", std::to_string(issue.span.begin));
        with(f, "length", std::to_string(issue.span.size()));
    }
}

}  // namespace inboxlint::checks
