#include "rules/ptr/ptr_findings.hpp"

namespace inboxlint::checks {

Finding& report_iprev(Context& ctx, const dns::Iprev& iprev, std::string message) {
    Finding& f = ctx.report("", {0, 0}, std::move(message));
    with(f, "client_ip", ctx.config().envelope.client_ip);
    with(f, "reverse_name", iprev.reverse_name);
    for (const std::string& name : iprev.ptr_names) with(f, "ptr", name);
    return f;
}

}  // namespace inboxlint::checks
