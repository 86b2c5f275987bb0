#include "auth/dkim_signature.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_auth002_missing_dkim_tag(Context& ctx) {
    for (const auth::DkimSignature& sig : auth::dkim_signatures(ctx.message()).signatures) {
        for (std::string_view name : auth::required_tags) {
            const auth::Tag* tag = sig.tag(name);
            if (tag && !tag->compact.empty()) continue;
            // An empty value points at the tag; a missing tag at the field name.
            Finding& f = ctx.report("", tag ? tag->span : sig.field->name,
                                    "DKIM-Signature " + std::string(tag ? "has an empty " : "lacks the required ") +
                                        std::string(name) + "= tag; verifiers ignore the signature");
            with(f, "tag", std::string(name));
        }
    }
}

}  // namespace inboxlint::checks
