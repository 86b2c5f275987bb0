// The visibility and colour model (html/style.hpp) and the intent of hidden
// text (html/intent.hpp), on small documents: every hiding technique, the
// cascade (specificity, !important, inheritance, presentational
// attributes), responsive and Outlook-only variants, preheaders.
#include <gtest/gtest.h>

#include "html/gumbo_guard.hpp"
#include "html/intent.hpp"
#include "html/style.hpp"

namespace inboxlint::html {
namespace {

struct Doc {
    ParseOutcome parsed;
    StyleResult styles;
    Intents intents;

    explicit Doc(std::string_view html) : parsed(parse_html(html, ParseOptions{})) {
        styles = compute_styles(parsed.dom, html);
        intents = classify(parsed.dom, styles, html);
    }

    // The style of the text node containing `text`.
    TextStyle of(std::string_view text) const {
        for (const TextStyle& t : styles.texts) {
            if (parsed.dom.nodes[t.node].text().find(text) != std::string::npos) return t;
        }
        ADD_FAILURE() << "no text node with " << text;
        return {};
    }
    Technique technique(std::string_view text) const { return of(text).technique; }
    bool visible(std::string_view text) const { return of(text).visible; }
};

std::string page(std::string_view body, std::string_view style = "") {
    return "<!doctype html><html><head><style>" + std::string(style) + "</style></head><body>" + std::string(body) +
           "</body></html>";
}

TEST(Visibility, EveryTechnique) {
    const Doc d(
        page("<p>shown words</p>"
             "<div style='display:none'>t-display</div>"
             "<div hidden>t-attribute</div>"
             "<div style='visibility:hidden'>t-visibility</div>"
             "<div style='opacity:0.5'><span style='opacity:0.1'>t-opacity</span></div>"
             "<div style='max-height:0;overflow:hidden'>t-maxheight</div>"
             "<div style='height:0px;overflow-y:hidden'>t-height</div>"
             "<div style='width:0;overflow:hidden'>t-width</div>"
             "<div style='line-height:0;overflow:hidden'>t-lineheight</div>"
             "<div style='position:absolute;left:-9999px'>t-offscreen</div>"
             "<div style='text-indent:-9999px'>t-indent</div>"
             "<div style='position:absolute;clip:rect(0 0 0 0)'>t-clip</div>"
             "<div style='clip-path:inset(50%)'>t-clippath</div>"
             "<div style='transform:scale(0)'>t-transform</div>"
             "<div style='font-size:1px'>t-font</div>"
             "<div style='color:transparent'>t-transparent</div>"
             "<div style='color:rgba(0,0,0,0.05)'>t-alpha</div>"
             "<div style='color:#fefefe'>t-contrast</div>"
             "<title>t-title</title>"));
    EXPECT_TRUE(d.visible("shown words"));
    EXPECT_EQ(d.technique("t-display"), Technique::display_none);
    EXPECT_EQ(d.technique("t-attribute"), Technique::hidden_attribute);
    EXPECT_EQ(d.technique("t-visibility"), Technique::visibility);
    EXPECT_EQ(d.technique("t-opacity"), Technique::opacity) << "0.5 x 0.1 is under 0.1";
    EXPECT_NEAR(d.of("t-opacity").opacity, 0.05, 1e-9);
    EXPECT_EQ(d.technique("t-maxheight"), Technique::zero_size);
    EXPECT_EQ(d.technique("t-height"), Technique::zero_size);
    EXPECT_EQ(d.technique("t-width"), Technique::zero_size);
    EXPECT_EQ(d.technique("t-lineheight"), Technique::zero_line_height);
    EXPECT_EQ(d.technique("t-offscreen"), Technique::off_screen);
    EXPECT_EQ(d.technique("t-indent"), Technique::text_indent);
    EXPECT_EQ(d.technique("t-clip"), Technique::clip);
    EXPECT_EQ(d.technique("t-clippath"), Technique::clip_path);
    EXPECT_EQ(d.technique("t-transform"), Technique::transform);
    EXPECT_EQ(d.technique("t-font"), Technique::tiny_font);
    EXPECT_EQ(d.technique("t-transparent"), Technique::transparent_color);
    EXPECT_EQ(d.technique("t-alpha"), Technique::transparent_color);
    EXPECT_EQ(d.technique("t-contrast"), Technique::color_contrast);
    EXPECT_EQ(d.technique("t-title"), Technique::not_rendered);
}

TEST(Visibility, WhatDoesNotHide) {
    const Doc d(
        page("<span style='max-height:0;overflow:hidden'>inline boxes have no height</span>"
             "<div style='max-height:0'>no overflow hidden: it overflows</div>"
             "<div style='position:static;left:-9999px'>static boxes do not move</div>"
             "<div style='clip:rect(0 0 0 0)'>clip needs absolute positioning</div>"
             "<span style='transform:scale(0)'>inline boxes do not transform</span>"
             "<div style='font-size:12px;color:#999'>a light grey footer</div>"
             "<div style='display:nonee'>an invalid value is ignored</div>"));
    for (const char* t : {"inline boxes have no height", "it overflows", "do not move", "needs absolute",
                          "do not transform", "light grey", "invalid value"}) {
        EXPECT_TRUE(d.visible(t)) << t << ": " << technique_name(d.technique(t));
    }
}

TEST(Visibility, InheritanceAndOverrides) {
    const Doc d(page(
        "<div style='visibility:hidden'><span style='visibility:visible'>re-shown</span><span>still hidden</span></div>"
        "<div style='display:none'><span style='display:block'>display cannot be undone</span></div>"
        "<div style='font-size:0'> <div style='font-size:15px'>MJML column text</div> </div>"
        "<div style='color:#fff;background:#fff'><b style='color:#000'>dark on white</b>white on white</div>"));
    EXPECT_TRUE(d.visible("re-shown"));
    EXPECT_FALSE(d.visible("still hidden"));
    EXPECT_EQ(d.technique("display cannot be undone"), Technique::display_none);
    EXPECT_TRUE(d.visible("MJML column text"));
    EXPECT_DOUBLE_EQ(d.of("MJML column text").font_size, 15);
    EXPECT_TRUE(d.visible("dark on white"));
    EXPECT_EQ(d.technique("white on white"), Technique::color_contrast);
}

// The same style text on several elements is parsed once (style.cpp): each
// element's declaration must still point at its own attribute.
TEST(Visibility, RepeatedInlineStylesKeepTheirOwnSpans) {
    const std::string html = page(
        "<div style='color:red; display:none'>first copy</div>"
        "<div style='color:red; display:none'>second copy</div>"
        "<div style='color:red; display:n&#111;ne'>with an entity</div>");
    const Doc d(html);
    const std::size_t first = html.find("display:none");
    const std::size_t second = html.find("display:none", first + 1);
    ASSERT_NE(second, std::string::npos);
    EXPECT_EQ(d.of("first copy").declaration, (Span{first, first + 12}));
    EXPECT_EQ(d.of("second copy").declaration, (Span{second, second + 12}));
    // Entities move offsets: the whole attribute value is the span then.
    const std::string_view entity_value = "color:red; display:n&#111;ne";
    const std::size_t value = html.find(entity_value);
    EXPECT_EQ(d.technique("with an entity"), Technique::display_none);
    EXPECT_EQ(d.of("with an entity").declaration, (Span{value, value + entity_value.size()}));
}

// Mail's lines end in CR LF, and gumbo's text of a style sheet has LF: the
// declarations must point at the source, not at gumbo's shorter text.
TEST(Visibility, StyleSheetSpansCountTheSourcesLineBreaks) {
    const std::string html = page("<p class=b>hidden words here</p><p class=c>other words</p>",
                                  "\r\n.a {\r\n color: red;\r\n}\r\r.b { display:none }\r\n"
                                  ".c {\n max-height:0; overflow:hidden }\r\n");
    const Doc d(html);
    const TextStyle b = d.of("hidden words");
    EXPECT_EQ(b.technique, Technique::display_none);
    EXPECT_EQ(html.substr(b.declaration.begin, b.declaration.size()), "display:none");
    const TextStyle c = d.of("other words");
    EXPECT_EQ(c.technique, Technique::zero_size);
    EXPECT_EQ(html.substr(c.declaration.begin, c.declaration.size()), "max-height:0");
}

// Where gumbo changed more than line breaks (a NUL becomes three bytes of
// U+FFFD) the offsets inside the sheet are unknown: each declaration points
// at the whole sheet, never past it (a fuzz find).
TEST(Visibility, StyleSheetSpansFallBackToTheWholeSheet) {
    const std::string sheet = std::string("\r\n.x\0y {}\r\n.b { display:none }\r\n", 32);
    const std::string html = page("<p class=b>hidden words here</p>", sheet);
    const Doc d(html);
    const TextStyle b = d.of("hidden words");
    EXPECT_EQ(b.technique, Technique::display_none);
    const std::size_t at = html.find(sheet);
    // gumbo starts the text after the CR of a leading CR LF.
    EXPECT_EQ(b.declaration, (Span{at + 1, at + sheet.size()}));
}

TEST(Visibility, CascadeOrder) {
    const Doc d(
        page("<p id=x class=c style='display:block'>inline beats the sheet</p>"
             "<p class='c i'>important beats inline</p>"
             "<p id=y class=c>the id wins</p>"
             "<p class='c later'>the later rule wins</p>",
             ".c{display:none} .i{display:none !important} #y{display:block} .c{display:block} "
             ".later{display:none} p.i{display:block}"));
    EXPECT_TRUE(d.visible("inline beats"));
    EXPECT_FALSE(d.visible("important beats inline"));
    EXPECT_TRUE(d.visible("the id wins"));
    EXPECT_FALSE(d.visible("the later rule wins"));
}

TEST(Visibility, ImportantInlineBeatsImportantSheet) {
    const Doc d(page("<p class=h style='display:block !important'>shown</p>", ".h{display:none !important}"));
    EXPECT_TRUE(d.visible("shown"));
}

TEST(Visibility, PresentationalAttributes) {
    const Doc d(
        page("<table bgcolor='#000000'><tr><td><font color=white>white on black</font></td></tr></table>"
             "<table bgcolor=white><tr><td><font color='#FFFFFF'>white on white</font></td></tr></table>"
             "<font size=1>font size 1 is 10px</font>"
             "<td background='bg.png'><font color=white>over an image</font></td>"
             "<img src=a.png width=1 height=1><img src=b.png width=600>"));
    EXPECT_TRUE(d.visible("white on black"));
    EXPECT_EQ(d.technique("white on white"), Technique::color_contrast);
    EXPECT_DOUBLE_EQ(d.of("font size 1").font_size, 10);
    ASSERT_EQ(d.styles.images.size(), 2u);
    EXPECT_TRUE(d.styles.images[0].pixel);
    EXPECT_FALSE(d.styles.images[1].pixel);
    EXPECT_EQ(d.intents.visible_images, 1u);
}

TEST(Visibility, BackgroundImageMeansUnknownBackground) {
    const Doc d(page("<div style='background:url(x.png)'><span style='color:#fff'>on an image</span></div>"));
    EXPECT_TRUE(d.visible("on an image"));
    EXPECT_FALSE(d.of("on an image").background_known);
}

TEST(Visibility, BodyLinkColourAndDefaultLinkColour) {
    const Doc d("<body link=white bgcolor=white><a href=x>white link</a></body>");
    EXPECT_EQ(d.technique("white link"), Technique::color_contrast);
    const Doc blue(page("<div style='color:#fff'><a href=x>blue link</a></div>"));
    EXPECT_TRUE(blue.visible("blue link"));
}

TEST(Intent, ResponsiveVariantsAreNotHidden) {
    const Doc d(
        page("<p>Visible intro text here.</p>"
             "<div class=mobile-only style='display:none;max-height:0;overflow:hidden;mso-hide:all'>"
             "Mobile version of the offer text</div>",
             ".mobile-only{display:none} @media only screen and (max-width:480px){"
             ".mobile-only{display:block !important;max-height:none !important;overflow:visible !important}}"));
    const TextStyle t = d.of("Mobile version");
    EXPECT_FALSE(t.visible);
    EXPECT_TRUE(t.shown_in_view);
    EXPECT_TRUE(t.mso_hidden);
    ASSERT_EQ(d.intents.hidden.size(), 1u);
    EXPECT_EQ(d.intents.hidden[0].intent, Intent::responsive);
    EXPECT_EQ(d.intents.hidden[0].view, "only screen and (max-width:480px)");
}

TEST(Intent, InteractiveStatesAreNotHidden) {
    const Doc d(page("<p>Pick a colour:</p><label class=t>Show</label><div class=panel>Revealed details</div>",
                     ".panel{display:none} .t:hover + .panel{display:block}"));
    ASSERT_EQ(d.intents.hidden.size(), 1u);
    EXPECT_EQ(d.intents.hidden[0].intent, Intent::responsive);
}

TEST(Intent, OutlookConditionalContentIsParsedAndNotHidden) {
    const std::string html = page(
        "<!--[if mso]><table><tr><td>Outlook only <a href='https://example.com/o'>link</a></td></tr></table>"
        "<![endif]--><p>Everyone sees this.</p>");
    const Doc d(html);
    bool link = false;
    for (const Node& n : d.parsed.dom.nodes) {
        if (n.is_element() && n.name() == "a") {
            link = true;
            EXPECT_TRUE(n.has(flag_outlook_only));
            const Attribute* href = d.parsed.dom.attribute(n, "href");
            ASSERT_NE(href, nullptr);
            EXPECT_EQ(html.substr(href->value_span.begin, href->value_span.size()), "https://example.com/o");
        }
    }
    EXPECT_TRUE(link) << "links inside <!--[if mso]> are in the tree";
    EXPECT_TRUE(d.intents.hidden.empty());
    EXPECT_EQ(d.intents.outlook_only_words, 3u);
    EXPECT_EQ(d.parsed.dom.nodes[d.intents.first_visible_text].text(), "Everyone sees this.");
}

TEST(Intent, PreheaderBeforeTheFirstVisibleWords) {
    const std::string html = page(
        "<div style='display:none;font-size:1px;max-height:0;overflow:hidden'>Your order has shipped today</div>"
        "<div style='display:none'>&zwnj;&nbsp;&#847;&zwnj;&nbsp;</div>"
        "<p>Hello Robin,</p><div style='display:none'>secret words in the middle</div><p>Bye.</p>");
    const Doc d(html);
    ASSERT_EQ(d.intents.hidden.size(), 2u);
    const HiddenBlock& pre = d.intents.hidden[0];
    EXPECT_EQ(pre.intent, Intent::preheader);
    EXPECT_EQ(pre.text, "Your order has shipped today");
    EXPECT_EQ(pre.words, 5u);
    EXPECT_GE(pre.fillers, 5u) << "the spacer belongs to the preheader";
    EXPECT_EQ(html.substr(pre.range.begin, 28), "Your order has shipped today");
    const HiddenBlock& mid = d.intents.hidden[1];
    EXPECT_EQ(mid.intent, Intent::deceptive);
    EXPECT_EQ(mid.technique, Technique::display_none);
    EXPECT_EQ(html.substr(mid.range.begin, mid.range.size()), "secret words in the middle");
    EXPECT_EQ(html.substr(mid.declaration.begin, mid.declaration.size()), "display:none");
}

TEST(Intent, StuffingAndTokens) {
    const Doc d(
        page("<p>Flash deal on earbuds.</p>"
             "<div style='font-size:1px;color:#fefefe'>free iphone winner claim prize free iphone winner "
             "claim prize gift card</div><span style='display:none'>a8f3c9e2d1</span>"));
    ASSERT_GE(d.intents.hidden.size(), 1u);
    EXPECT_EQ(d.intents.hidden[0].intent, Intent::stuffing);
    EXPECT_EQ(d.intents.hidden[0].technique, Technique::tiny_font);
    for (const HiddenBlock& b : d.intents.hidden) EXPECT_NE(b.text, "a8f3c9e2d1") << "anti-trimming ids are ignored";
    std::string many = "<p>Visible.</p><div style='display:none'>";
    for (int i = 0; i < 60; ++i) many += "w" + std::to_string(i) + "x ";
    const Doc m(page(many + "</div>"));
    ASSERT_EQ(m.intents.hidden.size(), 1u);
    EXPECT_EQ(m.intents.hidden[0].intent, Intent::stuffing);
}

TEST(Intent, SingleHiddenWordAtTheTopIsNotAPreheader) {
    const Doc d(page("<div style='display:none'>VIAGRA</div><p>Hello there.</p>"));
    ASSERT_EQ(d.intents.hidden.size(), 1u);
    EXPECT_EQ(d.intents.hidden[0].intent, Intent::deceptive);
}

TEST(Intent, LayoutWhitespaceAndPunctuationAreNotHidden) {
    const Doc d(
        page("<p>Text.</p><td style='font-size:0;line-height:0'>&nbsp;</td>"
             "<div style='display:none'> &middot; | </div>"));
    EXPECT_TRUE(d.intents.hidden.empty());
}

TEST(Intent, LowContrastVisibleText) {
    const Doc d(page("<p style='color:#e0e0e0'>barely there</p><p style='color:#999999'>readable grey</p>"));
    ASSERT_EQ(d.intents.low_contrast.size(), 1u);
    EXPECT_EQ(d.intents.low_contrast[0].text, "barely there");
    EXPECT_LT(d.intents.low_contrast[0].contrast, 1.5);
    EXPECT_GE(d.intents.low_contrast[0].contrast, 1.1);
}

TEST(Intent, FosterParentedHiddenTextIsNotAPreheader) {
    // The parser moves a <div> written between table rows in front of the
    // table, that is, before the visible words in the tree.
    const Doc d(
        page("<table><tr><td>Visible first words.</td></tr><div style='display:none'>"
             "moved hidden paragraph here</div><tr><td>More.</td></tr></table>"));
    ASSERT_EQ(d.intents.hidden.size(), 1u);
    EXPECT_EQ(d.intents.hidden[0].intent, Intent::deceptive);
}

}  // namespace
}  // namespace inboxlint::html
