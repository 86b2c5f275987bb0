#include "rules/spf/spf_findings.hpp"

namespace inboxlint::checks {

void check_spf006_spf_record_too_long(Context& ctx) {
    report_spf_defects(ctx, spf::DefectKind::record_too_long);
    report_spf_defects(ctx, spf::DefectKind::answer_too_big);
}

}  // namespace inboxlint::checks
