#include "engine/resolved_config.hpp"

#include <algorithm>

#include "auth/key_table.hpp"
#include "core/ascii.hpp"

namespace inboxlint::engine {
namespace {

// A selector is a rule id prefix ("MSG", "MSG00", "FROM001") or a slug.
bool matches(const RuleInfo& info, std::string_view selector) {
    return core::istarts_with(info.id, selector) || core::iequals(info.slug, selector);
}

void require_known(std::string_view selector, std::string_view where) {
    if (selector.empty()) throw ConfigError(std::string(where) + ": an empty rule selector");
    for (const checks::Rule& rule : checks::registry()) {
        if (matches(rule.info, selector)) return;
    }
    throw ConfigError(std::string(where) + ": '" + std::string(selector) +
                      "' names no rule (use an id, an id prefix or a slug)");
}

bool enabled(const RuleInfo& info, const Config& config) {
    const auto hit = [&](const std::string& s) { return matches(info, s); };
    const bool selected = config.select.empty() || std::any_of(config.select.begin(), config.select.end(), hit);
    return selected && std::none_of(config.ignore.begin(), config.ignore.end(), hit);
}

Severity severity_for(const RuleInfo& info, const Config& config) {
    Severity result = info.default_severity;
    std::size_t best = 0;
    for (const auto& [selector, severity] : config.severity) {
        // A slug is as specific as the full id.
        const std::size_t weight = core::iequals(info.slug, selector) ? info.id.size() : selector.size();
        if (matches(info, selector) && weight >= best) {
            best = weight;
            result = severity;
        }
    }
    return result;
}

bool has_type(const OptionValue& value, OptionType type) {
    switch (type) {
        case OptionType::boolean:
            return std::holds_alternative<bool>(value);
        case OptionType::integer:
            return std::holds_alternative<std::int64_t>(value);
        case OptionType::string:
            return std::holds_alternative<std::string>(value);
        case OptionType::string_list:
            return std::holds_alternative<std::vector<std::string>>(value);
    }
    return false;
}

const RuleInfo& rule_named(std::string_view id_or_slug) {
    for (const checks::Rule& rule : checks::registry()) {
        if (core::iequals(rule.info.id, id_or_slug) || core::iequals(rule.info.slug, id_or_slug)) return rule.info;
    }
    throw ConfigError("options: '" + std::string(id_or_slug) + "' is not a rule id or slug");
}

void check_options(const Config& config) {
    for (const auto& [rule_name, values] : config.options) {
        const RuleInfo& info = rule_named(rule_name);
        for (const auto& entry : values) {
            const std::string& name = entry.first;
            const OptionValue& value = entry.second;
            const auto option = std::find_if(info.options.begin(), info.options.end(),
                                             [&](const OptionInfo& o) { return o.name == name; });
            if (option == info.options.end()) {
                throw ConfigError("options: rule " + std::string(info.id) + " has no option '" + name + "'");
            }
            if (!has_type(value, option->type)) {
                throw ConfigError("options: " + std::string(info.id) + "." + name + " must be a " +
                                  std::string(to_string(option->type)));
            }
        }
    }
}

checks::RuleOptions options_for(const RuleInfo& info, const Config& config) {
    std::map<std::string, OptionValue, std::less<>> values;
    for (const OptionInfo& option : info.options) values[std::string(option.name)] = option.default_value;
    for (const auto& [rule_name, given] : config.options) {
        if (!core::iequals(rule_name, info.id) && !core::iequals(rule_name, info.slug)) continue;
        for (const auto& [name, value] : given) values[name] = value;
    }
    return checks::RuleOptions(std::move(values));
}

void check_limits(const Limits& limits) {
    const std::pair<const char*, std::size_t> all[] = {
        {"max_message_size", limits.max_message_size},
        {"max_header_fields", limits.max_header_fields},
        {"max_depth", limits.max_depth},
        {"max_parts", limits.max_parts},
        {"max_decoded_size", limits.max_decoded_size},
        {"max_html_nodes", limits.max_html_nodes},
        {"max_findings_per_rule", limits.max_findings_per_rule},
    };
    for (const auto& [name, value] : all) {
        if (value == 0) throw ConfigError(std::string("limits: ") + name + " must be at least 1");
    }
}

}  // namespace

ResolvedConfig resolve(const Config& config) {
    for (const std::string& s : config.select) require_known(s, "select");
    for (const std::string& s : config.ignore) require_known(s, "ignore");
    for (const auto& entry : config.severity) require_known(entry.first, "severity");
    check_options(config);
    check_limits(config.limits);
    auth::validate_dkim_keys(config.dkim_keys);
    validate_envelope(config.envelope);
    ResolvedConfig resolved;
    for (const checks::Rule& rule : checks::registry()) {
        if (!enabled(rule.info, config)) continue;
        const Severity severity = severity_for(rule.info, config);
        if (rule.info.id == "LINT001") {
            resolved.reports_limits = true;
            resolved.limit_severity = severity;
        } else if (rule.info.id == "LINT002") {
            resolved.reports_internal_errors = true;
            resolved.internal_error_severity = severity;
        }
        if (rule.check) {
            resolved.rules.push_back({&rule, severity, options_for(rule.info, config)});
        } else if (rule.info.category == "batch") {
            resolved.batch_rules.push_back({&rule, severity, options_for(rule.info, config)});
        }
    }
    return resolved;
}

}  // namespace inboxlint::engine
