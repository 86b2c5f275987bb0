// The CSS properties that decide whether text can be seen, interpreted from
// their tokens into typed values. Everything else is dropped at parse time.
// An invalid value drops the declaration, as browsers do (`display: nonee`
// hides nothing).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "html/css_tokenizer.hpp"
#include "html/css_values.hpp"

namespace inboxlint::html::css {

enum class Property : std::uint8_t {
    display,
    visibility,
    opacity,
    font_size,
    color,
    background_color,
    background_image,  // only whether there is one (it hides the background colour from us)
    height,
    max_height,
    width,
    max_width,
    line_height,
    overflow_x,
    overflow_y,
    position,
    left,
    top,
    right,
    text_indent,
    clip,       // flag: a zero-area rect()
    clip_path,  // flag: a zero-area shape
    transform,  // flag: a scale of zero
    mso_hide,   // flag: mso-hide: all
    count_
};
inline constexpr std::size_t property_count = static_cast<std::size_t>(Property::count_);

std::string_view property_name(Property p) noexcept;

enum class Keyword : std::uint8_t {
    other,
    none,
    auto_,
    normal,
    // display
    inline_,
    block,  // any display that makes a box height and overflow apply to
    contents,
    // visibility
    visible,
    hidden,
    collapse,
    // overflow
    clip_,
    scroll,
    // position
    static_,
    relative,
    absolute,
    fixed,
    sticky,
    // font-size
    xx_small,
    x_small,
    small,
    medium,
    large,
    x_large,
    xx_large,
    xxx_large,
    smaller,
    larger,
};

struct Value {
    enum class Kind : std::uint8_t { keyword, length, number, color, flag, inherit, initial, unset };
    Kind kind = Kind::keyword;
    Keyword keyword = Keyword::other;
    Length length;
    double number = 0;
    Color color;
    bool flag = false;
};

struct Declaration {
    Property property = Property::display;
    Value value;
    bool important = false;
    Span span;  // the declaration in the part's text ("display: none !important")
};

// Interprets `name: value` (value trimmed, without !important) into zero, one
// or two declarations (shorthands: background, overflow, font, inset...).
void interpret(std::string_view name, std::span<const Token> value, bool important, Span span, bool quirks,
               std::vector<Declaration>& out);

}  // namespace inboxlint::html::css
