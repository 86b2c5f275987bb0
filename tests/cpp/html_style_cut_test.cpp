// CSS read without gumbo (html/style_cut.hpp): the Dom must be the
// one gumbo makes of the whole text, node for node, offset for offset, on
// crafted edge cases (where the prescan's guess of the tokenizer is wrong,
// the parse falls back to the whole text) and on every HTML part of the
// shared test data.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "analysis/message.hpp"
#include "html/document.hpp"
#include "html/gumbo_guard.hpp"
#include "html/style_cut.hpp"
#include "inboxlint/inboxlint.hpp"
#include "testdata.hpp"

namespace inboxlint::html {
namespace {

ParseOutcome parse(std::string_view html, bool apart, std::size_t max_nodes = PrescanLimits{}.max_nodes) {
    ParseOptions options;
    options.read_css_apart = apart;
    options.limits.max_nodes = max_nodes;
    return parse_html(html, options);
}

// Every field of both outcomes, but the count of style sheets read apart.
void expect_same(const ParseOutcome& a, const ParseOutcome& b, const std::string& what) {
    const Dom& x = a.dom;
    const Dom& y = b.dom;
    ASSERT_EQ(x.nodes.size(), y.nodes.size()) << what;
    for (std::size_t i = 0; i < x.nodes.size(); ++i) {
        const Node& m = x.nodes[i];
        const Node& n = y.nodes[i];
        const std::string at = what + " node " + std::to_string(i);
        EXPECT_EQ(m.kind, n.kind) << at;
        EXPECT_EQ(m.flags, n.flags) << at;
        EXPECT_EQ(m.parent, n.parent) << at;
        EXPECT_EQ(m.first_child, n.first_child) << at;
        EXPECT_EQ(m.next_sibling, n.next_sibling) << at;
        EXPECT_EQ(m.prev_sibling, n.prev_sibling) << at;
        EXPECT_EQ(m.attr_begin, n.attr_begin) << at;
        EXPECT_EQ(m.attr_count, n.attr_count) << at;
        EXPECT_EQ(m.depth, n.depth) << at;
        EXPECT_EQ(m.span, n.span) << at;
        EXPECT_EQ(m.name, n.name) << at;
        EXPECT_EQ(m.text, n.text) << at;
    }
    ASSERT_EQ(x.attributes.size(), y.attributes.size()) << what;
    for (std::size_t i = 0; i < x.attributes.size(); ++i) {
        const std::string at = what + " attribute " + std::to_string(i);
        EXPECT_EQ(x.attributes[i].name, y.attributes[i].name) << at;
        EXPECT_EQ(x.attributes[i].value, y.attributes[i].value) << at;
        EXPECT_EQ(x.attributes[i].name_span, y.attributes[i].name_span) << at;
        EXPECT_EQ(x.attributes[i].value_span, y.attributes[i].value_span) << at;
        EXPECT_EQ(x.attributes[i].verbatim, y.attributes[i].verbatim) << at;
    }
    ASSERT_EQ(x.errors.size(), y.errors.size()) << what;
    for (std::size_t i = 0; i < x.errors.size(); ++i) {
        const std::string at = what + " error " + std::to_string(i);
        EXPECT_EQ(x.errors[i].offset, y.errors[i].offset) << at;
        EXPECT_EQ(x.errors[i].kind, y.errors[i].kind) << at;
        EXPECT_EQ(x.errors[i].tag, y.errors[i].tag) << at;
        EXPECT_EQ(x.errors[i].in_conditional, y.errors[i].in_conditional) << at;
    }
    EXPECT_EQ(x.error_count, y.error_count) << what;
    EXPECT_EQ(x.has_doctype, y.has_doctype) << what;
    EXPECT_EQ(x.quirks, y.quirks) << what;
    EXPECT_EQ(x.parsed, y.parsed) << what;
    EXPECT_EQ(x.failure, y.failure) << what;
    EXPECT_EQ(x.text_size, y.text_size) << what;
    EXPECT_EQ(x.parsed_size, y.parsed_size) << what;
    ASSERT_EQ(a.limits.size(), b.limits.size()) << what;
    for (std::size_t i = 0; i < a.limits.size(); ++i) {
        EXPECT_EQ(a.limits[i].limit, b.limits[i].limit) << what;
        EXPECT_EQ(a.limits[i].value, b.limits[i].value) << what;
        EXPECT_EQ(a.limits[i].offset, b.limits[i].offset) << what;
    }
    EXPECT_TRUE(x == y) << what << ": the Doms differ in a field not compared above";
}

// Parses both ways, compares, and returns how much CSS was read apart; adds
// the style sheets and style attributes of the whole parse to `sheets`.
std::size_t apart_and_whole_agree(const std::string& html, std::size_t max_nodes = PrescanLimits{}.max_nodes,
                                  std::size_t* sheets = nullptr) {
    const ParseOutcome apart = parse(html, true, max_nodes);
    const ParseOutcome whole = parse(html, false, max_nodes);
    EXPECT_EQ(whole.css_read_apart, 0u);
    expect_same(apart, whole, html.substr(0, 120));
    if (sheets != nullptr) {
        for (const Node& n : whole.dom.nodes) {
            if (n.has(flag_outlook_only)) continue;
            *sheets += n.is_text() && whole.dom.nodes[n.parent].name == "style";
            const Attribute* style = n.is_element() ? whole.dom.attribute(n, "style") : nullptr;
            *sheets += style != nullptr && !style->value.empty() ? 1 : 0;
        }
    }
    return apart.css_read_apart;
}

TEST(StyleCut, StyleSheetsAreReadApartWithGumbosTextAndOffsets) {
    const std::string css = "p { color: red }\r\n.x > a[href^=\"<b>\"] { margin: 0 }";
    const std::string html = "<html><head><style type=\"text/css\">" + css + "</style></head><body><p>hi</p></body>";
    EXPECT_EQ(apart_and_whole_agree(html), 1u);
    const ParseOutcome out = parse(html, true);
    const Dom& dom = out.dom;
    const auto style =
        std::find_if(dom.nodes.begin(), dom.nodes.end(), [](const Node& n) { return n.name == "style"; });
    ASSERT_NE(style, dom.nodes.end());
    const Node& text = dom.nodes[style->first_child];
    EXPECT_EQ(text.kind, NodeKind::text);
    EXPECT_EQ(text.text, "p { color: red }\n.x > a[href^=\"<b>\"] { margin: 0 }");
    EXPECT_EQ(html.substr(text.span.begin, text.span.end - text.span.begin), css);
    // Offsets after the cut are offsets in the text.
    const auto p = std::find_if(dom.nodes.begin(), dom.nodes.end(), [](const Node& n) { return n.name == "p"; });
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
    const auto div = std::find_if(dom.nodes.begin(), dom.nodes.end(), [](const Node& n) { return n.name == "div"; });
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
    EXPECT_EQ(apart_and_whole_agree("<p style='a:b'>x<P STYLE = \"c:d\"style=\"e\">y"), 0u)
        << "gumbo drops a duplicate attribute: its cut is not found, and the part is parsed whole";
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
    apart_and_whole_agree("<p style=\"a:b>x");  // unterminated
    apart_and_whole_agree("<p x=\"<p style='a:b'>\">y");
    apart_and_whole_agree("<!-x <p style=\"a:b\">--><p style=\"c:d\">");  // a bogus comment ends at the first '>'
    // Past the attribute limit the prescan blanks them.
    std::string many = "<p";
    for (int i = 0; i < 70; ++i) many += " style=\"a:" + std::to_string(i) + "\"";
    apart_and_whole_agree(many + ">x");
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
    std::size_t sheets = 0;  // <style> text nodes and style attributes outside conditional comments
    std::size_t apart = 0;   // of those, read without gumbo
};

void compare_every_html_part(const std::filesystem::path& dir, Tally& tally) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const std::string raw = testing::read_file(entry.path());
        const std::size_t max_nodes = PrescanLimits{}.max_nodes;
        if (entry.path().extension() == ".html") {
            ++tally.parts;
            tally.apart += apart_and_whole_agree(raw, max_nodes, &tally.sheets);
            continue;
        }
        const analysis::Message msg(raw, Limits{});
        for (const int part : html_parts(msg)) {
            ++tally.parts;
            tally.apart += apart_and_whole_agree(std::string(msg.body_text(part).view()), max_nodes, &tally.sheets);
        }
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
    std::printf("%zu HTML parts, %zu style sheets and attributes, %zu read apart\n", tally.parts, tally.sheets,
                tally.apart);
}

}  // namespace
}  // namespace inboxlint::html
