// Registrable domains (eTLD+1) through libpsl and the public suffix list.
// The list is loaded once per process with psl_latest(NULL): libpsl's
// built-in list, or the system's compiled list (public_suffix_list.dafsa
// from Debian's publicsuffix package) when that one is newer. Both work offline; which one
// was used is reported by psl_source(). The context is read-only after
// loading and shared by all threads.
#pragma once

#include <string>
#include <string_view>

namespace inboxlint::url {

// The registrable domain of a host name (ASCII, A-labels; case and a
// trailing dot are ignored), lower-case without the trailing dot. Empty when
// the name is itself a public suffix, is empty, or is an IP address literal.
std::string registrable_domain(std::string_view host);

// The registrable domain, or the host itself (lower-case, without a
// trailing dot) when it has none: an IP address or a public suffix. What
// link checks compare.
std::string domain_key(std::string_view host);

// The longest public suffix of the name ("co.uk" for "a.b.co.uk").
std::string public_suffix(std::string_view host);

// Whether the name's top-level label is on the public suffix list (not
// just covered by its "*" default rule): "shop.example" has none. Some
// top-level domains are listed only through their second level ("co.za",
// "*.ck"): the name's last two labels, or a wildcard under its last one,
// count too.
bool has_known_public_suffix(std::string_view host);

// Whether two hosts share a registrable domain. Hosts without one (public
// suffixes, IP addresses) are compared whole.
bool same_registrable_domain(std::string_view a, std::string_view b);

// Whether `host` is `domain` or a subdomain of it (label-wise).
bool is_same_or_subdomain(std::string_view host, std::string_view domain);

// "libpsl built-in list" or "system list (<file>)", with the list's date.
std::string psl_source();

}  // namespace inboxlint::url
