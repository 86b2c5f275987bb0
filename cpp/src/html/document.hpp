// The HTML analysis of a message, computed once per part and cached on the
// Message: the tree (gumbo_guard.hpp), the style of every text
// (style.hpp) and what hidden text is for (intent.hpp).
//
// For rules and other analyses (links, content):
//   for (int part : html::html_parts(msg)) {
//       const html::HtmlDocument& doc = html::html_document(msg, part);
//       for (const html::Node& n : doc.dom().nodes) ...   // n.span: offsets in msg.body_text(part)
//   }
// Nodes inside <!--[if mso]> comments are parsed too (flag_outlook_only),
// so links there count; doc.text_style(node) tells whether a text shows.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/message.hpp"
#include "html/dom.hpp"
#include "html/gumbo_guard.hpp"
#include "html/intent.hpp"
#include "html/prescan.hpp"
#include "html/style.hpp"

namespace inboxlint::html {

struct HtmlDocument {
    int entity = 0;
    const Dom* tree = nullptr;  // owned by the Message's memo (parsed_html)
    StyleResult styles;
    Intents intents;
    std::vector<PrescanNote> limits;  // also recorded on the Message

    [[nodiscard]] const Dom& dom() const noexcept { return *tree; }
    // The style of a text node (nullptr for other nodes).
    [[nodiscard]] const TextStyle* text_style(std::uint32_t node) const noexcept;

    // Per node, the index of its style in styles.texts (no_node: none).
    // Rules ask for every text node's style; a binary search for each
    // mispredicted a branch at nearly every step.
    std::vector<std::uint32_t> text_style_index;
};

// The parsed tree alone (what link extraction needs), cached on the Message;
// html_document builds on the same parse.
const ParseOutcome& parsed_html(const analysis::Message& msg, int entity);

// The text/html leaf parts a recipient sees (attachments left out), in order.
std::vector<int> html_parts(const analysis::Message& msg);

const HtmlDocument& html_document(const analysis::Message& msg, int entity);

// "<div class="kw hx">": an element's tag with its id or class, for messages.
std::string describe_element(const Dom& dom, std::uint32_t element);

}  // namespace inboxlint::html
