// The text a reader sees, cut into units the category model reads one at a
// time: for an HTML part, the visible text each block-level element holds
// directly (its inline content; nested blocks are units of their own); for a
// text/plain part, its paragraphs. Each unit keeps where its characters
// came from, so signals map back to the part's text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/document.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint::category {

// A stretch of unit text copied from the part's text.
struct Run {
    std::size_t at = 0;  // offset in the unit text
    std::size_t size = 0;
    Span source;                         // in the part's text
    bool verbatim = false;               // the unit text is the source byte for byte (no character references)
    std::uint32_t node = html::no_node;  // the HTML text node, if any
};

struct Unit {
    std::uint32_t element = html::no_node;  // the block element holding the text (HTML)
    Span range;                             // the whole block or paragraph, in the part's text
    std::string text;
    std::vector<Run> runs;

    // A range of `text` as a range of the part's text: exact inside verbatim
    // runs, widened to whole text nodes elsewhere.
    [[nodiscard]] Span to_source(Span unit_range) const;
};

// Whether an element starts a block (p, div, td, li, h1-h6, tr, table ...).
bool is_block_element(std::string_view tag) noexcept;

// The end, in the part's text, of every node's subtree (its last byte).
std::vector<std::size_t> subtree_ends(const html::Dom& dom);

// For every node, the nearest block element enclosing it (itself when it is
// one), or no_node.
std::vector<std::uint32_t> block_owners(const html::Dom& dom);

// Whether a text node is shown: visible in the default view or in one of
// the style sheet's media views, and not only in Outlook.
bool shown(const html::HtmlDocument& doc, std::uint32_t node);

// The units of an HTML part, in document order of their first text.
std::vector<Unit> html_units(const html::HtmlDocument& doc, std::string_view part_text,
                             const std::vector<std::uint32_t>& owners, const std::vector<std::size_t>& ends);

// The paragraphs (separated by blank lines) of a text/plain part; quoted
// lines ("> ...") are left out.
std::vector<Unit> text_units(std::string_view part_text);

}  // namespace inboxlint::category
