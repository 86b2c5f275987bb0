#include "html/css_properties.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "core/ascii.hpp"

namespace inboxlint::html::css {

std::string_view property_name(Property p) noexcept {
    static constexpr std::array<std::string_view, property_count> names = {
        "display",          "visibility", "opacity",    "font-size", "color",     "background-color",
        "background-image", "height",     "max-height", "width",     "max-width", "line-height",
        "overflow-x",       "overflow-y", "position",   "left",      "top",       "right",
        "text-indent",      "clip",       "clip-path",  "transform", "mso-hide"};
    const auto i = static_cast<std::size_t>(p);
    return i < names.size() ? names[i] : std::string_view("?");
}

namespace {

using Components = std::vector<std::span<const Token>>;

// The value's component values: single tokens, or a function or block with
// everything up to its matching close; white space dropped.
Components components(std::span<const Token> value) {
    Components out;
    std::size_t i = 0;
    while (i < value.size()) {
        const Token& t = value[i];
        if (t.is(TokenType::whitespace)) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        if (t.is(TokenType::function) || t.is(TokenType::open_paren) || t.is(TokenType::open_square) ||
            t.is(TokenType::open_curly)) {
            int depth = 0;
            for (; i < value.size(); ++i) {
                const TokenType type = value[i].type;
                if (type == TokenType::function || type == TokenType::open_paren || type == TokenType::open_square ||
                    type == TokenType::open_curly) {
                    ++depth;
                } else if ((type == TokenType::close_paren || type == TokenType::close_square ||
                            type == TokenType::close_curly) &&
                           --depth == 0) {
                    break;
                }
            }
            i = std::min(i + 1, value.size());
        } else {
            ++i;
        }
        out.push_back(value.subspan(begin, i - begin));
    }
    return out;
}

// The component values inside a function component (commas included).
Components arguments(std::span<const Token> function) {
    if (function.size() < 2) return {};
    const std::span<const Token> inner = function.subspan(1, function.size() - 2);
    return components(inner);
}

struct Builder {
    Property property;
    bool important;
    Span span;
    std::vector<Declaration>& out;

    void push(Property p, Value v) const { out.push_back({p, v, important, span}); }
    void keyword(Keyword k) const { push(property, Value{Value::Kind::keyword, k, {}, 0, {}, false}); }
    void length(Length l) const { push(property, Value{Value::Kind::length, Keyword::other, l, 0, {}, false}); }
    void number(double n) const { push(property, Value{Value::Kind::number, Keyword::other, {}, n, {}, false}); }
    void color(Property p, Color c) const { push(p, Value{Value::Kind::color, Keyword::other, {}, 0, c, false}); }
    void flag(Property p, bool f) const { push(p, Value{Value::Kind::flag, Keyword::other, {}, 0, {}, f}); }
};

std::optional<Keyword> display_keyword(const Components& c) {
    if (c.empty() || c.size() > 3) return std::nullopt;
    for (const auto& part : c) {
        if (part.size() != 1 || !part[0].is(TokenType::ident)) return std::nullopt;
    }
    const std::string first = core::to_lower(c[0][0].value);
    if (c.size() == 1) {
        if (first == "none") return Keyword::none;
        if (first == "contents") return Keyword::contents;
        if (first == "inline" || first == "ruby" || first == "ruby-text") return Keyword::inline_;
    } else if (first == "inline" && c.size() == 2 && c[1][0].is_ident("flow")) {
        return Keyword::inline_;
    }
    static const std::string_view boxes[] = {"block",
                                             "inline-block",
                                             "flex",
                                             "inline-flex",
                                             "grid",
                                             "inline-grid",
                                             "table",
                                             "inline-table",
                                             "table-cell",
                                             "table-row",
                                             "table-row-group",
                                             "table-header-group",
                                             "table-footer-group",
                                             "table-column",
                                             "table-column-group",
                                             "table-caption",
                                             "list-item",
                                             "flow-root",
                                             "run-in",
                                             "inline",
                                             "flow",
                                             "-webkit-box",
                                             "-webkit-inline-box",
                                             "-ms-flexbox",
                                             "-webkit-flex",
                                             "-moz-box"};
    if (std::find(std::begin(boxes), std::end(boxes), first) != std::end(boxes)) return Keyword::block;
    return std::nullopt;
}

std::optional<Keyword> font_size_keyword(const Token& t) {
    if (!t.is(TokenType::ident)) return std::nullopt;
    static const std::pair<std::string_view, Keyword> table[] = {
        {"xx-small", Keyword::xx_small}, {"x-small", Keyword::x_small},     {"small", Keyword::small},
        {"medium", Keyword::medium},     {"large", Keyword::large},         {"x-large", Keyword::x_large},
        {"xx-large", Keyword::xx_large}, {"xxx-large", Keyword::xxx_large}, {"smaller", Keyword::smaller},
        {"larger", Keyword::larger}};
    const std::string v = core::to_lower(t.value);
    for (const auto& [name, k] : table) {
        if (name == v) return k;
    }
    return std::nullopt;
}

std::optional<Keyword> ident_of(const Components& c,
                                std::initializer_list<std::pair<std::string_view, Keyword>> allowed) {
    if (c.size() != 1 || c[0].size() != 1 || !c[0][0].is(TokenType::ident)) return std::nullopt;
    const std::string v = core::to_lower(c[0][0].value);
    for (const auto& [name, k] : allowed) {
        if (name == v) return k;
    }
    return std::nullopt;
}

bool is_image(std::span<const Token> component) {
    const Token& t = component.front();
    if (t.is(TokenType::url)) return true;
    if (!t.is(TokenType::function)) return false;
    const std::string name = core::to_lower(t.value);
    return name == "url" || name.find("gradient") != std::string::npos || name == "image-set" ||
           name == "-webkit-image-set" || name == "image" || name == "cross-fade" || name == "element";
}

void background(const Components& c, const Builder& b, bool quirks) {
    if (c.size() == 1 && c[0].size() == 1 && c[0][0].is_ident("none")) {
        b.color(Property::background_color, Color{{0, 0, 0, 0}, false});
        b.flag(Property::background_image, false);
        return;
    }
    // The shorthand resets the colour to transparent unless it names one.
    Color color{{0, 0, 0, 0}, false};
    bool image = false;
    for (const auto& part : c) {
        if (is_image(part)) {
            image = true;
        } else if (const auto col = parse_color(part, quirks && c.size() == 1)) {
            color = *col;
        }
    }
    b.color(Property::background_color, color);
    b.flag(Property::background_image, image);
}

std::optional<Length> non_negative_length(const Components& c, bool quirks) {
    if (c.size() != 1 || c[0].size() != 1) return std::nullopt;
    const auto l = parse_length(c[0][0], quirks);
    if (!l || l->value < 0) return std::nullopt;
    return l;
}

void size_property(const Components& c, const Builder& b, bool quirks) {
    if (const auto k = ident_of(c, {{"auto", Keyword::auto_}, {"none", Keyword::none}})) {
        b.keyword(*k);
    } else if (const auto l = non_negative_length(c, quirks)) {
        b.length(*l);
    } else if (c.size() == 1 && c[0].size() == 1 && c[0][0].is(TokenType::ident)) {
        b.keyword(Keyword::other);  // min-content, fit-content ...
    } else if (c.size() == 1 && c[0].front().is(TokenType::function)) {
        b.keyword(Keyword::other);  // calc() and friends: not evaluated
    }
}

void font_size(const Components& c, const Builder& b, bool quirks) {
    if (c.size() != 1 || c[0].size() != 1) return;
    if (const auto k = font_size_keyword(c[0][0])) {
        b.keyword(*k);
    } else if (const auto l = non_negative_length(c, quirks)) {
        b.length(*l);
    }
}

// font: [style variant weight stretch]? size [/ line-height]? family
void font_shorthand(const Components& c, const Builder& b) {
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c[i].size() != 1) return;
        const Token& t = c[i][0];
        std::optional<Length> length;
        const auto k = font_size_keyword(t);
        if (!k && (t.is(TokenType::dimension) || t.is(TokenType::percentage))) length = parse_length(t);
        if (!k && !length) {
            if (t.is(TokenType::number) || t.is(TokenType::ident)) continue;  // weight, style ...
            return;
        }
        if (i + 1 >= c.size()) return;  // a family must follow
        if (k) b.keyword(*k);
        if (length && length->value >= 0) b.length(*length);
        if (i + 2 < c.size() && c[i + 1][0].is_delim('/')) {
            const Token& lh = c[i + 2][0];
            Builder line{Property::line_height, b.important, b.span, b.out};
            if (const auto l = parse_length(lh)) {
                line.length(*l);
            } else if (lh.is(TokenType::number)) {
                line.number(lh.number);
            }
        }
        return;
    }
}

void line_height(const Components& c, const Builder& b, bool quirks) {
    if (c.size() != 1 || c[0].size() != 1) return;
    const Token& t = c[0][0];
    if (t.is_ident("normal")) {
        b.keyword(Keyword::normal);
    } else if (t.is(TokenType::number) && t.number >= 0) {
        b.number(t.number);
    } else if (const auto l = parse_length(t, quirks); l && l->value >= 0) {
        b.length(*l);
    }
}

std::optional<Keyword> overflow_keyword(const std::span<const Token>& part) {
    if (part.size() != 1 || !part[0].is(TokenType::ident)) return std::nullopt;
    const std::string v = core::to_lower(part[0].value);
    if (v == "visible") return Keyword::visible;
    if (v == "hidden") return Keyword::hidden;
    if (v == "clip") return Keyword::clip_;
    if (v == "scroll") return Keyword::scroll;
    if (v == "auto" || v == "overlay") return Keyword::auto_;
    return std::nullopt;
}

void overflow(const Components& c, const Builder& b) {
    if (c.empty() || c.size() > 2) return;
    const auto x = overflow_keyword(c[0]);
    const auto y = c.size() == 2 ? overflow_keyword(c[1]) : x;
    if (!x || !y) return;
    b.push(Property::overflow_x, Value{Value::Kind::keyword, *x, {}, 0, {}, false});
    b.push(Property::overflow_y, Value{Value::Kind::keyword, *y, {}, 0, {}, false});
}

void offset(const Components& c, const Builder& b, bool quirks) {
    if (ident_of(c, {{"auto", Keyword::auto_}})) {
        b.keyword(Keyword::auto_);
    } else if (c.size() == 1 && c[0].size() == 1) {
        if (const auto l = parse_length(c[0][0], quirks)) b.length(*l);
    }
}

void text_indent(const Components& c, const Builder& b, bool quirks) {
    for (const auto& part : c) {
        if (part.size() != 1) return;
        if (const auto l = parse_length(part[0], quirks)) {
            b.length(*l);
            return;
        }
    }
}

// A length in px for zero-area tests; em and friends at 16px.
double px(const std::span<const Token>& part, bool& ok) {
    ok = part.size() == 1;
    if (!ok) return 0;
    const auto l = parse_length(part[0], true);
    if (!l) {
        ok = part[0].is_ident("auto");
        return 1e9;  // auto: as far as the box goes
    }
    return l->unit == Unit::px ? l->value : l->value * 16;
}

// clip: rect(top, right, bottom, left)
void clip(const Components& c, const Builder& b) {
    if (ident_of(c, {{"auto", Keyword::auto_}})) {
        b.flag(Property::clip, false);
        return;
    }
    if (c.size() != 1 || !c[0].front().is_function("rect")) return;
    Components args = arguments(c[0]);
    args.erase(std::remove_if(args.begin(), args.end(), [](const auto& a) { return a[0].is(TokenType::comma); }),
               args.end());
    if (args.size() != 4) return;
    bool ok[4];
    const double top = px(args[0], ok[0]), right = px(args[1], ok[1]), bottom = px(args[2], ok[2]),
                 left = px(args[3], ok[3]);
    if (!(ok[0] && ok[1] && ok[2] && ok[3])) return;
    b.flag(Property::clip, (bottom - top) <= 1 || (right - left) <= 1);
}

double percent_or_px(const std::span<const Token>& part) {
    if (part.size() != 1) return -1;
    const auto l = parse_length(part[0], true);
    if (!l) return -1;
    return l->unit == Unit::percent ? l->value : (l->value > 0 ? 1 : 0) * 100;  // any px inset counts as partial
}

void clip_path(const Components& c, const Builder& b) {
    if (ident_of(c, {{"none", Keyword::none}})) {
        b.flag(Property::clip_path, false);
        return;
    }
    if (c.empty() || !c[0].front().is(TokenType::function)) {
        if (!c.empty() && c[0].front().is(TokenType::url)) b.flag(Property::clip_path, false);
        return;
    }
    const Token& fn = c[0].front();
    const Components args = arguments(c[0]);
    bool zero = false;
    if (fn.is_function("inset") && !args.empty()) {
        // inset(50%) meets in the middle: nothing is left.
        zero = percent_or_px(args[0]) >= 50;
    } else if ((fn.is_function("circle") || fn.is_function("ellipse")) && !args.empty()) {
        const Token& radius = args[0][0];
        zero = args[0].size() == 1 && radius.number == 0 &&
               (radius.is(TokenType::number) || radius.is(TokenType::dimension) || radius.is(TokenType::percentage));
    }
    b.flag(Property::clip_path, zero);
}

void transform(const Components& c, const Builder& b) {
    if (ident_of(c, {{"none", Keyword::none}})) {
        b.flag(Property::transform, false);
        return;
    }
    bool zero = false;
    for (const auto& part : c) {
        const Token& fn = part.front();
        if (!fn.is(TokenType::function)) return;
        Components args = arguments(part);
        std::vector<double> n;
        for (const auto& a : args) {
            if (a[0].is(TokenType::comma)) continue;
            if (a.size() == 1 && (a[0].is(TokenType::number) || a[0].is(TokenType::percentage))) {
                n.push_back(a[0].is(TokenType::percentage) ? a[0].number / 100 : a[0].number);
            } else {
                n.push_back(1);  // lengths and angles: not a scale
            }
        }
        const std::string name = core::to_lower(fn.value);
        if ((name == "scale" || name == "scale3d") && !n.empty()) {
            zero = zero || std::any_of(n.begin(), n.end(), [](double v) { return v == 0; });
        } else if ((name == "scalex" || name == "scaley") && n.size() == 1) {
            zero = zero || n[0] == 0;
        } else if (name == "matrix" && n.size() == 6) {
            zero = zero || n[0] * n[3] - n[1] * n[2] == 0;
        }
    }
    b.flag(Property::transform, zero);
}

struct Longhands {
    std::string_view name;
    std::initializer_list<Property> properties;
};

// Which longhands a name sets, for inherit/initial/unset.
std::span<const Property> longhands(std::string_view name) {
    static const Longhands table[] = {{"display", {Property::display}},
                                      {"visibility", {Property::visibility}},
                                      {"opacity", {Property::opacity}},
                                      {"font-size", {Property::font_size}},
                                      {"font", {Property::font_size, Property::line_height}},
                                      {"color", {Property::color}},
                                      {"background-color", {Property::background_color}},
                                      {"background-image", {Property::background_image}},
                                      {"background", {Property::background_color, Property::background_image}},
                                      {"height", {Property::height}},
                                      {"max-height", {Property::max_height}},
                                      {"width", {Property::width}},
                                      {"max-width", {Property::max_width}},
                                      {"line-height", {Property::line_height}},
                                      {"overflow", {Property::overflow_x, Property::overflow_y}},
                                      {"overflow-x", {Property::overflow_x}},
                                      {"overflow-y", {Property::overflow_y}},
                                      {"position", {Property::position}},
                                      {"left", {Property::left}},
                                      {"top", {Property::top}},
                                      {"right", {Property::right}},
                                      {"text-indent", {Property::text_indent}},
                                      {"clip", {Property::clip}},
                                      {"clip-path", {Property::clip_path}},
                                      {"transform", {Property::transform}},
                                      {"mso-hide", {Property::mso_hide}}};
    if (name.empty()) return {};
    for (const auto& l : table) {
        // The first byte before the rest: most names are none of ours, and
        // a call to compare them whole for every equal length cost more.
        if (l.name.size() == name.size() && l.name[0] == name[0] && l.name == name) {
            return {l.properties.begin(), l.properties.size()};
        }
    }
    return {};
}

// inherit, initial, unset and revert apply to every longhand of the name.
bool global_keyword(std::string_view name, const Components& c, bool important, Span span,
                    std::vector<Declaration>& out) {
    if (c.size() != 1 || c[0].size() != 1 || !c[0][0].is(TokenType::ident)) return false;
    const std::string v = core::to_lower(c[0][0].value);
    Value::Kind kind = Value::Kind::keyword;
    if (v == "inherit") kind = Value::Kind::inherit;
    if (v == "initial") kind = Value::Kind::initial;
    if (v == "unset" || v == "revert" || v == "revert-layer") kind = Value::Kind::unset;
    if (kind == Value::Kind::keyword) return false;
    for (Property p : longhands(name))
        out.push_back({p, Value{kind, Keyword::other, {}, 0, {}, false}, important, span});
    return true;
}

void text_property(Property p, std::string_view name, const Components& c, std::span<const Token> value,
                   const Builder& b, bool quirks) {
    switch (p) {
        case Property::display:
            if (const auto k = display_keyword(c)) b.keyword(*k);
            break;
        case Property::visibility:
            if (const auto k = ident_of(
                    c, {{"visible", Keyword::visible}, {"hidden", Keyword::hidden}, {"collapse", Keyword::collapse}})) {
                b.keyword(*k);
            }
            break;
        case Property::opacity:
            if (c.size() == 1 && c[0].size() == 1 && c[0][0].is(TokenType::number)) b.number(c[0][0].number);
            if (c.size() == 1 && c[0].size() == 1 && c[0][0].is(TokenType::percentage)) b.number(c[0][0].number / 100);
            break;
        case Property::font_size:
            if (name == "font") {
                font_shorthand(c, b);
            } else {
                font_size(c, b, quirks);
            }
            break;
        case Property::color:
        case Property::background_color:
            if (name == "background") {
                background(c, b, quirks);
            } else if (const auto col = parse_color(c.size() == 1 ? c[0] : value, quirks)) {
                b.color(p, *col);
            }
            break;
        case Property::background_image:
            if (c.size() == 1 && c[0].size() == 1 && c[0][0].is_ident("none"))
                b.flag(Property::background_image, false);
            if (std::any_of(c.begin(), c.end(), is_image)) b.flag(Property::background_image, true);
            break;
        case Property::line_height:
            line_height(c, b, quirks);
            break;
        default:
            break;
    }
}

void box_property(Property p, std::string_view name, const Components& c, const Builder& b, bool quirks) {
    switch (p) {
        case Property::height:
        case Property::max_height:
        case Property::width:
        case Property::max_width:
            size_property(c, b, quirks);
            break;
        case Property::overflow_x:
        case Property::overflow_y:
            if (name == "overflow") {
                overflow(c, b);
            } else if (c.size() == 1) {
                if (const auto k = overflow_keyword(c[0])) b.keyword(*k);
            }
            break;
        case Property::position:
            if (const auto k = ident_of(c, {{"static", Keyword::static_},
                                            {"relative", Keyword::relative},
                                            {"absolute", Keyword::absolute},
                                            {"fixed", Keyword::fixed},
                                            {"sticky", Keyword::sticky},
                                            {"-webkit-sticky", Keyword::sticky}})) {
                b.keyword(*k);
            }
            break;
        case Property::left:
        case Property::top:
        case Property::right:
            offset(c, b, quirks);
            break;
        case Property::text_indent:
            text_indent(c, b, quirks);
            break;
        case Property::clip:
            clip(c, b);
            break;
        case Property::clip_path:
            clip_path(c, b);
            break;
        case Property::transform:
            transform(c, b);
            break;
        case Property::mso_hide:
            if (const auto k = ident_of(c, {{"all", Keyword::other}, {"none", Keyword::none}})) {
                b.flag(Property::mso_hide, *k == Keyword::other);
            }
            break;
        default:
            break;
    }
}

}  // namespace

void interpret(std::string_view raw_name, std::span<const Token> value, bool important, Span span, bool quirks,
               std::vector<Declaration>& out) {
    // No name of ours (aliases included) is longer; mail repeats longer ones
    // (-webkit-text-size-adjust) on every element, and their lower-case copy
    // on the heap cost more than the rest of this function.
    constexpr std::size_t longest_name = 17;  // "-webkit-clip-path", "-webkit-transform"
    if (raw_name.size() > longest_name) return;
    char lowered[longest_name];
    std::transform(raw_name.begin(), raw_name.end(), lowered, [](char c) { return core::to_lower(c); });
    std::string_view name(lowered, raw_name.size());  // compared with literals: the size first
    if (name == "-webkit-clip-path") name = "clip-path";
    if (name == "-webkit-transform" || name == "-ms-transform") name = "transform";
    // Most declarations in mail (font-family, padding, margin...) are none
    // of ours: known before their value is split into components.
    const auto props = longhands(name);
    if (props.empty()) return;
    const Components c = components(value);
    if (c.empty() || global_keyword(name, c, important, span, out)) return;
    const Builder b{props.front(), important, span, out};
    text_property(props.front(), name, c, value, b, quirks);
    box_property(props.front(), name, c, b, quirks);
}

}  // namespace inboxlint::html::css
