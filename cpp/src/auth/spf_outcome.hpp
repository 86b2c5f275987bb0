// SPF for one message, computed once: the identity (MAIL FROM or HELO), the
// defects of its records as far as the supplied records go, and with a
// client IP the check_host() evaluation. Rules SPF001-SPF007, AUTH014, the
// DMARC evaluation and the report's summary all read this.
#pragma once

#include <optional>
#include <vector>

#include "analysis/message.hpp"
#include "auth/envelope_identity.hpp"
#include "inboxlint/config.hpp"
#include "spf/check_host.hpp"
#include "spf/defects.hpp"

namespace inboxlint::auth {

// What the records say about the identity's SPF record itself.
enum class SpfPresence {
    unknown,    // no identity, or no DNS records supplied at all
    not_supplied,  // the records do not cover the name
    failed,     // SERVFAIL
    missing,    // NXDOMAIN, or no "v=spf1" TXT record
    present,
};

struct SpfOutcome {
    std::optional<SpfIdentity> identity;
    SpfPresence presence = SpfPresence::unknown;
    std::vector<spf::Defect> defects;
    std::optional<spf::Evaluation> evaluation;  // with a client IP
    [[nodiscard]] bool passed() const noexcept { return evaluation && evaluation->result == spf::Result::pass; }
    // Evaluated, and the records decided: a temperror from names the caller
    // did not supply is no result.
    [[nodiscard]] bool concluded() const noexcept {
        return evaluation && !(evaluation->result == spf::Result::temperror && !evaluation->not_supplied.empty());
    }
};

const SpfOutcome& spf_outcome(const analysis::Message& msg, const Config& config);

// Where SPF findings point: the identity's domain in the message, else an
// empty range at its start (the identity came from the envelope alone).
Span spf_finding_span(const SpfOutcome& outcome) noexcept;

}  // namespace inboxlint::auth
