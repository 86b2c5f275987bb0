// CSS and HTML values the visibility model needs: colours (CSS Color 4
// syntax and the HTML legacy colour attribute algorithm), lengths, and the
// WCAG 2 contrast ratio.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "html/css_tokenizer.hpp"

namespace inboxlint::html::css {

// sRGB components 0..255 and alpha 0..1.
struct Rgba {
    double r = 0;
    double g = 0;
    double b = 0;
    double a = 1;
    friend bool operator==(const Rgba&, const Rgba&) = default;
};

struct Color {
    Rgba rgba;
    bool current = false;  // currentcolor: the element's own colour
};

// A colour value: its tokens, white space already trimmed. `quirks`
// accepts the hashless hex colours of quirks-mode documents ("ff0000").
std::optional<Color> parse_color(std::span<const Token> value, bool quirks = false);
// HTML's rules for parsing a legacy colour value (bgcolor, color, text ...).
std::optional<Rgba> parse_legacy_color(std::string_view attribute);
std::optional<Rgba> named_color(std::string_view name);

// Composites `top` over `bottom` (source-over).
Rgba blend(const Rgba& top, const Rgba& bottom);
// WCAG 2.x relative luminance and contrast ratio (1 to 21) of opaque colours.
double relative_luminance(const Rgba& c);
double contrast_ratio(const Rgba& a, const Rgba& b);
std::string to_hex(const Rgba& c);  // "#rrggbb", or "#rrggbbaa" when not opaque

enum class Unit : std::uint8_t { px, em, rem, percent, ex, ch, vw, vh, vmin, vmax };

struct Length {
    double value = 0;
    Unit unit = Unit::px;
};

// A length or percentage token: absolute units become px. Unitless zero is a
// length; other unitless numbers only in quirks mode (as px).
std::optional<Length> parse_length(const Token& token, bool quirks = false);

}  // namespace inboxlint::html::css
