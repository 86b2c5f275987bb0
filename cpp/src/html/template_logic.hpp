// Template-language statements in the text of an unrendered template:
// Jinja/Twig/Nunjucks/Mailjet "{% ... %}", "{{ ... }}" and "{# ... #}",
// Mailjet's "[[ ... ]]", Mailchimp's "*|...|*" and Salesforce's "%%...%%".
// An ESP renders them away before sending, so a hidden layout cell that
// holds only "{% for item in var:order.items %}" hides no text (issue 23).
#pragma once

#include <string>
#include <string_view>

namespace inboxlint::html {

// The text with every complete template statement replaced by a space.
std::string without_template_logic(std::string_view text);

// Whether the text holds a template statement and nothing else but white
// space and fillers (no word outside the statements).
bool only_template_logic(std::string_view text);

}  // namespace inboxlint::html
