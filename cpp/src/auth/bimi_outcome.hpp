// BIMI for one message, computed once: the BIMI-Selector field (if any) and
// the assertion record it selects for the From domain.
#pragma once

#include <optional>

#include "analysis/message.hpp"
#include "auth/alignment.hpp"
#include "bimi/discovery.hpp"
#include "bimi/record.hpp"
#include "inboxlint/config.hpp"

namespace inboxlint::auth {

struct BimiOutcome {
    std::optional<bimi::Selector> selector;    // the first BIMI-Selector field, parsed
    std::optional<DomainRef> from;
    std::optional<bimi::Discovery> discovery;  // with DNS supplied and a From domain
};

const BimiOutcome& bimi_outcome(const analysis::Message& msg, const Config& config);

}  // namespace inboxlint::auth
