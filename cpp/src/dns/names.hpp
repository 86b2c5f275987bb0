// Domain names as DNS records and lookups spell them.
#pragma once

#include <string>
#include <string_view>

namespace inboxlint::dns {

// Lower case, without the final dot.
std::string normalise_name(std::string_view name);

// Labels of 1 to 63 octets, at most 253 octets in all (RFC 1035 section
// 2.3.4), whatever the octets are; no final dot.
bool labels_fit(std::string_view name) noexcept;

// A name records can be kept under: labels of 1 to 63 octets, at most 253
// octets in all, no white space or control characters. Underscores and other
// printable ASCII are allowed (_dmarc, _domainkey; RFC 2181 §11 puts no
// letter-digit-hyphen rule on DNS names).
bool is_record_name(std::string_view name) noexcept;

}  // namespace inboxlint::dns
