// The entry point: build a Linter once from a Config, then lint any number of
// messages, from any number of threads.
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "inboxlint/batch.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint {

class INBOXLINT_API Linter {
public:
    // Throws ConfigError when the configuration names an unknown rule or
    // option, gives an option the wrong type, or sets a limit to zero.
    explicit Linter(Config config = {});
    ~Linter();
    Linter(Linter&&) noexcept;
    Linter& operator=(Linter&&) noexcept;
    Linter(const Linter&) = delete;
    Linter& operator=(const Linter&) = delete;

    // Lints the raw bytes of one RFC 5322 message (an mbox "From " line first
    // is accepted). Any input gives a report: malformed mail becomes
    // findings. Thread-safe; the input is not copied and need only live for
    // the duration of the call.
    [[nodiscard]] Report lint(std::string_view message) const;

    // Lints many messages on `threads` threads (0: one per hardware thread)
    // and returns their reports in input order. The messages must stay alive
    // until it returns.
    [[nodiscard]] std::vector<Report> lint_many(std::span<const std::string_view> messages,
                                                unsigned threads = 0) const;

    // The batch rules (CONT002, CONT003; inboxlint/batch.hpp) over messages
    // linted before, as this configuration selects and rates them. Findings
    // come in batch order.
    [[nodiscard]] std::vector<BatchFinding> check_batch(std::span<const BatchMessage> messages) const;

    [[nodiscard]] const Config& config() const noexcept;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// Lints with the default configuration.
[[nodiscard]] INBOXLINT_API Report lint(std::string_view message);

}  // namespace inboxlint
