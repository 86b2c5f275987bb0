// The pieces of the content category model: word folding, vocabulary
// matching, the structural text signals (prices, discounts, coupon codes,
// one-time codes, order references), units of visible text and links.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "analysis/message.hpp"
#include "category/html_signals.hpp"
#include "category/text_signals.hpp"
#include "category/units.hpp"
#include "category/vocabulary.hpp"
#include "category/words.hpp"
#include "html/document.hpp"

namespace inboxlint::category {
namespace {

using analysis::SignalKind;

std::vector<std::string> folded(std::string_view text) {
    std::vector<std::string> out;
    for (const Word& w : split_words(text)) out.push_back(w.folded);
    return out;
}

// The signals of one kind in a text, as (detail, text of the range).
std::vector<std::string> found(std::string_view text, SignalKind kind) {
    Unit unit;
    unit.text = std::string(text);
    unit.runs.push_back({0, unit.text.size(), {0, unit.text.size()}, true, html::no_node});
    std::vector<std::string> out;
    for (const Found& f : text_signals(unit, split_words(unit.text), {})) {
        if (f.kind == kind) out.push_back(unit.text.substr(f.range.begin, f.range.size()));
    }
    return out;
}

using Strings = std::vector<std::string>;

TEST(CategoryWords, FoldCaseAccentsAndApostrophes) {
    EXPECT_EQ(folded("Bestätigung BESTÄTIGUNG"), (Strings{"bestatigung", "bestatigung"}));
    EXPECT_EQ(fold("Straße"), "strasse");
    EXPECT_EQ(fold("réduction"), "reduction");
    EXPECT_EQ(fold("we’ve"), "we've");
    EXPECT_EQ(folded("sign-in, e-mail!"), (Strings{"sign", "in", "e", "mail"}));
    EXPECT_EQ(folded("NEST20 at £149.00"), (Strings{"nest20", "at", "149.00"}));
}

TEST(CategoryWords, RangesAreBytesOfTheText) {
    const std::string text = "Déjà vu: 20%";
    const std::vector<Word> words = split_words(text);
    ASSERT_EQ(words.size(), 3u);
    EXPECT_EQ(text.substr(words[0].range.begin, words[0].range.size()), "Déjà");
    EXPECT_EQ(words[2].kind, WordKind::number);
    EXPECT_TRUE(split_words("NEST20")[0].upper);
    EXPECT_FALSE(split_words("Nest20")[0].upper);
    EXPECT_TRUE(split_words("\xff\xfe").empty()) << "invalid UTF-8 is no word";
}

TEST(CategoryVocabulary, LongestPhraseWinsAndPrefixesMatch) {
    const Vocabulary v({"shop | 2 | en", "shop now | 2.5 | en", "unsubscri* | 2", " -- | 3 ", "sale|x|en"});
    ASSERT_EQ(v.terms().size(), 4u) << "a term without words is dropped";
    EXPECT_DOUBLE_EQ(v.terms()[3].weight, 1) << "a bad weight falls back to 1";
    const std::vector<Word> words = split_words("SHOP NOW to unsubscribe from the sale");
    const std::vector<TermMatch> all = v.find_all(words);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].term->text, "shop now");
    EXPECT_EQ(all[0].count, 2u);
    EXPECT_EQ(all[1].term->text, "unsubscri");
    EXPECT_EQ(all[2].term->text, "sale");
    EXPECT_EQ(v.match_ending(words, 1).term->text, "shop now");
}

TEST(CategoryVocabulary, DataFilesLoadInEveryLanguage) {
    for (std::string_view file :
         {promotional_file, transactional_file, alerts_file, cta_file, footer_file, codes_file}) {
        const Vocabulary& v = Vocabulary::get(file);
        EXPECT_GT(v.terms().size(), 30u) << file;
        std::set<std::string> languages;
        for (const Term& t : v.terms()) languages.insert(t.language);
        for (const char* lang : {"en", "nl", "de", "fr", "es", "pt", "it"}) {
            EXPECT_TRUE(languages.count(lang)) << file << " has no " << lang;
        }
    }
}

TEST(CategorySignals, Prices) {
    EXPECT_EQ(found("Total £149.00, was $5 and 12,99 € or EUR 20 or 20 euros", SignalKind::price),
              (Strings{"£149.00", "$5", "12,99 €", "EUR 20", "20 euros"}));
    EXPECT_TRUE(found("Version 2.5 of 20 files", SignalKind::price).empty());
}

TEST(CategorySignals, DiscountPercentages) {
    EXPECT_EQ(found("20% off lamps. Save 15% today. -30% on all. Bis zu 50 % Rabatt.", SignalKind::discount),
              (Strings{"20% off", "Save 15%", "-30%", "Bis zu 50 % Rabatt"}));
    EXPECT_EQ(found("20 % de réduction, 10% korting, 5% di sconto", SignalKind::discount),
              (Strings{"20 % de réduction", "10% korting", "5% di sconto"}));
    EXPECT_TRUE(found("CPU at 80% and growth -5.35% and 10-20% of users", SignalKind::discount).empty());
}

TEST(CategorySignals, CouponCodes) {
    EXPECT_EQ(found("Use code NEST20 at checkout", SignalKind::coupon), (Strings{"code NEST20"}));
    EXPECT_EQ(found("Your promo code: SPRING at the till", SignalKind::coupon), (Strings{"promo code: SPRING"}));
    EXPECT_EQ(found("Gutscheincode WINTER24 einlösen", SignalKind::coupon), (Strings{"Gutscheincode WINTER24"}));
    EXPECT_TRUE(found("Here's a coupon for 10% off", SignalKind::coupon).empty());
    EXPECT_TRUE(found("Use code 123456 to sign in", SignalKind::coupon).empty()) << "digits: a one-time code";
    EXPECT_EQ(found("Coupon code: 13448278949", SignalKind::coupon), (Strings{"Coupon code: 13448278949"}));
    EXPECT_TRUE(found("Coupon code 2024 applies", SignalKind::coupon).empty()) << "short digits: a year";
}

TEST(CategorySignals, OneTimeCodes) {
    EXPECT_EQ(found("Your one-time code is 730 215.", SignalKind::one_time_code), (Strings{"730 215"}));
    EXPECT_EQ(found("482913 is your verification code", SignalKind::one_time_code), (Strings{"482913"}));
    EXPECT_EQ(found("Ihr Bestätigungscode: 5521", SignalKind::one_time_code), (Strings{"5521"}));
    EXPECT_TRUE(found("The code ran in 2024 and 12:30", SignalKind::one_time_code).empty());
    EXPECT_TRUE(found("zip code 90210", SignalKind::one_time_code).empty());
    EXPECT_TRUE(found("code: call +31 6 1234 5678", SignalKind::one_time_code).empty());
    EXPECT_TRUE(found("Your code costs $1234", SignalKind::one_time_code).empty());
}

TEST(CategorySignals, OrderInvoiceAndTrackingReferences) {
    EXPECT_EQ(found("Order #BN-561004, placed 9 March", SignalKind::order_number), (Strings{"Order #BN-561004"}));
    EXPECT_EQ(found("Tracking number: PP 4418 2290 77 today", SignalKind::order_number),
              (Strings{"Tracking number: PP 4418 2290 77"}));
    EXPECT_EQ(found("Invoice INV-2026-0311", SignalKind::order_number), (Strings{"Invoice INV-2026-0311"}));
    EXPECT_EQ(found("Ihre Bestellnummer: 20931", SignalKind::order_number), (Strings{"Bestellnummer: 20931"}));
    EXPECT_TRUE(found("Your order is confirmed. Order 12 bags. Order for 2026", SignalKind::order_number).empty());
}

TEST(CategorySignals, VocabularyAndCallsToActionInText) {
    EXPECT_EQ(found("Jetzt kaufen! Sonderangebote nur heute.", SignalKind::promo_words),
              (Strings{"Sonderangebote", "nur heute"}));
    EXPECT_EQ(found("Reset your password. Your order has shipped.", SignalKind::transactional_words),
              (Strings{"Reset your password", "Your order", "has shipped"}));
    EXPECT_EQ(found("Nouvelle connexion à votre compte", SignalKind::account_alert), (Strings{"Nouvelle connexion"}));
    // Calls to action in running text: phrases only, at half weight.
    EXPECT_EQ(found("Jetzt kaufen or shop our range", SignalKind::call_to_action), (Strings{"Jetzt kaufen"}));
    EXPECT_EQ(found("Unsubscribe | View this email in your browser", SignalKind::unsubscribe_footer),
              (Strings{"Unsubscribe"}));
    EXPECT_EQ(found("Unsubscribe | View this email in your browser", SignalKind::web_version),
              (Strings{"View this email in your browser"}));
}

TEST(CategorySignals, Excerpts) {
    EXPECT_EQ(excerpt("  Shop\n   the\xC2\xA0sale ", {0, 22}), "Shop the sale");
    EXPECT_EQ(excerpt(std::string(100, 'a'), {0, 100}, 10), std::string(10, 'a') + "...");
    EXPECT_EQ(excerpt("ééééé", {0, 10}, 3), "é...") << "cut at a character boundary";
}

TEST(CategorySignals, AccountUrls) {
    EXPECT_TRUE(is_account_url("https://x.example/account/reset?token=1"));
    EXPECT_TRUE(is_account_url("https://x.example/verify-email/abc"));
    EXPECT_FALSE(is_account_url("https://x.example/unsubscribe/confirm"));
    EXPECT_FALSE(is_account_url("https://x.example/shop/new"));
    EXPECT_FALSE(is_account_url("http://www.disaster-recovery-plan.com")) << "the host does not count";
    EXPECT_FALSE(is_account_url("https://verify.example/"));
}

TEST(CategoryUnits, TextParagraphsSkipQuotesAndMapExactly) {
    const std::string text = "Hello there.\r\n\r\n> quoted sale\r\nSecond para\r\nline two\r\n\r\n";
    const std::vector<Unit> units = text_units(text);
    ASSERT_EQ(units.size(), 2u);
    EXPECT_EQ(units[0].text, "Hello there.");
    EXPECT_EQ(units[1].text, "Second para\r\nline two");
    EXPECT_EQ(text.substr(units[1].range.begin, units[1].range.size()), units[1].text);
    EXPECT_EQ(units[1].to_source({7, 11}), (Span{units[1].range.begin + 7, units[1].range.begin + 11}));
}

TEST(CategoryUnits, LongParagraphsAndLinesAreCutIntoBoundedUnits) {
    std::string line;
    while (line.size() < 100000) line += "words and more words ";
    const std::string unbroken(40000, 'x');
    const std::string text = line + "\r\n" + unbroken + "\r\nshort tail\r\n";
    const std::vector<Unit> units = text_units(text);
    ASSERT_GE(units.size(), 9u);
    std::size_t covered = 0;
    for (const Unit& u : units) {
        EXPECT_LE(u.text.size(), 16u * 1024) << "a unit's words are what the model holds in memory";
        EXPECT_EQ(text.substr(u.range.begin, u.range.size()), u.text);
        EXPECT_GE(u.range.begin, covered) << "units do not overlap";
        covered = u.range.end;
    }
    EXPECT_TRUE(units.back().text.ends_with("\r\nshort tail")) << "the paragraph's next line joins its last unit";
    // Long lines are cut after white space, so no word is split in two.
    EXPECT_EQ(units[0].text.back(), ' ');
}

// An HTML part through the real engine: the units hold visible text only.
struct HtmlCase {
    std::string raw;
    analysis::Message msg;
    explicit HtmlCase(const std::string& html)
        : raw("From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html),
          msg(raw, Limits{}) {}
    const html::HtmlDocument& doc() const { return html::html_document(msg, 0); }
    std::string_view text() const { return msg.body_text(0).view(); }
};

TEST(CategoryUnits, HtmlUnitsAreVisibleTextPerBlock) {
    const HtmlCase c(
        "<div style=\"display:none\">Hidden sale 50% off</div>"
        "<p>Use code <b>NEST</b>20 &amp; save</p>"
        "<!--[if mso]><p>Outlook only sale</p><![endif]-->"
        "<td>Cell<br>two</td>");
    const html::Dom& dom = c.doc().dom();
    const auto owners = block_owners(dom);
    const auto ends = subtree_ends(dom);
    std::vector<std::string> texts;
    for (const Unit& u : html_units(c.doc(), c.text(), owners, ends)) texts.push_back(u.text);
    EXPECT_EQ(texts, (Strings{"Use code NEST20 & save", "Cell\ntwo"}));
}

TEST(CategoryUnits, HtmlRangesMapThroughCharacterReferences) {
    const HtmlCase c("<p>Save&nbsp;20% off today</p>");
    const auto owners = block_owners(c.doc().dom());
    const auto ends = subtree_ends(c.doc().dom());
    const std::vector<Unit> units = html_units(c.doc(), c.text(), owners, ends);
    ASSERT_EQ(units.size(), 1u);
    const Unit& u = units[0];
    const std::size_t at = u.text.find("20%");
    // The text node is not verbatim (&nbsp;): the range widens to the node.
    const Span source = u.to_source({at, at + 3});
    EXPECT_EQ(c.text().substr(source.begin, source.size()), "Save&nbsp;20% off today");
    EXPECT_EQ(u.range.begin, c.text().find("<p>"));
}

TEST(CategoryHtmlSignals, ButtonsByStyleClassOrColouredCell) {
    const HtmlCase c(
        "<a id=a href=x style=\"background:#c8553d;padding:10px\">Shop</a>"
        "<a id=b href=x class=\"btn primary\">Buy</a>"
        "<table><tr><td bgcolor=\"#222\"><a id=c href=x>Go</a></td></tr></table>"
        "<a id=d href=x style=\"background:none\">Plain</a>"
        "<p style=\"background:#eee\"><a id=e href=x>One</a> <a href=y>Two</a></p>");
    const html::Dom& dom = c.doc().dom();
    std::map<std::string, bool> button;
    for (std::uint32_t i = 0; i < dom.nodes.size(); ++i) {
        const html::Node& n = dom.node(i);
        if (n.is_element() && n.name() == "a" && !dom.attribute_value(n, "id").empty()) {
            button[std::string(dom.attribute_value(n, "id"))] = is_button(dom, i);
        }
    }
    EXPECT_EQ(button, (std::map<std::string, bool>{{"a", true}, {"b", true}, {"c", true}, {"d", false}, {"e", false}}));
}

std::vector<std::string> picture_grid_details(const std::string& html) {
    const HtmlCase c(html);
    const auto owners = block_owners(c.doc().dom());
    const auto ends = subtree_ends(c.doc().dom());
    std::vector<HtmlFound> out;
    picture_grids({c.doc(), c.text(), owners, ends}, out);
    std::vector<std::string> details;
    for (const HtmlFound& f : out) details.push_back(f.detail);
    return details;
}

TEST(CategoryHtmlSignals, PictureGridsAreLinkedTilesOfOneWidth) {
    const std::string tile = "<td><a href=\"https://shop.example.com/p\"><img src=\"p.jpg\" width=\"200\"></a></td>";
    EXPECT_EQ(picture_grid_details("<table><tr>" + tile + tile + "</tr></table>"),
              (Strings{"linked pictures, repeated"}));
    const std::string badge = "<a href=\"https://apps.example.com\"><img src=\"b.png\" width=\"120\" height=\"40\"></a>";
    EXPECT_TRUE(picture_grid_details("<p>" + badge + badge + "</p>").empty()) << "app-store badges";
    EXPECT_TRUE(picture_grid_details("<p><a href=x><img src=l.png width=135></a></p>"
                                     "<p><a href=y><img src=t.png width=300></a></p>")
                    .empty())
        << "a logo and one teaser";
    EXPECT_TRUE(picture_grid_details("<p><img src=a.png width=200><img src=b.png width=200></p>").empty())
        << "pictures without links";
}

}  // namespace
}  // namespace inboxlint::category
