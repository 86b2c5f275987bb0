#include "rules/spf/spf_findings.hpp"

namespace inboxlint::checks {

void check_spf004_spf_ptr_mechanism(Context& ctx) { report_spf_defects(ctx, spf::DefectKind::ptr_mechanism); }

}  // namespace inboxlint::checks
