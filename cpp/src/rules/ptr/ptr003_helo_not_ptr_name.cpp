#include "auth/iprev_outcome.hpp"
#include "dns/names.hpp"
#include "rules/context.hpp"
#include "rules/ptr/ptr_findings.hpp"
#include "url/registrable.hpp"

namespace inboxlint::checks {

// The HELO name should be the confirmed PTR name, or at least in its
// organisation; an address literal is judged by PTR001/PTR002 alone.
void check_ptr003_helo_not_ptr_name(Context& ctx) {
    const dns::Iprev* iprev = auth::client_iprev(ctx.message(), ctx.config());
    const std::string& helo_text = ctx.config().envelope.helo;
    if (iprev == nullptr || iprev->status != dns::IprevStatus::pass || helo_text.empty() || helo_text.front() == '[')
        return;
    const std::string helo = dns::normalise_name(helo_text);
    if (url::same_registrable_domain(helo, iprev->confirmed_name)) return;
    Finding& f = report_iprev(ctx, *iprev,
                              "the HELO name " + helo + " is unrelated to the sending IP's PTR name " +
                                  iprev->confirmed_name);
    with(f, "helo", helo);
}

}  // namespace inboxlint::checks
