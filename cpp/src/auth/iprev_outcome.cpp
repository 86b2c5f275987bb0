#include "auth/iprev_outcome.hpp"

#include <optional>

#include "dns/source.hpp"

namespace inboxlint::auth {

const dns::Iprev* client_iprev(const analysis::Message& msg, const Config& config) {
    const auto& iprev = msg.memo<std::optional<dns::Iprev>>(0, [&]() -> std::optional<dns::Iprev> {
        const dns::SuppliedSource source(config.dns, config.dns_resolver);
        if (config.envelope.client_ip.empty() || !source.anything_supplied()) return std::nullopt;
        return dns::check_iprev(config.envelope.client_ip, source);
    });
    return iprev ? &*iprev : nullptr;
}

}  // namespace inboxlint::auth
