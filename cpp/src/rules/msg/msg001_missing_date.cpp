#include "rules/context.hpp"
#include "rules/header_rules.hpp"

namespace inboxlint::checks {

void check_msg001_missing_date(Context& ctx) { report_missing_field(ctx, "Date"); }

}  // namespace inboxlint::checks
