// HTML002: hidden text with many words, or repeating the same phrases:
// keyword stuffing aimed at filters, not readers.
#include "rules/html/html_support.hpp"

namespace inboxlint::checks {

void check_html002_hidden_keyword_stuffing(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (int part : html::html_parts(msg)) {
        const html::HtmlDocument& doc = html::html_document(msg, part);
        for (const html::HiddenBlock& block : doc.intents.hidden) {
            if (block.intent != html::Intent::stuffing) continue;
            html_rules::report_hidden(ctx, doc, block,
                                      std::to_string(block.words) + " hidden words (" +
                                          html_rules::how_hidden(doc, block) + "): " + html_rules::quoted(block.text));
        }
    }
}

}  // namespace inboxlint::checks
