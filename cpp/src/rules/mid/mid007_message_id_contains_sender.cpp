#include "core/ascii.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_mid007_message_id_contains_sender(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const mime::HeaderField* id_field = msg.first_field("Message-ID");
    const mime::HeaderField* from_field = msg.first_field("From");
    if (!id_field || !from_field) return;
    const auto mailboxes = msg.addresses(*from_field).mailboxes();
    if (mailboxes.empty() || mailboxes[0]->local_part.empty()) return;
    const std::string address = core::to_lower(mailboxes[0]->local_part + "@" + mailboxes[0]->domain);
    for (const mime::MsgId& id : msg.message_id(*id_field).ids) {
        const std::string whole = core::to_lower(id.left_text + "@" + id.right_text);
        if (whole.find(address) == std::string::npos) continue;
        Finding& f = ctx.report("", id.span,
                                "the Message-ID contains the sender's address " + address +
                                    "; identifiers should be opaque, and this pattern is a spam signal");
        f.related.push_back({ctx.location("", mailboxes[0]->addr_spec), "the From address"});
    }
}

}  // namespace inboxlint::checks
