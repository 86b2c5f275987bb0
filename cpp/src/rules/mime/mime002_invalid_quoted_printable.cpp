#include "rules/mime_rules.hpp"

namespace inboxlint::checks {

void check_mime002_invalid_quoted_printable(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for_each_leaf(msg, [&](int index, const mime::Entity& e) {
        if (e.transfer_encoding.name != "quoted-printable") return;
        for (const mime::SyntaxIssue& issue : msg.decoded_body(index).issues) {
            // Lower-case escapes are decoded by everyone; RFC 2045 only
            // recommends robustness there, so they are not reported.
            if (issue.code != "qp-invalid-escape" && issue.code != "qp-line-too-long") continue;
            Finding& f = ctx.report(e.body_path, issue.span, "invalid quoted-printable: " + issue.detail);
            f.properties.push_back({"defect", std::string(issue.code)});
        }
    });
}

}  // namespace inboxlint::checks
