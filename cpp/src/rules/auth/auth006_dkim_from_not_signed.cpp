#include "auth/dkim_signature.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_auth006_dkim_from_not_signed(Context& ctx) {
    for (const auth::DkimSignature& sig : auth::dkim_signatures(ctx.message()).signatures) {
        const auth::Tag* h = sig.tag("h");
        if (!h || sig.headers.empty() || sig.signs("from") > 0) continue;
        ctx.report("", h->value, "h= does not list From; RFC 6376 section 5.4 requires it and verifiers reject it");
    }
}

}  // namespace inboxlint::checks
