#include "dns/source.hpp"

#include "dns/names.hpp"

namespace inboxlint::dns {

DnsAnswer SuppliedSource::lookup(std::string_view name, std::string_view type) const {
    DnsAnswer answer = records_.lookup(name, type);
    if (answer.status != DnsStatus::not_supplied || resolver_ == nullptr) return answer;
    try {
        return resolver_(normalise_name(name), std::string(type));
    } catch (...) {  // the caller's resolver failing is a failed lookup, never our failure
        return {DnsStatus::servfail, {}};
    }
}

}  // namespace inboxlint::dns
