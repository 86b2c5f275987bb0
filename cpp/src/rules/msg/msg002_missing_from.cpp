#include "rules/context.hpp"
#include "rules/header_rules.hpp"

namespace inboxlint::checks {

void check_msg002_missing_from(Context& ctx) { report_missing_field(ctx, "From"); }

}  // namespace inboxlint::checks
