#include <string_view>

#include <algorithm>

#include "analysis/bulk.hpp"
#include "core/ascii.hpp"
#include "rules/context.hpp"
#include "url/registrable.hpp"

namespace inboxlint::checks {

void check_from006_reply_to_other_domain(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const mime::HeaderField* from = msg.first_field("From");
    if (!from) return;
    const auto authors = msg.addresses(*from).mailboxes();
    if (authors.size() != 1 || authors[0]->domain.empty()) return;
    const std::string from_domain = core::to_lower(authors[0]->domain);
    const auto& lists = analysis::mailing_list_domains(msg);
    const auto via_list = [&](const std::string& domain) {
        return std::find(lists.begin(), lists.end(), url::registrable_domain(domain)) != lists.end();
    };
    for (std::string_view name : {"Reply-To", "Sender"}) {
        for (const mime::HeaderField* field : msg.fields(name)) {
            for (const mime::Mailbox* m : msg.addresses(*field).mailboxes()) {
                const std::string domain = core::to_lower(m->domain);
                if (domain.empty() || url::same_registrable_domain(domain, from_domain) || via_list(domain)) continue;
                Finding& f = ctx.report("", m->domain_span,
                                        std::string(name) + " is @" + m->domain + ", another organisation than From (@" +
                                            from_domain + "); replies leave your domain");
                f.related.push_back({ctx.location("", authors[0]->domain_span), "the From domain"});
                f.properties.push_back({"field", std::string(name)});
                f.properties.push_back({"domain", core::to_lower(m->domain)});
            }
        }
    }
}

}  // namespace inboxlint::checks
