#include "rules/spf/spf_findings.hpp"

namespace inboxlint::checks {

std::string spf_identity_text(const auth::SpfIdentity& identity) {
    return (identity.helo ? "the HELO name " : "the MAIL FROM domain ") + identity.domain;
}

void report_spf_defects(Context& ctx, spf::DefectKind kind) {
    const auth::SpfOutcome& outcome = auth::spf_outcome(ctx.message(), ctx.config());
    for (const spf::Defect& defect : outcome.defects) {
        if (defect.kind != kind) continue;
        std::string message = "SPF record of " + defect.domain;
        if (defect.domain != outcome.identity->domain) message += " (reached from " + spf_identity_text(*outcome.identity) + ")";
        Finding& f = ctx.report("", auth::spf_finding_span(outcome), message + ": " + defect.message);
        with(f, "domain", defect.domain);
        with(f, "record", defect.record);
        with(f, "offset", std::to_string(defect.offset));
        with(f, "length", std::to_string(defect.length));
        if (defect.offset + defect.length <= defect.record.size())
            with(f, "term", defect.record.substr(defect.offset, defect.length));
    }
}

}  // namespace inboxlint::checks
