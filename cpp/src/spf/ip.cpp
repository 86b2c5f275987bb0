#include "spf/ip.hpp"

#include <arpa/inet.h>

#include <algorithm>

namespace inboxlint::spf {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

// inet_pton needs a terminated string; an embedded NUL must not cut it short.
std::optional<Address> parse_family(std::string_view text, int family) {
    if (text.empty() || text.size() > 64 || text.find('\0') != std::string_view::npos) return std::nullopt;
    const std::string copy(text);
    Address out;
    out.v6 = family == AF_INET6;
    if (inet_pton(family, copy.c_str(), out.bytes.data()) != 1) return std::nullopt;
    return out;
}

bool is_v4_mapped(const Address& ip) noexcept {
    return ip.v6 && std::all_of(ip.bytes.begin(), ip.bytes.begin() + 10, [](std::uint8_t b) { return b == 0; }) &&
           ip.bytes[10] == 0xff && ip.bytes[11] == 0xff;
}

// The nibbles of an IPv6 address, most significant first, dot-separated.
std::string nibbles(const Address& ip, bool reversed) {
    std::string out;
    out.reserve(64);
    for (int n = 0; n < 32; ++n) {
        const int index = reversed ? 31 - n : n;
        const std::uint8_t byte = ip.bytes[static_cast<std::size_t>(index / 2)];
        if (!out.empty()) out.push_back('.');
        out.push_back(hex_digits[index % 2 == 0 ? byte >> 4 : byte & 0x0f]);
    }
    return out;
}

std::string quad(const Address& ip, bool reversed) {
    std::string out;
    for (int n = 0; n < 4; ++n) {
        if (n > 0) out.push_back('.');
        out += std::to_string(ip.bytes[static_cast<std::size_t>(reversed ? 3 - n : n)]);
    }
    return out;
}

}  // namespace

std::optional<Address> parse_ip4(std::string_view text) { return parse_family(text, AF_INET); }
std::optional<Address> parse_ip6(std::string_view text) { return parse_family(text, AF_INET6); }

std::optional<Address> parse_client_ip(std::string_view text) {
    if (auto v4 = parse_ip4(text)) return v4;
    auto v6 = parse_ip6(text);
    if (v6 && is_v4_mapped(*v6)) {
        Address v4;
        std::copy(v6->bytes.begin() + 12, v6->bytes.end(), v4.bytes.begin());
        return v4;
    }
    return v6;
}

bool in_network(const Address& ip, const Address& network, int prefix) noexcept {
    if (ip.v6 != network.v6) return false;
    const int width = ip.v6 ? 128 : 32;
    prefix = std::clamp(prefix, 0, width);
    const int whole = prefix / 8;
    for (int i = 0; i < whole; ++i)
        if (ip.bytes[static_cast<std::size_t>(i)] != network.bytes[static_cast<std::size_t>(i)]) return false;
    const int rest = prefix % 8;
    if (rest == 0) return true;
    const auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
    const auto at = static_cast<std::size_t>(whole);
    return (ip.bytes[at] & mask) == (network.bytes[at] & mask);
}

std::string macro_i(const Address& ip) { return ip.v6 ? nibbles(ip, false) : quad(ip, false); }

std::string macro_c(const Address& ip) {
    if (!ip.v6) return quad(ip, false);
    char text[INET6_ADDRSTRLEN] = {};
    if (inet_ntop(AF_INET6, ip.bytes.data(), text, sizeof text) == nullptr) return nibbles(ip, false);
    return text;
}

std::string reverse_name(const Address& ip) {
    return ip.v6 ? nibbles(ip, true) + ".ip6.arpa" : quad(ip, true) + ".in-addr.arpa";
}

}  // namespace inboxlint::spf
