#include "auth/dkim_signature.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_auth004_dkim_rsa_sha1(Context& ctx) {
    for (const auth::DkimSignature& sig : auth::dkim_signatures(ctx.message()).signatures) {
        if (sig.algorithm != auth::DkimAlgorithm::rsa_sha1) continue;
        ctx.report("", sig.tag("a")->value,
                   "a=rsa-sha1: RFC 8301 forbids SHA-1 signatures; verifiers treat them as failing");
    }
}

}  // namespace inboxlint::checks
