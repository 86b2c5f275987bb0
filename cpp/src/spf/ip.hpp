// Client addresses as SPF (RFC 7208) uses them: parsing, CIDR matching, and
// the forms the macros and the "ptr" mechanism need.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace inboxlint::spf {

// An IPv4 (the first four bytes) or IPv6 address.
struct Address {
    bool v6 = false;
    std::array<std::uint8_t, 16> bytes{};
    friend bool operator==(const Address&, const Address&) = default;
};

// Strict dotted quad (no leading zeros, as RFC 7208's qnum) or RFC 4291 text.
std::optional<Address> parse_ip4(std::string_view text);
std::optional<Address> parse_ip6(std::string_view text);

// Either family. An IPv4-mapped IPv6 address (::ffff:192.0.2.1) becomes the
// IPv4 address: the client is an IPv4 host, and RFC 7208 section 5 has ip4,
// a and mx judge it as one.
std::optional<Address> parse_client_ip(std::string_view text);

// Whether `ip` lies in `network`/`prefix`; false across families. A prefix
// beyond the family's width is clamped (the record parser rejects those).
bool in_network(const Address& ip, const Address& network, int prefix) noexcept;

// The macro forms (RFC 7208 section 7.3): %{i} is the dotted quad, or the 32
// nibbles dot-separated for IPv6; %{c} is the address as people write it.
std::string macro_i(const Address& ip);
std::string macro_c(const Address& ip);

// The reverse-lookup name: "4.3.2.1.in-addr.arpa" or 32 nibbles + "ip6.arpa".
std::string reverse_name(const Address& ip);

}  // namespace inboxlint::spf
