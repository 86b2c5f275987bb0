#include "rules/address_rules.hpp"

namespace inboxlint::checks {

void check_from002_invalid_from_address(Context& ctx) {
    report_address_defects(ctx, "From");
    report_address_defects(ctx, "Sender");
}

}  // namespace inboxlint::checks
