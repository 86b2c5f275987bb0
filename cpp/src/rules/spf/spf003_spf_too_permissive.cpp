#include "rules/spf/spf_findings.hpp"

namespace inboxlint::checks {

void check_spf003_spf_too_permissive(Context& ctx) { report_spf_defects(ctx, spf::DefectKind::permissive_all); }

}  // namespace inboxlint::checks
