// The view a rule gets while it runs: the message's analyses, its own
// options, and a way to report findings.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/message.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/report.hpp"
#include "rules/rule.hpp"

namespace inboxlint::checks {

// A rule's options with defaults applied; validated when the Linter was built.
class RuleOptions {
public:
    RuleOptions() = default;
    explicit RuleOptions(std::map<std::string, OptionValue, std::less<>> values) : values_(std::move(values)) {}

    [[nodiscard]] bool boolean(std::string_view name) const;
    [[nodiscard]] std::int64_t integer(std::string_view name) const;
    [[nodiscard]] const std::string& string(std::string_view name) const;
    [[nodiscard]] const std::vector<std::string>& string_list(std::string_view name) const;

private:
    const OptionValue& get(std::string_view name) const;
    std::map<std::string, OptionValue, std::less<>> values_;
};

class Context {
public:
    Context(const analysis::Message& message, const Rule& rule, const RuleOptions& options,
            std::vector<Finding>& findings, std::size_t max_findings, const Config* config = nullptr)
        : message_(message),
          rule_(rule),
          options_(options),
          findings_(findings),
          max_findings_(max_findings),
          config_(config) {}

    [[nodiscard]] const analysis::Message& message() const noexcept { return message_; }
    [[nodiscard]] const RuleOptions& options() const noexcept { return options_; }
    // The Linter's configuration, for facts the caller supplies (DKIM keys).
    [[nodiscard]] const Config& config() const noexcept;

    // Reports a finding about raw bytes of the part whose header or body has
    // path `part`. The returned finding may be given related locations and
    // properties. Past the per-rule limit it is a scratch value and dropped.
    Finding& report(std::string_view part, Span raw, std::string message);
    // Reports a finding about a range of a part's decoded UTF-8 text.
    Finding& report_text(int entity, Span text_range, std::string message);

    // A location for related information (line and column are filled in later).
    [[nodiscard]] Location location(std::string_view part, Span raw) const;
    [[nodiscard]] Location text_location(int entity, Span text_range) const;

    [[nodiscard]] std::size_t dropped() const noexcept { return dropped_; }

private:
    const analysis::Message& message_;
    const Rule& rule_;
    const RuleOptions& options_;
    std::vector<Finding>& findings_;
    std::size_t max_findings_;
    const Config* config_;
    std::size_t reported_ = 0;
    std::size_t dropped_ = 0;
    Finding scratch_;
};

// Adds a property to a finding; returns the finding for chaining.
Finding& with(Finding& finding, std::string name, std::string value);

}  // namespace inboxlint::checks
