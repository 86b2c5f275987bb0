// HTML001: text hidden from the reader in the middle of the message, by any
// technique, that is neither the preheader, nor a responsive variant, nor an
// Outlook fallback (html/intent.hpp decides).
#include "rules/html/html_support.hpp"

namespace inboxlint::checks {

void check_html001_hidden_content(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (int part : html::html_parts(msg)) {
        const html::HtmlDocument& doc = html::html_document(msg, part);
        for (const html::HiddenBlock& block : doc.intents.hidden) {
            if (block.intent != html::Intent::deceptive) continue;
            html_rules::report_hidden(
                ctx, doc, block,
                "hidden text (" + html_rules::how_hidden(doc, block) + "): " + html_rules::quoted(block.text));
        }
    }
}

}  // namespace inboxlint::checks
