#include "auth/list_headers.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_unsub007_invalid_list_id(Context& ctx) {
    for (const auth::ListId& id : auth::list_ids(ctx.message()).parsed) {
        for (const mime::SyntaxIssue& issue : id.issues) {
            Finding& f = ctx.report("", issue.span, "List-Id: " + issue.detail + " (RFC 2919)");
            with(f, "defect", std::string(issue.code));
        }
    }
}

}  // namespace inboxlint::checks
