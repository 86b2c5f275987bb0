// DMARC for one message, computed once: the policy record discovered for
// the From domain in the supplied records, and the verdict from the SPF
// outcome and the DKIM results. AUTH014, the DMARC and BIMI rules and the
// report's summary read it.
#pragma once

#include <optional>
#include <string>

#include "analysis/message.hpp"
#include "auth/alignment.hpp"
#include "dmarc/discovery.hpp"
#include "dmarc/evaluate.hpp"
#include "inboxlint/config.hpp"

namespace inboxlint::auth {

struct DmarcOutcome {
    std::optional<DomainRef> from;            // the single From domain
    std::optional<dmarc::Discovery> discovery;  // set when DNS was supplied and there is a From domain
    std::optional<dmarc::Evaluation> evaluation;
    // An aligned signature could not be checked (its key was not supplied):
    // a fail verdict would be a guess, so the verdict says unknown.
    std::string unchecked_aligned_dkim;
};

const DmarcOutcome& dmarc_outcome(const analysis::Message& msg, const Config& config);

}  // namespace inboxlint::auth
