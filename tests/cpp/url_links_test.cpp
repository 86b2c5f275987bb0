// Link extraction (text parts, list header fields, HTML attributes and
// anchors), domains by role, and the misleading-link analysis, on whole
// messages.
#include <gtest/gtest.h>

#include <string>

#include "analysis/message.hpp"
#include "inboxlint/inboxlint.hpp"
#include "url/domains.hpp"
#include "url/links.hpp"
#include "url/misleading.hpp"

namespace inboxlint::url {
namespace {

std::string crlf(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

std::string html_message(std::string_view from, std::string_view html) {
    return crlf("From: " + std::string(from) +
                "\nTo: r@example.org\nSubject: s\nDate: Tue, 03 Mar 2026 08:00:00 +0000\n"
                "Message-ID: <x@example.org>\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n" +
                std::string(html) + "\n");
}

std::string text_of(const analysis::Message& msg, const Place& p) {
    if (p.header) return std::string(msg.text().substr(p.range.begin, p.range.size()));
    return std::string(msg.body_text(p.entity).view().substr(p.range.begin, p.range.size()));
}

TEST(Links, TextAndHeaderLinksWithPlaces) {
    const std::string raw = crlf(
        "From: a@shop.example\nList-Unsubscribe: <mailto:u@lists.shop.example?subject=u>,\n"
        " <https://lists.shop.example/u/\n 123>\nContent-Type: text/plain; charset=utf-8\n\n"
        "Read https://shop.example/a and www.shop.example/b.\n");
    const analysis::Message msg(raw, Limits{});
    const auto& links = message_links(msg).links;
    ASSERT_EQ(links.size(), 4u);
    EXPECT_EQ(links[0].kind, LinkKind::header);
    EXPECT_EQ(links[0].source, "List-Unsubscribe");
    EXPECT_EQ(links[1].written, "https://lists.shop.example/u/123") << "folding inside <> is dropped";
    ASSERT_TRUE(links[1].host_place);
    EXPECT_EQ(text_of(msg, *links[1].host_place), "lists.shop.example");
    EXPECT_EQ(links[2].kind, LinkKind::text);
    EXPECT_EQ(text_of(msg, links[2].place), "https://shop.example/a");
    EXPECT_EQ(text_of(msg, *links[2].host_place), "shop.example");
    EXPECT_TRUE(links[3].implied_scheme);
    EXPECT_EQ(text_of(msg, *links[3].host_place), "www.shop.example");
}

TEST(Links, HtmlAttributesAnchorsAndCharacterReferences) {
    const std::string raw =
        html_message("a@shop.example",
                     "<a href=\"https://shop.example/x?a=1&amp;b=2\">  Read\n the <b>report</b> </a>"
                     "<a href=\"https://shop.example/\"><img src=\"https://cdn.example/l.png\" alt=\"Logo\"></a>"
                     "<a href=\"h&#116;tps://evil.example/\"><span style=\"display:none\">hidden </span>Shown</a>"
                     "<form action=\"https://forms.example/f\"></form>"
                     "<table><tr><td background=\"https://cdn.example/bg.png\"></td></tr></table>");
    const analysis::Message msg(raw, Limits{});
    const auto& links = message_links(msg).links;
    ASSERT_EQ(links.size(), 6u);
    EXPECT_EQ(links[0].written, "https://shop.example/x?a=1&b=2");
    ASSERT_TRUE(links[0].anchor);
    EXPECT_EQ(links[0].anchor->text, "Read the report");
    EXPECT_EQ(text_of(msg, *links[0].host_place), "shop.example") << "host before the first '&' maps exactly";
    EXPECT_EQ(links[1].anchor->images, 1u);
    EXPECT_EQ(links[1].anchor->image_alt, "Logo");
    EXPECT_EQ(links[2].kind, LinkKind::image);
    EXPECT_EQ(links[3].url()->hostname(), "evil.example");
    EXPECT_FALSE(links[3].host_place) << "a character reference before the host: no exact place";
    EXPECT_EQ(links[3].anchor->text, "Shown") << "hidden text is not the link's text";
    EXPECT_EQ(links[4].kind, LinkKind::form);
    EXPECT_EQ(links[5].kind, LinkKind::background);
}

TEST(Domains, EveryRole) {
    const std::string raw = crlf(
        "DKIM-Signature: v=1; a=rsa-sha256; d=Sign.example; s=s; h=from; bh=AA==; b=AA==\n"
        "Return-Path: <b@bounce.example>\nFrom: A <a@from.example>\nSender: s@sender.example\n"
        "Reply-To: r@reply.example, q@reply2.example\nContent-Type: text/plain\n\n"
        "mailto:x@mail.example https://link.example/\n");
    const analysis::Message msg(raw, Limits{});
    std::vector<std::string> got;
    for (const DomainUse& use : domains_by_role(msg).uses)
        got.push_back(std::string(to_string(use.role)) + ":" + use.name + "@" + text_of(msg, use.place));
    EXPECT_EQ(
        got, (std::vector<std::string>{"from:from.example@from.example", "sender:sender.example@sender.example",
                                       "reply-to:reply.example@reply.example", "reply-to:reply2.example@reply2.example",
                                       "return-path:bounce.example@bounce.example", "dkim:Sign.example@Sign.example",
                                       "link:link.example@link.example"}))
        << "mailto: in text is not linked by the finder; only http(s), ftp and www.";
    EXPECT_EQ(from_registrable_domain(msg), "from.example");
}

std::vector<std::string> mismatches(std::string_view from, std::string_view html) {
    const std::string raw = html_message(from, html);
    const analysis::Message msg(raw, Limits{});
    std::vector<std::string> out;
    for (const LinkMismatch& m : link_mismatches(msg).mismatches)
        out.push_back(m.shown_domain + ">" + m.target_domain + ":" + m.reason);
    return out;
}

TEST(Misleading, Reasons) {
    using V = std::vector<std::string>;
    EXPECT_EQ(mismatches("a@x.test", "<a href=\"https://evil.example/\">https://bank.example.com/</a>"),
              V{"example.com>evil.example:different-domain"});
    EXPECT_EQ(mismatches("a@x.test", "<a href=\"https://www.bank.example.com/a\">bank.example.com</a>"), V{});
    EXPECT_EQ(mismatches("a@x.test",
                         "<a href=\"https://B\u00FCcher.example/\">xn--bcher-kva.example/x</a>"
                         "<a href=\"https://t.example/?u=https://shop.com/\">shop.com</a>"),
              V{})
        << "UTS #46 on both sides; the only embedded destination is the one shown";
    EXPECT_EQ(mismatches("a@x.test", "<a href=\"https://t.example/?u=https://other.com/\">shop.com</a>"),
              V{"shop.com>t.example:redirect-elsewhere"});
    EXPECT_EQ(
        mismatches("a@x.test", "<a href=\"https://t.example/?u=https://shop.com/&v=https://o.com/\">shop.com</a>"),
        V{"shop.com>t.example:ambiguous-redirect"});
    EXPECT_EQ(mismatches("a@x.test", "<a href=\"https://t.example/\">Shop now</a>"), V{});
    EXPECT_EQ(mismatches("a@x.test", "<a href=\"http://www.india.org\">www.india.o\nrg</a>"), V{})
        << "a line break inside the shown name";
    EXPECT_EQ(mismatches("a@x.test", "<a href=\"mailto:help@bank.example.com\">help@bank.example.com</a>"), V{});
    // The sender's own tracker may show another site, unless its host
    // spells the shown name.
    EXPECT_EQ(mismatches("a@news.media.example", "<a href=\"https://t.media.example/c/1\">Dilbert.com</a>"), V{});
    EXPECT_EQ(mismatches("a@attacker.test", "<a href=\"https://shop.com.attacker.test/\">www.shop.com</a>"),
              V{"shop.com>attacker.test:different-domain"});
}

TEST(Misleading, TrackingDomainsOption) {
    const std::string raw =
        html_message("a@shop.example", "<a href=\"https://u1.trk.example.net/c/1\">https://shop.example/</a>");
    EXPECT_EQ(Linter(Config{}).lint(raw).findings.size() > 0, true);
    Config config;
    config.select = {"LINK001"};
    EXPECT_EQ(Linter(config).lint(raw).findings.size(), 1u);
    config.options["LINK001"]["tracking_domains"] = std::vector<std::string>{"trk.example.net"};
    EXPECT_EQ(Linter(config).lint(raw).findings.size(), 0u);
}

TEST(UnrelatedDomains, OwnDomainsOption) {
    const std::string raw = html_message(
        "a@shop.example", "<a href=\"https://cdn.other.example/x\">x</a><a href=\"https://shop.example/\">y</a>");
    Config config;
    config.select = {"LINK010"};
    EXPECT_EQ(Linter(config).lint(raw).findings.size(), 1u);
    config.options["LINK010"]["own_domains"] = std::vector<std::string>{"other.example"};
    EXPECT_EQ(Linter(config).lint(raw).findings.size(), 0u);
}

TEST(Links, LimitOnLinksPerMessage) {
    std::string body;
    for (std::size_t i = 0; i < max_links + 10; ++i) body += "https://a.example/" + std::to_string(i) + "\n";
    const std::string raw = crlf("From: a@a.example\nContent-Type: text/plain\n\n") + body;
    const analysis::Message msg(raw, Limits{});
    EXPECT_EQ(message_links(msg).links.size(), max_links);
    ASSERT_FALSE(msg.analysis_limits().empty());
    EXPECT_EQ(msg.analysis_limits().front().limit, "max_links");
}

}  // namespace
}  // namespace inboxlint::url
