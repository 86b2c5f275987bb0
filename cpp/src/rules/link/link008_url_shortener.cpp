#include "core/data_files.hpp"
#include "rules/link/link_support.hpp"
#include "url/registrable.hpp"

namespace inboxlint::checks {

void check_link008_url_shortener(Context& ctx) {
    static const std::vector<std::string> shorteners = core::data_lines("url_shorteners.txt");
    for (const url::Link& link : url::message_links(ctx.message()).links) {
        const url::Url* u = link.url();
        if (u == nullptr || !u->host || u->host->kind != url::HostKind::domain) continue;
        const std::string& host = u->host->serialized;
        for (const std::string& s : shorteners) {
            if (!url::is_same_or_subdomain(host, s)) continue;
            Finding& f = report_place(
                ctx, link_focus(link),
                "a link through the URL shortener " + s + " hides its destination; link to the destination directly");
            with_link(f, link);
            with(f, "shortener", s);
            break;
        }
    }
}

}  // namespace inboxlint::checks
