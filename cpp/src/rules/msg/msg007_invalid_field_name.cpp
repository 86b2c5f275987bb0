#include "rules/context.hpp"

namespace inboxlint::checks {

void check_msg007_invalid_field_name(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (const mime::ScanIssue& issue : msg.scan().issues) {
        if (issue.code != "invalid-field-name" && issue.code != "empty-field-name") continue;
        const std::string where = msg.entity(issue.entity).path;
        Finding& f = ctx.report(where, issue.span,
                                issue.detail + "; many parsers end the header here and show the rest as body text");
        f.properties.push_back({"defect", std::string(issue.code)});
    }
}

}  // namespace inboxlint::checks
