#include "rules/context.hpp"
#include "rules/header_rules.hpp"

namespace inboxlint::checks {

void check_mid001_missing_message_id(Context& ctx) { report_missing_field(ctx, "Message-ID"); }

}  // namespace inboxlint::checks
