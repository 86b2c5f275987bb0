// libFuzzer target: the CSS tokenizer, declaration and style sheet parsers,
// selectors, media queries and colour parsing on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "html/css_parser.hpp"
#include "html/css_selector.hpp"
#include "html/css_tokenizer.hpp"
#include "html/css_values.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace css = inboxlint::html::css;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto tokens = css::tokenize(text, 7);
    std::size_t previous = 7;
    for (const css::Token& t : tokens) {
        // Tokens are in order, never empty, never past the input.
        if (t.span.begin < previous || t.span.end <= t.span.begin || t.span.end > size + 7) __builtin_trap();
        previous = t.span.end;
    }
    for (const css::Declaration& d : css::parse_declaration_list(text, 0, size % 2 == 0)) {
        if (d.span.end > size) __builtin_trap();
    }
    css::Stylesheet sheet;
    css::parse_stylesheet(text, 0, size > 0 ? text.substr(0, size / 8) : text, false, sheet);
    for (const css::StyleRule& r : sheet.rules) {
        if (r.block >= sheet.blocks.size() || r.group >= sheet.groups.size() || r.span.end > size) __builtin_trap();
    }
    (void)css::parse_selector_list(tokens);
    (void)css::evaluate_media(tokens);
    (void)css::parse_color(tokens, true);
    (void)css::parse_legacy_color(text);
    return 0;
}
