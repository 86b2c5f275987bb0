#include "auth/dmarc_outcome.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

void report_issue(Context& ctx, const auth::DmarcOutcome& outcome, const dmarc::Issue& issue) {
    const dmarc::Discovery& d = *outcome.discovery;
    const bool fatal = issue.level == dmarc::Level::fatal;
    std::string message = "the DMARC record at " + d.record_name + ": " + issue.detail;
    if (fatal) message += " (receivers apply no policy from it)";
    Finding& f = ctx.report("", outcome.from->span, message);
    with(f, "record_name", d.record_name);
    with(f, "record", d.record_text);
    with(f, "issue", std::string(issue.code));
    with(f, "offset", std::to_string(issue.span.begin));
    with(f, "length", std::to_string(issue.span.size()));
    if (issue.span.end <= d.record_text.size()) with(f, "term", d.record_text.substr(issue.span.begin, issue.span.size()));
}

}  // namespace

// Errors and fatal defects of the discovered record, and several records at
// one name (RFC 7489 section 6.6.3 step 5: then no policy applies). Notes
// (an unknown tag, pct= deprecated by DMARCbis) are no finding.
void check_dmarc002_dmarc_record_invalid(Context& ctx) {
    const auth::DmarcOutcome& outcome = auth::dmarc_outcome(ctx.message(), ctx.config());
    if (!outcome.discovery) return;
    const dmarc::Discovery& d = *outcome.discovery;
    if (d.status == dmarc::DiscoveryStatus::multiple_records) {
        const std::string name = d.lookups.empty() ? d.from_domain : d.lookups.back().name;
        Finding& f = ctx.report("", outcome.from->span,
                                "more than one DMARC record at " + name + ": receivers apply no policy");
        with(f, "record_name", name);
        return;
    }
    if (d.status != dmarc::DiscoveryStatus::found || !d.record) return;
    for (const dmarc::Issue& issue : d.record->issues)
        if (issue.level != dmarc::Level::note) report_issue(ctx, outcome, issue);
}

}  // namespace inboxlint::checks
