#include "auth/spf_outcome.hpp"
#include "rules/context.hpp"
#include "rules/spf/spf_findings.hpp"

namespace inboxlint::checks {
namespace {

// A permerror that SPF002 or SPF005 already explains from the records.
bool explained_by_defects(const auth::SpfOutcome& outcome) {
    for (const spf::Defect& d : outcome.defects)
        if (d.kind == spf::DefectKind::several_records || d.kind == spf::DefectKind::syntax_error ||
            d.kind == spf::DefectKind::too_many_lookups)
            return true;
    return false;
}

// A result that is not a pass, and that the records decided: an evaluation
// that met names the caller did not supply concluded nothing.
bool reportable(const auth::SpfOutcome& outcome) {
    const spf::Evaluation& e = *outcome.evaluation;
    if (e.result == spf::Result::pass || e.result == spf::Result::none) return false;  // none: SPF001
    if (e.result == spf::Result::permerror && explained_by_defects(outcome)) return false;
    return !(e.result == spf::Result::temperror && !e.not_supplied.empty());
}

}  // namespace

void check_spf007_spf_fail(Context& ctx) {
    const auth::SpfOutcome& outcome = auth::spf_outcome(ctx.message(), ctx.config());
    if (!outcome.evaluation || !reportable(outcome)) return;
    const spf::Evaluation& e = *outcome.evaluation;
    std::string message = "SPF " + std::string(spf::result_name(e.result)) + " for " + ctx.config().envelope.client_ip +
                          " at " + spf_identity_text(*outcome.identity);
    if (!e.reason.empty()) message += ": " + e.reason;
    if (!e.explanation.empty()) message += " (the domain explains: " + e.explanation + ")";
    Finding& f = ctx.report("", auth::spf_finding_span(outcome), message);
    with(f, "result", std::string(spf::result_name(e.result)));
    with(f, "client_ip", ctx.config().envelope.client_ip);
    with(f, "domain", outcome.identity->domain);
    if (!e.decided_by_domain.empty()) {
        with(f, "decided_by", e.decided_by_domain);
        with(f, "record", e.record_of_domain);
        if (e.term_length > 0 && e.term_offset + e.term_length <= e.record_of_domain.size())
            with(f, "term", e.record_of_domain.substr(e.term_offset, e.term_length));
    }
}

}  // namespace inboxlint::checks
