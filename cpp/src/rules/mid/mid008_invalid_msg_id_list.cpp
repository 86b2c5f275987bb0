#include <string_view>

#include "rules/context.hpp"

namespace inboxlint::checks {

void check_mid008_invalid_msg_id_list(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (std::string_view name : {"In-Reply-To", "References"}) {
        for (const mime::HeaderField* field : msg.fields(name)) {
            for (const mime::SyntaxIssue& issue : msg.msg_id_list(*field).issues) {
                // Phrases between ids are obsolete but legal (MSG010).
                if (issue.code == "obsolete-msg-id") continue;
                Finding& f = ctx.report("", issue.span, std::string(name) + ": " + issue.detail);
                f.properties.push_back({"field", std::string(name)});
                f.properties.push_back({"defect", std::string(issue.code)});
            }
        }
    }
}

}  // namespace inboxlint::checks
