#include <string_view>

#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

// Issue codes that make a Message-ID invalid. Missing brackets are MID003;
// obsolete syntax is still valid.
bool is_invalidating(std::string_view code) noexcept {
    return code != "missing-angle-brackets" && code != "obsolete-msg-id";
}

}  // namespace

void check_mid002_invalid_message_id(Context& ctx) {
    const mime::HeaderField* field = ctx.message().first_field("Message-ID");
    if (!field) return;
    for (const mime::SyntaxIssue& issue : ctx.message().message_id(*field).issues) {
        if (!is_invalidating(issue.code)) continue;
        Finding& f = ctx.report("", issue.span, "invalid Message-ID: " + issue.detail);
        f.properties.push_back({"defect", std::string(issue.code)});
    }
}

}  // namespace inboxlint::checks
