// The URL layer beyond the WPT vectors: component byte ranges in the input,
// the facts rules read (IPv4 forms, user info), text URLs, what link text
// shows, embedded redirect targets and registrable domains.
#include <gtest/gtest.h>

#include <string>

#include "url/host.hpp"
#include "url/percent.hpp"
#include "url/redirect.hpp"
#include "url/registrable.hpp"
#include "url/text_urls.hpp"
#include "url/url.hpp"

namespace inboxlint::url {
namespace {

std::string slice(std::string_view s, const std::optional<Span>& span) {
    if (!span) return "<none>";
    return std::string(s.substr(span->begin, span->size()));
}

TEST(UrlSpans, EveryComponentPointsIntoTheInput) {
    const std::string input = "  HTTPS://user:pw@Sub.Example.COM:8443/a/b?q=1#frag ";
    const UrlResult r = parse_url(input);
    ASSERT_TRUE(r.url);
    const Url& u = *r.url;
    EXPECT_EQ(slice(input, u.scheme_span), "HTTPS");
    EXPECT_EQ(slice(input, u.userinfo_span), "user:pw");
    EXPECT_EQ(slice(input, u.host_span), "Sub.Example.COM");
    EXPECT_EQ(slice(input, u.port_span), "8443");
    EXPECT_EQ(slice(input, u.path_span), "/a/b");
    EXPECT_EQ(slice(input, u.query_span), "q=1");
    EXPECT_EQ(slice(input, u.fragment_span), "frag");
    EXPECT_EQ(u.hostname(), "sub.example.com");
    EXPECT_EQ(u.href(), "https://user:pw@sub.example.com:8443/a/b?q=1#frag");
}

TEST(UrlSpans, TabsAndNewlinesInsideAreSkippedButCounted) {
    const std::string input = "http://exa\tmple.\ncom/x";
    const UrlResult r = parse_url(input);
    ASSERT_TRUE(r.url);
    EXPECT_EQ(r.url->hostname(), "example.com");
    EXPECT_EQ(slice(input, r.url->host_span), "exa\tmple.\ncom");
}

TEST(UrlSpans, NonAsciiHostKeepsItsBytes) {
    const std::string input = "https://B\u00FCcher.example/x";
    const UrlResult r = parse_url(input);
    ASSERT_TRUE(r.url);
    EXPECT_EQ(r.url->hostname(), "xn--bcher-kva.example");
    EXPECT_EQ(slice(input, r.url->host_span), "B\u00FCcher.example");
    EXPECT_TRUE(r.url->host->non_ascii);
}

TEST(UrlHosts, Ipv4FormsBrowsersAccept) {
    for (const char* form : {"http://0x7f.1/", "http://2130706433/", "http://0177.0.0.1/", "http://127.1/",
                             "http://0x7F000001/", "http://%31%32%37.0.0.1/"}) {
        const UrlResult r = parse_url(form);
        ASSERT_TRUE(r.url) << form;
        EXPECT_EQ(r.url->host->kind, HostKind::ipv4) << form;
        EXPECT_EQ(r.url->hostname(), "127.0.0.1") << form;
    }
    EXPECT_TRUE(parse_url("http://0x7f.1/").url->host->ipv4_unusual_form);
    EXPECT_FALSE(parse_url("http://127.0.0.1/").url->host->ipv4_unusual_form);
    EXPECT_TRUE(parse_url("http://%31%32%37.0.0.1/").url->host->percent_encoded);
    // Ends in a number but is no address: failure, not a domain.
    EXPECT_FALSE(parse_url("http://1.2.3.4.5/").url);
    EXPECT_FALSE(parse_url("http://256.256.256.256.256/").url);
    EXPECT_EQ(parse_url("http://999999999999/").host_error.error, HostError::invalid_ipv4);
    // Not ending in a number: a domain.
    EXPECT_EQ(parse_url("http://1.2.3.a/").url->host->kind, HostKind::domain);
}

TEST(UrlHosts, Ipv6) {
    const UrlResult r = parse_url("http://[0:0:0:0:0:ffff:192.168.0.1]:80/");
    ASSERT_TRUE(r.url);
    EXPECT_EQ(r.url->hostname(), "[::ffff:c0a8:1]");
    EXPECT_FALSE(r.url->port);
    EXPECT_EQ(parse_url("http://[1:0::]").url->hostname(), "[1::]");
    EXPECT_EQ(parse_url("http://[2001:db8::1:0:0:1]").url->hostname(), "[2001:db8::1:0:0:1]");
    EXPECT_FALSE(parse_url("http://[1::2::3]/").url);
    EXPECT_FALSE(parse_url("http://[::1.2.3.04]/").url);
}

TEST(UrlAuthority, UserInfoAndBackslashes) {
    const UrlResult trick = parse_url("https://bank.example@attacker.test/login");
    ASSERT_TRUE(trick.url);
    EXPECT_TRUE(trick.url->at_sign);
    EXPECT_EQ(trick.url->username, "bank.example");
    EXPECT_EQ(trick.url->hostname(), "attacker.test");
    // Backslashes are slashes in special schemes only.
    EXPECT_EQ(parse_url("https:\\\\evil.example\\path").url->hostname(), "evil.example");
    EXPECT_EQ(parse_url("sc:\\\\x\\y").url->href(), "sc:\\\\x\\y");
    EXPECT_TRUE(parse_url("http://@example.com/").url->at_sign);
    EXPECT_FALSE(parse_url("http://user@/").url);
}

TEST(UrlSchemes, OpaqueAndRelative) {
    const UrlResult js = parse_url("JavaScript:alert(1)");
    ASSERT_TRUE(js.url);
    EXPECT_EQ(js.url->scheme, "javascript");
    EXPECT_FALSE(js.url->host);
    const UrlResult mail = parse_url("mailto:a@b.example?subject=x");
    ASSERT_TRUE(mail.url);
    EXPECT_EQ(mail.url->opaque_path, "a@b.example");
    EXPECT_EQ(parse_url("/relative").error, UrlError::missing_scheme);
    const Url base = *parse_url("https://shop.example/a/b").url;
    EXPECT_EQ(parse_url("../c?x", &base).url->href(), "https://shop.example/c?x");
    EXPECT_FALSE(parse_url("../c", &base).url->host_span) << "the host came from the base";
    EXPECT_EQ(parse_url("http://example.com:99999/").error, UrlError::invalid_port);
}

TEST(TextUrls, FoundWithPositionsAndWithoutTrailingPunctuation) {
    const std::string text = "See https://a.example/x. Or (www.b.example/y), and ftp://c.example!\nhttpx://no";
    const auto urls = find_text_urls(text, 10);
    ASSERT_EQ(urls.size(), 3u);
    EXPECT_EQ(text.substr(urls[0].range.begin, urls[0].range.size()), "https://a.example/x");
    EXPECT_EQ(text.substr(urls[1].range.begin, urls[1].range.size()), "www.b.example/y");
    EXPECT_TRUE(urls[1].implied_scheme);
    EXPECT_EQ(text_url_input(text, urls[1]), "http://www.b.example/y");
    EXPECT_EQ(text.substr(urls[2].range.begin, urls[2].range.size()), "ftp://c.example");
    EXPECT_EQ(find_text_urls("(see https://w.example/wiki/A_(b))", 5).front().range.size(),
              std::string("https://w.example/wiki/A_(b)").size());
    EXPECT_TRUE(find_text_urls("email me at bob@www.example", 5).empty());
    EXPECT_EQ(find_text_urls("x https://a.example y https://b.example", 1).size(), 1u);
}

TEST(DisplayedTarget, WhatLinkTextShows) {
    const auto url = displayed_target("  https://bank.example.com/secure  ");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->kind, DisplayedTarget::Kind::url);
    EXPECT_EQ(url->host, "bank.example.com");
    EXPECT_EQ(url->host_range.begin, 10u);
    EXPECT_EQ(displayed_target("www.shop.example")->host, "www.shop.example");
    EXPECT_EQ(displayed_target("<Amazon.com>")->host, "Amazon.com");
    EXPECT_EQ(displayed_target("help@bank.example.com")->kind, DisplayedTarget::Kind::email);
    EXPECT_EQ(displayed_target("B\u00FCcher.de/neu")->host, "B\u00FCcher.de");
    EXPECT_EQ(displayed_target("https://a.example/ and more words")->host, "a.example");
    // Call-to-action text, product names and unknown suffixes show no host.
    EXPECT_FALSE(displayed_target("Shop now"));
    EXPECT_FALSE(displayed_target("ASP.NET"));
    EXPECT_FALSE(displayed_target("shop.example"));
    EXPECT_FALSE(displayed_target("visit shop.com today"));
    EXPECT_FALSE(displayed_target("v1.2"));
}

TEST(Redirects, EmbeddedDestinations) {
    const auto hosts = [](const std::string& href) { return embedded_target_hosts(href, *parse_url(href).url); };
    EXPECT_EQ(hosts("https://t.example/c?u=https%3A%2F%2Fshop.example%2Fx&id=1"),
              std::vector<std::string>{"shop.example"});
    // base64url of https://maplemoss.example.org/guides/repotting, with a suffix.
    EXPECT_EQ(hosts("https://click.em-relay.example.net/ls/click?upn="
                    "aHR0cHM6Ly9tYXBsZW1vc3MuZXhhbXBsZS5vcmcvZ3VpZGVzL3JlcG90dGluZw-1&cid=5"),
              std::vector<std::string>{"maplemoss.example.org"});
    // Standard base64 in a path segment (aHR0cHM6Ly9hLmV4YW1wbGUv: https://a.example/).
    EXPECT_EQ(hosts("https://t.example/r/aHR0cHM6Ly9hLmV4YW1wbGUv"), std::vector<std::string>{"a.example"});
    EXPECT_EQ(hosts("http://w.example/mm/C/1/*http://www.tesco.ie*http://www.tesco.ie"),
              std::vector<std::string>{"www.tesco.ie"});
    EXPECT_EQ(hosts("https://r.example/?a=https://x.example/&b=https://y.example/").size(), 2u);
    EXPECT_TRUE(hosts("https://ummail.example/Click?q=02-qit9IljN-Yow111").empty());
    // The wrapper's own user info is not a destination.
    EXPECT_TRUE(hosts("https://http:x@r.example/").empty());
}

// rspamd's functional cases for wrapped links (phishing_query_*.eml).
TEST(Redirects, ChainsAreFollowedToTheLeaf) {
    const auto chain = [](const std::string& href) { return follow_redirects(href, *parse_url(href).url); };
    const auto safe = chain("http://www.example.net/r?u=http%3A%2F%2Fwww.cnn.com%2F");
    EXPECT_EQ(safe.hosts, std::vector<std::string>{"www.cnn.com"});
    const auto nested =
        chain("http://www.example.net/r?u=http%3A%2F%2Fmid.com%2F%3Fv%3Dhttp%253A%252F%252Fwww.cnn.com%252F");
    EXPECT_EQ(nested.hosts, (std::vector<std::string>{"mid.com", "www.cnn.com"}));
    const auto fire =
        chain("http://www.example.net/r?u=http%3A%2F%2Fwww.cnn.com%2F%3Fv%3Dhttp%253A%252F%252Fevil.org%252F");
    EXPECT_EQ(fire.hosts, (std::vector<std::string>{"www.cnn.com", "evil.org"}));
    const auto multi = chain("http://www.example.net/r?u=http%3A%2F%2Fwww.cnn.com%2F&v=http%3A%2F%2Fevil.org%2F");
    EXPECT_TRUE(multi.ambiguous);
    EXPECT_EQ(multi.alternatives, (std::vector<std::string>{"www.cnn.com", "evil.org"}));
    // Each level percent-encodes the next, as real nesting does.
    std::string deep = "https://e.example/";
    for (const char* host : {"a.io", "b.io", "c.io", "d.io", "f.io", "g.io", "h.io"}) {
        std::string encoded;
        append_encoded(encoded, deep, EncodeSet::component);
        deep = "http://" + std::string(host) + "/?u=" + encoded;
    }
    EXPECT_TRUE(chain(deep).too_deep);
    EXPECT_TRUE(chain("https://t.example/c/123").hosts.empty());
}

// Answers are cached per thread, emptied when full: asked again, and past
// the cache's size, every answer is still the list's.
TEST(Registrable, CachedAnswersStayRight) {
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 5000; ++i) {
            const std::string n = std::to_string(i);
            ASSERT_EQ(registrable_domain("www.shop" + n + ".CO.UK"), "shop" + n + ".co.uk");
            ASSERT_EQ(registrable_domain("x" + n + ".github.io."), "x" + n + ".github.io");
        }
        EXPECT_EQ(registrable_domain("github.io"), "");
        EXPECT_EQ(registrable_domain("GitHub.IO"), "");
    }
}

TEST(Registrable, PublicSuffixList) {
    EXPECT_EQ(registrable_domain("www.Example.CO.UK."), "example.co.uk");
    EXPECT_EQ(registrable_domain("a.b.example.com"), "example.com");
    EXPECT_EQ(registrable_domain("shop.example"), "shop.example");
    EXPECT_EQ(registrable_domain("x.github.io"), "x.github.io");
    EXPECT_EQ(registrable_domain("github.io"), "");
    EXPECT_EQ(registrable_domain("192.168.0.1"), "");
    EXPECT_EQ(registrable_domain("[::1]"), "");
    EXPECT_EQ(public_suffix("a.b.co.uk"), "co.uk");
    EXPECT_TRUE(same_registrable_domain("click.shop.example.com", "www.example.com"));
    EXPECT_FALSE(same_registrable_domain("shop.example.attacker.test", "shop.example"));
    EXPECT_TRUE(is_same_or_subdomain("a.bit.ly", "bit.ly"));
    EXPECT_FALSE(is_same_or_subdomain("abit.ly", "bit.ly"));
    EXPECT_TRUE(has_known_public_suffix("shop.com"));
    EXPECT_TRUE(has_known_public_suffix("x.xn--p1ai"));
    EXPECT_FALSE(has_known_public_suffix("shop.example"));
    EXPECT_FALSE(psl_source().empty());
    EXPECT_EQ(domain_key("WWW.Shop.Example.COM."), "example.com");
    EXPECT_EQ(domain_key("192.0.2.1"), "192.0.2.1");
}

}  // namespace
}  // namespace inboxlint::url
