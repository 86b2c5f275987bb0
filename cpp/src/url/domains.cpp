#include "url/domains.hpp"

#include "auth/dkim_signature.hpp"
#include "core/ascii.hpp"
#include "url/percent.hpp"
#include "url/registrable.hpp"

namespace inboxlint::url {
namespace {

void add_mailboxes(const analysis::Message& msg, std::string_view field_name, DomainRole role,
                   std::vector<DomainUse>& out) {
    for (const mime::HeaderField* field : msg.fields(field_name)) {
        for (const mime::Mailbox* m : msg.addresses(*field).mailboxes()) {
            if (m->domain.empty() || m->domain_literal) continue;
            out.push_back({role, std::string(field_name), m->domain, Place{0, true, m->domain_span}, nullptr});
        }
    }
}

void add_dkim(const analysis::Message& msg, std::vector<DomainUse>& out) {
    for (const auth::DkimSignature& sig : auth::dkim_signatures(msg).signatures) {
        const auth::Tag* d = sig.tag("d");
        if (d == nullptr || d->compact.empty()) continue;
        out.push_back({DomainRole::dkim, "DKIM-Signature d=", d->compact, Place{0, true, d->value}, nullptr});
    }
}

// The domain of a mailto: link ("mailto:a@b.example?subject=x").
void add_mailto(const Link& link, std::vector<DomainUse>& out) {
    const Url* u = link.url();
    if (u == nullptr || u->scheme != "mailto" || !u->path_span) return;
    const Span path = *u->path_span;
    const std::string_view written_path = std::string_view(link.written).substr(path.begin, path.size());
    const auto at = written_path.rfind('@');
    if (at == std::string_view::npos || at + 1 >= written_path.size()) return;
    const Span domain{path.begin + at + 1, path.end};
    const auto place = link.place_of(domain);
    DomainUse use{DomainRole::link, "mailto", percent_decode(written_path.substr(at + 1)), place.value_or(link.place),
                  &link};
    out.push_back(std::move(use));
}

void add_links(const analysis::Message& msg, std::vector<DomainUse>& out) {
    for (const Link& link : message_links(msg).links) {
        const Url* u = link.url();
        if (u == nullptr) continue;
        if (u->scheme == "mailto") {
            add_mailto(link, out);
            continue;
        }
        if (!u->host || u->host->kind != HostKind::domain) continue;
        const std::string_view written = link.written_host();
        if (written.empty()) continue;
        out.push_back(
            {DomainRole::link, link.source, percent_decode(written), link.host_place.value_or(link.place), &link});
    }
}

}  // namespace

std::string_view to_string(DomainRole role) noexcept {
    switch (role) {
        case DomainRole::from:
            return "from";
        case DomainRole::sender:
            return "sender";
        case DomainRole::reply_to:
            return "reply-to";
        case DomainRole::return_path:
            return "return-path";
        case DomainRole::dkim:
            return "dkim";
        case DomainRole::link:
            return "link";
    }
    return "link";
}

const DomainsByRole& domains_by_role(const analysis::Message& msg) {
    return msg.memo<DomainsByRole>(0, [&] {
        DomainsByRole result;
        add_mailboxes(msg, "From", DomainRole::from, result.uses);
        add_mailboxes(msg, "Sender", DomainRole::sender, result.uses);
        add_mailboxes(msg, "Reply-To", DomainRole::reply_to, result.uses);
        add_mailboxes(msg, "Return-Path", DomainRole::return_path, result.uses);
        add_dkim(msg, result.uses);
        add_links(msg, result.uses);
        return result;
    });
}

std::string from_registrable_domain(const analysis::Message& msg) {
    for (const DomainUse& use : domains_by_role(msg).uses) {
        if (use.role != DomainRole::from) continue;
        const auto ascii = domain_to_ascii(use.name);
        if (!ascii.ok()) return {};
        std::string reg = registrable_domain(ascii.host.serialized);
        return reg.empty() ? ascii.host.serialized : reg;
    }
    return {};
}

}  // namespace inboxlint::url
