#include <algorithm>
#include <string>
#include <string_view>

#include "analysis/bulk.hpp"
#include "core/ascii.hpp"
#include "rules/context.hpp"
#include "url/registrable.hpp"

namespace inboxlint::checks {

namespace {

// What the other domain means for the recipient. Replies go to Reply-To (else
// From), never to Sender: Sender only names who sent the message on From's
// behalf, which recipients see as "on behalf of" (issue 23).
std::string consequence(std::string_view field) {
    if (field == "Sender") return "the message says another organisation sent it on From's behalf";
    return "replies leave your domain";
}

}  // namespace

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
                const std::string what = std::string(name) + " is @" + m->domain +
                                         ", another organisation than From (@" + from_domain + "); " +
                                         consequence(name);
                Finding& f = ctx.report("", m->domain_span, what);
                f.related.push_back({ctx.location("", authors[0]->domain_span), "the From domain"});
                f.properties.push_back({"field", std::string(name)});
                f.properties.push_back({"domain", core::to_lower(m->domain)});
            }
        }
    }
}

}  // namespace inboxlint::checks
