// What the HTML rules share: reporting a hidden block with its element,
// technique and text.
#pragma once

#include <string>
#include <string_view>

#include "html/document.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks::html_rules {

// "display:none on <div class="x">" / "tiny font-size (1px) from <td>".
std::string how_hidden(const html::HtmlDocument& doc, const html::HiddenBlock& block);

// The text in double quotes, cut to about `max_bytes`.
std::string quoted(std::string_view text, std::size_t max_bytes = 80);

// Reports a hidden block at its text, with the hiding declaration and
// element as related locations and its details as properties.
Finding& report_hidden(Context& ctx, const html::HtmlDocument& doc, const html::HiddenBlock& block,
                       std::string message);

}  // namespace inboxlint::checks::html_rules
