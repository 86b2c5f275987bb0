// DnsRecords: the caller's records, answered the way a resolver would.
#include <arpa/inet.h>

#include <algorithm>
#include <array>

#include "core/ascii.hpp"
#include "dns/names.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/dns.hpp"

namespace inboxlint {
namespace {

constexpr std::array<std::string_view, 6> record_types = {"TXT", "A", "AAAA", "MX", "PTR", "CNAME"};
constexpr int max_cname_links = 8;

std::string checked_name(std::string_view name) {
    std::string normal = dns::normalise_name(name);
    if (!dns::is_record_name(normal)) throw ConfigError("DNS records: '" + std::string(name) + "' is no domain name");
    return normal;
}

std::string checked_type(std::string_view type) {
    std::string upper;
    for (char c : type) upper.push_back(core::to_upper(c));
    if (std::find(record_types.begin(), record_types.end(), upper) == record_types.end())
        throw ConfigError("DNS records: unknown record type '" + std::string(type) + "'");
    return upper;
}

// A, AAAA and MX values are checked as the zone parser checks them, so a
// mapping from Python fails the same way a zone file does.
void check_value(const std::string& type, const std::string& value) {
    unsigned char bytes[16];
    if ((type == "A" && inet_pton(AF_INET, value.c_str(), bytes) != 1) ||
        (type == "AAAA" && inet_pton(AF_INET6, value.c_str(), bytes) != 1))
        throw ConfigError("DNS records: '" + value + "' is no " + (type == "A" ? "IPv4" : "IPv6") + " address");
    if (type == "MX") {
        const std::size_t space = value.find(' ');
        const std::string preference = value.substr(0, space);
        // "0 ." is a null MX (RFC 7505): the domain accepts no mail.
        const std::string exchange = space == std::string::npos ? "" : dns::normalise_name(value.substr(space + 1));
        if (space == std::string::npos || preference.empty() || preference.size() > 5 ||
            preference.find_first_not_of("0123456789") != std::string::npos ||
            !(exchange.empty() || dns::is_record_name(exchange)))
            throw ConfigError("DNS records: MX data is \"PREFERENCE EXCHANGE\", not '" + value + "'");
    }
}

}  // namespace

bool is_known_dns_type(std::string_view type) noexcept {
    return std::any_of(record_types.begin(), record_types.end(), [&](std::string_view t) { return core::iequals(t, type); }) ||
           core::iequals(type, "NXDOMAIN") || core::iequals(type, "SERVFAIL");
}

void DnsRecords::add(std::string_view name, std::string_view type, std::string value) {
    std::string key = checked_name(name);
    std::string kind = checked_type(type);
    check_value(kind, value);
    if (kind == "CNAME" || kind == "PTR" || kind == "MX") value = dns::normalise_name(value);
    records_[{std::move(key), std::move(kind)}].push_back(std::move(value));
}

void DnsRecords::mark_nonexistent(std::string_view name) { nonexistent_.insert(checked_name(name)); }
void DnsRecords::mark_failing(std::string_view name) { failing_.insert(checked_name(name)); }

void DnsRecords::merge(const DnsRecords& other) {
    for (const auto& [key, values] : other.records_) {
        auto& mine = records_[key];
        mine.insert(mine.end(), values.begin(), values.end());
    }
    nonexistent_.insert(other.nonexistent_.begin(), other.nonexistent_.end());
    failing_.insert(other.failing_.begin(), other.failing_.end());
}

DnsAnswer DnsRecords::lookup(std::string_view name, std::string_view type) const {
    std::string current = dns::normalise_name(name);
    std::string kind;
    for (char c : type) kind.push_back(core::to_upper(c));
    for (int link = 0; link <= max_cname_links; ++link) {
        if (failing_.contains(current)) return {DnsStatus::servfail, {}};
        if (const auto it = records_.find({current, kind}); it != records_.end()) return {DnsStatus::answer, it->second};
        const auto cname = records_.find({current, "CNAME"});
        if (cname == records_.end() || kind == "CNAME" || cname->second.empty()) break;
        current = cname->second.front();
    }
    const auto first = records_.lower_bound({current, ""});
    if (first != records_.end() && first->first.first == current) return {DnsStatus::answer, {}};
    if (nonexistent_.contains(current)) return {DnsStatus::nxdomain, {}};
    return {DnsStatus::not_supplied, {}};
}

bool DnsRecords::empty() const noexcept { return records_.empty() && nonexistent_.empty() && failing_.empty(); }

std::size_t DnsRecords::size() const noexcept {
    std::size_t n = nonexistent_.size() + failing_.size();
    for (const auto& [key, values] : records_) n += values.size();
    return n;
}

std::vector<std::pair<std::pair<std::string, std::string>, std::string>> DnsRecords::entries() const {
    std::vector<std::pair<std::pair<std::string, std::string>, std::string>> out;
    for (const auto& [key, values] : records_)
        for (const auto& value : values) out.push_back({key, value});
    for (const auto& name : nonexistent_) out.push_back({{name, "NXDOMAIN"}, ""});
    for (const auto& name : failing_) out.push_back({{name, "SERVFAIL"}, ""});
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace inboxlint
