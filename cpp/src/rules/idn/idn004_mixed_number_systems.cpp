#include "rules/idn/idn_support.hpp"

namespace inboxlint::checks {

void check_idn004_mixed_number_systems(Context& ctx) {
    for (const idn::DomainCheck& c : idn::idn_checks(ctx.message()).domains) {
        for (const idn::LabelCheck& label : c.labels) {
            if (!label.mixed_numbers) continue;
            std::string zeros;
            for (const std::string& z : label.number_systems) zeros += (zeros.empty() ? "" : " ") + z;
            Finding& f = report_domain(ctx, c,
                                       role_phrase(c.role) + " " + both_forms(c) + ": the label '" + label.label +
                                           "' mixes digits of different number systems (zeros: " + zeros + ")");
            with(f, "label", label.label);
            with(f, "number_systems", zeros);
        }
    }
}

}  // namespace inboxlint::checks
