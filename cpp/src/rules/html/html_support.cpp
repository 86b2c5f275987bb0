#include "rules/html/html_support.hpp"

#include "html/words.hpp"

namespace inboxlint::checks::html_rules {

std::string how_hidden(const html::HtmlDocument& doc, const html::HiddenBlock& block) {
    std::string how(html::technique_name(block.technique));
    if (block.element != html::no_node) how += " on " + html::describe_element(doc.dom(), block.element);
    return how;
}

std::string quoted(std::string_view text, std::size_t max_bytes) {
    return "\"" + html::normalize_text(text, max_bytes) + "\"";
}

Finding& report_hidden(Context& ctx, const html::HtmlDocument& doc, const html::HiddenBlock& block,
                       std::string message) {
    Finding& f = ctx.report_text(doc.entity, block.range, std::move(message));
    if (!block.declaration.empty()) {
        f.related.push_back({ctx.text_location(doc.entity, block.declaration), "hidden by this declaration"});
    }
    if (block.element != html::no_node && !doc.dom().nodes[block.element].span.empty()) {
        f.related.push_back({ctx.text_location(doc.entity, doc.dom().nodes[block.element].span), "the hiding element"});
    }
    with(f, "technique", std::string(html::technique_name(block.technique)));
    if (block.element != html::no_node) with(f, "element", html::describe_element(doc.dom(), block.element));
    with(f, "intent", std::string(html::intent_name(block.intent)));
    with(f, "words", std::to_string(block.words));
    with(f, "text", block.text);
    return f;
}

}  // namespace inboxlint::checks::html_rules
