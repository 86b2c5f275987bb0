// The cascade and the visibility of every text node and image.
//
// For each element the engine gathers: user-agent defaults (display by tag,
// [hidden], link colour, the quirks-mode table font reset), presentational
// attributes (bgcolor, background, text, link, <font color size>, width,
// height), the matching rules of the document's <style> elements ordered by
// specificity and source order, and the style attribute; !important
// reverses the order of author and inline declarations as CSS 2.1 §6.4.2
// says. Computed values are inherited down the tree (colour, font size,
// visibility, line height, text-indent) or accumulated (opacity multiplies,
// a hidden box hides its subtree, backgrounds composite).
//
// This runs once per "view": view 0 applies the default rules; view k also
// applies the rules of Stylesheet::groups[k] (one media condition, or
// :hover-like states). A text hidden in view 0 but visible in another is a
// responsive (or interactive) variant, not hidden content.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/css_parser.hpp"
#include "html/css_values.hpp"
#include "html/dom.hpp"

namespace inboxlint::html {

// How a text is hidden, in the order the engine looks for them.
enum class Technique : std::uint8_t {
    none,
    not_rendered,       // inside <head>, <script>, <style>, <title>, <template> ...: not content at all
    display_none,       // display: none on the element or an ancestor
    hidden_attribute,   // the hidden attribute
    visibility,         // visibility: hidden or collapse
    opacity,            // opacity multiplied through the ancestors below 0.1
    zero_size,          // height/max-height/width/max-width 0 with overflow hidden
    zero_line_height,   // line-height 0 in a box with overflow hidden
    off_screen,         // positioned 1000px or more off the page
    text_indent,        // text-indent of -1000px or more
    clip,               // clip: rect() of no area on an absolutely positioned box
    clip_path,          // clip-path of no area
    transform,          // transform: scale(0)
    tiny_font,          // font size under 3px (0 and 1px included)
    transparent_color,  // color with alpha under 0.1
    color_contrast,     // text colour (nearly) the background colour: WCAG contrast under 1.1
};

std::string_view technique_name(Technique t) noexcept;

// How one text node renders in one view. One per text node, so the fields
// are ordered largest first: no padding between them.
struct TextStyle {
    Span declaration;        // the declaration (or attribute) that hides it, when known
    Span color_declaration;  // the declaration of its colour
    css::Rgba color;         // as declared (alpha included)
    css::Rgba background;    // the composited background behind it
    double opacity = 1;
    double font_size = 16;  // px
    double contrast = 21;   // WCAG ratio of the colour over the background
    std::uint32_t node = no_node;
    std::uint32_t element = no_node;        // the element whose style hides it
    std::uint32_t color_element = no_node;  // the element whose colour the text has (no_node: the default)
    std::uint16_t view = 0;                 // the view of shown_in_view (Stylesheet::groups index)
    Technique technique = Technique::none;
    bool visible = true;
    bool mso_hidden = false;       // mso-hide: all applies: Outlook does not show it
    bool background_known = true;  // false under a background image
    bool shown_in_view = false;    // hidden here, visible in another view
};

// An <img>, or an element that paints an image as its background (image-only
// mail is often built from background images: HTML008 counts both).
struct ImageStyle {
    std::uint32_t node = no_node;
    bool visible = true;
    bool pixel = false;       // 2x2 px or smaller: a tracking pixel, not content
    bool background = false;  // a CSS background or background attribute, not an <img>
};

struct StyleResult {
    std::vector<TextStyle> texts;  // document order, text and whitespace nodes
    std::vector<ImageStyle> images;
    std::vector<std::string> views;  // Stylesheet::groups
    std::size_t rules = 0;
    std::size_t invalid_rules = 0;  // as Stylesheet::invalid_rules counts them
    bool budget_exhausted = false;  // selector matching stopped early (a limit)
    std::size_t work_budget = 0;
};

// `part_text`: the text the Dom was parsed from (style sheets are read from
// it, for exact offsets). `work_budget`: selector-matching steps allowed (0:
// derived from the size).
StyleResult compute_styles(const Dom& dom, std::string_view part_text, std::size_t work_budget = 0);

}  // namespace inboxlint::html
