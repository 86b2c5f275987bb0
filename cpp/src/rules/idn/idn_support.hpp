// Shared by the IDN rules: one finding per checked name (in its role), at
// the first place it is written, with its other places as related, and the
// properties every IDN finding carries.
#pragma once

#include <string>

#include "idn/domain_checks.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

// "the From domain", "the DKIM d= domain", "the link host".
std::string role_phrase(url::DomainRole role);

// "пример.com (xn--e1afmkfd.com)" or the name alone when both forms agree.
std::string both_forms(const idn::DomainCheck& c);

Finding& report_domain(Context& ctx, const idn::DomainCheck& c, std::string message);

// The exact place of a byte range of the name as displayed, when the name
// is written verbatim at its place; else the whole name.
Finding& report_in_name(Context& ctx, const idn::DomainCheck& c, Span name_range, std::string message);

}  // namespace inboxlint::checks
