#include "rules/address_rules.hpp"

#include "core/ascii.hpp"

namespace inboxlint::checks {

bool is_address_defect(std::string_view code) noexcept {
    return code != "obsolete-syntax" && code != "empty-list-element";
}

namespace {

// RFC 5321 section 4.5.5: the null reverse-path of bounces, "<>".
bool null_path(const analysis::Message& msg, const mime::HeaderField& field) {
    return core::trim(msg.unfolded_value(field)) == "<>";
}

}  // namespace

void report_address_defects(Context& ctx, std::string_view field_name) {
    for (const mime::HeaderField* field : ctx.message().fields(field_name)) {
        if (core::iequals(field_name, "Return-Path") && null_path(ctx.message(), *field)) continue;
        for (const mime::SyntaxIssue& issue : ctx.message().addresses(*field).issues) {
            if (!is_address_defect(issue.code)) continue;
            Finding& f = ctx.report("", issue.span, std::string(field_name) + ": " + issue.detail);
            f.properties.push_back({"field", std::string(field_name)});
            f.properties.push_back({"defect", std::string(issue.code)});
        }
    }
}

}  // namespace inboxlint::checks
