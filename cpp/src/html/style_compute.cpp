#include "html/style_compute.hpp"

#include <algorithm>
#include <cmath>

#include "core/ascii.hpp"
#include "core/name_set.hpp"

namespace inboxlint::html::detail {

using css::Declaration;
using css::Keyword;
using css::Length;
using css::Property;
using css::Unit;
using css::Value;

namespace {

constexpr double viewport_width = 600;  // a mail client's reading pane
constexpr double viewport_height = 800;
constexpr double off_screen_px = -1000;

// Elements whose content the user agent never renders.
bool not_rendered_tag(std::string_view name) {
    static const core::NameSet tags{"head", "script", "style",   "title",    "template", "meta",
                                    "link", "base",   "noembed", "noframes", "param",    "datalist",
                                    "area", "rp",     "iframe",  "object",   "xml"};
    return tags.contains(name);
}

bool block_tag(std::string_view name) {
    static const core::NameSet tags{
        "html",       "body",     "div",     "p",       "h1",      "h2",      "h3",         "h4",      "h5",   "h6",
        "ul",         "ol",       "li",      "dl",      "dt",      "dd",      "blockquote", "center",  "form", "hr",
        "pre",        "address",  "article", "aside",   "footer",  "header",  "nav",        "section", "main", "figure",
        "figcaption", "fieldset", "legend",  "details", "summary", "menu",    "dir",        "table",   "tr",   "td",
        "th",         "tbody",    "thead",   "tfoot",   "caption", "listing", "plaintext",  "xmp"};
    return tags.contains(name);
}

// Replaced elements have a box whatever their display.
bool replaced_tag(std::string_view name) {
    static const core::NameSet tags{"img",      "input",  "video", "canvas", "embed",    "select",
                                    "textarea", "button", "svg",   "audio",  "progress", "meter"};
    return tags.contains(name);
}

const Declaration* get(const Specified& s, Property p) { return s[static_cast<std::size_t>(p)]; }

bool is_keyword(const Declaration* d, Keyword k) {
    return d != nullptr && d->value.kind == Value::Kind::keyword && d->value.keyword == k;
}

bool is_zero_length(const Declaration* d) {
    return d != nullptr && d->value.kind == Value::Kind::length && d->value.length.value == 0;
}

bool is_nonzero_length(const Declaration* d) {
    return d != nullptr && d->value.kind == Value::Kind::length && d->value.length.value > 0;
}

// px of a length; percentages against `base` (NaN when there is none).
double to_px(const Length& l, double font_size, double base = std::nan("")) {
    switch (l.unit) {
        case Unit::px:
            return l.value;
        case Unit::em:
            return l.value * font_size;
        case Unit::rem:
            return l.value * 16;
        case Unit::ex:
        case Unit::ch:
            return l.value * font_size / 2;
        case Unit::vw:
            return l.value * viewport_width / 100;
        case Unit::vh:
            return l.value * viewport_height / 100;
        case Unit::vmin:
            return l.value * std::min(viewport_width, viewport_height) / 100;
        case Unit::vmax:
            return l.value * std::max(viewport_width, viewport_height) / 100;
        case Unit::percent:
            return l.value * base / 100;
    }
    return l.value;
}

double keyword_font_size(Keyword k, double parent) {
    switch (k) {
        case Keyword::xx_small:
            return 9;
        case Keyword::x_small:
            return 10;
        case Keyword::small:
            return 13;
        case Keyword::medium:
            return 16;
        case Keyword::large:
            return 18;
        case Keyword::x_large:
            return 24;
        case Keyword::xx_large:
            return 32;
        case Keyword::xxx_large:
            return 48;
        case Keyword::smaller:
            return parent / 1.2;
        case Keyword::larger:
            return parent * 1.2;
        default:
            return parent;
    }
}

void font_size(const Declaration* d, std::uint32_t index, const Computed& parent, Computed& c) {
    if (d == nullptr) return;
    const Value& v = d->value;
    double size = parent.font_size;
    if (v.kind == Value::Kind::keyword) size = keyword_font_size(v.keyword, parent.font_size);
    if (v.kind == Value::Kind::length) size = to_px(v.length, parent.font_size, parent.font_size);
    if (v.kind == Value::Kind::initial) size = 16;
    if (std::isnan(size) || size < 0) return;
    c.font_size = size;
    c.font_source = {index, d->span};
}

void color(const Declaration* d, std::uint32_t index, const Computed& parent, Computed& c) {
    if (d == nullptr) return;
    const Value& v = d->value;
    if (v.kind == Value::Kind::color && !v.color.current) {
        c.color = v.color.rgba;
    } else if (v.kind == Value::Kind::initial) {
        c.color = {0, 0, 0, 1};
    } else {
        c.color = parent.color;  // inherit, unset, currentcolor
        return;
    }
    c.color_source = {index, d->span};
}

void inherited_text(const ElementInput& in, const Computed& parent, Computed& c) {
    const Specified& s = in.specified;
    font_size(get(s, Property::font_size), in.index, parent, c);
    color(get(s, Property::color), in.index, parent, c);
    if (const Declaration* d = get(s, Property::visibility); d != nullptr) {
        if (d->value.kind == Value::Kind::keyword) {
            c.visibility_hidden = d->value.keyword != Keyword::visible;
            c.visibility_source = {in.index, d->span};
        } else if (d->value.kind == Value::Kind::initial) {
            c.visibility_hidden = false;
        }
    }
    if (const Declaration* d = get(s, Property::line_height); d != nullptr) {
        const Value& v = d->value;
        if (v.kind == Value::Kind::number) c.line_height = v.number * c.font_size;
        if (v.kind == Value::Kind::length) c.line_height = to_px(v.length, c.font_size, c.font_size);
        if (v.kind == Value::Kind::keyword || v.kind == Value::Kind::initial) c.line_height = -1;
    }
    if (const Declaration* d = get(s, Property::text_indent); d != nullptr) {
        if (d->value.kind == Value::Kind::length) {
            c.text_indent = to_px(d->value.length, c.font_size, viewport_width);
            c.indent_source = {in.index, d->span};
        } else if (d->value.kind == Value::Kind::initial) {
            c.text_indent = 0;
        }
    }
}

void hide_box(Computed& c, Technique t, std::uint32_t index, const Declaration* d) {
    if (c.box != Technique::none) return;  // the outermost hiding box is the one to report
    c.box = t;
    c.box_source = {index, d != nullptr ? d->span : Span{}};
}

bool overflow_hidden(const Declaration* d) { return is_keyword(d, Keyword::hidden) || is_keyword(d, Keyword::clip_); }

void boxes(const ElementInput& in, Computed& c) {
    const Specified& s = in.specified;
    if (!c.inline_box) {
        const Declaration* oy = get(s, Property::overflow_y);
        const Declaration* ox = get(s, Property::overflow_x);
        const Declaration* height = get(s, Property::height);
        const Declaration* max_height = get(s, Property::max_height);
        const Declaration* width = get(s, Property::width);
        const Declaration* max_width = get(s, Property::max_width);
        if (overflow_hidden(oy) && (is_zero_length(height) || is_zero_length(max_height))) {
            hide_box(c, Technique::zero_size, in.index, is_zero_length(max_height) ? max_height : height);
        } else if (overflow_hidden(ox) && (is_zero_length(width) || is_zero_length(max_width))) {
            hide_box(c, Technique::zero_size, in.index, is_zero_length(max_width) ? max_width : width);
        }
        if (overflow_hidden(oy) || overflow_hidden(ox)) {
            c.clip_box = is_nonzero_length(height) ? no_node : in.index;
        }
        if (const Declaration* t = get(s, Property::transform); t != nullptr && t->value.flag) {
            hide_box(c, Technique::transform, in.index, t);
        }
    }
    const Declaration* position = get(s, Property::position);
    const bool positioned = position != nullptr && position->value.kind == Value::Kind::keyword &&
                            position->value.keyword != Keyword::static_ && position->value.keyword != Keyword::other;
    if (positioned) {
        for (Property p : {Property::left, Property::top, Property::right}) {
            const Declaration* d = get(s, p);
            if (d != nullptr && d->value.kind == Value::Kind::length &&
                to_px(d->value.length, c.font_size) <= off_screen_px) {
                hide_box(c, Technique::off_screen, in.index, d);
            }
        }
        const bool absolute = is_keyword(position, Keyword::absolute) || is_keyword(position, Keyword::fixed);
        if (const Declaration* d = get(s, Property::clip); absolute && d != nullptr && d->value.flag) {
            hide_box(c, Technique::clip, in.index, d);
        }
    }
    if (const Declaration* d = get(s, Property::clip_path); d != nullptr && d->value.flag) {
        hide_box(c, Technique::clip_path, in.index, d);
    }
}

void background(const ElementInput& in, Computed& c) {
    const Declaration* image = get(in.specified, Property::background_image);
    const Declaration* bg = get(in.specified, Property::background_color);
    css::Rgba own{0, 0, 0, 0};
    if (bg != nullptr && bg->value.kind == Value::Kind::color)
        own = bg->value.color.current ? c.color : bg->value.color.rgba;
    if (own.a > 0) {
        c.background = css::blend(own, c.background);
        if (own.a >= 0.99) c.background_known = true;
    }
    if (image != nullptr && image->value.kind == Value::Kind::flag && image->value.flag) c.background_known = false;
}

Keyword display_of(const ElementInput& in, bool& from_hidden_attribute) {
    const Declaration* d = get(in.specified, Property::display);
    from_hidden_attribute = false;
    if (d != nullptr && d->value.kind == Value::Kind::keyword) {
        const Attribute* hidden = in.dom.attribute(in.node, "hidden");
        from_hidden_attribute = hidden != nullptr && hidden->name_span == d->span;
        return d->value.keyword;
    }
    if (d != nullptr && d->value.kind == Value::Kind::initial) return Keyword::inline_;
    return block_tag(in.node.name()) ? Keyword::block : Keyword::inline_;
}

}  // namespace

Computed compute(const ElementInput& in, const Computed& parent) {
    Computed c = parent;
    const Specified& s = in.specified;
    if (not_rendered_tag(in.node.name()) && !in.node.has(flag_foreign)) c.not_rendered = true;
    inherited_text(in, parent, c);

    bool hidden_attribute = false;
    const Keyword display = display_of(in, hidden_attribute);
    c.inline_box = (display == Keyword::inline_ || display == Keyword::contents) && !replaced_tag(in.node.name());
    if (display == Keyword::none) {
        hide_box(c, hidden_attribute ? Technique::hidden_attribute : Technique::display_none, in.index,
                 get(s, Property::display));
    }
    if (const Declaration* d = get(s, Property::opacity); d != nullptr && d->value.kind == Value::Kind::number) {
        c.opacity = parent.opacity * std::clamp(d->value.number, 0.0, 1.0);
        if (c.opacity < 0.1 && parent.opacity >= 0.1) c.opacity_source = {in.index, d->span};
    }
    boxes(in, c);
    background(in, c);
    if (const Declaration* d = get(s, Property::mso_hide); d != nullptr && d->value.kind == Value::Kind::flag) {
        c.mso_hidden = parent.mso_hidden || d->value.flag;
    }
    return c;
}

TextStyle judge_text(std::uint32_t node, const Computed& style) {
    TextStyle t;
    t.node = node;
    t.mso_hidden = style.mso_hidden;
    t.opacity = style.opacity;
    t.font_size = style.font_size;
    t.color = style.color;
    t.background = style.background;
    t.background_known = style.background_known;
    t.color_element = style.color_source.element;
    t.color_declaration = style.color_source.declaration;
    css::Rgba fg = style.color;
    fg.a *= style.opacity;
    const css::Rgba bg{style.background.r, style.background.g, style.background.b, 1};
    t.contrast = css::contrast_ratio(css::blend(fg, bg), bg);
    auto hide = [&](Technique technique, const Source& source) {
        t.visible = false;
        t.technique = technique;
        t.element = source.element;
        t.declaration = source.declaration;
    };
    if (style.not_rendered) {
        hide(Technique::not_rendered, {});
    } else if (style.box != Technique::none) {
        hide(style.box, style.box_source);
    } else if (style.visibility_hidden) {
        hide(Technique::visibility, style.visibility_source);
    } else if (style.opacity < 0.1) {
        hide(Technique::opacity, style.opacity_source);
    } else if (style.line_height == 0 && style.clip_box != no_node) {
        hide(Technique::zero_line_height, {style.clip_box, {}});
    } else if (style.text_indent <= off_screen_px) {
        hide(Technique::text_indent, style.indent_source);
    } else if (style.font_size < 3) {
        hide(Technique::tiny_font, style.font_source);
    } else if (style.color.a < 0.1) {
        hide(Technique::transparent_color, style.color_source);
    } else if (style.background_known && t.contrast < 1.1) {
        hide(Technique::color_contrast, style.color_source);
    }
    return t;
}

bool is_pixel(const Specified& specified) {
    auto small = [&](Property p) {
        const Declaration* d = get(specified, p);
        return d != nullptr && d->value.kind == Value::Kind::length && d->value.length.unit == Unit::px &&
               d->value.length.value <= 2;
    };
    const bool w = small(Property::width);
    const bool h = small(Property::height);
    return (w && h) || is_zero_length(get(specified, Property::width)) ||
           is_zero_length(get(specified, Property::height));
}

bool has_background_image(const Specified& specified) {
    const Declaration* d = get(specified, Property::background_image);
    return d != nullptr && d->value.kind == Value::Kind::flag && d->value.flag;
}

}  // namespace inboxlint::html::detail
