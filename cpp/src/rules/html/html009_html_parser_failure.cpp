// HTML009: the HTML parser failed on a part (an internal assertion of
// gumbo, caught by inboxlint's guard, cpp/docs/gumbo-guard.md). The part's
// HTML was not checked.
#include "rules/html/html_support.hpp"

namespace inboxlint::checks {

void check_html009_html_parser_failure(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (int part : html::html_parts(msg)) {
        const html::ParseOutcome& parsed = html::parsed_html(msg, part);
        if (parsed.dom.failure.empty()) continue;
        Finding& f = ctx.report(msg.entity(part).body_path, msg.entity(part).body,
                                "the HTML parser failed (" + parsed.dom.failure + "); " +
                                    (parsed.dom.parsed ? "part of the HTML" : "the HTML") + " was not checked");
        with(f, "failure", parsed.dom.failure);
    }
}

}  // namespace inboxlint::checks
