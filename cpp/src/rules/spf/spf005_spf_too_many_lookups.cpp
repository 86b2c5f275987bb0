#include "rules/spf/spf_findings.hpp"

namespace inboxlint::checks {

void check_spf005_spf_too_many_lookups(Context& ctx) { report_spf_defects(ctx, spf::DefectKind::too_many_lookups); }

}  // namespace inboxlint::checks
