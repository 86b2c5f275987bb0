#include "idn/uts46.hpp"
#include "rules/idn/idn_support.hpp"

namespace inboxlint::checks {

void check_idn001_invalid_idn(Context& ctx) {
    for (const idn::DomainCheck& c : idn::idn_checks(ctx.message()).domains) {
        if (c.uts46_errors == 0) continue;
        std::string reasons;
        std::string names;
        for (std::uint32_t bit = 1; bit != 0; bit <<= 1) {
            if ((c.uts46_errors & bit) == 0) continue;
            reasons += (reasons.empty() ? "" : "; ") + std::string(idn::error_description(bit));
        }
        for (const auto name : idn::error_names(c.uts46_errors))
            names += (names.empty() ? "" : ",") + std::string(name);
        Finding& f = report_domain(ctx, c,
                                   role_phrase(c.role) + " " + c.displayed +
                                       " is not a valid internationalized domain name (UTS #46): " + reasons);
        with(f, "errors", names);
    }
}

}  // namespace inboxlint::checks
