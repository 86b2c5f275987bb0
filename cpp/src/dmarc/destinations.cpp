#include "dmarc/destinations.hpp"

#include <algorithm>
#include <map>

#include "core/ascii.hpp"
#include "dns/names.hpp"
#include "url/registrable.hpp"

namespace inboxlint::dmarc {
namespace {

// The domain reports would go to. The parser accepted the URI, so a mailto:
// has an '@' and an https: has "//" and a host.
std::string destination_domain(const ReportUri& uri) {
    if (uri.uri.size() <= uri.scheme.size()) return {};  // a ReportUri built by hand
    std::string_view rest = std::string_view(uri.uri).substr(uri.scheme.size() + 1);
    if (uri.scheme == "mailto") {
        rest = rest.substr(0, rest.find('?'));
        return dns::normalise_name(rest.substr(rest.rfind('@') + 1));
    }
    rest.remove_prefix(std::min<std::size_t>(2, rest.size()));
    rest = rest.substr(0, rest.find_first_of("/?#"));
    return dns::normalise_name(rest.substr(0, rest.find(':')));
}

DestinationStatus classify(const DnsAnswer& answer) {
    switch (answer.status) {
        case DnsStatus::answer:
            for (const std::string& value : answer.values)
                if (starts_as_dmarc(value)) return DestinationStatus::authorized;
            return DestinationStatus::not_authorized;
        case DnsStatus::nxdomain: return DestinationStatus::not_authorized;
        case DnsStatus::servfail: return DestinationStatus::lookup_failed;
        case DnsStatus::not_supplied: return DestinationStatus::not_supplied;
    }
    return DestinationStatus::not_supplied;
}

// Section 7.1 lets a destination authorise every domain with a wildcard
// "*._report._dmarc.<destination>". A resolver expands it; DnsRecords does
// not, so when the exact name gives nothing, the wildcard's own name is
// asked too.
DestinationStatus authorization(const dns::Source& dns, const std::string& name, const std::string& destination) {
    const DestinationStatus exact = classify(dns.lookup(name, "TXT"));
    if (exact == DestinationStatus::authorized || exact == DestinationStatus::lookup_failed) return exact;
    const DestinationStatus wildcard = classify(dns.lookup("*._report._dmarc." + destination, "TXT"));
    if (wildcard == DestinationStatus::authorized) return wildcard;
    return exact;
}

}  // namespace

std::vector<Destination> check_report_destinations(const dns::Source& dns, const Discovery& discovery) {
    std::vector<Destination> out;
    if (discovery.status != DiscoveryStatus::found || !discovery.record) return out;
    constexpr std::string_view prefix = "_dmarc.";
    if (!core::istarts_with(discovery.record_name, prefix)) return out;
    const std::string policy_domain = discovery.record_name.substr(prefix.size());
    std::map<std::string, DestinationStatus> asked;
    const auto check = [&](const std::vector<ReportUri>& uris, const char* tag) {
        for (const ReportUri& uri : uris) {
            Destination d{tag, uri.uri, uri.span, destination_domain(uri), DestinationStatus::same_organization, {}};
            if (!url::same_registrable_domain(d.domain, policy_domain)) {
                d.query_name = policy_domain + "._report._dmarc." + d.domain;
                const auto it = asked.find(d.query_name);
                d.status = it != asked.end() ? it->second
                                             : asked.emplace(d.query_name, authorization(dns, d.query_name, d.domain))
                                                   .first->second;
            }
            out.push_back(std::move(d));
        }
    };
    check(discovery.record->rua, "rua");
    check(discovery.record->ruf, "ruf");
    return out;
}

std::string_view to_string(DestinationStatus status) noexcept {
    switch (status) {
        case DestinationStatus::same_organization: return "same organization";
        case DestinationStatus::authorized: return "authorized";
        case DestinationStatus::not_authorized: return "not authorized";
        case DestinationStatus::lookup_failed: return "lookup failed";
        case DestinationStatus::not_supplied: return "not supplied";
    }
    return "not supplied";
}

}  // namespace inboxlint::dmarc
