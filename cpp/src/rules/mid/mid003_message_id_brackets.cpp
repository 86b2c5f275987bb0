#include "rules/context.hpp"

namespace inboxlint::checks {

void check_mid003_message_id_brackets(Context& ctx) {
    const mime::HeaderField* field = ctx.message().first_field("Message-ID");
    if (!field) return;
    for (const mime::SyntaxIssue& issue : ctx.message().message_id(*field).issues) {
        if (issue.code != "missing-angle-brackets") continue;
        ctx.report("", issue.span, "the Message-ID must be enclosed in '<' and '>'");
    }
}

}  // namespace inboxlint::checks
