// Command-line parsing for the inboxlint command.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "inboxlint/config.hpp"

namespace inboxlint::cli {

enum class Format { text, json, sarif };
enum class Command { lint, rules, explain, help, version };

struct Options {
    Command command = Command::lint;
    Format format = Format::text;
    Config config;
    std::optional<Severity> fail_on = Severity::error;  // nullopt: never fail
    bool excerpts = true;
    bool color = false;
    bool summary = true;
    std::vector<std::string> paths;  // "-" is standard input
    std::string explain_id;
};

// Throws std::invalid_argument with a message for the user.
Options parse_options(const std::vector<std::string>& args, bool stdout_is_terminal);

std::string usage();

}  // namespace inboxlint::cli
