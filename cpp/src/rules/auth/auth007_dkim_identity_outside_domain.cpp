#include "auth/dkim_signature.hpp"
#include "rules/context.hpp"
#include "url/registrable.hpp"

namespace inboxlint::checks {

void check_auth007_dkim_identity_outside_domain(Context& ctx) {
    for (const auth::DkimSignature& sig : auth::dkim_signatures(ctx.message()).signatures) {
        if (!sig.identity || sig.domain.empty()) continue;
        const std::string domain = sig.identity->substr(sig.identity->rfind('@') + 1);
        if (url::is_same_or_subdomain(domain, sig.domain)) continue;
        Finding& f = ctx.report("", sig.tag("i")->value,
                                "i=" + *sig.identity + " is not in d=" + sig.domain +
                                    " or a subdomain of it (RFC 6376 section 3.5); verifiers reject the signature");
        f.related.push_back({ctx.location("", sig.tag("d")->value), "the signing domain"});
    }
}

}  // namespace inboxlint::checks
