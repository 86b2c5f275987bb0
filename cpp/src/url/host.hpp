// The WHATWG URL Standard's host parser (section 3.5) and serializer: IPv6
// with compression and embedded IPv4, IPv4 in every form a browser accepts
// (decimal, octal, hex, fewer than four parts: the "ends in a number" rule),
// opaque hosts of non-special schemes, and domains through UTS #46 ("domain to
// ASCII" with beStrict = false) and the forbidden domain code points.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace inboxlint::url {

enum class HostKind { empty, domain, ipv4, ipv6, opaque };

enum class HostError {
    none,
    invalid_ipv6,          // "[...]" that is no IPv6 address
    forbidden_code_point,  // a character no host (or no domain) may contain
    idna,                  // UTS #46 processing failed (see idna_errors)
    invalid_ipv4,          // ends in a number but is no IPv4 address
    empty,                 // nothing left after processing
};

struct Host {
    HostKind kind = HostKind::empty;
    std::string serialized;  // ASCII: the domain, dotted IPv4, "[v6]" or the opaque host
    std::uint32_t ipv4 = 0;
    std::array<std::uint16_t, 8> ipv6{};
    // IPv4 written other than as four decimal parts without leading zeros
    // ("0x7f.1", "2130706433", "0177.0.0.1"): browsers accept what readers
    // do not recognise as an address.
    bool ipv4_unusual_form = false;
    bool percent_encoded = false;  // the input had %XY escapes
    bool non_ascii = false;        // the input (after percent-decoding) had non-ASCII bytes
    bool idna_mapped = false;      // domain to ASCII changed something beyond ASCII lower-casing
};

struct HostResult {
    Host host;
    HostError error = HostError::none;
    std::uint32_t idna_errors = 0;  // idn::error bits when error == idna

    [[nodiscard]] bool ok() const noexcept { return error == HostError::none; }
};

// Parses a host as written in a URL (`opaque`: the URL's scheme is not special).
HostResult parse_host(std::string_view input, bool opaque);

// The WHATWG "domain to ASCII" (beStrict = false), without the host checks.
HostResult domain_to_ascii(std::string_view domain);

std::string serialize_ipv4(std::uint32_t address);
std::string serialize_ipv6(const std::array<std::uint16_t, 8>& address);  // without brackets

bool is_forbidden_host_code_point(unsigned char c) noexcept;
bool is_forbidden_domain_code_point(unsigned char c) noexcept;

std::string_view to_string(HostError error) noexcept;

}  // namespace inboxlint::url
