#include "auth/dkim_signature.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_auth001_malformed_dkim_signature(Context& ctx) {
    for (const auth::DkimSignature& sig : auth::dkim_signatures(ctx.message()).signatures) {
        for (const mime::SyntaxIssue& issue : sig.issues) {
            Finding& f = ctx.report("", issue.span, "DKIM-Signature: " + issue.detail);
            with(f, "defect", std::string(issue.code));
        }
    }
}

}  // namespace inboxlint::checks
