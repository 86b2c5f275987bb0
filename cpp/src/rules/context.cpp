#include "rules/context.hpp"

namespace inboxlint::checks {

const OptionValue& RuleOptions::get(std::string_view name) const {
    // Option names are checked against the rule's declaration when the
    // Linter is built, so a miss here is a bug in the rule itself.
    return values_.find(name)->second;
}

bool RuleOptions::boolean(std::string_view name) const { return std::get<bool>(get(name)); }
std::int64_t RuleOptions::integer(std::string_view name) const { return std::get<std::int64_t>(get(name)); }
const std::string& RuleOptions::string(std::string_view name) const { return std::get<std::string>(get(name)); }
const std::vector<std::string>& RuleOptions::string_list(std::string_view name) const {
    return std::get<std::vector<std::string>>(get(name));
}

const Config& Context::config() const noexcept {
    static const Config none;
    return config_ ? *config_ : none;
}

Finding& Context::report(std::string_view part, Span raw, std::string message) {
    if (reported_ >= max_findings_) {
        ++dropped_;
        scratch_ = Finding{};
        return scratch_;
    }
    ++reported_;
    Finding& f = findings_.emplace_back();
    f.rule_id = std::string(rule_.info.id);
    f.slug = std::string(rule_.info.slug);
    f.message = std::move(message);
    f.location = location(part, raw);
    return f;
}

Finding& Context::report_text(int entity, Span text_range, std::string message) {
    Finding& f = report(message_.entity(entity).body_path, {}, std::move(message));
    f.location = text_location(entity, text_range);
    return f;
}

Location Context::location(std::string_view part, Span raw) const {
    Location loc;
    loc.part = std::string(part);
    loc.raw = raw;
    return loc;
}

Location Context::text_location(int entity, Span text_range) const {
    Location loc = location(message_.entity(entity).body_path, message_.text_to_raw(entity, text_range));
    loc.decoded = text_range;
    return loc;
}

Finding& with(Finding& finding, std::string name, std::string value) {
    finding.properties.push_back({std::move(name), std::move(value)});
    return finding;
}

}  // namespace inboxlint::checks
