// Internal to the style engine (style.cpp, style_compute.cpp): computed
// values of one element in one view, and how they follow from the winning
// declarations and the parent's values.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "html/css_properties.hpp"
#include "html/dom.hpp"
#include "html/style.hpp"

namespace inboxlint::html::detail {

// The winning declaration of each property (nullptr: none).
using Specified = std::array<const css::Declaration*, css::property_count>;

struct Source {
    std::uint32_t element = no_node;
    Span declaration;
};

struct Computed {
    // Inherited.
    double font_size = 16;
    Source font_source;
    css::Rgba color{0, 0, 0, 1};
    Source color_source;
    bool visibility_hidden = false;
    Source visibility_source;
    double line_height = -1;  // px; -1: normal
    double text_indent = 0;   // px
    Source indent_source;
    // Propagated to the subtree.
    bool not_rendered = false;
    double opacity = 1;  // product over the ancestors
    Source opacity_source;
    Technique box = Technique::none;  // the first hidden box on the path
    Source box_source;
    css::Rgba background{255, 255, 255, 1};
    bool background_known = true;
    bool mso_hidden = false;
    std::uint32_t clip_box = no_node;  // nearest box with overflow hidden and no fixed height
    // The element's own.
    bool inline_box = true;  // height, width, overflow and transform do not apply
};

struct ElementInput {
    const Dom& dom;
    std::uint32_t index;
    const Node& node;
    const Specified& specified;
};

// The computed values of an element from its winning declarations.
Computed compute(const ElementInput& in, const Computed& parent);

// How a text node whose parent element computed `style` renders.
TextStyle judge_text(std::uint32_t node, const Computed& style);

// Whether an element renders with a box of at most 2x2 px (an image's size).
bool is_pixel(const Specified& specified);

// Whether an element paints an image as its background (CSS background or
// background-image with url(), or a background attribute).
bool has_background_image(const Specified& specified);

// The user agent's and the presentational attributes' declarations for an
// element (below every author rule in the cascade).
void presentational_hints(const Dom& dom, const Node& node, const css::Rgba* body_link, bool quirks,
                          std::vector<css::Declaration>& out);

}  // namespace inboxlint::html::detail
