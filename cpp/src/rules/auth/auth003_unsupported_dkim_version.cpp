#include "auth/dkim_signature.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_auth003_unsupported_dkim_version(Context& ctx) {
    for (const auth::DkimSignature& sig : auth::dkim_signatures(ctx.message()).signatures) {
        const auth::Tag* v = sig.tag("v");
        if (!v || v->compact.empty() || v->compact == "1") continue;  // absent or empty: AUTH002
        Finding& f = ctx.report("", v->value, "DKIM-Signature v=" + v->compact + ": the only version is 1");
        with(f, "version", v->compact);
    }
}

}  // namespace inboxlint::checks
