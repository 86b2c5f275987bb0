#include "rules/context.hpp"

namespace inboxlint::checks {

void check_msg012_missing_sender(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    if (msg.first_field("Sender")) return;
    for (const mime::HeaderField* field : msg.fields("From")) {
        const std::size_t mailboxes = msg.addresses(*field).mailbox_count();
        if (mailboxes < 2) continue;
        ctx.report("", field->value,
                   "From holds " + std::to_string(mailboxes) +
                       " mailboxes, so a Sender field must say which one sent the message");
        return;
    }
}

}  // namespace inboxlint::checks
