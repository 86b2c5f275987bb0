#include <map>

#include "rules/link/link_support.hpp"
#include "url/domains.hpp"
#include "url/misleading.hpp"

namespace inboxlint::checks {

void check_link010_unrelated_link_domain(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const std::string from = url::from_registrable_domain(msg);
    if (from.empty()) return;
    const auto& own = ctx.options().string_list("own_domains");
    struct Group {
        const url::Link* first = nullptr;
        std::size_t count = 0;
    };
    std::map<std::string, Group> groups;
    std::vector<std::string> order;
    for (const url::Link& link : url::message_links(msg).links) {
        if (!url::is_navigation(link.kind)) continue;
        const url::Url* u = link.url();
        if (u == nullptr || !u->host || u->host->kind != url::HostKind::domain) continue;
        const std::string& host = u->host->serialized;
        const std::string key = url::domain_key(host);
        if (key == from || host_in(host, own)) continue;
        Group& g = groups[key];
        if (g.count++ == 0) {
            g.first = &link;
            order.push_back(key);
        }
    }
    for (const std::string& key : order) {
        const Group& g = groups[key];
        std::string message = std::to_string(g.count);
        message += g.count == 1 ? " link goes to " : " links go to ";
        message += key + ", unrelated to the From domain " + from;
        Finding& f = report_place(ctx, link_focus(*g.first), std::move(message));
        with_link(f, *g.first);
        with(f, "domain", key);
        with(f, "from_domain", from);
        with(f, "links", std::to_string(g.count));
    }
}

}  // namespace inboxlint::checks
