// HTML003: the hidden preview text before the first visible words. Normal
// and useful; reported (as info) so that its text can be reviewed.
#include "rules/html/html_support.hpp"

namespace inboxlint::checks {

void check_html003_hidden_preheader(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (int part : html::html_parts(msg)) {
        const html::HtmlDocument& doc = html::html_document(msg, part);
        for (const html::HiddenBlock& block : doc.intents.hidden) {
            if (block.intent != html::Intent::preheader) continue;
            Finding& f = html_rules::report_hidden(
                ctx, doc, block,
                "hidden preheader (" + std::to_string(block.words) + " words): " + html_rules::quoted(block.text));
            with(f, "fillers", std::to_string(block.fillers));
        }
    }
}

}  // namespace inboxlint::checks
