// The report's authentication summary (Report::authentication): SPF, DKIM
// and DMARC results in RFC 8601 terms, as a receiver would record them in
// Authentication-Results, from the message and the supplied records.
#pragma once

#include <vector>

#include "analysis/message.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint::auth {

std::vector<AuthResult> authentication_summary(const analysis::Message& msg, const Config& config);

// One result per DKIM-Signature (dkim=none when there is none).
std::vector<AuthResult> dkim_summary(const analysis::Message& msg, const Config& config);

}  // namespace inboxlint::auth
