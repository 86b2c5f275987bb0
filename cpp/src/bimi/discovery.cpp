#include "bimi/discovery.hpp"

#include "url/registrable.hpp"

namespace inboxlint::bimi {
namespace {

// One name: the BIMI records among its TXT values.
Status look_at(const dns::Source& dns, const std::string& name, Discovery& out) {
    const DnsAnswer answer = dns.lookup(name, "TXT");
    if (answer.status == DnsStatus::servfail) return Status::lookup_failed;
    if (answer.status == DnsStatus::not_supplied) {
        out.not_supplied.push_back(name);
        return Status::not_supplied;
    }
    std::vector<const std::string*> found;
    for (const std::string& value : answer.values)
        if (is_bimi_record(value)) found.push_back(&value);
    if (found.size() > 1) return Status::multiple_records;
    if (found.empty()) return Status::no_record;
    out.record_name = name;
    out.record_text = *found.front();
    out.record = parse_record(out.record_text);
    return Status::found;
}

}  // namespace

Discovery discover(const dns::Source& dns, std::string_view selector, std::string_view from_domain) {
    Discovery out;
    const std::string domain(from_domain);
    out.status = look_at(dns, std::string(selector) + "._bimi." + domain, out);
    if (out.status != Status::no_record) return out;
    const std::string organizational = url::registrable_domain(domain);
    if (organizational.empty() || organizational == domain) return out;
    out.status = look_at(dns, std::string(selector) + "._bimi." + organizational, out);
    return out;
}

}  // namespace inboxlint::bimi
