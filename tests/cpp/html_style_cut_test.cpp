// CSS read without gumbo (html/cuts.hpp): the Dom must be the
// one gumbo makes of the whole text, node for node, offset for offset, on
// crafted edge cases (where the prescan's guess of the tokenizer is wrong,
// the parse falls back to the whole text) and on every HTML part of the
// shared test data.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "analysis/message.hpp"
#include "html/cuts.hpp"
#include "html/document.hpp"
#include "html/gumbo_guard.hpp"
#include "inboxlint/inboxlint.hpp"
#include "parse_both_ways.hpp"
#include "testdata.hpp"

namespace inboxlint::html {
namespace {

// Parses both ways, compares, and returns how much CSS was read apart.
std::size_t apart_and_whole_agree(const std::string& html, std::size_t max_nodes = PrescanLimits{}.max_nodes) {
    return parse_both_ways(html, max_nodes).css;
}

TEST(StyleCut, StyleSheetsAreReadApartWithGumbosTextAndOffsets) {
    const std::string css = "p { color: red }\r\n.x > a[href^=\"<b>\"] { margin: 0 }";
    const std::string html = "<html><head><style type=\"text/css\">" + css + "</style></head><body><p>hi</p></body>";
    EXPECT_EQ(apart_and_whole_agree(html), 1u);
    const ParseOutcome out = parse(html, true);
    const Dom& dom = out.dom;
    const auto style =
        std::find_if(dom.nodes.begin(), dom.nodes.end(), [](const Node& n) { return n.name() == "style"; });
    ASSERT_NE(style, dom.nodes.end());
    const Node& text = dom.nodes[style->first_child];
    EXPECT_EQ(text.kind, NodeKind::text);
    EXPECT_EQ(text.text(), "p { color: red }\n.x > a[href^=\"<b>\"] { margin: 0 }");
    EXPECT_EQ(html.substr(text.span.begin, text.span.end - text.span.begin), css);
    // Offsets after the cut are offsets in the text.
    const auto p = std::find_if(dom.nodes.begin(), dom.nodes.end(), [](const Node& n) { return n.name() == "p"; });
    ASSERT_NE(p, dom.nodes.end());
    EXPECT_EQ(html.substr(p->span.begin, 3), "<p>");
}

TEST(StyleCut, EdgesOfTheContent) {
    const std::vector<std::string> sheets = {
        "\r\na{}\r\n",          // gumbo starts the text node after the CR of a leading CR LF
        "\ra{}\r",              // lone CRs become LFs
        " \t\r\n\f ",           // white space only: a whitespace node
        "<!-- a { } -->",       // the comment wrapper of old mail
        "a</styl b</stylex>c",  // almost end tags
        "a<<</ b",
        "font-family: \"\xE5\xBE\xAE\xE8\xBD\xAF\xE9\x9B\x85\xE9\xBB\x91\"",  // UTF-8
        "x",
    };
    for (const std::string& sheet : sheets) {
        EXPECT_EQ(apart_and_whole_agree("<style>" + sheet + "</style><p>a</p>"), 1u) << sheet;
        EXPECT_EQ(apart_and_whole_agree("<head><style>" + sheet + "</STYLE \n><body>b"), 1u) << sheet;
    }
}

TEST(StyleCut, ContentGumboWouldReportIsLeftToGumbo) {
    const std::vector<std::string> sheets = {
        std::string("a\0b", 3),  // NUL
        "a\x01z",                // a control character
        "a\xC2\x85z",            // C1 control
        "a\xEF\xB7\x90z",        // U+FDD0, a noncharacter
        "a\xF0\x9F\xBF\xBFz",    // U+1FFFF
        "a\xC3z",                // truncated UTF-8
        "a\xED\xA0\x80z",        // a surrogate
    };
    // Also inside long runs of printable ASCII, which are checked 16 bytes at a time.
    const std::string run(37, 'x');
    for (const std::string& sheet : sheets) {
        EXPECT_EQ(apart_and_whole_agree("<style>" + sheet + "</style><p>a</p>"), 0u);
        EXPECT_EQ(apart_and_whole_agree("<style>" + run + sheet + run + "</style><p>a</p>"), 0u);
        EXPECT_EQ(apart_and_whole_agree("<p style=\"" + run + sheet + run + "\">a</p>"), 0u);
    }
    EXPECT_EQ(apart_and_whole_agree("<style>" + run + "\x7F" + run + "</style>"), 0u) << "DEL";
    EXPECT_EQ(apart_and_whole_agree("<p style=\"" + run + "&amp;" + run + "\">a</p>"), 0u);
    EXPECT_EQ(apart_and_whole_agree("<p style=\"" + run + "\r" + run + "\">a</p>"), 0u);
    EXPECT_EQ(apart_and_whole_agree("<style>" + run + "&\r\f\t" + run + "</style><p style=\"" + run + "\">a</p>"), 2u);
    // End tags the cut does not take: a '/', attributes, no '>' before the end.
    EXPECT_EQ(apart_and_whole_agree("<style>a</style/><p>x"), 0u);
    EXPECT_EQ(apart_and_whole_agree("<style>a</style x=1><p>x"), 0u);
    EXPECT_EQ(apart_and_whole_agree("<style>a</style"), 0u);
    EXPECT_EQ(apart_and_whole_agree("<style>a</style  "), 0u);
    EXPECT_EQ(apart_and_whole_agree("<style>a"), 0u);
}

TEST(StyleCut, WhereGumboDoesNotReadAStyleSheetThePartIsParsedWhole) {
    const std::vector<std::string> documents = {
        // Ignored start tags: the tokenizer stays in the data state.
        "<select><style><b>bold</b></style></select>",
        "<frameset><style><frame></style></frameset>",
        // gumbo parses with scripting off: a <noscript> in the head holds elements.
        "<head><noscript><style>a<b>c</style></noscript></head>",
        // Foreign content: an SVG <style> is not RAWTEXT.
        "<svg><style><rect/></style></svg>",
        "<math><mi><style>a<b>c</b></style></mi></math>",
        // Inside other RAWTEXT, RCDATA and comments, "<style>" is text.
        "<textarea><style>a<b></style></textarea>",
        "<title><style>a<b></style></title>",
        "<!-- <style> --> <b>a</b> <style>x</style>",
        "<xmp><style></xmp><b>a</b></style>",
        "<plaintext><style>a</style>",
    };
    for (const std::string& html : documents) apart_and_whole_agree(html);
}

TEST(StyleCut, WhereverGumboReadsAStyleSheetItIsReadApart) {
    EXPECT_EQ(apart_and_whole_agree("<table><style>td{}</style><tr><td>a</td></tr></table>"), 1u);
    EXPECT_EQ(apart_and_whole_agree("<template><style>a{}</style></template>"), 1u);
    EXPECT_EQ(apart_and_whole_agree("<body><div><style>a{}</style></div><style>b{}</style>"), 2u);
    EXPECT_EQ(apart_and_whole_agree("<p>a</p><!--[if mso]><style>td{}</style><![endif]--><style>b{}</style>"), 1u)
        << "the content of conditional comments is parsed as a fragment, whole";
    EXPECT_EQ(apart_and_whole_agree("<style media=\"screen\"\n  id=x>a{}</style><p x=\"</style>\">y</p>"), 1u);
}

TEST(StyleCut, StyleAttributesAreReadApartWithTheirValuesAndOffsets) {
    const std::string html = "<div id=a style=\"color: red; font: 12px/1 'A B'\" class=b><p>x</p></div>";
    EXPECT_EQ(apart_and_whole_agree(html), 1u);
    const ParseOutcome out = parse(html, true);
    const Dom& dom = out.dom;
    const auto div = std::find_if(dom.nodes.begin(), dom.nodes.end(), [](const Node& n) { return n.name() == "div"; });
    ASSERT_NE(div, dom.nodes.end());
    const Attribute* style = dom.attribute(*div, "style");
    ASSERT_NE(style, nullptr);
    EXPECT_EQ(style->value, "color: red; font: 12px/1 'A B'");
    EXPECT_EQ(html.substr(style->value_span.begin, style->value_span.end - style->value_span.begin), style->value);
    EXPECT_TRUE(style->verbatim);
    EXPECT_EQ(html.substr(div->span.begin, div->span.end - div->span.begin),
              "<div id=a style=\"color: red; font: 12px/1 'A B'\" class=b>")
        << "the start tag's span holds the cut";
    const Attribute* cls = dom.attribute(*div, "class");
    ASSERT_NE(cls, nullptr);
    EXPECT_EQ(html.substr(cls->name_span.begin, 5), "class");
}

TEST(StyleCut, StyleAttributesAreReadApartOnlyWhereGumboKeepsTheirBytes) {
    EXPECT_EQ(apart_and_whole_agree("<p style='a:b'>x<P STYLE = \"c:d\"style=\"e\">y"), 2u)
        << "gumbo drops a duplicate attribute: only the first of a name is cut";
    EXPECT_EQ(apart_and_whole_agree("<p style=a:b style=\"c:d\">x<p style=\"\" style=\"e:f\">y"), 0u)
        << "a name met before with an unquoted or empty value";
    EXPECT_EQ(apart_and_whole_agree("<font style=\"a:b\"><p>x</p><p>y</p><b style='c:d'><p>z"), 2u)
        << "formatting elements re-opened in each paragraph repeat their attributes";
    EXPECT_EQ(apart_and_whole_agree("<p style='a:b'>x<P STYLE = \"c:d\">y<svg style=\"e:f\"/>"), 3u);
    EXPECT_EQ(apart_and_whole_agree("<style style=\"a:b\">p{}</style><p style=\"c:d\"/>"), 3u);
    EXPECT_EQ(apart_and_whole_agree("<p style=\"font-family:&quot;A&quot;\">x"), 0u) << "a character reference";
    EXPECT_EQ(apart_and_whole_agree("<p style=\"a:b;\r\nc:d\">x"), 0u) << "a CR";
    EXPECT_EQ(apart_and_whole_agree("<p style=\"a:\x01\">x"), 0u) << "a control character";
    EXPECT_EQ(apart_and_whole_agree("<p style=a:b>x<p style=\"\">y"), 0u) << "unquoted, empty";
    EXPECT_EQ(apart_and_whole_agree("<p>x</p style=\"a:b\">"), 0u) << "an end tag's attributes are dropped";
    EXPECT_EQ(apart_and_whole_agree("<p style=\"a:b\nc:d\" x='\"'>x"), 1u);
    EXPECT_EQ(apart_and_whole_agree("<!-- <p style=\"a:b\"> --><textarea><p style=\"c:d\"></textarea>"), 0u);
    EXPECT_EQ(apart_and_whole_agree("<!--[if mso]><p style=\"a:b\">x</p><![endif]-->"), 0u)
        << "conditional comments are parsed as fragments, whole";
    // gumbo names an element it makes of an end tag with all that follows
    // "</", and after "</>" it starts the next tag's source there: the
    // attribute taken out is part of the name, which comes from the text.
    EXPECT_EQ(apart_and_whole_agree("<body></><x style=\"a:b\">y"), 1u);
    std::string blanked = "<body></><x style=\"a:b\"";  // attributes past the limit are blanked
    for (int i = 0; i < 70; ++i) blanked += " a" + std::to_string(i);
    EXPECT_EQ(apart_and_whole_agree(blanked + ">y"), 1u);
    apart_and_whole_agree("<p style=\"a:b>x");  // unterminated
    apart_and_whole_agree("<p x=\"<p style='a:b'>\">y");
    apart_and_whole_agree("<!-x <p style=\"a:b\">--><p style=\"c:d\">");  // a bogus comment ends at the first '>'
    // Past the attribute limit the prescan blanks them.
    std::string many = "<p";
    for (int i = 0; i < 70; ++i) many += " style=\"a:" + std::to_string(i) + "\"";
    apart_and_whole_agree(many + ">x");
}

// Long values of the attributes gumbo only copies (href, src, alt, title,
// class) are cut like style attributes; others, short ones, repeated
// names (gumbo drops the repeat), end tags and values gumbo would change
// are left to gumbo.
TEST(StyleCut, LongValuesOfCopiedAttributesAreReadApart) {
    const std::string link =
        "<a HREF=\"https://example.com/a/long/path/x\" class='button button-primary big' "
        "title=\"A long title for the link\">x</a>";
    const std::string image =
        "<img src=\"https://cdn.example.com/img/logo.png\" alt=\"The logo of the shop, in blue\">";
    EXPECT_EQ(apart_and_whole_agree("<p>" + link + image + "</p>"), 5u);
    EXPECT_EQ(apart_and_whole_agree("<a href=\"/short\" class=\"b\">x</a>"), 0u) << "under 16 bytes";
    EXPECT_EQ(apart_and_whole_agree("<td class=\"a td gumbo ignores outside a table\">a"), 0u) << "parsed whole";
    EXPECT_EQ(apart_and_whole_agree("<table><tr><td class=\"first-class-name-long\" class=\"second-class-name\">a"), 1u)
        << "only the first of a repeated name";
    EXPECT_EQ(
        apart_and_whole_agree("<a href=/x HREF=\"https://example.com/dropped/repeat\" class=\"a long class name\">"),
        1u)
        << "the first href is unquoted: the repeat is not cut, the class is";
    EXPECT_EQ(apart_and_whole_agree("<a href=\"https://x.example/?a=1&amp;b=2&c=3\">x</a>"), 0u) << "references";
    EXPECT_EQ(apart_and_whole_agree("<a href=\"https://x.example/line\r\nbreak\">x</a>"), 0u) << "CR";
    EXPECT_EQ(apart_and_whole_agree("<input type=\"hidden-but-long-enough\" value=\"a long value too\">"), 0u);
    EXPECT_EQ(apart_and_whole_agree("<p>a</p class=\"a long class in an end tag\">"), 0u);
    EXPECT_EQ(apart_and_whole_agree("<svg><a href=\"https://example.com/in/svg/content\">x</a></svg>"), 1u);
    EXPECT_EQ(apart_and_whole_agree("<table><a href=\"https://example.com/foster/parented\">x</a><tr><td>y"), 1u);
    (void)apart_and_whole_agree("<a href=\"https://example.com/never/closed");
    (void)apart_and_whole_agree("<a title=\"caf\xC3\xA9 \xE2\x80\x94 long enough\" class=\"\xFF invalid bytes here\">");

    const std::string html = "<body>" + image;
    const ParseOutcome out = parse(html, true);
    const auto img =
        std::find_if(out.dom.nodes.begin(), out.dom.nodes.end(), [](const Node& n) { return n.name() == "img"; });
    ASSERT_NE(img, out.dom.nodes.end());
    const Attribute* alt = out.dom.attribute(*img, "alt");
    ASSERT_NE(alt, nullptr);
    EXPECT_EQ(alt->value, "The logo of the shop, in blue");
    EXPECT_EQ(html.substr(alt->value_span.begin, alt->value_span.size()), alt->value);
    EXPECT_TRUE(alt->verbatim);
}

TEST(StyleCut, LimitsAreHitWhereTheyWereHit) {
    std::string html = "<style>a{}</style>";
    for (int i = 0; i < 50; ++i) html += "<p>x</p><style>b{}</style>";
    for (std::size_t max_nodes : {5u, 6u, 7u, 20u, 21u, 60u, 1000u}) apart_and_whole_agree(html, max_nodes);
    // Deep nesting: the prescan blanks the tags past its depth limit.
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<div style=\"a:b\"><style>a{}</style>";
    apart_and_whole_agree(deep);
}

struct Tally {
    std::size_t parts = 0;
    std::size_t sheets = 0;      // <style> text nodes and style attributes outside conditional comments
    std::size_t apart = 0;       // of those, read without gumbo
    std::size_t runs = 0;        // text nodes of two characters or more outside <style>
    std::size_t runs_apart = 0;  // runs of character data whose end was read without gumbo

    // Parses both ways, compares, and counts.
    void add(const std::string& html) {
        ++parts;
        ParseOutcome whole;
        const ReadApart read = parse_both_ways(html, PrescanLimits{}.max_nodes, &whole);
        apart += read.css;
        runs_apart += read.text;
        for (const Node& n : whole.dom.nodes) {
            if (n.has(flag_outlook_only) || n.parent == no_node) continue;
            const bool in_style = whole.dom.nodes[n.parent].name() == "style";
            sheets += n.is_text() && in_style;
            runs += (n.kind == NodeKind::text || n.kind == NodeKind::whitespace) && !in_style && n.text().size() >= 2;
            const Attribute* style = n.is_element() ? whole.dom.attribute(n, "style") : nullptr;
            sheets += style != nullptr && !style->value.empty() ? 1 : 0;
        }
    }
};

void compare_every_html_part(const std::filesystem::path& dir, Tally& tally) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const std::string raw = testing::read_file(entry.path());
        if (entry.path().extension() == ".html") {
            tally.add(raw);
            continue;
        }
        const analysis::Message msg(raw, Limits{});
        for (const int part : html_parts(msg)) tally.add(std::string(msg.body_text(part).view()));
    }
}

TEST(StyleCut, EveryHtmlPartOfTheTestDataParsesTheSameBothWays) {
    INBOXLINT_REQUIRE_TESTDATA("spamassassin-public-corpus");
    Tally tally;
    for (const char* set : {"spamassassin-public-corpus", "generated", "email-html", "mimekit"}) {
        compare_every_html_part(testing::shared_testdata() / set, tally);
    }
    compare_every_html_part(testing::corpus_dir(), tally);
    EXPECT_GT(tally.parts, 1000u);
    EXPECT_GT(tally.sheets, 5000u);
    // The fast path is the common one: parts parsed again whole are rare.
    EXPECT_GE(tally.apart * 100, tally.sheets * 90) << tally.apart << " of " << tally.sheets;
    EXPECT_GE(tally.runs_apart * 100, tally.runs * 70) << tally.runs_apart << " of " << tally.runs;
    std::printf("%zu HTML parts, %zu style sheets and attributes, %zu read apart; %zu runs of text, %zu read apart\n",
                tally.parts, tally.sheets, tally.apart, tally.runs, tally.runs_apart);
}

}  // namespace
}  // namespace inboxlint::html
