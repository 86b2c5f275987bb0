// Shared by the rules that check address-list syntax (MSG006, FROM002).
#pragma once

#include <string_view>

#include "rules/context.hpp"

namespace inboxlint::checks {

// Obsolete forms are legal (RFC 5322 4.4); every other issue is a defect.
bool is_address_defect(std::string_view code) noexcept;

// Reports each syntax defect of the named fields' address lists.
void report_address_defects(Context& ctx, std::string_view field_name);

}  // namespace inboxlint::checks
