#include "auth/list_headers.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_unsub002_invalid_list_unsubscribe(Context& ctx) {
    const auth::ListUnsubscribeFields& lu = auth::list_unsubscribe(ctx.message());
    for (const auth::ListUnsubscribe& parsed : lu.parsed) {
        for (const mime::SyntaxIssue& issue : parsed.issues) {
            Finding& f = ctx.report("", issue.span, "List-Unsubscribe: " + issue.detail + " (RFC 2369 section 2)");
            with(f, "defect", std::string(issue.code));
        }
    }
}

}  // namespace inboxlint::checks
