// What a rule is: its catalogue entry and the function that checks a message.
#pragma once

#include <vector>

#include "inboxlint/rules.hpp"

namespace inboxlint::checks {

class Context;

// Reads the message's analyses through the context and reports findings.
// nullptr for rules the engine itself reports (LINT001 limits).
using Check = void (*)(Context&);

struct Rule {
    RuleInfo info;
    Check check = nullptr;
};

// Every rule, in id order (registry.cpp).
const std::vector<Rule>& registry();

}  // namespace inboxlint::checks
