#include "auth/dkim_signature.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_auth009_dkim_body_length_limit(Context& ctx) {
    for (const auth::DkimSignature& sig : auth::dkim_signatures(ctx.message()).signatures) {
        const auth::Tag* l = sig.tag("l");
        if (!l) continue;
        ctx.report("", l->span,
                   "l= signs only the first " + l->compact +
                       " bytes of the body: anyone can append content and the signature still verifies");
    }
}

}  // namespace inboxlint::checks
