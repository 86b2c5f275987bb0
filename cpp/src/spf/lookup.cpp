#include "spf/lookup.hpp"

#include "core/ascii.hpp"
#include "dns/names.hpp"
#include "spf/record.hpp"

namespace inboxlint::spf {

RecordLookup find_record(std::string_view domain, const dns::Source& source) {
    const DnsAnswer answer = source.lookup(domain, "TXT");
    RecordLookup out;
    switch (answer.status) {
        case DnsStatus::servfail: out.status = LookupStatus::failed; return out;
        case DnsStatus::not_supplied: out.status = LookupStatus::not_supplied; return out;
        case DnsStatus::nxdomain: out.status = LookupStatus::none; return out;
        case DnsStatus::answer: break;
    }
    for (const std::string& txt : answer.values)
        if (is_spf_record(txt)) out.records.push_back(txt);
    if (out.records.size() == 1) out.status = LookupStatus::found;
    else out.status = out.records.empty() ? LookupStatus::none : LookupStatus::several;
    return out;
}

bool is_query_name(std::string_view name) noexcept {
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    return dns::labels_fit(name);
}

bool is_fqdn(std::string_view name) noexcept {
    if (!is_query_name(name)) return false;
    if (name.back() == '.') name.remove_suffix(1);
    bool dot = false;
    for (char c : name) {
        if (c == '.') dot = true;
        else if (!core::is_alnum(c) && c != '-' && c != '_') return false;
    }
    return dot;
}

}  // namespace inboxlint::spf
