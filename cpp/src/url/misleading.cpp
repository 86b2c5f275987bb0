#include "url/misleading.hpp"

#include <algorithm>

#include "url/domains.hpp"
#include "url/redirect.hpp"
#include "url/registrable.hpp"
#include "url/shown_text.hpp"

namespace inboxlint::url {
namespace {

// Whether the host spells the other domain among its labels, as in
// "shop.example.attacker.test" for "shop.example".
bool spells(const std::string& host, const std::string& domain) {
    return ("." + host + ".").find("." + domain + ".") != std::string::npos;
}

// Source text wrapped inside a URL ("www.exhibitionsindia.o\nrg") shows as
// "www.exhibitionsindia.o rg": the name is the href's once the break is gone.
bool same_without_spaces(const std::string& text, const std::string& target_domain) {
    if (text.find(' ') == std::string::npos) return false;
    std::string joined;
    for (const char c : text)
        if (c != ' ') joined.push_back(c);
    const auto shown = displayed_target(joined);
    if (!shown) return false;
    const HostResult host = domain_to_ascii(shown->host);
    return host.ok() && domain_key(host.host.serialized) == target_domain;
}

std::optional<LinkMismatch> check_anchor(const Link& link, const std::string& from_domain) {
    const Url* u = link.url();
    if (!link.anchor || u == nullptr || !u->host || u->host->kind == HostKind::empty) return std::nullopt;
    if (u->host->kind == HostKind::opaque) return std::nullopt;
    const std::string text = as_an_address_bar_reads(link.anchor->text);
    auto shown = displayed_target(text);
    if (!shown) return std::nullopt;
    // A shown e-mail address goes with mailto:, anything else with a host.
    const HostResult shown_host = domain_to_ascii(shown->host);
    if (!shown_host.ok()) return std::nullopt;
    LinkMismatch m;
    m.link = &link;
    m.shown = std::move(*shown);
    m.shown_host = shown_host.host.serialized;
    m.shown_domain = domain_key(m.shown_host);
    m.target_host = u->host->serialized;
    m.target_domain = domain_key(m.target_host);
    if (m.shown_domain == m.target_domain) return std::nullopt;
    if (same_without_spaces(text, m.target_domain)) return std::nullopt;
    // A link to the author's own domain (a click tracker or redirect the
    // From organisation runs, and answers for under DMARC) is the sender's
    // link, unless its host dresses up as the name shown.
    if (m.target_domain == from_domain && !spells(m.target_host, m.shown_domain)) return std::nullopt;
    const RedirectChain chain = follow_redirects(link.written, *u);
    for (const std::string& host : chain.ambiguous ? chain.alternatives : chain.hosts)
        m.embedded.push_back(domain_key(host));
    if (chain.ambiguous) {
        m.reason = "ambiguous-redirect";
    } else if (chain.hosts.empty()) {
        m.reason = "different-domain";
    } else if (chain.too_deep || m.embedded.back() != m.shown_domain) {
        m.reason = "redirect-elsewhere";
        m.too_deep = chain.too_deep;
    } else {
        return std::nullopt;  // the wrapper's final destination is the one shown
    }
    return m;
}

}  // namespace

const LinkMismatches& link_mismatches(const analysis::Message& msg) {
    return msg.memo<LinkMismatches>(0, [&] {
        LinkMismatches result;
        const std::string from_domain = from_registrable_domain(msg);
        for (const Link& link : message_links(msg).links) {
            if (link.kind != LinkKind::anchor && link.kind != LinkKind::area) continue;
            if (auto m = check_anchor(link, from_domain)) result.mismatches.push_back(std::move(*m));
        }
        return result;
    });
}

}  // namespace inboxlint::url
