#include "rules/ptr/ptr_findings.hpp"

#include "dns/source.hpp"

namespace inboxlint::checks {

const dns::Iprev* client_iprev(Context& ctx) {
    const Config& config = ctx.config();
    const dns::SuppliedSource source(config.dns, config.dns_resolver);
    if (config.envelope.client_ip.empty() || !source.anything_supplied()) return nullptr;
    return &ctx.message().memo<dns::Iprev>(0, [&] { return dns::check_iprev(config.envelope.client_ip, source); });
}

Finding& report_iprev(Context& ctx, const dns::Iprev& iprev, std::string message) {
    Finding& f = ctx.report("", {0, 0}, std::move(message));
    with(f, "client_ip", ctx.config().envelope.client_ip);
    with(f, "reverse_name", iprev.reverse_name);
    for (const std::string& name : iprev.ptr_names) with(f, "ptr", name);
    return f;
}

}  // namespace inboxlint::checks
