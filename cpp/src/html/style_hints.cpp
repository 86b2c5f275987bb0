// The user agent's defaults and the presentational attributes, as
// declarations below every author rule (HTML Living Standard, "Rendering").
#include <algorithm>

#include "core/ascii.hpp"
#include "html/style_compute.hpp"

namespace inboxlint::html::detail {

using css::Declaration;
using css::Keyword;
using css::Property;
using css::Value;

namespace {

Span attribute_span(const Attribute& a) { return {a.name_span.begin, std::max(a.name_span.end, a.value_span.end)}; }

Declaration keyword(Property p, Keyword k, Span span) {
    return {p, Value{Value::Kind::keyword, k, {}, 0, {}, false}, false, span};
}

Declaration length(Property p, css::Length l, Span span) {
    return {p, Value{Value::Kind::length, Keyword::other, l, 0, {}, false}, false, span};
}

Declaration color(Property p, css::Rgba c, Span span) {
    return {p, Value{Value::Kind::color, Keyword::other, {}, 0, css::Color{c, false}, false}, false, span};
}

Declaration flag(Property p, bool f, Span span) {
    return {p, Value{Value::Kind::flag, Keyword::other, {}, 0, {}, f}, false, span};
}

// HTML's rules for parsing a legacy font size: "3", "+1", "-2".
std::optional<Keyword> legacy_font_size(std::string_view v) {
    v = core::trim(v);
    int sign = 0;
    if (!v.empty() && (v[0] == '+' || v[0] == '-')) sign = v[0] == '+' ? 1 : -1;
    if (sign != 0) v.remove_prefix(1);
    if (v.empty() || !core::is_digit(v[0])) return std::nullopt;
    int n = 0;
    for (std::size_t i = 0; i < v.size() && core::is_digit(v[i]) && n < 100; ++i) n = n * 10 + (v[i] - '0');
    const int size = std::clamp(sign == 0 ? n : 3 + sign * n, 1, 7);
    static constexpr Keyword sizes[] = {Keyword::x_small, Keyword::small,    Keyword::medium,   Keyword::large,
                                        Keyword::x_large, Keyword::xx_large, Keyword::xxx_large};
    return sizes[size - 1];
}

// HTML's rules for parsing dimension values: "600", "100%", "1.5".
std::optional<css::Length> dimension(std::string_view v) {
    v = core::trim(v);
    double n = 0;
    std::size_t i = 0;
    while (i < v.size() && core::is_digit(v[i]) && n < 1e9) n = n * 10 + (v[i++] - '0');
    if (i == 0) return std::nullopt;
    if (i < v.size() && v[i] == '.') {
        double scale = 0.1;
        for (++i; i < v.size() && core::is_digit(v[i]); ++i, scale /= 10) n += (v[i] - '0') * scale;
    }
    if (i < v.size() && v[i] == '%') return css::Length{n, css::Unit::percent};
    return css::Length{n, css::Unit::px};
}

void font_defaults(std::string_view name, Span at, bool quirks, std::vector<Declaration>& out) {
    static const std::pair<std::string_view, double> headings[] = {{"h1", 2}, {"h2", 1.5},  {"h3", 1.17},
                                                                   {"h4", 1}, {"h5", 0.83}, {"h6", 0.67}};
    for (const auto& [h, em] : headings) {
        if (name == h) out.push_back(length(Property::font_size, {em, css::Unit::em}, at));
    }
    if (name == "small" || name == "sub" || name == "sup")
        out.push_back(keyword(Property::font_size, Keyword::smaller, at));
    if (name == "big") out.push_back(keyword(Property::font_size, Keyword::larger, at));
    // Quirks mode: tables do not inherit the font size.
    if (quirks && name == "table") out.push_back(keyword(Property::font_size, Keyword::medium, at));
}

}  // namespace

void presentational_hints(const Dom& dom, const Node& node, const css::Rgba* body_link, bool quirks,
                          std::vector<Declaration>& out) {
    const std::string_view name = node.name();
    const Span at{node.span.begin, node.span.begin};
    font_defaults(name, at, quirks, out);
    if (name == "a" && dom.attribute(node, "href") != nullptr) {
        out.push_back(color(Property::color, body_link != nullptr ? *body_link : css::Rgba{0, 0, 0xee, 1}, at));
    }
    const bool cell = name == "td" || name == "th";
    const bool table_part =
        cell || name == "table" || name == "tr" || name == "tbody" || name == "thead" || name == "tfoot";
    for (std::uint32_t i = 0; i < node.attr_count; ++i) {
        const Attribute& a = dom.attributes[node.attr_begin + i];
        // A view: comparing it with a literal tests the size first, where
        // std::string's operator== calls memcmp every time.
        const std::string_view attr = a.name;
        const Span span = attribute_span(a);
        if (attr == "hidden") {
            out.push_back(keyword(Property::display, Keyword::none, a.name_span));
        } else if (attr == "bgcolor" && (table_part || name == "body")) {
            if (const auto c = css::parse_legacy_color(a.value))
                out.push_back(color(Property::background_color, *c, span));
        } else if (attr == "background" && (cell || name == "table" || name == "body")) {
            if (!core::trim(a.value).empty()) out.push_back(flag(Property::background_image, true, span));
        } else if ((attr == "text" && name == "body") || (attr == "color" && name == "font")) {
            if (const auto c = css::parse_legacy_color(a.value)) out.push_back(color(Property::color, *c, span));
        } else if (attr == "size" && name == "font") {
            if (const auto k = legacy_font_size(a.value)) out.push_back(keyword(Property::font_size, *k, span));
        } else if ((attr == "width" || attr == "height") && (name == "img" || cell || name == "table")) {
            if (const auto l = dimension(a.value)) {
                out.push_back(length(attr == "width" ? Property::width : Property::height, *l, span));
            }
        }
    }
}

}  // namespace inboxlint::html::detail
