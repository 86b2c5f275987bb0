#include "auth/alignment.hpp"
#include "auth/bulk.hpp"
#include "auth/dkim_verify.hpp"
#include "auth/dmarc_outcome.hpp"
#include "auth/spf_outcome.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

struct SpfSide {
    bool counts = false;  // an aligned identity that passed (or is assumed to)
    std::string text;     // "aligns with neither NAME" / "aligns with NAME, but SPF is fail there,"
    bool aligned = false;  // the identity aligns (and SPF did not pass)
};

// SPF's part in DMARC: the MAIL FROM (or HELO) domain must align and pass.
// With a client IP the evaluation says whether it passed; without one an
// aligned identity is assumed to pass (the property "spf" says so).
SpfSide spf_side(const auth::SpfOutcome& spf, const std::string& from, bool strict) {
    const auth::SpfIdentity& id = *spf.identity;
    const std::string name =
        std::string(id.helo ? "the HELO name " : id.span ? "the Return-Path domain " : "the MAIL FROM domain ") + id.domain;
    if (!auth::aligned(from, id.domain, strict)) return {false, "aligns with neither " + name, false};
    if (!spf.concluded() || spf.passed()) return {true, "", true};
    return {false, "aligns with " + name + ", but SPF is " + std::string(spf::result_name(spf.evaluation->result)) +
                       " there,", true};
}

std::string dmarc_consequence(const auth::DmarcOutcome& dmarc) {
    if (!dmarc.evaluation) return ": DMARC fails";
    const dmarc::Evaluation& e = *dmarc.evaluation;
    if (e.verdict == dmarc::Verdict::fail && e.policy)
        return ": DMARC fails (p=" + std::string(dmarc::to_string(*e.policy)) + ")";
    if (e.verdict == dmarc::Verdict::none) return ": DMARC would fail (" + e.reason + ")";
    return ": DMARC fails";
}

}  // namespace

void check_auth014_from_not_aligned(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const auth::Identities& ids = auth::identities(msg);
    const auth::SpfOutcome& spf = auth::spf_outcome(msg, ctx.config());
    // Without the envelope SPF alignment is unknown, and an aligned SPF pass
    // alone satisfies DMARC: nothing can be said.
    if (!ids.from || !spf.identity) return;
    // A post re-sent by a mailing list carries the list's envelope and the
    // author's From: the list, not the author, can fix that (From rewriting).
    if (auth::bulk_assessment(msg).mailing_list) return;
    const bool strict = ctx.options().boolean("strict");
    const SpfSide side = spf_side(spf, ids.from->domain, strict);
    if (side.counts) return;
    const auto& signatures = auth::dkim_signatures(msg).signatures;
    const auto& bodies = auth::dkim_body_hashes(msg);
    const auto& results = auth::dkim_verifications(msg, ctx.config());
    std::vector<const auth::DkimSignature*> unaligned;
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        if (!auth::signature_may_pass(signatures[i], bodies[i], results[i])) continue;
        if (auth::aligned(ids.from->domain, signatures[i].domain, strict)) return;
        unaligned.push_back(&signatures[i]);
    }
    std::string message = "From's domain " + ids.from->domain + " " + side.text;
    // Without a signature that can pass there is no d= to align with, which
    // is said after the "nor" (issue 23).
    const char* no_dkim = side.aligned ? " and with no DKIM signature that can pass (there is none)"
                                       : " nor a DKIM signature that can pass (there is none)";
    message += unaligned.empty() ? no_dkim : side.aligned ? " and with no DKIM d=" : " nor any DKIM d=";
    Finding& f = ctx.report("", ids.from->span, message + dmarc_consequence(auth::dmarc_outcome(msg, ctx.config())));
    if (spf.identity->span)
        f.related.push_back({ctx.location("", *spf.identity->span), "the envelope-from (Return-Path) domain"});
    for (const auth::DkimSignature* sig : unaligned)
        f.related.push_back({ctx.location("", sig->tag("d")->value), "a DKIM signing domain"});
    with(f, "alignment", strict ? "strict" : "relaxed");
    with(f, "spf", spf.concluded() ? std::string(spf::result_name(spf.evaluation->result))
                                   : "not evaluated (no client IP, or records not supplied)");
}

}  // namespace inboxlint::checks
