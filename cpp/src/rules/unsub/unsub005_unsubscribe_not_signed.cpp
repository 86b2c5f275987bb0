#include "auth/alignment.hpp"
#include "auth/dkim_verify.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

// Whether a signature that may pass covers every instance of both fields.
bool covered_by(const auth::DkimSignature& sig, std::size_t unsubscribe, std::size_t post) {
    return sig.signs("list-unsubscribe") >= unsubscribe && sig.signs("list-unsubscribe-post") >= post;
}

}  // namespace

void check_unsub005_unsubscribe_not_signed(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const auto unsubscribe = msg.fields("List-Unsubscribe");
    if (unsubscribe.empty()) return;
    const std::size_t posts = msg.fields("List-Unsubscribe-Post").size();
    const bool require_aligned = ctx.options().boolean("require_aligned");
    const auth::Identities& ids = auth::identities(msg);
    const auto& signatures = auth::dkim_signatures(msg).signatures;
    const auto& bodies = auth::dkim_body_hashes(msg);
    const auto& results = auth::dkim_verifications(msg, ctx.config());
    std::size_t usable = 0;
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        const auth::DkimSignature& sig = signatures[i];
        if (!auth::signature_may_pass(sig, bodies[i], results[i])) continue;
        if (require_aligned && (!ids.from || !auth::aligned(ids.from->domain, sig.domain, false))) continue;
        ++usable;
        if (covered_by(sig, unsubscribe.size(), posts)) return;
    }
    std::string what = posts > 0 ? "List-Unsubscribe and List-Unsubscribe-Post are" : "List-Unsubscribe is";
    std::string message = usable == 0 ? what + " not DKIM-signed: the message has no " +
                                            (require_aligned ? "aligned " : "") + "DKIM signature that can pass"
                                      : what + " not both in the h= of a DKIM signature";
    Finding& f = ctx.report("", unsubscribe.front()->name, message + " (RFC 8058 section 4)");
    with(f, "signatures", std::to_string(usable));
}

}  // namespace inboxlint::checks
