#include "auth/alignment.hpp"

#include "core/ascii.hpp"
#include "url/registrable.hpp"

namespace inboxlint::auth {
namespace {

std::optional<DomainRef> single_domain(const analysis::Message& msg, const mime::HeaderField& field) {
    const mime::AddressList& list = msg.addresses(field);
    const auto boxes = list.mailboxes();
    if (boxes.size() != 1 || list.group_count() != 0) return std::nullopt;
    const mime::Mailbox& box = *boxes.front();
    if (!box.valid || box.domain_literal || box.domain.empty()) return std::nullopt;
    return DomainRef{core::to_lower(box.domain), box.domain_span, box.local_part};
}

}  // namespace

const Identities& identities(const analysis::Message& msg) {
    return msg.memo<Identities>(0, [&] {
        Identities out;
        const auto from = msg.fields("From");
        if (from.size() == 1) out.from = single_domain(msg, *from.front());
        if (const mime::HeaderField* rp = msg.first_field("Return-Path")) out.return_path = single_domain(msg, *rp);
        return out;
    });
}

bool aligned(std::string_view a, std::string_view b, bool strict) {
    if (strict) return core::iequals(a, b);
    return url::same_registrable_domain(a, b);
}

}  // namespace inboxlint::auth
