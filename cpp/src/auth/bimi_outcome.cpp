#include "auth/bimi_outcome.hpp"

#include "dns/source.hpp"

namespace inboxlint::auth {
namespace {

BimiOutcome compute(const analysis::Message& msg, const Config& config) {
    BimiOutcome out;
    if (const mime::HeaderField* field = msg.first_field("BIMI-Selector"))
        out.selector = bimi::parse_selector(msg.raw_value(*field), field->value.begin);
    out.from = identities(msg).from;
    const dns::SuppliedSource dns(config.dns, config.dns_resolver);
    if (!out.from || !dns.anything_supplied()) return out;
    const std::string selector = out.selector ? out.selector->selector : "default";
    out.discovery = bimi::discover(dns, selector, out.from->domain);
    return out;
}

}  // namespace

const BimiOutcome& bimi_outcome(const analysis::Message& msg, const Config& config) {
    return msg.memo<BimiOutcome>(0, [&] { return compute(msg, config); });
}

}  // namespace inboxlint::auth
