#include "rules/context.hpp"

namespace inboxlint::checks {

void check_msg009_missing_header_separator(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (const mime::ScanIssue& issue : msg.scan().issues) {
        if (issue.code != "missing-header-separator") continue;
        const mime::Entity& e = msg.entity(issue.entity);
        ctx.report(e.body_path, issue.span,
                   "this line is read as the start of the body, but no blank line separates it from the header");
    }
}

}  // namespace inboxlint::checks
