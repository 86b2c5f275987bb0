#include "rules/address_rules.hpp"

namespace inboxlint::checks {

bool is_address_defect(std::string_view code) noexcept {
    return code != "obsolete-syntax" && code != "empty-list-element";
}

void report_address_defects(Context& ctx, std::string_view field_name) {
    for (const mime::HeaderField* field : ctx.message().fields(field_name)) {
        for (const mime::SyntaxIssue& issue : ctx.message().addresses(*field).issues) {
            if (!is_address_defect(issue.code)) continue;
            Finding& f = ctx.report("", issue.span, std::string(field_name) + ": " + issue.detail);
            f.properties.push_back({"field", std::string(field_name)});
            f.properties.push_back({"defect", std::string(issue.code)});
        }
    }
}

}  // namespace inboxlint::checks
