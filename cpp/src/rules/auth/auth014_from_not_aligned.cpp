#include "auth/alignment.hpp"
#include "auth/bulk.hpp"
#include "auth/dkim_verify.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_auth014_from_not_aligned(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const auth::Identities& ids = auth::identities(msg);
    // Without the envelope (Return-Path) SPF alignment is unknown, and an
    // aligned SPF pass alone satisfies DMARC: nothing can be said.
    if (!ids.from || !ids.return_path) return;
    // A post re-sent by a mailing list carries the list's envelope and the
    // author's From: the list, not the author, can fix that (From rewriting).
    if (auth::bulk_assessment(msg).mailing_list) return;
    const bool strict = ctx.options().boolean("strict");
    if (auth::aligned(ids.from->domain, ids.return_path->domain, strict)) return;
    const auto& signatures = auth::dkim_signatures(msg).signatures;
    const auto& bodies = auth::dkim_body_hashes(msg);
    const auto& results = auth::dkim_verifications(msg, ctx.config());
    std::vector<const auth::DkimSignature*> unaligned;
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        if (!auth::signature_may_pass(signatures[i], bodies[i], results[i])) continue;
        if (auth::aligned(ids.from->domain, signatures[i].domain, strict)) return;
        unaligned.push_back(&signatures[i]);
    }
    std::string message =
        "From's domain " + ids.from->domain + " aligns with neither the Return-Path domain " + ids.return_path->domain;
    // "neither ... nor" in both cases (issue 23): without a signature that can
    // pass there is no d= to align with, which is said after the "nor".
    message += unaligned.empty() ? " nor a DKIM signature that can pass (there is none)" : " nor any DKIM d=";
    Finding& f = ctx.report("", ids.from->span, message + ": DMARC fails");
    f.related.push_back({ctx.location("", ids.return_path->span), "the envelope-from (Return-Path) domain"});
    for (const auth::DkimSignature* sig : unaligned)
        f.related.push_back({ctx.location("", sig->tag("d")->value), "a DKIM signing domain"});
    with(f, "alignment", strict ? "strict" : "relaxed");
}

}  // namespace inboxlint::checks
