// HTML004: visible text whose colour is so close to its background that it
// is barely readable (WCAG 2 contrast ratio under 1.5:1).
#include <cmath>
#include <cstdio>

#include "rules/html/html_support.hpp"

namespace inboxlint::checks {

namespace {

std::string ratio(double r) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f:1", std::floor(r * 100) / 100);
    return buffer;
}

}  // namespace

void check_html004_low_contrast_text(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (int part : html::html_parts(msg)) {
        const html::HtmlDocument& doc = html::html_document(msg, part);
        for (const html::LowContrastBlock& b : doc.intents.low_contrast) {
            const std::string colors = html::css::to_hex(b.color) + " on " + html::css::to_hex(b.background);
            Finding& f = ctx.report_text(part, b.range,
                                         "low-contrast text (contrast " + ratio(b.contrast) + ", " + colors +
                                             "): " + html_rules::quoted(b.text));
            if (!b.declaration.empty()) f.related.push_back({ctx.text_location(part, b.declaration), "the colour"});
            with(f, "contrast", ratio(b.contrast));
            with(f, "color", html::css::to_hex(b.color));
            with(f, "background", html::css::to_hex(b.background));
            if (b.element != html::no_node) with(f, "element", html::describe_element(doc.dom(), b.element));
            with(f, "text", b.text);
        }
    }
}

}  // namespace inboxlint::checks
