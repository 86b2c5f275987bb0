#include "rules/context.hpp"

namespace inboxlint::checks {

void check_msg008_malformed_header_line(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (const mime::ScanIssue& issue : msg.scan().issues) {
        if (issue.code != "header-line-without-colon" && issue.code != "leading-continuation-line") continue;
        Finding& f = ctx.report(msg.entity(issue.entity).path, issue.span, issue.detail);
        f.properties.push_back({"defect", std::string(issue.code)});
    }
}

}  // namespace inboxlint::checks
