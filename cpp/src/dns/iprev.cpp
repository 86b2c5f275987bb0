#include "dns/iprev.hpp"

#include "spf/ip.hpp"

namespace inboxlint::dns {
namespace {

constexpr std::size_t max_ptr_names = 10;

// Whether `name` has an address record equal to `ip`; records any name that
// was not supplied or failed.
bool resolves_to(const Source& source, const std::string& name, const spf::Address& ip, Iprev& out, bool& unsure) {
    const DnsAnswer answer = source.lookup(name, ip.v6 ? "AAAA" : "A");
    if (answer.status == DnsStatus::not_supplied) out.not_supplied.push_back(name);
    if (answer.status == DnsStatus::not_supplied || answer.status == DnsStatus::servfail) unsure = true;
    for (const std::string& value : answer.values) {
        const auto address = spf::parse_client_ip(value);
        if (address && *address == ip) return true;
    }
    return false;
}

}  // namespace

Iprev check_iprev(const std::string& client_ip, const Source& source) {
    Iprev out;
    const auto ip = spf::parse_client_ip(client_ip);
    if (!ip) {
        out.reason = "'" + client_ip + "' is no IP address";
        return out;
    }
    out.reverse_name = spf::reverse_name(*ip);
    const DnsAnswer ptr = source.lookup(out.reverse_name, "PTR");
    if (ptr.status == DnsStatus::not_supplied || ptr.status == DnsStatus::servfail) {
        out.status = IprevStatus::temperror;
        if (ptr.status == DnsStatus::not_supplied) out.not_supplied.push_back(out.reverse_name);
        out.reason = ptr.status == DnsStatus::servfail ? "the PTR lookup of " + out.reverse_name + " failed"
                                                       : "no records supplied for " + out.reverse_name;
        return out;
    }
    if (ptr.values.empty()) {
        out.status = IprevStatus::no_ptr;
        out.reason = client_ip + " has no PTR record (" + out.reverse_name +
                     (ptr.status == DnsStatus::nxdomain ? " does not exist)" : " has none)");
        return out;
    }
    out.ptr_names = ptr.values;
    bool unsure = false;
    for (std::size_t i = 0; i < out.ptr_names.size() && i < max_ptr_names; ++i) {
        if (!resolves_to(source, out.ptr_names[i], *ip, out, unsure)) continue;
        out.status = IprevStatus::pass;
        out.confirmed_name = out.ptr_names[i];
        out.reason = client_ip + " has PTR " + out.confirmed_name + ", which resolves back to it";
        return out;
    }
    out.status = unsure ? IprevStatus::temperror : IprevStatus::not_confirmed;
    out.reason = unsure ? "the PTR names of " + client_ip + " could not all be resolved from the records supplied"
                        : "no PTR name of " + client_ip + " (" + out.ptr_names.front() + ") resolves back to it";
    return out;
}

}  // namespace inboxlint::dns
