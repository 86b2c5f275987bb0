#include "rules/mime_rules.hpp"

namespace inboxlint::checks {

void check_mime013_missing_close_delimiter(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (const mime::ScanIssue& issue : msg.scan().issues) {
        if (issue.code != "missing-close-delimiter") continue;
        const mime::Entity& e = msg.entity(issue.entity);
        Finding& f = ctx.report(e.body_path, issue.span, issue.detail);
        f.related.push_back({ctx.location(e.path, e.content_type.type_span), "the multipart"});
    }
}

}  // namespace inboxlint::checks
