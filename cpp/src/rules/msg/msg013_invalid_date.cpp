#include <string_view>

#include "analysis/dates.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_msg013_invalid_date(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (std::string_view name : {"Date", "Resent-Date"}) {
        for (const mime::HeaderField* field : msg.fields(name)) {
            const mime::DateTime& date = analysis::date_of(msg, *field);
            for (const mime::SyntaxIssue& issue : date.issues) {
                // Obsolete forms are legal; MSG010 reports them.
                if (issue.code == "obsolete-date-syntax") continue;
                Finding& f = ctx.report("", issue.span, std::string(name) + ": " + issue.detail);
                f.properties.push_back({"defect", std::string(issue.code)});
            }
        }
    }
}

}  // namespace inboxlint::checks
