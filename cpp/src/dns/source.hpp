// Where analyses get DNS answers: the caller's records first, then the
// caller's resolver. Names are asked in lower case without the final dot.
#pragma once

#include <string_view>

#include "inboxlint/dns.hpp"

namespace inboxlint::dns {

class Source {
public:
    virtual ~Source() = default;
    // Never throws: a resolver's exception is a servfail answer.
    [[nodiscard]] virtual DnsAnswer lookup(std::string_view name, std::string_view type) const = 0;
};

// The records, then the resolver for what the records do not supply. Both
// must outlive the source; either may be empty.
class SuppliedSource final : public Source {
public:
    SuppliedSource(const DnsRecords& records, const DnsResolver& resolver) noexcept
        : records_(records), resolver_(resolver) {}
    [[nodiscard]] DnsAnswer lookup(std::string_view name, std::string_view type) const override;
    // False when there are no records and no resolver: nothing can be looked up.
    [[nodiscard]] bool anything_supplied() const noexcept { return !records_.empty() || resolver_ != nullptr; }

private:
    const DnsRecords& records_;
    const DnsResolver& resolver_;
};

}  // namespace inboxlint::dns
