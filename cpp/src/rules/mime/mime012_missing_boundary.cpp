#include "rules/mime_rules.hpp"

namespace inboxlint::checks {

void check_mime012_missing_boundary(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (const mime::ScanIssue& issue : msg.scan().issues) {
        if (issue.code != "missing-boundary-parameter" && issue.code != "boundary-not-found") continue;
        const mime::Entity& e = msg.entity(issue.entity);
        Finding& f = ctx.report(e.path, issue.span, issue.detail + "; the body is read as one part");
        f.properties.push_back({"defect", std::string(issue.code)});
    }
}

}  // namespace inboxlint::checks
