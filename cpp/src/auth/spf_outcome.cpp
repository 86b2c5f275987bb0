#include "auth/spf_outcome.hpp"

#include "dns/source.hpp"
#include "spf/record.hpp"

namespace inboxlint::auth {
namespace {

SpfPresence presence_of(const dns::Source& dns, const std::string& domain) {
    const DnsAnswer answer = dns.lookup(domain, "TXT");
    switch (answer.status) {
        case DnsStatus::not_supplied:
            return SpfPresence::not_supplied;
        case DnsStatus::servfail:
            return SpfPresence::failed;
        case DnsStatus::nxdomain:
            return SpfPresence::missing;
        case DnsStatus::answer:
            break;
    }
    for (const std::string& value : answer.values)
        if (spf::is_spf_record(value)) return SpfPresence::present;
    return SpfPresence::missing;
}

SpfOutcome compute(const analysis::Message& msg, const Config& config) {
    SpfOutcome out;
    out.identity = spf_identity(msg, config.envelope);
    const dns::SuppliedSource dns(config.dns, config.dns_resolver);
    if (!out.identity || !dns.anything_supplied()) return out;
    out.presence = presence_of(dns, out.identity->domain);
    if (out.presence == SpfPresence::present) out.defects = spf::record_defects(out.identity->domain, dns);
    if (!config.envelope.client_ip.empty()) {
        spf::Query query{config.envelope.client_ip, out.identity->domain, out.identity->sender, config.envelope.helo};
        out.evaluation = spf::check_host(query, dns);
    }
    return out;
}

}  // namespace

const SpfOutcome& spf_outcome(const analysis::Message& msg, const Config& config) {
    return msg.memo<SpfOutcome>(0, [&] { return compute(msg, config); });
}

Span spf_finding_span(const SpfOutcome& outcome) noexcept {
    if (outcome.identity && outcome.identity->span) return *outcome.identity->span;
    return {0, 0};
}

}  // namespace inboxlint::auth
