#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

void check_field(Context& ctx, const mime::HeaderField& field) {
    const mime::AddressList& list = ctx.message().addresses(field);
    for (const mime::Address& address : list.addresses) {
        if (address.kind != mime::Address::Kind::group) continue;
        Finding& f = ctx.report("", address.group.span, "From holds a group; it must be a single mailbox");
        f.properties.push_back({"group", address.group.display_name_text});
    }
    const auto mailboxes = list.mailboxes();
    if (mailboxes.size() < 2) return;
    Finding& f =
        ctx.report("", field.value,
                   "From holds " + std::to_string(mailboxes.size()) + " mailboxes; Gmail requires a single address");
    for (const mime::Mailbox* m : mailboxes) {
        f.related.push_back({ctx.location("", m->span), "mailbox " + m->local_part + "@" + m->domain});
    }
    f.properties.push_back({"mailboxes", std::to_string(mailboxes.size())});
}

}  // namespace

void check_from001_multiple_from(Context& ctx) {
    const auto fields = ctx.message().fields("From");
    for (std::size_t i = 1; i < fields.size(); ++i) {
        Finding& f = ctx.report("", fields[i]->field,
                                "From appears " + std::to_string(fields.size()) + " times; it must appear once");
        f.related.push_back({ctx.location("", fields[0]->field), "first From field"});
    }
    for (const mime::HeaderField* field : fields) check_field(ctx, *field);
}

}  // namespace inboxlint::checks
