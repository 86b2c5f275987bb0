// The rule pages (cpp/src/rules/**/<ID>.md), embedded at build time by
// cmake/EmbedFiles.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace inboxlint::checks {

struct RuleDoc {
    std::string_view id;
    std::string_view markdown;
};

const std::vector<RuleDoc>& rule_docs();

}  // namespace inboxlint::checks
