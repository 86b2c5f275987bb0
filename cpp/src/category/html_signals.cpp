#include "category/html_signals.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "category/text_signals.hpp"
#include "category/units.hpp"
#include "category/words.hpp"
#include "core/ascii.hpp"

namespace inboxlint::category {
namespace {

using analysis::SignalKind;

constexpr double link_cta_factor = 0.75;  // a call to action in a plain link, not a button
constexpr double account_link_weight = 2.5;
constexpr double unsubscribe_link_weight = 2;
constexpr double banner_weight = 1;
constexpr double grid_weight = 2.5;
constexpr std::size_t banner_width = 480;
constexpr int cell_levels = 8;  // how far above a price its product's image may be
constexpr std::uint32_t grid_levels = 6;  // how far above each product cell the grid may be
constexpr double picture_grid_weight = 2;
constexpr std::size_t min_picture_width = 100;  // social icons and app-store badges are smaller
constexpr std::size_t min_picture_height = 60;
constexpr int picture_link_levels = 3;  // how far above a picture its link may be
constexpr std::uint32_t picture_grid_levels = 14;  // MJML nests a column's image 12 levels below its section

bool contains(std::string_view text, std::string_view what) { return text.find(what) != std::string_view::npos; }

// A background that shows: a colour or image, not none or transparent.
bool has_background(std::string_view style) {
    for (std::size_t at = style.find("background"); at != std::string_view::npos;
         at = style.find("background", at + 1)) {
        const std::size_t colon = style.find(':', at);
        if (colon == std::string_view::npos) return false;
        const std::string_view name = core::trim(style.substr(at, colon - at));
        if (name != "background" && name != "background-color") continue;
        const std::size_t end = style.find(';', colon);
        const std::string_view value = core::trim(style.substr(colon + 1, end - colon - 1));
        if (!value.empty() && !value.starts_with("none") && !value.starts_with("transparent") &&
            !value.starts_with("inherit") && !value.starts_with("initial")) {
            return true;
        }
    }
    return false;
}

std::size_t count_anchors(const html::Dom& dom, std::uint32_t element, std::uint32_t end) {
    std::size_t n = 0;
    for (std::uint32_t i = element; i < end; ++i) n += dom.node(i).is_element() && dom.node(i).name() == "a" ? 1 : 0;
    return n;
}

// The shown text of an element's subtree, and where it is.
std::pair<std::string, Span> shown_text(const HtmlContext& ctx, std::uint32_t element) {
    const html::Dom& dom = ctx.doc.dom();
    std::string text;
    Span range{dom.node(element).span.begin, dom.node(element).span.end};
    bool first = true;
    const std::uint32_t end = dom.subtree_end(element);
    for (std::uint32_t i = element + 1; i < end; ++i) {
        const html::Node& n = dom.node(i);
        if (n.kind != html::NodeKind::text || !shown(ctx.doc, i)) continue;
        if (!text.empty()) text += ' ';
        text += n.text();
        if (first) range.begin = n.span.begin;
        range.end = std::max(range.begin, n.span.end);
        first = false;
    }
    return {text, range};
}

std::size_t leading_number(std::string_view value) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < value.size() && core::is_digit(value[i]) && n < 100000; ++i) {
        n = n * 10 + static_cast<std::size_t>(value[i] - '0');
    }
    return n;
}

// An image's width in px from its width attribute or its style.
std::size_t image_width(const html::Dom& dom, const html::Node& img) {
    std::size_t width = leading_number(core::trim(dom.attribute_value(img, "width")));
    const std::string style = core::to_lower(dom.attribute_value(img, "style"));
    for (std::string_view property : {"max-width", "width"}) {
        std::size_t at = style.find(property);
        if (property == "width") {  // "width" but not "max-width" or "min-width"
            while (at != std::string::npos && at > 0 && style[at - 1] == '-') at = style.find(property, at + 1);
        }
        if (at == std::string::npos) continue;
        const std::size_t colon = style.find(':', at);
        if (colon == std::string::npos) continue;
        const std::string_view value = core::trim(std::string_view(style).substr(colon + 1));
        const std::size_t px = leading_number(value);
        if (px > 0 && value.substr(std::to_string(px).size()).starts_with("px")) width = std::max(width, px);
    }
    return width;
}

// An <img> shown to the reader (background images are layout here: a cell's
// texture is no banner or product picture).
bool shown_image(const html::HtmlDocument& doc, const html::ImageStyle& img) {
    return img.visible && !img.pixel && !img.background && !doc.dom().node(img.node).has(html::flag_outlook_only);
}

std::uint32_t lowest_common_ancestor(const html::Dom& dom, std::uint32_t a, std::uint32_t b) {
    while (a != b && a != html::no_node && b != html::no_node) {
        if (dom.node(a).depth >= dom.node(b).depth) {
            a = dom.node(a).parent;
        } else {
            b = dom.node(b).parent;
        }
    }
    return a == b ? a : html::no_node;
}

// A shown image big enough to be content, inside a link.
bool linked_picture(const HtmlContext& ctx, const html::ImageStyle& img) {
    const html::Dom& dom = ctx.doc.dom();
    const html::Node& node = dom.node(img.node);
    const std::size_t width = image_width(dom, node);
    if (!shown_image(ctx.doc, img) || width < min_picture_width || width >= banner_width) return false;
    const std::size_t height = leading_number(core::trim(dom.attribute_value(node, "height")));
    if (height > 0 && height < min_picture_height) return false;
    std::uint32_t e = node.parent;
    for (int level = 0; level < picture_link_levels && e != html::no_node; ++level, e = dom.node(e).parent) {
        const html::Node& n = dom.node(e);
        if (n.name() == "a" && !dom.attribute_value(n, "href").empty()) return true;
    }
    return false;
}

// The grids of `cells` (document order): the lowest common ancestor of two
// neighbours, when both are at most `levels` below it.
std::set<std::uint32_t> grids_of(const html::Dom& dom, const std::vector<std::uint32_t>& cells, std::uint32_t levels) {
    std::set<std::uint32_t> grids;
    for (std::size_t i = 1; i < cells.size(); ++i) {
        const std::uint32_t a = cells[i - 1];
        const std::uint32_t b = cells[i];
        if (b < dom.subtree_end(a)) continue;  // nested: the same cell
        const std::uint32_t lca = lowest_common_ancestor(dom, a, b);
        if (lca == html::no_node || dom.node(a).depth - dom.node(lca).depth > levels ||
            dom.node(b).depth - dom.node(lca).depth > levels) {
            continue;
        }
        grids.insert(lca);
    }
    return grids;
}

}  // namespace

bool is_account_url(std::string_view url) {
    // The path and query only: "disaster-recovery.example" is no recovery link.
    const std::size_t scheme = url.find("://");
    if (scheme != std::string_view::npos) {
        const std::size_t path = url.find_first_of("/?#", scheme + 3);
        url = path == std::string_view::npos ? std::string_view() : url.substr(path);
    }
    const std::string u = core::to_lower(url);
    for (std::string_view skip : {"unsub", "optout", "opt-out", "opt_out", "preferences", "privacy"}) {
        if (contains(u, skip)) return false;
    }
    for (std::string_view word : {"reset", "password", "passwort", "wachtwoord", "verif", "confirm", "activat",
                                  "recover", "magic-link", "magiclink", "unlock", "bevestig", "bestaetig"}) {
        if (contains(u, word)) return true;
    }
    return false;
}

bool is_button(const html::Dom& dom, std::uint32_t anchor) {
    const html::Node& a = dom.node(anchor);
    const std::string style = core::to_lower(dom.attribute_value(a, "style"));
    const std::string cls = core::to_lower(dom.attribute_value(a, "class"));
    if (has_background(style) || (contains(style, "padding") && contains(style, "border-radius"))) return true;
    if (contains(cls, "button") || contains(cls, "btn") || contains(cls, "cta")) return true;
    std::uint32_t p = a.parent;
    for (int level = 0; level < 3 && p != html::no_node; ++level, p = dom.node(p).parent) {
        const html::Node& e = dom.node(p);
        if (!e.is_element() || (e.name() != "td" && e.name() != "th" && e.name() != "div" && e.name() != "span"))
            continue;
        const std::uint32_t end = dom.subtree_end(p);
        if (end - p > 40) break;
        const bool coloured = !dom.attribute_value(e, "bgcolor").empty() ||
                              has_background(core::to_lower(dom.attribute_value(e, "style")));
        if (coloured && count_anchors(dom, p, end) == 1) return true;
    }
    return false;
}

void link_signals(const HtmlContext& ctx, std::vector<HtmlFound>& out) {
    const html::Dom& dom = ctx.doc.dom();
    for (std::uint32_t i = 0; i < dom.nodes.size(); ++i) {
        const html::Node& n = dom.node(i);
        if (!n.is_element() || n.name() != "a" || n.has(html::flag_outlook_only)) continue;
        const std::string_view href = core::trim(dom.attribute_value(n, "href"));
        if (href.empty()) continue;
        const auto [text, range] = shown_text(ctx, i);
        if (text.empty()) continue;  // hidden, or an image link
        const std::vector<Word> words = split_words(text);
        if (const TermMatch m = call_to_action_at_start(words); m.term) {
            const bool button = is_button(dom, i);
            const double weight = m.term->weight * (button ? 1 : link_cta_factor);
            out.push_back({SignalKind::call_to_action, weight,
                           std::string(button ? "button: " : "link: ") + excerpt(text, {0, text.size()}), range, i});
        }
        const std::string detail = "link: " + excerpt(href, {0, href.size()}, 100);
        if (is_account_url(href)) out.push_back({SignalKind::account_link, account_link_weight, detail, range, i});
        const std::string lower = core::to_lower(href);
        if (contains(lower, "unsubscribe") || contains(lower, "optout") || contains(lower, "opt-out")) {
            out.push_back({SignalKind::unsubscribe_footer, unsubscribe_link_weight, detail, range, i});
        }
    }
}

void image_signals(const HtmlContext& ctx, std::vector<HtmlFound>& out) {
    const html::Dom& dom = ctx.doc.dom();
    for (const html::ImageStyle& img : ctx.doc.styles.images) {
        if (!shown_image(ctx.doc, img)) continue;
        const std::size_t width = image_width(dom, dom.node(img.node));
        if (width < banner_width) continue;
        out.push_back({SignalKind::banner_image, banner_weight, "image " + std::to_string(width) + " px wide",
                       dom.node(img.node).span, img.node});
    }
}

bool struck_through(const html::Dom& dom, std::uint32_t node, std::uint32_t block) {
    std::uint32_t e = dom.node(node).parent;
    for (int level = 0; level < 10 && e != html::no_node; ++level, e = dom.node(e).parent) {
        const html::Node& n = dom.node(e);
        if (n.name() == "s" || n.name() == "del" || n.name() == "strike") return true;
        if (contains(core::to_lower(dom.attribute_value(n, "style")), "line-through")) return true;
        if (e == block) break;
    }
    return false;
}

void product_grids(const HtmlContext& ctx, const std::vector<std::uint32_t>& price_nodes, std::vector<HtmlFound>& out) {
    const html::Dom& dom = ctx.doc.dom();
    std::vector<std::uint32_t> images;
    for (const html::ImageStyle& img : ctx.doc.styles.images) {
        if (shown_image(ctx.doc, img)) images.push_back(img.node);
    }
    std::sort(images.begin(), images.end());
    if (images.size() < 2 || price_nodes.size() < 2) return;
    // The product cell of each price: its nearest ancestor holding an image.
    std::set<std::uint32_t> cells;
    for (std::uint32_t node : price_nodes) {
        std::uint32_t e = dom.node(node).parent;
        for (int level = 0; level < cell_levels && e != html::no_node; ++level, e = dom.node(e).parent) {
            const auto it = std::lower_bound(images.begin(), images.end(), e);
            if (it != images.end() && *it < dom.subtree_end(e)) {
                cells.insert(e);
                break;
            }
        }
    }
    for (std::uint32_t lca : grids_of(dom, std::vector<std::uint32_t>(cells.begin(), cells.end()), grid_levels)) {
        out.push_back({SignalKind::product_grid,
                       grid_weight,
                       "images with prices, repeated",
                       {dom.node(lca).span.begin, std::max(dom.node(lca).span.begin, ctx.ends[lca])},
                       lca});
    }
}

void picture_grids(const HtmlContext& ctx, std::vector<HtmlFound>& out) {
    const html::Dom& dom = ctx.doc.dom();
    // Tiles of a grid are pictures of one width (a logo beside a teaser is none).
    std::map<std::size_t, std::vector<std::uint32_t>> by_width;
    for (const html::ImageStyle& img : ctx.doc.styles.images) {
        if (linked_picture(ctx, img)) by_width[image_width(dom, dom.node(img.node))].push_back(img.node);
    }
    std::set<std::uint32_t> grids;
    for (auto& [width, pictures] : by_width) {
        std::sort(pictures.begin(), pictures.end());
        const std::set<std::uint32_t> found = grids_of(dom, pictures, picture_grid_levels);
        grids.insert(found.begin(), found.end());
    }
    for (std::uint32_t lca : grids) {
        out.push_back({SignalKind::product_grid,
                       picture_grid_weight,
                       "linked pictures, repeated",
                       {dom.node(lca).span.begin, std::max(dom.node(lca).span.begin, ctx.ends[lca])},
                       lca});
    }
}

}  // namespace inboxlint::category
