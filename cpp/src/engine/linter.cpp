#include "inboxlint/linter.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>

#include "analysis/message.hpp"
#include "category/batch.hpp"
#include "engine/report_builder.hpp"
#include "engine/resolved_config.hpp"
#include "rules/context.hpp"

namespace inboxlint {

struct Linter::Impl {
    Config config;
    engine::ResolvedConfig resolved;
};

Linter::Linter(Config config) : impl_(std::make_unique<Impl>()) {
    impl_->resolved = engine::resolve(config);
    impl_->config = std::move(config);
}

Linter::~Linter() = default;
Linter::Linter(Linter&&) noexcept = default;
Linter& Linter::operator=(Linter&&) noexcept = default;

const Config& Linter::config() const noexcept { return impl_->config; }

namespace {

void run_rule(const engine::EnabledRule& enabled, const analysis::Message& msg, const Config& config,
              std::vector<Finding>& findings, engine::ReportBuilder& builder) {
    const std::size_t first = findings.size();
    checks::Context ctx(msg, *enabled.rule, enabled.options, findings, config.limits.max_findings_per_rule, &config);
    try {
        enabled.rule->check(ctx);
    } catch (const std::exception& e) {
        findings.resize(first);
        builder.internal_error(std::string(enabled.rule->info.id) + " failed: " + e.what());
        return;
    }
    for (std::size_t i = first; i < findings.size(); ++i) findings[i].severity = enabled.severity;
    if (ctx.dropped() > 0) builder.findings_dropped(enabled.rule->info.id, ctx.dropped());
}

// A blank input has no header to check: every header rule would report a
// field missing, five errors for one mistake. MSG016 says it once, alone.
constexpr std::string_view empty_message_rule = "MSG016";

bool runs_on(const engine::EnabledRule& enabled, const analysis::Message& msg) {
    return !msg.is_blank() || enabled.rule->info.id == empty_message_rule;
}

}  // namespace

Report Linter::lint(std::string_view message) const {
    const engine::ResolvedConfig& resolved = impl_->resolved;
    const Limits& limits = impl_->config.limits;
    engine::ReportBuilder builder(resolved, limits, message.size());
    try {
        const analysis::Message msg(message, limits);
        std::vector<Finding> findings;
        for (const engine::EnabledRule& enabled : resolved.rules) {
            if (runs_on(enabled, msg)) run_rule(enabled, msg, impl_->config, findings, builder);
        }
        return builder.finish(msg, std::move(findings), impl_->config);
    } catch (const std::exception& e) {
        // Out of memory or a bug: still a report, never an exception.
        builder.internal_error(std::string("lint failed: ") + e.what());
        return builder.finish_without_message();
    }
}

std::vector<Report> Linter::lint_many(std::span<const std::string_view> messages, unsigned threads) const {
    std::vector<Report> reports(messages.size());
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, messages.size()));
    std::atomic<std::size_t> next{0};
    // Workers take the next message as they finish one: messages differ a
    // lot in size, so fixed slices would leave threads idle.
    const auto work = [&] {
        for (std::size_t i = next++; i < messages.size(); i = next++) reports[i] = lint(messages[i]);
    };
    if (threads <= 1) {
        work();
        return reports;
    }
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    try {
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    } catch (const std::system_error&) {
        // No more threads to be had: the ones running share the rest.
    }
    work();
    for (std::thread& t : pool) t.join();
    return reports;
}

std::vector<BatchFinding> Linter::check_batch(std::span<const BatchMessage> messages) const {
    return category::check_batch(impl_->resolved, messages);
}

Report lint(std::string_view message) {
    static const Linter default_linter;
    return default_linter.lint(message);
}

}  // namespace inboxlint
