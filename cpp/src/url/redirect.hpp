// The destinations a redirect or click-tracking URL carries inside itself:
// URLs in its path or query, as written, percent-encoded, or base64-encoded
// (ESPs put "aHR0cHM6Ly9..." in a parameter). Used to accept a link whose
// text shows the real destination while its href goes through a tracker.
//
// Wrappers nest (a tracker around a redirector around the page), so the
// chain is followed one level at a time, each level decoding once more, the
// way rspamd's phishing check does since its fix for wrapped links: when a
// level carries exactly one destination (by registrable domain), it is
// followed; the last one is the leaf. Several destinations at one level make
// the chain ambiguous.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "url/url.hpp"

namespace inboxlint::url {

struct RedirectChain {
    std::vector<std::string> hosts;         // one per level, outermost first; the last is the leaf
    bool ambiguous = false;                 // a level carried several destinations:
    std::vector<std::string> alternatives;  // ... their hosts
    bool too_deep = false;                  // still going after max_redirect_depth levels
};

inline constexpr std::size_t max_redirect_depth = 5;

// `href` is the link as written and `url` its parse.
RedirectChain follow_redirects(std::string_view href, const Url& url);

// Hosts (ASCII, serialized) of the URLs embedded in `href` after its host,
// at the first level only, without duplicates.
std::vector<std::string> embedded_target_hosts(std::string_view href, const Url& url);

}  // namespace inboxlint::url
