// The CSS engine's parts: tokenizer (offsets, escapes, comments), values
// (colours, lengths, contrast), declaration lists, selectors (parsing,
// specificity, matching) and @media evaluation.
#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "html/css_parser.hpp"
#include "html/css_selector.hpp"
#include "html/css_tokenizer.hpp"
#include "html/css_values.hpp"
#include "html/gumbo_guard.hpp"

namespace inboxlint::html::css {
namespace {

std::vector<TokenType> types(std::string_view css) {
    std::vector<TokenType> out;
    for (const Token& t : tokenize(css)) out.push_back(t.type);
    return out;
}

TEST(CssTokenizer, TokensCarryTheirOffsetsPlusTheBase) {
    const std::string css = "a { color : #FFF !important }";
    const auto tokens = tokenize(css, 100);
    ASSERT_FALSE(tokens.empty());
    for (const Token& t : tokens) {
        ASSERT_GE(t.span.begin, 100u);
        ASSERT_LE(t.span.end, 100 + css.size());
        EXPECT_LT(t.span.begin, t.span.end);
    }
    const auto hash = std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.is(TokenType::hash); });
    ASSERT_NE(hash, tokens.end());
    EXPECT_EQ(hash->value, "FFF");
    EXPECT_EQ(css.substr(hash->span.begin - 100, hash->span.size()), "#FFF");
}

TEST(CssTokenizer, CommentsAreSkippedAndUnterminatedOnesEndTheInput) {
    EXPECT_EQ(types("a/* x */b"), (std::vector{TokenType::ident, TokenType::ident}));
    EXPECT_EQ(types("a /* never closed"), (std::vector{TokenType::ident, TokenType::whitespace}));
    EXPECT_EQ(types("/*/ a */b"), (std::vector{TokenType::ident}));
}

TEST(CssTokenizer, EscapesAreDecoded) {
    const auto tokens = tokenize("d\\69 splay \\:x \"a\\\"b\" \\1F600");
    ASSERT_GE(tokens.size(), 5u);
    EXPECT_EQ(tokens[0].value, "display");
    EXPECT_EQ(tokens[2].value, ":x");
    EXPECT_EQ(tokens[4].type, TokenType::string);
    EXPECT_EQ(tokens[4].value, "a\"b");
    EXPECT_EQ(tokens.back().value, "\xF0\x9F\x98\x80");  // U+1F600
}

// Values view the input unless an escape changed them; the changed ones
// live in the list and stay put when it moves.
TEST(CssTokenizer, ValuesViewTheInputOrTheListsOwnCopy) {
    const std::string css = "font-family 'plain' url(a.png) x\\41 'q\\\"' url(b\\29.png) \"cut\\\n off\"";
    TokenList first = tokenize(css);
    const TokenList tokens = std::move(first);
    std::vector<std::string_view> values;
    for (const Token& t : tokens) {
        if (!t.is(TokenType::whitespace)) values.push_back(t.value);
    }
    ASSERT_EQ(values.size(), 7u);
    EXPECT_EQ(values[0], "font-family");
    EXPECT_EQ(values[1], "plain");
    EXPECT_EQ(values[2], "a.png");
    EXPECT_EQ(values[3], "xA");
    EXPECT_EQ(values[4], "q\"");
    EXPECT_EQ(values[5], "b).png");
    EXPECT_EQ(values[6], "cut off") << "a backslash before a newline continues the string";
    auto in_input = [&](std::string_view v) {
        return v.data() >= css.data() && v.data() + v.size() <= css.data() + css.size();
    };
    for (std::size_t i : {0, 1, 2}) EXPECT_TRUE(in_input(values[i])) << values[i];
    for (std::size_t i : {3, 4, 5, 6}) EXPECT_FALSE(in_input(values[i])) << values[i];
}

TEST(CssTokenizer, NumbersPercentagesAndDimensions) {
    const auto tokens = tokenize("-1.5e2px 50% +.5 1e-999 12");
    ASSERT_EQ(tokens.size(), 9u);
    EXPECT_EQ(tokens[0].type, TokenType::dimension);
    EXPECT_DOUBLE_EQ(tokens[0].number, -150);
    EXPECT_EQ(tokens[0].value, "px");
    EXPECT_EQ(tokens[2].type, TokenType::percentage);
    EXPECT_DOUBLE_EQ(tokens[4].number, 0.5);
    EXPECT_DOUBLE_EQ(tokens[6].number, 0);  // underflow is zero, not garbage
    EXPECT_TRUE(tokens[8].is_integer);
}

// Integers are read without from_chars; they must come out as it reads
// them, sign of zero and rounding past 2^53 included.
TEST(CssTokenizer, IntegersReadAsFromCharsReadsThem) {
    for (const std::string_view n : {"0", "-0", "+0", "7", "+7", "-7", "0007", "9007199254740993", "9999999999999999",
                                     "-9999999999999999", "12345678901234567", "99999999999999999999"}) {
        const auto tokens = tokenize(n);
        ASSERT_EQ(tokens.size(), 1u) << n;
        ASSERT_TRUE(tokens[0].is_integer) << n;
        double expected = 0;
        const std::string_view digits = n.front() == '+' ? n.substr(1) : n;
        std::from_chars(digits.data(), digits.data() + digits.size(), expected);
        EXPECT_EQ(tokens[0].number, expected) << n;
        EXPECT_EQ(std::signbit(tokens[0].number), std::signbit(expected)) << n;
    }
}

TEST(CssTokenizer, BadStringsAndUrls) {
    EXPECT_EQ(types("'abc\nd"), (std::vector{TokenType::bad_string, TokenType::whitespace, TokenType::ident}));
    EXPECT_EQ(types("url(a b)"), (std::vector{TokenType::bad_url}));
    const auto url = tokenize("url( x.png )");
    ASSERT_EQ(url.size(), 1u);
    EXPECT_EQ(url[0].type, TokenType::url);
    EXPECT_EQ(url[0].value, "x.png");
    EXPECT_EQ(types("url('x')").front(), TokenType::function);
}

TEST(CssValues, Colours) {
    auto color = [](std::string_view css) {
        const auto tokens = tokenize(css);
        std::vector<Token> value(tokens.begin(), tokens.end());
        const auto c = parse_color(value);
        return c ? to_hex(c->rgba) : std::string("invalid");
    };
    EXPECT_EQ(color("#FfF"), "#ffffff");
    EXPECT_EQ(color("#11223380"), "#11223380");
    EXPECT_EQ(color("WHITE"), "#ffffff");
    EXPECT_EQ(color("rgb(255, 0, 0)"), "#ff0000");
    EXPECT_EQ(color("rgba(0 0 255 / 50%)"), "#0000ff80");
    EXPECT_EQ(color("rgb(100%,0%,0%)"), "#ff0000");
    EXPECT_EQ(color("hsl(120, 100%, 50%)"), "#00ff00");
    EXPECT_EQ(color("hsla(0deg 0% 100% / 0.5)"), "#ffffff80");
    EXPECT_EQ(color("transparent"), "#00000000");
    EXPECT_EQ(color("notacolor"), "invalid");
    EXPECT_EQ(color("#12345"), "invalid");
    const auto current = parse_color(tokenize("currentColor"));
    ASSERT_TRUE(current);
    EXPECT_TRUE(current->current);
    const auto quirky = parse_color(tokenize("ff0000"), true);
    ASSERT_TRUE(quirky);
    EXPECT_EQ(to_hex(quirky->rgba), "#ff0000");
}

TEST(CssValues, NamedColoursAreSortedForLookup) {
    // Every CSS named colour must be found (the table is binary-searched).
    for (const char* name : {"aliceblue", "darkgray", "darkgreen", "darkgrey", "lightgoldenrodyellow", "yellowgreen",
                             "rebeccapurple", "navy"}) {
        EXPECT_TRUE(named_color(name).has_value()) << name;
    }
}

TEST(CssValues, LegacyColourAttributes) {
    auto legacy = [](std::string_view v) {
        const auto c = parse_legacy_color(v);
        return c ? to_hex(*c) : std::string("none");
    };
    EXPECT_EQ(legacy("#fff"), "#ffffff");
    EXPECT_EQ(legacy("ffffff"), "#ffffff");
    EXPECT_EQ(legacy("White"), "#ffffff");
    EXPECT_EQ(legacy("chucknorris"), "#c00000");  // the famous one
    EXPECT_EQ(legacy("#0000ff80"), "#000f80");    // split in thirds, not read as #rrggbbaa
    EXPECT_EQ(legacy("transparent"), "none");
    EXPECT_EQ(legacy("  "), "none");
}

TEST(CssValues, ContrastRatio) {
    EXPECT_NEAR(contrast_ratio({0, 0, 0, 1}, {255, 255, 255, 1}), 21.0, 1e-9);
    EXPECT_NEAR(contrast_ratio({255, 255, 255, 1}, {255, 255, 255, 1}), 1.0, 1e-9);
    EXPECT_NEAR(contrast_ratio({0x99, 0x99, 0x99, 1}, {255, 255, 255, 1}), 2.85, 0.01);
    const Rgba half = blend({0, 0, 0, 0.5}, {255, 255, 255, 1});
    EXPECT_NEAR(half.r, 127.5, 0.01);
    EXPECT_DOUBLE_EQ(half.a, 1);
}

TEST(CssValues, Lengths) {
    const auto l = parse_length(tokenize("12pt")[0]);
    ASSERT_TRUE(l);
    EXPECT_DOUBLE_EQ(l->value, 16);
    EXPECT_EQ(l->unit, Unit::px);
    EXPECT_FALSE(parse_length(tokenize("12")[0]).has_value());
    EXPECT_TRUE(parse_length(tokenize("0")[0]).has_value());
    EXPECT_TRUE(parse_length(tokenize("12")[0], true).has_value());  // quirks mode
    EXPECT_EQ(parse_length(tokenize("2em")[0])->unit, Unit::em);
}

const Declaration* find(const std::vector<Declaration>& decls, Property p) {
    const Declaration* found = nullptr;
    for (const Declaration& d : decls) {
        if (d.property == p) found = &d;
    }
    return found;
}

TEST(CssDeclarations, ImportantCaseCommentsAndInvalidValues) {
    const std::string style = "DISPLAY : None ! IMPORTANT; /* c */ color:#fff;visibility:nope;opacity:0.05";
    const auto decls = parse_declaration_list(style, 10, false);
    const Declaration* display = find(decls, Property::display);
    ASSERT_NE(display, nullptr);
    EXPECT_EQ(display->value.keyword, Keyword::none);
    EXPECT_TRUE(display->important);
    EXPECT_EQ(style.substr(display->span.begin - 10, display->span.size()), "DISPLAY : None ! IMPORTANT");
    EXPECT_NE(find(decls, Property::color), nullptr);
    EXPECT_EQ(find(decls, Property::visibility), nullptr) << "an invalid value is dropped";
    ASSERT_NE(find(decls, Property::opacity), nullptr);
    EXPECT_DOUBLE_EQ(find(decls, Property::opacity)->value.number, 0.05);
}

// The longest names of ours are the prefixed aliases; a longer name that
// starts like one of them is some other property.
TEST(CssDeclarations, LongestNamesInAnyCase) {
    const auto decls = parse_declaration_list(
        "-WEBKIT-Transform:scale(0);-webkit-clip-path:inset(50%);-webkit-clip-pathx:none;"
        "-webkit-text-size-adjust:100%;BACKGROUND-COLOR:#fff",
        0, false);
    ASSERT_EQ(decls.size(), 3u);
    EXPECT_EQ(decls[0].property, Property::transform);
    EXPECT_EQ(decls[1].property, Property::clip_path);
    EXPECT_EQ(decls[2].property, Property::background_color);
}

TEST(CssDeclarations, Shorthands) {
    const auto decls = parse_declaration_list(
        "background:url(x.png) #000 no-repeat;overflow:hidden visible;font:bold 1px/0 Arial;"
        "clip:rect(0 0 0 0);clip-path:inset(50%);transform:scale(0);mso-hide:all;display:nonee",
        0, false);
    ASSERT_NE(find(decls, Property::background_color), nullptr);
    EXPECT_TRUE(find(decls, Property::background_image)->value.flag);
    EXPECT_EQ(find(decls, Property::overflow_x)->value.keyword, Keyword::hidden);
    EXPECT_EQ(find(decls, Property::overflow_y)->value.keyword, Keyword::visible);
    EXPECT_DOUBLE_EQ(find(decls, Property::font_size)->value.length.value, 1);
    EXPECT_EQ(find(decls, Property::line_height)->value.kind, Value::Kind::length);
    EXPECT_TRUE(find(decls, Property::clip)->value.flag);
    EXPECT_TRUE(find(decls, Property::clip_path)->value.flag);
    EXPECT_TRUE(find(decls, Property::transform)->value.flag);
    EXPECT_TRUE(find(decls, Property::mso_hide)->value.flag);
    EXPECT_EQ(find(decls, Property::display), nullptr);
    const auto visible = parse_declaration_list("clip:rect(0,100px,20px,0);transform:scale(1) rotate(3deg)", 0, false);
    EXPECT_FALSE(find(visible, Property::clip)->value.flag);
    EXPECT_FALSE(find(visible, Property::transform)->value.flag);
}

TEST(CssDeclarations, GarbageDoesNotSwallowTheNextDeclaration) {
    const auto decls = parse_declaration_list("*zoom:1;color:red;{;};font-size:0", 0, false);
    EXPECT_NE(find(decls, Property::color), nullptr);
    EXPECT_NE(find(decls, Property::font_size), nullptr);
}

TEST(CssSelectors, Specificity) {
    auto spec = [](std::string_view s) {
        const auto list = parse_selector_list(tokenize(s));
        EXPECT_TRUE(list.has_value()) << s;
        return list ? list->front().specificity.key() : 0u;
    };
    EXPECT_EQ(spec("#a .b c"), (Specificity{1, 1, 1}.key()));
    EXPECT_EQ(spec("a:not(.x)"), (Specificity{0, 1, 1}.key()));
    EXPECT_EQ(spec(":where(#x) a"), (Specificity{0, 0, 1}.key()));
    EXPECT_EQ(spec("*"), (Specificity{0, 0, 0}.key()));
    EXPECT_EQ(spec("td[class~=x]:first-child"), (Specificity{0, 2, 1}.key()));
}

TEST(CssSelectors, InvalidAndSpecialSelectors) {
    EXPECT_FALSE(parse_selector_list(tokenize("a:unknown-thing")).has_value());
    EXPECT_FALSE(parse_selector_list(tokenize("a,,b")).has_value());
    EXPECT_FALSE(parse_selector_list(tokenize("#1a")).has_value());
    const auto before = parse_selector_list(tokenize("p::before, p:after"));
    ASSERT_TRUE(before);
    EXPECT_TRUE((*before)[0].pseudo_element);
    EXPECT_TRUE((*before)[1].pseudo_element);
    const auto hover = parse_selector_list(tokenize("a:hover .x"));
    ASSERT_TRUE(hover);
    EXPECT_TRUE(hover->front().stateful);
}

struct DomFixture {
    ParseOutcome parsed;
    explicit DomFixture(std::string_view html) : parsed(parse_html(html, ParseOptions{})) {}
    std::uint32_t by_id(std::string_view id) const {
        for (std::uint32_t i = 0; i < parsed.dom.nodes.size(); ++i) {
            if (parsed.dom.nodes[i].is_element() && parsed.dom.attribute_value(parsed.dom.nodes[i], "id") == id)
                return i;
        }
        return no_node;
    }
    bool matches(std::string_view selector, std::string_view id) const {
        std::size_t budget = 100000;
        const auto list = parse_selector_list(tokenize(selector));
        EXPECT_TRUE(list.has_value()) << selector;
        Matcher m(parsed.dom, budget);
        return list && m.matches(list->front(), by_id(id));
    }
};

TEST(CssSelectors, Matching) {
    const DomFixture f(
        "<!doctype html><body><div id=outer class='A b'><p id=p1 lang=en-US>x</p><p id=p2 title='hi there'>y</p>"
        "<span id=s1></span><a id=a1 href=x>z</a></div></body>");
    EXPECT_TRUE(f.matches("div p", "p1"));
    EXPECT_TRUE(f.matches("div > p", "p2"));
    EXPECT_FALSE(f.matches("body > p", "p1"));
    EXPECT_TRUE(f.matches("p + p", "p2"));
    EXPECT_FALSE(f.matches("p + p", "p1"));
    EXPECT_TRUE(f.matches("p ~ span", "s1"));
    EXPECT_TRUE(f.matches(".A.b", "outer"));
    EXPECT_FALSE(f.matches(".a", "outer")) << "class names are case-sensitive in standards mode";
    EXPECT_TRUE(f.matches("#outer", "outer"));
    EXPECT_TRUE(f.matches("[lang|=en]", "p1"));
    EXPECT_TRUE(f.matches("[title~=there]", "p2"));
    EXPECT_TRUE(f.matches("[title^=hi][title$=ere][title*=\" th\"]", "p2"));
    EXPECT_TRUE(f.matches("[TITLE=\"HI THERE\" i]", "p2"));
    EXPECT_TRUE(f.matches("p:first-child", "p1"));
    EXPECT_TRUE(f.matches("p:nth-child(2n)", "p2"));
    EXPECT_TRUE(f.matches("p:nth-of-type(2)", "p2"));
    EXPECT_TRUE(f.matches("a:last-child", "a1"));
    EXPECT_TRUE(f.matches("span:empty", "s1"));
    EXPECT_TRUE(f.matches("p:not(#p1)", "p2"));
    EXPECT_TRUE(f.matches(":is(span, a):link", "a1"));
    EXPECT_FALSE(f.matches("a:visited", "a1"));
    EXPECT_TRUE(f.matches("a:hover", "a1")) << "states match; the cascade applies them in the interactive view only";
}

TEST(CssSelectors, QuirksModeClassesIgnoreCase) {
    const DomFixture f("<div id=x class=Foo>a</div>");
    ASSERT_TRUE(f.parsed.dom.quirks);
    EXPECT_TRUE(f.matches(".foo", "x"));
}

TEST(CssSelectors, MatchingIsBoundedByItsBudget) {
    std::string html = "<!doctype html>";
    for (int i = 0; i < 200; ++i) html += "<div>";
    html += "<p id=deep>x</p>";
    const DomFixture f(html);
    std::size_t budget = 50;
    const auto list = parse_selector_list(tokenize("div div div div div div span p"));
    Matcher m(f.parsed.dom, budget);
    EXPECT_FALSE(m.matches(list->front(), f.by_id("deep")));
    EXPECT_TRUE(m.exhausted());
}

TEST(CssMedia, Evaluation) {
    auto media = [](std::string_view q) { return evaluate_media(tokenize(q)); };
    EXPECT_EQ(media("screen"), MediaKind::always);
    EXPECT_EQ(media("all"), MediaKind::always);
    EXPECT_EQ(media(""), MediaKind::always);
    EXPECT_EQ(media("print"), MediaKind::never);
    EXPECT_EQ(media("not print"), MediaKind::always);
    EXPECT_EQ(media("only screen and (max-width:480px)"), MediaKind::conditional);
    EXPECT_EQ(media("(prefers-color-scheme: dark)"), MediaKind::conditional);
    EXPECT_EQ(media("print, screen"), MediaKind::always);
}

TEST(CssStylesheet, RulesGroupsAndOrder) {
    Stylesheet sheet;
    const std::string css =
        "@import url(x.css); .a{color:red} @media print{.a{display:none}} "
        "@media screen and (max-width:600px){.a{display:none !important} @media (min-width:1px){.b{color:red}}}"
        "a:hover{color:blue} @font-face{font-family:x} .c:unknown{color:red} .d, .e{font-size:0} "
        ".f:unknown{padding:0}";
    parse_stylesheet(css, 0, "", false, sheet);
    EXPECT_EQ(sheet.invalid_rules, 1u) << "only .c: .f sets nothing the cascade reads, so its selector is not read";
    ASSERT_EQ(sheet.groups.size(), 4u);  // default, the media query, nested media, :state
    EXPECT_EQ(sheet.groups[1], "screen and (max-width:600px)");
    EXPECT_EQ(sheet.groups[2], "screen and (max-width:600px) and (min-width:1px)");
    EXPECT_EQ(sheet.groups[3], ":state");
    ASSERT_EQ(sheet.rules.size(), 6u);
    EXPECT_EQ(sheet.rules[0].group, 0);
    EXPECT_EQ(sheet.rules[1].group, 1);
    EXPECT_TRUE(sheet.blocks[sheet.rules[1].block].front().important);
    EXPECT_EQ(sheet.rules[4].order, sheet.rules[5].order) << "a selector list shares its position";
    EXPECT_EQ(css.substr(sheet.rules[0].span.begin, sheet.rules[0].span.size()), ".a");
    Stylesheet print;
    parse_stylesheet(".a{display:none}", 0, "print", false, print);
    EXPECT_TRUE(print.rules.empty());
}

}  // namespace
}  // namespace inboxlint::html::css
