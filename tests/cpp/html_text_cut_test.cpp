// Character data read without gumbo (html/cuts.hpp): gumbo reads the
// first characters of a run, the rest is appended to the text node it made.
// The Dom must be the one gumbo makes of the whole text; where the
// prescan's guess is wrong, the part is parsed again.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "html/gumbo_guard.hpp"
#include "parse_both_ways.hpp"

namespace inboxlint::html {
namespace {

std::size_t text_apart(const std::string& html) { return parse_both_ways(html).text; }

const Node* first_text(const Dom& dom, std::string_view starting) {
    const auto n = std::find_if(dom.nodes.begin(), dom.nodes.end(),
                                [&](const Node& x) { return x.is_text() && x.text().starts_with(starting); });
    return n == dom.nodes.end() ? nullptr : &*n;
}

TEST(TextCut, RunsAreReadApartWithGumbosTextAndOffsets) {
    const std::string html = "<p>Hello there,\r\nreader</p><p>caf\xC3\xA9 &amp; more words</p>";
    EXPECT_EQ(text_apart(html), 2u);
    const ParseOutcome out = parse(html, true);
    const Node* hello = first_text(out.dom, "Hello");
    ASSERT_NE(hello, nullptr);
    EXPECT_EQ(hello->text(), "Hello there,\nreader") << "CR LF read as LF";
    EXPECT_EQ(html.substr(hello->span.begin, hello->span.end - hello->span.begin), "Hello there,\r\nreader");
    const Node* cafe = first_text(out.dom, "caf");
    ASSERT_NE(cafe, nullptr);
    EXPECT_EQ(cafe->text(), "caf\xC3\xA9 & more words") << "the cut starts after the character reference";
    EXPECT_EQ(html.substr(cafe->span.end, 4), "</p>");
}

TEST(TextCut, WhatGumboChangesStaysWithGumbo) {
    // gumbo must read character references whole, with what may follow them.
    for (const char* run : {"a&nbspfoo bar", "a&#x41;BC def", "a&#65 x", "x &amp y", "a & b", "a&"}) {
        parse_both_ways(std::string("<p>") + run + "</p>");
    }
    // Bytes gumbo reports: the cut begins after the last of them.
    const std::string long_run(40, 'x');
    for (const std::string bad : {std::string("\0", 1), std::string("\x01"), std::string("\xC3"),
                                  std::string("\xEF\xB7\x90"), std::string("\x7F"), std::string("\xC2\x85")}) {
        EXPECT_EQ(text_apart("<p>" + long_run + bad + long_run + "</p>"), 1u);
        EXPECT_EQ(text_apart("<p>" + long_run + bad + "</p>"), 0u) << "nothing plain after it";
    }
    // A stray '<' is character data: the run ends at the next tag.
    EXPECT_EQ(text_apart("<p>a < b and 1<2 so</p>"), 1u);
    // Line breaks: CR LF is one character, a lone CR is a LF.
    for (const char* run : {"\r\n\r\n", "a\r\n", "\r\nabc", "a\rb\r", "\r\r\n", "  \r\n  x"}) {
        parse_both_ways(std::string("<div><p>x</p>") + run + "</div>");
    }
}

TEST(TextCut, WhiteSpaceGumboDropsOrMovesIsLeftToIt) {
    // Before <head> exists gumbo drops white space; after </body> and
    // </html> it keeps appending to the body's text.
    EXPECT_EQ(text_apart("\n\n  <!DOCTYPE html>\n\n<html>\n\n <head>\n  <title>t</title>\n </head>\n\n <body>"
                         "\n  <p>x</p>\n </body>\n\n</html>\n\n"),
              4u);
    parse_both_ways("  <html>  <head>  </head>  <body>  </body>  </html>  ");
    parse_both_ways("Dear reader,\n\n<body bgcolor=red>\n  <p>hi</p>");
    parse_both_ways("<meta charset=utf-8>\n  <html>\n  <head>\n  <title>x</title>");
    parse_both_ways("<pre>\n\nline one\n</pre><textarea>\n  a\n</textarea><listing>\r\n  b</listing>");
}

TEST(TextCut, RunsEndingAtIgnoredTagsAreLeftToGumbo) {
    // No text node ends at an ignored tag: the run before it is not cut.
    EXPECT_EQ(text_apart("<p>one two</font> three four</p>"), 1u);
    EXPECT_EQ(text_apart("<div>a b<tr> c d</div>"), 1u);
    EXPECT_EQ(text_apart("<div>a b<!DOCTYPE html> c d</div>"), 1u);
    EXPECT_EQ(text_apart("<body>a b<body> c d<html> e f<p>"), 1u);
    parse_both_ways("<form><table><tr><td>a b</form> c d</td></tr></table>");
    parse_both_ways("<p>a b</p> c d</p> e f");
    parse_both_ways("<center><p>x</center>  y  </center>  z");
}

TEST(TextCut, InsertionModesThatMoveOrDropCharacters) {
    const std::vector<std::string> documents = {
        "<table>foster parented text<tr><td>cell text</td></tr></table>",
        "<table>\n  <tr>  \n  <td>a  b</td>  \n  </tr>\n</table>",
        "<table> \n x y<tr><td>z</td></tr></table>",
        "<frameset>  abc  <frame>  </frameset>  def  ",
        "<select>  one  <option>two three</option>  </select>",
        "<svg>  text in svg  <title>t i t</title></svg>",
        "<math><mi>x y z</mi></math>",
        "<head>  <noscript>  a b  </noscript>  c d",
        "<colgroup>  a b  <col>",
        "<table><colgroup>  a b  <col></table>",
        "</html>  trailing text  ",
        "<p>x</p></body>  after body  <p>y</p>",
        "<title>in title</title>  before body text  <body>",
        "<script>a b c</script>  x y  <style>p{}</style>  z w  ",
        "<textarea>one two</textarea>  <xmp>three four</xmp>  <iframe>five six</iframe> seven",
        "<plaintext>one two <b>three</b> four",
        "<b><p>reconstructed bold text</p>more bold",
        "<a href=x>one<div>two three</div>four five</a>",
        "<ul><li>one two<li>three four</ul><dl><dt>a b<dd>c d</dl>",
        "<!-- a comment -->  text  <!-- another -->  more text  <?php x ?>  y z",
        "<p>unterminated text at the end",
        "<p>text then an unterminated tag <b",
        "<div x='<p>a b</p>'>c d</div>",
        "<svg><foreignObject><p>a b</p></foreignObject>c d</svg>e f",
        "<template>  a b  <td>c d</td>  </template>  e f",
        "<![CDATA[ x y ]]> z w <svg><![CDATA[ a b ]]> c d</svg>",
    };
    for (const std::string& html : documents) parse_both_ways(html);
}

TEST(TextCut, LimitsAreHitWhereTheyWereHit) {
    std::string html;
    for (int i = 0; i < 50; ++i) html += "<p>some text " + std::to_string(i) + "</p>\n";
    for (std::size_t max_nodes : {3u, 4u, 5u, 20u, 21u, 60u, 1000u}) parse_both_ways(html, max_nodes);
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<div>\n  text " + std::to_string(i) + "\n";
    parse_both_ways(deep);
}

}  // namespace
}  // namespace inboxlint::html
