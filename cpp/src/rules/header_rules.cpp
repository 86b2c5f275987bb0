#include "rules/header_rules.hpp"

namespace inboxlint::checks {

void report_missing_field(Context& ctx, std::string_view field_name) {
    if (ctx.message().first_field(field_name)) return;
    const std::size_t at = ctx.message().root().header.begin;
    ctx.report("", {at, at}, "the message has no " + std::string(field_name) + " field");
}

std::string count_phrase(std::size_t count, std::string_view singular, std::string_view plural) {
    return std::to_string(count) + " " + std::string(count == 1 ? singular : plural);
}

}  // namespace inboxlint::checks
