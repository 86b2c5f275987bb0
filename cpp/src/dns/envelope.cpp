// validate_envelope (inboxlint/dns.hpp).
#include <arpa/inet.h>

#include "core/ascii.hpp"
#include "dns/names.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/dns.hpp"

namespace inboxlint {
namespace {

bool is_ip_address(const std::string& text) {
    unsigned char bytes[16];
    return inet_pton(AF_INET, text.c_str(), bytes) == 1 || inet_pton(AF_INET6, text.c_str(), bytes) == 1;
}

// HELO: a domain name, or an address literal "[192.0.2.1]" / "[IPv6:...]".
bool is_helo_name(std::string_view helo) {
    if (helo.size() > 2 && helo.front() == '[' && helo.back() == ']') {
        std::string inner(helo.substr(1, helo.size() - 2));
        if (core::istarts_with(inner, "IPv6:")) inner.erase(0, 5);
        return is_ip_address(inner);
    }
    return dns::is_record_name(dns::normalise_name(helo));
}

}  // namespace

void validate_envelope(const Envelope& envelope) {
    if (!envelope.client_ip.empty() && !is_ip_address(envelope.client_ip))
        throw ConfigError("envelope: client IP '" + envelope.client_ip + "' is no IPv4 or IPv6 address");
    if (!envelope.helo.empty() && !is_helo_name(envelope.helo))
        throw ConfigError("envelope: HELO '" + envelope.helo + "' is no domain name or address literal");
    if (envelope.mail_from && !envelope.mail_from->empty()) {
        const std::string& from = *envelope.mail_from;
        const std::size_t at = from.rfind('@');
        if (at == std::string::npos || at + 1 >= from.size() || !dns::is_record_name(dns::normalise_name(from.substr(at + 1))) ||
            from.find_first_of(" \t\r\n<>") != std::string::npos)
            throw ConfigError("envelope: MAIL FROM '" + from + "' is no address (local-part@domain, or \"\" for <>)");
    }
}

}  // namespace inboxlint
