// Small helpers shared by header rules.
#pragma once

#include <string>
#include <string_view>

#include "rules/context.hpp"

namespace inboxlint::checks {

// Reports that the top-level header lacks a field. Missing fields have no
// bytes of their own, so the finding points at the start of the header.
void report_missing_field(Context& ctx, std::string_view field_name);

// "2 times" style counts for messages.
std::string count_phrase(std::size_t count, std::string_view singular, std::string_view plural);

}  // namespace inboxlint::checks
