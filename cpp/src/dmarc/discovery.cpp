#include "dmarc/discovery.hpp"

#include "core/ascii.hpp"
#include "dns/names.hpp"
#include "url/registrable.hpp"

namespace inboxlint::dmarc {
namespace {

// Close enough to a DMARC record that its author meant one: worth a note
// when discovery discards it ("v=dmarc1; p=reject", " v=DMARC1; ...").
bool near_miss(std::string_view txt) {
    return core::istarts_with(core::trim(txt), "v=dmarc") || core::istarts_with(core::trim(txt), "v = dmarc");
}

Lookup query(const dns::Source& source, const std::string& name) {
    Lookup lookup;
    lookup.name = name;
    const DnsAnswer answer = source.lookup(name, "TXT");
    lookup.status = answer.status;
    for (const std::string& value : answer.values)
        (starts_as_dmarc(value) ? lookup.dmarc_records : lookup.other_txt).push_back(value);
    return lookup;
}

void note_discarded(Discovery& d, const Lookup& lookup) {
    for (const std::string& value : lookup.other_txt) {
        if (near_miss(value))
            d.notes.push_back("discarded the TXT record '" + value + "' at " + lookup.name +
                              ": a DMARC record starts with exactly v=DMARC1");
    }
}

// Any answer (NODATA included) means the name exists; NXDOMAIN for one type
// is NXDOMAIN for the name. Without either, nothing can be said.
std::optional<bool> domain_exists(const dns::Source& source, const std::string& domain) {
    bool nxdomain = false;
    for (const char* type : {"A", "AAAA", "MX"}) {
        const DnsStatus status = source.lookup(domain, type).status;
        if (status == DnsStatus::answer) return true;
        nxdomain = nxdomain || status == DnsStatus::nxdomain;
    }
    if (nxdomain) return false;
    return std::nullopt;
}

// One step of section 6.6.3; true when discovery ends here.
bool take(Discovery& d, const dns::Source& source, const Lookup& lookup, bool organizational) {
    note_discarded(d, lookup);
    if (lookup.status == DnsStatus::servfail) {
        d.status = DiscoveryStatus::lookup_failed;
        d.notes.push_back("the TXT lookup of " + lookup.name + " failed: DMARC's result is temperror");
        return true;
    }
    if (lookup.status == DnsStatus::not_supplied) d.not_supplied.push_back(lookup.name);
    if (lookup.dmarc_records.size() > 1) {
        d.status = DiscoveryStatus::multiple_records;
        d.notes.push_back(std::to_string(lookup.dmarc_records.size()) + " DMARC records at " + lookup.name +
                          ": receivers apply no policy (RFC 7489 section 6.6.3 step 5)");
        return true;
    }
    if (lookup.dmarc_records.empty()) return false;
    d.status = DiscoveryStatus::found;
    d.record_name = lookup.name;
    d.record_text = lookup.dmarc_records.front();
    d.record = parse_record(d.record_text);
    d.from_organizational_domain = organizational;
    if (organizational) d.from_domain_exists = domain_exists(source, d.from_domain);
    if (!d.record->usable())
        d.notes.push_back("the DMARC record at " + lookup.name + " carries no usable policy");
    if (!d.complete())
        d.notes.push_back("assumed no DMARC record at " + d.not_supplied.front() + ", which was not supplied");
    return true;
}

}  // namespace

Discovery discover(const dns::Source& dns, std::string_view from_domain) {
    Discovery d;
    d.from_domain = dns::normalise_name(core::trim(from_domain));
    const std::string own = "_dmarc." + d.from_domain;
    if (d.from_domain.empty() || d.from_domain.front() == '.' || !dns::is_record_name(own)) {
        d.status = DiscoveryStatus::invalid_domain;
        d.notes.push_back("'" + std::string(from_domain) + "' is no domain name to look DMARC up for");
        return d;
    }
    d.organizational_domain = url::registrable_domain(d.from_domain);
    if (d.organizational_domain.empty()) d.organizational_domain = d.from_domain;  // a public suffix itself

    d.lookups.push_back(query(dns, own));
    if (take(d, dns, d.lookups.back(), false)) return d;
    if (d.organizational_domain != d.from_domain) {
        d.lookups.push_back(query(dns, "_dmarc." + d.organizational_domain));
        if (take(d, dns, d.lookups.back(), true)) return d;
    }
    if (d.not_supplied.empty()) {
        d.status = DiscoveryStatus::no_record;
    } else {
        d.status = DiscoveryStatus::not_supplied;
        std::string names;
        for (const std::string& n : d.not_supplied) names += (names.empty() ? "" : ", ") + n;
        d.notes.push_back("no DMARC record found, but these names were not supplied: " + names);
    }
    return d;
}

std::string_view to_string(DiscoveryStatus status) noexcept {
    switch (status) {
        case DiscoveryStatus::found: return "found";
        case DiscoveryStatus::no_record: return "no record";
        case DiscoveryStatus::multiple_records: return "multiple records";
        case DiscoveryStatus::lookup_failed: return "lookup failed";
        case DiscoveryStatus::not_supplied: return "not supplied";
        case DiscoveryStatus::invalid_domain: return "invalid domain";
    }
    return "no record";
}

bool has_bulk_sender_policy(const Discovery& discovery) noexcept {
    return discovery.status == DiscoveryStatus::found && discovery.record && publishes_policy(*discovery.record);
}

}  // namespace inboxlint::dmarc
