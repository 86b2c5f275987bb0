#include "rules/spf/spf_findings.hpp"

namespace inboxlint::checks {

void check_spf002_spf_record_invalid(Context& ctx) {
    report_spf_defects(ctx, spf::DefectKind::several_records);
    report_spf_defects(ctx, spf::DefectKind::syntax_error);
}

}  // namespace inboxlint::checks
