// Assembles a Report: the rules' findings plus engine findings (limits,
// internal errors), the part tree, line and column for every location, and
// the final order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/message.hpp"
#include "engine/resolved_config.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint::engine {

class ReportBuilder {
public:
    ReportBuilder(const ResolvedConfig& config, const Limits& limits, std::size_t message_size);

    void internal_error(std::string message);
    void findings_dropped(std::string_view rule_id, std::size_t count);

    // `config` gives the records the authentication summary reads.
    Report finish(const analysis::Message& msg, std::vector<Finding> findings, const Config& config);
    Report finish_without_message();

private:
    void add_limit(const analysis::Message& msg, std::string limit, std::size_t value, Span span, int entity);
    void add_parts(const analysis::Message& msg);
    void place(const analysis::Message& msg);

    const ResolvedConfig& config_;
    const Limits& limits_;
    Report report_;
    std::vector<std::string> internal_errors_;
    std::vector<std::pair<std::string, std::size_t>> dropped_;
};

}  // namespace inboxlint::engine
