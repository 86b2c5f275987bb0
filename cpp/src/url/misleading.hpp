// Links whose visible text shows one destination while the href goes to
// another: the text is (or starts with) a URL, a "www." name, an e-mail
// address or a domain name, and its registrable domain differs from the
// href's after both went through UTS #46. A subdomain of the same
// registrable domain is fine; so is a redirect or click-tracking wrapper
// whose embedded destination (followed through nested wrappers) is the one
// shown, and a link to the From
// domain's own registrable domain (the sender's tracker), unless that host
// spells the shown name inside it ("shop.example.attacker.test").
#pragma once

#include <string>
#include <vector>

#include "analysis/message.hpp"
#include "url/links.hpp"
#include "url/registrable.hpp"
#include "url/text_urls.hpp"

namespace inboxlint::url {

struct LinkMismatch {
    const Link* link = nullptr;
    DisplayedTarget shown;      // in link->anchor->text
    std::string shown_host;     // ASCII (A-labels), lower-case
    std::string shown_domain;   // its registrable domain (or the host when it has none)
    std::string target_host;    // the href's host, ASCII
    std::string target_domain;  // its registrable domain (or the host)
    // The registrable domains of the destinations the href carries: its
    // redirect chain, outermost first, or the alternatives at an ambiguous level.
    std::vector<std::string> embedded;
    bool too_deep = false;  // the chain went on past max_redirect_depth
    // "different-domain": no embedded destination; "redirect-elsewhere": the
    // chain of embedded destinations ends elsewhere (or goes on too deep);
    // "ambiguous-redirect": a level carries several.
    std::string reason;
};

struct LinkMismatches {
    std::vector<LinkMismatch> mismatches;
};

const LinkMismatches& link_mismatches(const analysis::Message& msg);

}  // namespace inboxlint::url
