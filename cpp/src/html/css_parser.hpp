// CSS Syntax Level 3 parsing on top of the tokenizer: declaration lists
// (style attributes, rule blocks) and style sheets (<style> elements), with
// @media kept as a condition. Rules inside a conditional @media (or
// @supports, @container) go to a numbered group; the cascade applies group 0
// by default and each other group in a view of its own (style.hpp), so
// "hidden by default, shown by a media query" can be told from "hidden".
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "html/css_properties.hpp"
#include "html/css_selector.hpp"
#include "html/css_tokenizer.hpp"

namespace inboxlint::html::css {

enum class MediaKind : std::uint8_t { always, never, conditional };

// A media query list (its tokens), for a screen of any size.
MediaKind evaluate_media(std::span<const Token> query);

struct StyleRule {
    Selector selector;
    std::uint32_t block = 0;        // index into Stylesheet::blocks
    std::uint32_t order = 0;        // source order over the document's style sheets
    std::uint16_t group = 0;        // 0: applies by default; else Stylesheet::groups[group]
    std::uint32_t specificity = 0;  // selector.specificity.key()
    Span span;                      // the selector list in the part's text
};

struct Stylesheet {
    static constexpr std::size_t max_groups = 16;

    std::vector<std::vector<Declaration>> blocks;
    std::vector<StyleRule> rules;
    // groups[0] is the default; the others are conditions, as written
    // ("screen and (max-width:600px)", ":state" for :hover and friends).
    std::vector<std::string> groups{""};
    std::size_t invalid_rules = 0;  // selectors we cannot parse, of rules that set a property we read
    std::uint32_t next_order = 0;

    std::uint16_t group_for(const std::string& condition);
};

// A style attribute's declarations. `base` is the text's offset in the part.
std::vector<Declaration> parse_declaration_list(std::string_view text, std::size_t base, bool quirks);

// Adds a <style> element's rules; `media` is its media attribute ("" if none).
void parse_stylesheet(std::string_view css, std::size_t base, std::string_view media, bool quirks, Stylesheet& sheet);

}  // namespace inboxlint::html::css
