#include "html/css_values.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "core/ascii.hpp"
#include "core/utf8.hpp"

namespace inboxlint::html::css {
namespace {

struct Named {
    std::string_view name;
    std::uint32_t rgb;
};

// CSS Color 4 named colours (sorted for binary search).
constexpr std::array<Named, 148> named_colors{{
    {"aliceblue", 0xf0f8ff},
    {"antiquewhite", 0xfaebd7},
    {"aqua", 0x00ffff},
    {"aquamarine", 0x7fffd4},
    {"azure", 0xf0ffff},
    {"beige", 0xf5f5dc},
    {"bisque", 0xffe4c4},
    {"black", 0x000000},
    {"blanchedalmond", 0xffebcd},
    {"blue", 0x0000ff},
    {"blueviolet", 0x8a2be2},
    {"brown", 0xa52a2a},
    {"burlywood", 0xdeb887},
    {"cadetblue", 0x5f9ea0},
    {"chartreuse", 0x7fff00},
    {"chocolate", 0xd2691e},
    {"coral", 0xff7f50},
    {"cornflowerblue", 0x6495ed},
    {"cornsilk", 0xfff8dc},
    {"crimson", 0xdc143c},
    {"cyan", 0x00ffff},
    {"darkblue", 0x00008b},
    {"darkcyan", 0x008b8b},
    {"darkgoldenrod", 0xb8860b},
    {"darkgray", 0xa9a9a9},
    {"darkgreen", 0x006400},
    {"darkgrey", 0xa9a9a9},
    {"darkkhaki", 0xbdb76b},
    {"darkmagenta", 0x8b008b},
    {"darkolivegreen", 0x556b2f},
    {"darkorange", 0xff8c00},
    {"darkorchid", 0x9932cc},
    {"darkred", 0x8b0000},
    {"darksalmon", 0xe9967a},
    {"darkseagreen", 0x8fbc8f},
    {"darkslateblue", 0x483d8b},
    {"darkslategray", 0x2f4f4f},
    {"darkslategrey", 0x2f4f4f},
    {"darkturquoise", 0x00ced1},
    {"darkviolet", 0x9400d3},
    {"deeppink", 0xff1493},
    {"deepskyblue", 0x00bfff},
    {"dimgray", 0x696969},
    {"dimgrey", 0x696969},
    {"dodgerblue", 0x1e90ff},
    {"firebrick", 0xb22222},
    {"floralwhite", 0xfffaf0},
    {"forestgreen", 0x228b22},
    {"fuchsia", 0xff00ff},
    {"gainsboro", 0xdcdcdc},
    {"ghostwhite", 0xf8f8ff},
    {"gold", 0xffd700},
    {"goldenrod", 0xdaa520},
    {"gray", 0x808080},
    {"green", 0x008000},
    {"greenyellow", 0xadff2f},
    {"grey", 0x808080},
    {"honeydew", 0xf0fff0},
    {"hotpink", 0xff69b4},
    {"indianred", 0xcd5c5c},
    {"indigo", 0x4b0082},
    {"ivory", 0xfffff0},
    {"khaki", 0xf0e68c},
    {"lavender", 0xe6e6fa},
    {"lavenderblush", 0xfff0f5},
    {"lawngreen", 0x7cfc00},
    {"lemonchiffon", 0xfffacd},
    {"lightblue", 0xadd8e6},
    {"lightcoral", 0xf08080},
    {"lightcyan", 0xe0ffff},
    {"lightgoldenrodyellow", 0xfafad2},
    {"lightgray", 0xd3d3d3},
    {"lightgreen", 0x90ee90},
    {"lightgrey", 0xd3d3d3},
    {"lightpink", 0xffb6c1},
    {"lightsalmon", 0xffa07a},
    {"lightseagreen", 0x20b2aa},
    {"lightskyblue", 0x87cefa},
    {"lightslategray", 0x778899},
    {"lightslategrey", 0x778899},
    {"lightsteelblue", 0xb0c4de},
    {"lightyellow", 0xffffe0},
    {"lime", 0x00ff00},
    {"limegreen", 0x32cd32},
    {"linen", 0xfaf0e6},
    {"magenta", 0xff00ff},
    {"maroon", 0x800000},
    {"mediumaquamarine", 0x66cdaa},
    {"mediumblue", 0x0000cd},
    {"mediumorchid", 0xba55d3},
    {"mediumpurple", 0x9370db},
    {"mediumseagreen", 0x3cb371},
    {"mediumslateblue", 0x7b68ee},
    {"mediumspringgreen", 0x00fa9a},
    {"mediumturquoise", 0x48d1cc},
    {"mediumvioletred", 0xc71585},
    {"midnightblue", 0x191970},
    {"mintcream", 0xf5fffa},
    {"mistyrose", 0xffe4e1},
    {"moccasin", 0xffe4b5},
    {"navajowhite", 0xffdead},
    {"navy", 0x000080},
    {"oldlace", 0xfdf5e6},
    {"olive", 0x808000},
    {"olivedrab", 0x6b8e23},
    {"orange", 0xffa500},
    {"orangered", 0xff4500},
    {"orchid", 0xda70d6},
    {"palegoldenrod", 0xeee8aa},
    {"palegreen", 0x98fb98},
    {"paleturquoise", 0xafeeee},
    {"palevioletred", 0xdb7093},
    {"papayawhip", 0xffefd5},
    {"peachpuff", 0xffdab9},
    {"peru", 0xcd853f},
    {"pink", 0xffc0cb},
    {"plum", 0xdda0dd},
    {"powderblue", 0xb0e0e6},
    {"purple", 0x800080},
    {"rebeccapurple", 0x663399},
    {"red", 0xff0000},
    {"rosybrown", 0xbc8f8f},
    {"royalblue", 0x4169e1},
    {"saddlebrown", 0x8b4513},
    {"salmon", 0xfa8072},
    {"sandybrown", 0xf4a460},
    {"seagreen", 0x2e8b57},
    {"seashell", 0xfff5ee},
    {"sienna", 0xa0522d},
    {"silver", 0xc0c0c0},
    {"skyblue", 0x87ceeb},
    {"slateblue", 0x6a5acd},
    {"slategray", 0x708090},
    {"slategrey", 0x708090},
    {"snow", 0xfffafa},
    {"springgreen", 0x00ff7f},
    {"steelblue", 0x4682b4},
    {"tan", 0xd2b48c},
    {"teal", 0x008080},
    {"thistle", 0xd8bfd8},
    {"tomato", 0xff6347},
    {"turquoise", 0x40e0d0},
    {"violet", 0xee82ee},
    {"wheat", 0xf5deb3},
    {"white", 0xffffff},
    {"whitesmoke", 0xf5f5f5},
    {"yellow", 0xffff00},
    {"yellowgreen", 0x9acd32},
}};

Rgba from_rgb(std::uint32_t rgb) {
    return {static_cast<double>((rgb >> 16) & 0xff), static_cast<double>((rgb >> 8) & 0xff),
            static_cast<double>(rgb & 0xff), 1.0};
}

std::optional<Rgba> parse_hex(std::string_view hex) {
    if (!std::all_of(hex.begin(), hex.end(), core::is_hex_digit)) return std::nullopt;
    auto digit = [&](std::size_t i) { return static_cast<double>(core::hex_value(hex[i])); };
    if (hex.size() == 3 || hex.size() == 4) {
        Rgba c{digit(0) * 17, digit(1) * 17, digit(2) * 17, 1.0};
        if (hex.size() == 4) c.a = digit(3) * 17 / 255.0;
        return c;
    }
    if (hex.size() == 6 || hex.size() == 8) {
        Rgba c{digit(0) * 16 + digit(1), digit(2) * 16 + digit(3), digit(4) * 16 + digit(5), 1.0};
        if (hex.size() == 8) c.a = (digit(6) * 16 + digit(7)) / 255.0;
        return c;
    }
    return std::nullopt;
}

double clamp(double v, double lo, double hi) { return std::isnan(v) ? lo : std::min(hi, std::max(lo, v)); }

// The numeric arguments of rgb()/hsl(): numbers, percentages, "none",
// separated by commas or spaces, with an optional "/ alpha".
struct Arguments {
    std::array<const Token*, 4> values{};
    std::size_t count = 0;
    bool ok = true;
};

Arguments function_arguments(std::span<const Token> args) {
    Arguments out;
    for (const Token& t : args) {
        if (t.is(TokenType::whitespace) || t.is(TokenType::comma) || t.is_delim('/')) continue;
        if (out.count == 4 || !(t.is(TokenType::number) || t.is(TokenType::percentage) || t.is(TokenType::dimension) ||
                                t.is_ident("none"))) {
            out.ok = false;
            return out;
        }
        out.values[out.count++] = &t;
    }
    out.ok = out.count == 3 || out.count == 4;
    return out;
}

double alpha_of(const Token* t) {
    if (t == nullptr) return 1.0;
    if (t->is(TokenType::percentage)) return clamp(t->number / 100.0, 0, 1);
    if (t->is(TokenType::number)) return clamp(t->number, 0, 1);
    return 0;  // "none"
}

std::optional<Rgba> rgb_function(std::span<const Token> args) {
    const Arguments a = function_arguments(args);
    if (!a.ok) return std::nullopt;
    Rgba c;
    double* channels[] = {&c.r, &c.g, &c.b};
    for (std::size_t i = 0; i < 3; ++i) {
        const Token* t = a.values[i];
        if (t->is(TokenType::dimension)) return std::nullopt;
        const double v = t->is(TokenType::percentage) ? t->number * 2.55 : (t->is(TokenType::number) ? t->number : 0);
        *channels[i] = clamp(v, 0, 255);
    }
    c.a = alpha_of(a.count == 4 ? a.values[3] : nullptr);
    return c;
}

double hue_to_rgb(double m1, double m2, double h) {
    if (h < 0) h += 1;
    if (h > 1) h -= 1;
    if (h * 6 < 1) return m1 + (m2 - m1) * h * 6;
    if (h * 2 < 1) return m2;
    if (h * 3 < 2) return m1 + (m2 - m1) * (2.0 / 3 - h) * 6;
    return m1;
}

std::optional<Rgba> hsl_function(std::span<const Token> args) {
    const Arguments a = function_arguments(args);
    if (!a.ok) return std::nullopt;
    const Token* ht = a.values[0];
    double hue = ht->number;
    if (ht->is(TokenType::dimension)) {
        if (core::iequals(ht->value, "rad"))
            hue = hue * 180 / 3.141592653589793;
        else if (core::iequals(ht->value, "grad"))
            hue = hue * 0.9;
        else if (core::iequals(ht->value, "turn"))
            hue = hue * 360;
        else if (!core::iequals(ht->value, "deg"))
            return std::nullopt;
    }
    if (ht->is(TokenType::percentage)) return std::nullopt;
    hue = std::fmod(std::fmod(hue, 360) + 360, 360) / 360;
    const double s = clamp(a.values[1]->number / 100.0, 0, 1);
    const double l = clamp(a.values[2]->number / 100.0, 0, 1);
    const double m2 = l <= 0.5 ? l * (s + 1) : l + s - l * s;
    const double m1 = l * 2 - m2;
    Rgba c{hue_to_rgb(m1, m2, hue + 1.0 / 3) * 255, hue_to_rgb(m1, m2, hue) * 255,
           hue_to_rgb(m1, m2, hue - 1.0 / 3) * 255, 1.0};
    c.a = alpha_of(a.count == 4 ? a.values[3] : nullptr);
    return c;
}

}  // namespace

std::optional<Rgba> named_color(std::string_view name) {
    const std::string lower = core::to_lower(name);
    const auto it = std::lower_bound(named_colors.begin(), named_colors.end(), lower,
                                     [](const Named& n, const std::string& key) { return n.name < key; });
    if (it == named_colors.end() || it->name != lower) return std::nullopt;
    return from_rgb(it->rgb);
}

std::optional<Color> parse_color(std::span<const Token> value, bool quirks) {
    if (value.empty()) return std::nullopt;
    const Token& t = value.front();
    if (t.is(TokenType::function)) {
        // The tokens up to the matching ")" are the arguments.
        if (value.size() < 2 || !value.back().is(TokenType::close_paren)) return std::nullopt;
        const std::span<const Token> args = value.subspan(1, value.size() - 2);
        std::optional<Rgba> c;
        if (t.is_function("rgb") || t.is_function("rgba")) c = rgb_function(args);
        if (t.is_function("hsl") || t.is_function("hsla")) c = hsl_function(args);
        if (!c) return std::nullopt;
        return Color{*c, false};
    }
    if (value.size() != 1) return std::nullopt;
    if (t.is(TokenType::hash)) {
        const auto c = parse_hex(t.value);
        return c ? std::optional<Color>(Color{*c, false}) : std::nullopt;
    }
    if (t.is(TokenType::ident)) {
        if (core::iequals(t.value, "transparent")) return Color{{0, 0, 0, 0}, false};
        if (core::iequals(t.value, "currentcolor")) return Color{{}, true};
        if (const auto c = named_color(t.value)) return Color{*c, false};
        if (quirks && (t.value.size() == 3 || t.value.size() == 6)) {
            if (const auto c = parse_hex(t.value)) return Color{*c, false};
        }
        return std::nullopt;
    }
    // Only three or six digits can be a colour; the bound also keeps the
    // conversion defined ("+666...661" is 6.7e81, beyond long long).
    if (quirks && t.is(TokenType::number) && t.is_integer && t.number >= 0 && t.number < 1e6) {
        const std::string digits = std::to_string(static_cast<long long>(t.number));
        if (digits.size() == 3 || digits.size() == 6) {
            if (const auto c = parse_hex(digits)) return Color{*c, false};
        }
    }
    return std::nullopt;
}

// https://html.spec.whatwg.org/multipage/common-microsyntaxes.html#rules-for-parsing-a-legacy-colour-value
std::optional<Rgba> parse_legacy_color(std::string_view attribute) {
    const std::string_view input = core::trim(attribute);
    if (input.empty() || core::iequals(input, "transparent")) return std::nullopt;
    if (const auto named = named_color(input)) return named;
    if (input.size() == 4 && input[0] == '#') {
        if (const auto c = parse_hex(input.substr(1))) return c;
    }
    std::string s;
    for (std::size_t i = 0; i < input.size() && s.size() < 128;) {
        const core::DecodedCodePoint d = core::decode_utf8(input, i);
        if (d.code_point > 0xFFFF) {
            s += "00";
        } else if (d.code_point < 0x80 && core::is_hex_digit(static_cast<char>(d.code_point))) {
            s.push_back(static_cast<char>(d.code_point));
        } else {
            s.push_back(i == 0 && d.code_point == '#' ? '#' : '0');
        }
        i += d.length;
    }
    if (s.size() > 128) s.resize(128);
    if (!s.empty() && s[0] == '#') s.erase(0, 1);
    while (s.empty() || s.size() % 3 != 0) s.push_back('0');
    std::size_t len = s.size() / 3;
    std::string parts[3] = {s.substr(0, len), s.substr(len, len), s.substr(2 * len, len)};
    if (len > 8) {
        for (std::string& p : parts) p.erase(0, len - 8);
        len = 8;
    }
    while (len > 2 && parts[0][0] == '0' && parts[1][0] == '0' && parts[2][0] == '0') {
        for (std::string& p : parts) p.erase(0, 1);
        --len;
    }
    if (len > 2) {
        for (std::string& p : parts) p.resize(2);
    }
    Rgba c;
    double* channels[] = {&c.r, &c.g, &c.b};
    for (int i = 0; i < 3; ++i) {
        double v = 0;
        for (char ch : parts[i]) v = v * 16 + core::hex_value(ch);
        *channels[i] = v;
    }
    return c;
}

Rgba blend(const Rgba& top, const Rgba& bottom) {
    const double a = top.a + bottom.a * (1 - top.a);
    if (a <= 0) return {0, 0, 0, 0};
    auto mix = [&](double t, double b) { return (t * top.a + b * bottom.a * (1 - top.a)) / a; };
    return {mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b), a};
}

namespace {

double linear_channel(double v) {
    const double s = clamp(v, 0, 255) / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

// Contrast is judged for every text node, and pow() was a visible share of
// the cascade: channels are almost always whole numbers, looked up here.
const std::array<double, 256>& linear_channels() {
    static const std::array<double, 256> table = [] {
        std::array<double, 256> t{};
        for (std::size_t i = 0; i < t.size(); ++i) t[i] = linear_channel(static_cast<double>(i));
        return t;
    }();
    return table;
}

double channel_luminance(double v) {
    if (v >= 0 && v <= 255) {
        const auto whole = static_cast<std::size_t>(v);
        if (static_cast<double>(whole) == v) return linear_channels()[whole];
    }
    return linear_channel(v);
}

}  // namespace

double relative_luminance(const Rgba& c) {
    return 0.2126 * channel_luminance(c.r) + 0.7152 * channel_luminance(c.g) + 0.0722 * channel_luminance(c.b);
}

double contrast_ratio(const Rgba& a, const Rgba& b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string to_hex(const Rgba& c) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "#";
    auto put = [&](double v) {
        const int n = static_cast<int>(std::lround(clamp(v, 0, 255)));
        out.push_back(digits[n >> 4]);
        out.push_back(digits[n & 15]);
    };
    put(c.r);
    put(c.g);
    put(c.b);
    if (c.a < 1) put(c.a * 255);
    return out;
}

std::optional<Length> parse_length(const Token& token, bool quirks) {
    if (token.is(TokenType::percentage)) return Length{token.number, Unit::percent};
    if (token.is(TokenType::number)) {
        if (token.number == 0 || quirks) return Length{token.number, Unit::px};
        return std::nullopt;
    }
    if (!token.is(TokenType::dimension)) return std::nullopt;
    const std::string unit = core::to_lower(token.value);
    const double v = token.number;
    if (unit == "px") return Length{v, Unit::px};
    if (unit == "pt") return Length{v * 4 / 3, Unit::px};
    if (unit == "pc") return Length{v * 16, Unit::px};
    if (unit == "in") return Length{v * 96, Unit::px};
    if (unit == "cm") return Length{v * 96 / 2.54, Unit::px};
    if (unit == "mm") return Length{v * 96 / 25.4, Unit::px};
    if (unit == "q") return Length{v * 96 / 101.6, Unit::px};
    if (unit == "em") return Length{v, Unit::em};
    if (unit == "rem") return Length{v, Unit::rem};
    if (unit == "ex") return Length{v, Unit::ex};
    if (unit == "ch") return Length{v, Unit::ch};
    if (unit == "vw") return Length{v, Unit::vw};
    if (unit == "vh") return Length{v, Unit::vh};
    if (unit == "vmin") return Length{v, Unit::vmin};
    if (unit == "vmax") return Length{v, Unit::vmax};
    return std::nullopt;
}

}  // namespace inboxlint::html::css
