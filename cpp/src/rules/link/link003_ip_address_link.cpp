#include "rules/link/link_support.hpp"

namespace inboxlint::checks {

void check_link003_ip_address_link(Context& ctx) {
    for (const url::Link& link : url::message_links(ctx.message()).links) {
        const url::Url* u = link.url();
        if (u == nullptr || !u->host) continue;
        const url::Host& host = *u->host;
        if (host.kind != url::HostKind::ipv4 && host.kind != url::HostKind::ipv6) continue;
        const std::string_view written = link.written_host();
        std::string form = host.kind == url::HostKind::ipv6 ? "ipv6" : "dotted-decimal";
        std::string message = "the " + std::string(url::is_navigation(link.kind) ? "link" : "resource") +
                              " goes to the IP address " + host.serialized + " instead of a domain name";
        if (host.ipv4_unusual_form || (host.kind == url::HostKind::ipv4 && written != host.serialized)) {
            // Hex, octal, a single integer, fewer parts, escapes: browsers
            // accept them, readers and filters do not recognise an address.
            form = "obfuscated";
            message += " (written '" + excerpt(written, 60) + "', which browsers read as " + host.serialized + ")";
        }
        Finding& f = report_place(ctx, link_focus(link), std::move(message));
        with_link(f, link);
        with(f, "address", host.serialized);
        with(f, "form", form);
    }
}

}  // namespace inboxlint::checks
