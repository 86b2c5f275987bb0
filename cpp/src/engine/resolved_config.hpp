// A Config checked against the registry and turned into the list of rules to
// run, each with its severity and options.
#pragma once

#include <vector>

#include "inboxlint/config.hpp"
#include "rules/context.hpp"
#include "rules/rule.hpp"

namespace inboxlint::engine {

struct EnabledRule {
    const checks::Rule* rule = nullptr;
    Severity severity = Severity::warning;
    checks::RuleOptions options;
};

struct ResolvedConfig {
    std::vector<EnabledRule> rules;  // registry order
    // Rules over a batch of messages (no per-message check: CONT002, CONT003).
    std::vector<EnabledRule> batch_rules;
    bool reports_limits = false;     // LINT001 enabled
    Severity limit_severity = Severity::warning;
    bool reports_internal_errors = false;
    Severity internal_error_severity = Severity::error;
};

// Throws ConfigError with a message naming the offending entry.
ResolvedConfig resolve(const Config& config);

}  // namespace inboxlint::engine
