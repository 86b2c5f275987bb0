#include "auth/dkim_verify.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_auth011_dkim_signature_invalid(Context& ctx) {
    const auto& signatures = auth::dkim_signatures(ctx.message()).signatures;
    const auto& results = auth::dkim_verifications(ctx.message(), ctx.config());
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        const auth::VerifyResult& r = results[i];
        if (r.status != auth::VerifyStatus::fail && r.status != auth::VerifyStatus::bad_key) continue;
        const auth::DkimSignature& sig = signatures[i];
        const bool key = r.status == auth::VerifyStatus::bad_key;
        // A bad key is about s= and d= (where it was looked up); a failed
        // signature about b=.
        Finding& f =
            ctx.report("", key ? sig.tag("s")->span : sig.tag("b")->value,
                       key ? "the key " + r.key_name + " cannot verify this signature: " + r.detail : r.detail);
        with(f, "key", r.key_name);
        with(f, "problem", key ? "key" : "signature");
    }
}

}  // namespace inboxlint::checks
