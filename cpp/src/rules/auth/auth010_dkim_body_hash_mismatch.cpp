#include "auth/dkim_verify.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_auth010_dkim_body_hash_mismatch(Context& ctx) {
    const auto& signatures = auth::dkim_signatures(ctx.message()).signatures;
    const auto& bodies = auth::dkim_body_hashes(ctx.message());
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        const auth::DkimSignature& sig = signatures[i];
        const auth::BodyHashResult& body = bodies[i];
        if (body.status != auth::BodyHashStatus::mismatch) continue;
        std::string message = body.reason.empty()
                                  ? "bh= does not match the body (" + std::string(to_string(sig.body_canon)) +
                                        " canonicalisation gives " + body.computed + "): the body changed after signing"
                                  : "the body hash cannot match: " + body.reason;
        Finding& f = ctx.report("", sig.tag("bh")->value, std::move(message));
        with(f, "computed", body.computed);
        with(f, "canonicalization", std::string(to_string(sig.body_canon)));
    }
}

}  // namespace inboxlint::checks
