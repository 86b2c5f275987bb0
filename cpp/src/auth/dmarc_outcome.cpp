#include "auth/dmarc_outcome.hpp"

#include "auth/dkim_verify.hpp"
#include "auth/spf_outcome.hpp"
#include "dns/source.hpp"

namespace inboxlint::auth {
namespace {

// DKIM as DMARC counts it: a signature verified with its key and nothing
// known against it. One that may pass but was not checked is remembered.
void add_dkim(const analysis::Message& msg, const Config& config, dmarc::Inputs& in, DmarcOutcome& out,
              bool strict) {
    const auto& signatures = dkim_signatures(msg).signatures;
    const auto& bodies = dkim_body_hashes(msg);
    const auto& results = dkim_verifications(msg, config);
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        const bool may_pass = signature_may_pass(signatures[i], bodies[i], results[i]);
        const bool pass = may_pass && results[i].status == VerifyStatus::pass;
        in.dkim.push_back({signatures[i].domain, pass});
        if (may_pass && !pass && out.unchecked_aligned_dkim.empty() && !signatures[i].domain.empty() &&
            aligned(signatures[i].domain, in.from_domain, strict))
            out.unchecked_aligned_dkim = signatures[i].domain;
    }
}

// A fail computed from what could not be checked is no verdict: an aligned
// signature without its key, or an aligned MAIL FROM without a client IP,
// might pass.
void settle_unknowns(const SpfOutcome& spf, const dmarc::Inputs& in, DmarcOutcome& out) {
    dmarc::Evaluation& e = *out.evaluation;
    if (e.verdict != dmarc::Verdict::fail) return;
    const bool strict_spf = e.aspf == dmarc::Alignment::strict;
    if (!out.unchecked_aligned_dkim.empty()) {
        e.verdict = dmarc::Verdict::unknown;
        e.reason = "the signature of aligned d=" + out.unchecked_aligned_dkim + " was not checked: its key was not supplied";
    } else if (!in.spf && spf.identity && aligned(spf.identity->domain, in.from_domain, strict_spf)) {
        e.verdict = dmarc::Verdict::unknown;
        e.reason = "SPF was not evaluated for the aligned " + std::string(spf.identity->property()) + " " +
                   spf.identity->domain + ": no client IP given";
    }
}

DmarcOutcome compute(const analysis::Message& msg, const Config& config) {
    DmarcOutcome out;
    out.from = identities(msg).from;
    const dns::SuppliedSource dns(config.dns, config.dns_resolver);
    if (!out.from || !dns.anything_supplied()) return out;
    out.discovery = dmarc::discover(dns, out.from->domain);
    dmarc::Inputs in;
    in.from_domain = out.from->domain;
    const SpfOutcome& spf = spf_outcome(msg, config);
    if (spf.concluded()) in.spf = dmarc::SpfResult{spf.identity->domain, spf.passed()};
    const bool strict = out.discovery->record && out.discovery->record->adkim == dmarc::Alignment::strict;
    add_dkim(msg, config, in, out, strict);
    out.evaluation = dmarc::evaluate(in, *out.discovery);
    settle_unknowns(spf, in, out);
    return out;
}

}  // namespace

const DmarcOutcome& dmarc_outcome(const analysis::Message& msg, const Config& config) {
    return msg.memo<DmarcOutcome>(0, [&] { return compute(msg, config); });
}

}  // namespace inboxlint::auth
