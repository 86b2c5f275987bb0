#include "rules/context.hpp"

namespace inboxlint::checks {

void check_from005_missing_display_name(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const mime::HeaderField* field = msg.first_field("From");
    if (!field) return;
    const mime::AddressList& list = msg.addresses(*field);
    // Groups and several mailboxes are FROM001's business.
    if (list.addresses.size() != 1 || list.addresses[0].kind != mime::Address::Kind::mailbox) return;
    const auto mailboxes = list.mailboxes();
    if (!mailboxes[0]->display_name_text.empty()) return;
    ctx.report("", mailboxes[0]->span,
               "From has no display name; recipients see only the address " + mailboxes[0]->local_part + "@" +
                   mailboxes[0]->domain);
}

}  // namespace inboxlint::checks
