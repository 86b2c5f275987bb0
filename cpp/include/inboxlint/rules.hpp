// The rule catalogue: every rule's stable id, slug, default severity, the
// guideline clause it enforces, its options and its documentation page.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/config.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint {

enum class OptionType { boolean, integer, string, string_list };

[[nodiscard]] INBOXLINT_API std::string_view to_string(OptionType type) noexcept;

struct OptionInfo {
    std::string_view name;
    OptionType type = OptionType::boolean;
    OptionValue default_value;
    std::string_view summary;
};

struct RuleInfo {
    std::string_view id;    // "FROM001": family + three digits, never reused
    std::string_view slug;  // "multiple-from-addresses"
    Severity default_severity = Severity::warning;
    std::string_view category;  // "format", "sender", "content", ...
    std::string_view summary;   // one line
    std::string_view clause;    // the guideline or standard clause enforced
    std::vector<OptionInfo> options;
};

// Every rule, in id order.
[[nodiscard]] INBOXLINT_API std::span<const RuleInfo> rules() noexcept;

// The rule with this id or slug (case-insensitive), if any.
[[nodiscard]] INBOXLINT_API const RuleInfo* find_rule(std::string_view id_or_slug) noexcept;

// The rule's documentation page (Markdown), embedded in the library.
[[nodiscard]] INBOXLINT_API std::optional<std::string_view> explain(std::string_view id_or_slug) noexcept;

}  // namespace inboxlint
