// The signals of the content category model that only the HTML structure
// shows: calls to action in links and buttons, password-reset and
// verification links, unsubscribe links, banner images, product grids
// (repeated image and price) and struck-through prices.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/category.hpp"
#include "html/document.hpp"

namespace inboxlint::category {

// A signal found in the HTML: `range` is in the part's text, `element` the
// element it belongs to (its block is the element's block).
struct HtmlFound {
    analysis::SignalKind kind = analysis::SignalKind::promo_words;
    double weight = 0;
    std::string detail;
    Span range;
    std::uint32_t element = html::no_node;
};

struct HtmlContext {
    const html::HtmlDocument& doc;
    std::string_view part_text;
    const std::vector<std::uint32_t>& owners;  // units.hpp block_owners
    const std::vector<std::size_t>& ends;      // units.hpp subtree_ends
};

// Links: calls to action (a button's weighs more than a plain link's),
// account links, unsubscribe links.
void link_signals(const HtmlContext& ctx, std::vector<HtmlFound>& out);

// Whether a link looks like a button: its own background or padding with
// rounded corners, a button class, or a coloured cell around it alone.
bool is_button(const html::Dom& dom, std::uint32_t anchor);

// Images 480 px wide or more that are shown (a newsletter's banner).
void image_signals(const HtmlContext& ctx, std::vector<HtmlFound>& out);

// Two or more blocks that each hold a shown image and a price
// (`price_nodes`: the text nodes with prices, in document order).
void product_grids(const HtmlContext& ctx, const std::vector<std::uint32_t>& price_nodes, std::vector<HtmlFound>& out);

// Two or more linked pictures of one width under one parent: a cross-sell
// or "you may also like" strip, a digest of teasers. A picture is a shown
// image 100 to 479 px wide (narrower are icons and badges, wider banners)
// and, when its height is given, 60 px high or more, in a link.
void picture_grids(const HtmlContext& ctx, std::vector<HtmlFound>& out);

// Whether a text node is struck through (<s>, <del>, <strike>, or
// text-decoration: line-through) below `block`.
bool struck_through(const html::Dom& dom, std::uint32_t node, std::uint32_t block);

// Whether a link target is for an account action: password reset,
// e-mail verification, confirmation, activation, recovery.
bool is_account_url(std::string_view url);

}  // namespace inboxlint::category
