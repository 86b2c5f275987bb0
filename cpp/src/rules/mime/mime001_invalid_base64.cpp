#include "rules/context.hpp"

namespace inboxlint::checks {

void check_mime001_invalid_base64(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (std::size_t i = 0; i < msg.entities().size(); ++i) {
        const mime::Entity& e = msg.entities()[i];
        if (e.kind != mime::EntityKind::leaf || e.transfer_encoding.name != "base64") continue;
        for (const mime::SyntaxIssue& issue : msg.decoded_body(static_cast<int>(i)).issues) {
            if (!issue.code.starts_with("base64-")) continue;
            Finding& f = ctx.report(e.body_path, issue.span, "invalid base64: " + issue.detail);
            f.properties.push_back({"defect", std::string(issue.code)});
        }
    }
}

}  // namespace inboxlint::checks
