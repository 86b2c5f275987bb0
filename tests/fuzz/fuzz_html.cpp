// libFuzzer target: the HTML engine on arbitrary bytes as a part's text:
// the guarded gumbo parse, the cascade and the intent of hidden text. Also
// checks that every offset stays inside the input, and that reading CSS and
// character data apart from gumbo changes nothing.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "html/gumbo_guard.hpp"
#include "html/intent.hpp"
#include "html/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    inboxlint::html::ParseOptions options;
    options.limits.max_nodes = 20000;
    const inboxlint::html::ParseOutcome parsed = inboxlint::html::parse_html(text, options);
    const inboxlint::html::Dom& dom = parsed.dom;
    // CSS and character data read without gumbo (cuts.hpp) must leave
    // the Dom as gumbo makes it. Not where gumbo's memory budget ran out:
    // reading less, it allocates less, so it may finish where the whole
    // text runs out.
    if (parsed.css_read_apart > 0 || parsed.text_read_apart > 0) {
        options.read_css_apart = false;
        options.read_text_apart = false;
        const inboxlint::html::ParseOutcome whole = inboxlint::html::parse_html(text, options);
        const auto budget = [](const inboxlint::html::PrescanNote& n) { return n.limit == "html_parser_memory"; };
        const bool out_of_budget = std::any_of(whole.limits.begin(), whole.limits.end(), budget) ||
                                   std::any_of(parsed.limits.begin(), parsed.limits.end(), budget);
        if (!out_of_budget && (!(whole.dom == dom) || whole.limits != parsed.limits)) __builtin_trap();
    }
    for (const inboxlint::html::Node& n : dom.nodes) {
        if (n.span.begin > n.span.end || n.span.end > size) __builtin_trap();
    }
    for (const inboxlint::html::Attribute& a : dom.attributes) {
        if (a.value_span.end > size || a.name_span.end > size) __builtin_trap();
    }
    const inboxlint::html::StyleResult styles = inboxlint::html::compute_styles(dom, text, 200000);
    const inboxlint::html::Intents intents = inboxlint::html::classify(dom, styles, text);
    for (const inboxlint::html::HiddenBlock& b : intents.hidden) {
        if (b.range.begin > b.range.end || b.range.end > size || b.declaration.end > size) __builtin_trap();
    }
    return 0;
}
