// What the SPF rules share: a defect of the records reported at the SPF
// identity, with the record and the offending bytes in its properties.
#pragma once

#include <string>

#include "auth/spf_outcome.hpp"
#include "rules/context.hpp"
#include "spf/defects.hpp"

namespace inboxlint::checks {

// Reports every defect of this kind (one per name and kind).
void report_spf_defects(Context& ctx, spf::DefectKind kind);

// The identity's name as messages give it: "the MAIL FROM domain x" or "the HELO name x".
std::string spf_identity_text(const auth::SpfIdentity& identity);

}  // namespace inboxlint::checks
