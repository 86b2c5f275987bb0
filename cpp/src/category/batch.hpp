// The batch rules CONT002 and CONT003 (inboxlint/batch.hpp): one category
// per From address and one From address per category, within each sending
// domain of a batch.
#pragma once

#include <span>
#include <vector>

#include "engine/resolved_config.hpp"
#include "inboxlint/batch.hpp"

namespace inboxlint::category {

// At most this many related locations, and names in the property
// "messages", per finding.
inline constexpr std::size_t max_related_messages = 20;

std::vector<BatchFinding> check_batch(const engine::ResolvedConfig& config, std::span<const BatchMessage> messages);

}  // namespace inboxlint::category
