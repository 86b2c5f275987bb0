#include <string_view>

#include "core/ascii.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_mid006_message_id_ip_address(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const mime::HeaderField* field = msg.first_field("Message-ID");
    if (!field) return;
    for (const mime::MsgId& id : msg.message_id(*field).ids) {
        const bool literal = id.domain_literal;
        if (!literal && !core::is_dotted_quad(id.right_text)) continue;
        ctx.report("", id.right,
                   std::string("the Message-ID's right-hand side is ") + (literal ? "an address literal" : "an IP address") +
                       " ('" + id.right_text + "'), which exposes a host and is a spam signal; use your domain");
    }
}

}  // namespace inboxlint::checks
