// Hidden content judged by intent (DESIGN.md, "Hidden content is judged by
// intent, not by the property used").
//
// Hidden text nodes with real words are grouped into blocks (consecutive
// hidden text hidden by the same element the same way) and each block gets
// an intent:
//  - preheader: before the first visible text with words, in the tree and
//    in the source, of 2 to `preheader_max_words` words. Mail clients show
//    the first text of a message as its preview; a short hidden text there
//    sets it. Not repetitive.
//  - responsive: hidden by default but visible under one of the style
//    sheet's @media conditions (mobile-only/desktop-only variants, dark
//    mode) or states (:hover, :checked).
//  - deceptive: anything else hidden with words.
//  - stuffing: deceptive with `stuffing_words` words or more, or repetitive
//    (a repeated three-word sequence among few distinct words).
// Not blocks at all: text only Outlook shows (<!--[if mso]> content), text of
// white space, fillers and punctuation (MJML's font-size:0 layout cells),
// text that is never content (<title>, <style>), and hidden tokens of digits
// (the unique ids some senders add so Gmail does not collapse repeated text,
// and the threading markers of help-desk notifications, "[ABC123-XYZ789]"),
// and template-language statements of unrendered templates ("{% for %}",
// "{{ name }}", html/template_logic.hpp).
//
// Visible text whose colour has a WCAG contrast ratio under
// `low_contrast_ratio` with its background (but 1.1 or more: below that it
// counts as hidden) is reported separately, grouped the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "html/dom.hpp"
#include "html/style.hpp"

namespace inboxlint::html {

inline constexpr std::size_t preheader_min_words = 2;
inline constexpr std::size_t preheader_max_words = 150;
inline constexpr std::size_t stuffing_words = 50;
inline constexpr double low_contrast_ratio = 1.5;

enum class Intent : std::uint8_t { preheader, responsive, deceptive, stuffing };

std::string_view intent_name(Intent i) noexcept;

struct HiddenBlock {
    Intent intent = Intent::deceptive;
    Technique technique = Technique::none;
    std::uint32_t element = no_node;  // the element whose style hides the text
    Span declaration;                 // the declaration or attribute that hides it, when known
    Span range;                       // from the first hidden word to the end of the last, in the part's text
    std::string text;                 // the hidden words, white space and fillers collapsed (at most 1000 bytes)
    std::size_t words = 0;
    std::size_t fillers = 0;
    std::string view;                  // responsive: the condition that shows it
    std::vector<std::uint32_t> nodes;  // the text nodes
};

struct LowContrastBlock {
    std::uint32_t element = no_node;  // the element whose colour it is
    Span declaration;
    Span range;
    std::string text;
    std::size_t words = 0;
    double contrast = 0;  // the lowest ratio in the block
    css::Rgba color;
    css::Rgba background;
};

struct Intents {
    std::vector<HiddenBlock> hidden;  // document order
    std::vector<LowContrastBlock> low_contrast;
    std::uint32_t first_visible_text = no_node;  // the first visible text node with words, in tree order
    // Where the first visible words are in the source. A preheader must come
    // before them there too: the parser moves misplaced content in tables
    // ("foster parenting") ahead of the table in the tree.
    std::size_t first_visible_offset = static_cast<std::size_t>(-1);
    std::size_t visible_words = 0;
    std::size_t hidden_words = 0;
    std::size_t outlook_only_words = 0;
    std::size_t visible_images = 0;  // not hidden, not tracking pixels
    std::size_t pixel_images = 0;
};

// `text`, the part's text, trims white space off the ranges (may be empty).
Intents classify(const Dom& dom, const StyleResult& styles, std::string_view text = {});

}  // namespace inboxlint::html
