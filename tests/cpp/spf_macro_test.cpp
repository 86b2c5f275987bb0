// SPF macro expansion: the examples of RFC 7208 section 7.4, the escapes,
// URL escaping, truncation and the syntax errors that make a permerror.
#include <gtest/gtest.h>

#include "spf/macro.hpp"

namespace {

using namespace inboxlint::spf;

MacroContext rfc_context(const char* ip) {
    MacroContext c;
    c.sender = "strong-bad@email.example.com";
    c.local_part = "strong-bad";
    c.sender_domain = "email.example.com";
    c.domain = "email.example.com";
    c.helo = "mx.example.org";
    c.ip = parse_client_ip(ip);
    return c;
}

std::string expand(std::string_view text, const MacroContext& c, MacroMode mode = MacroMode::domain) {
    const Expansion e = expand_macros(text, c, mode);
    EXPECT_FALSE(e.error) << text << ": " << (e.error ? e.error->reason : "");
    return e.text;
}

TEST(SpfMacro, Rfc7208Section74Examples) {
    const MacroContext c = rfc_context("192.0.2.3");
    const std::pair<const char*, const char*> examples[] = {
        {"%{s}", "strong-bad@email.example.com"},
        {"%{o}", "email.example.com"},
        {"%{d}", "email.example.com"},
        {"%{d4}", "email.example.com"},
        {"%{d3}", "email.example.com"},
        {"%{d2}", "example.com"},
        {"%{d1}", "com"},
        {"%{dr}", "com.example.email"},
        {"%{d2r}", "example.email"},
        {"%{l}", "strong-bad"},
        {"%{l-}", "strong.bad"},
        {"%{lr}", "strong-bad"},
        {"%{lr-}", "bad.strong"},
        {"%{l1r-}", "strong"},
        {"%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com"},
        {"%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"},
        {"%{lr-}.lp.%{ir}.%{v}._spf.%{d2}", "bad.strong.lp.3.2.0.192.in-addr._spf.example.com"},
        {"%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}", "3.2.0.192.in-addr.strong.lp._spf.example.com"},
        {"%{d2}.trusted-domains.example.net", "example.com.trusted-domains.example.net"},
    };
    for (const auto& [text, want] : examples) EXPECT_EQ(expand(text, c), want) << text;
}

TEST(SpfMacro, Rfc7208Section74Ipv6Example) {
    const MacroContext c = rfc_context("2001:db8::cb01");
    EXPECT_EQ(expand("%{ir}.%{v}._spf.%{d2}", c),
              "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com");
    EXPECT_EQ(expand("%{c}", c, MacroMode::explanation), "2001:db8::cb01");
}

TEST(SpfMacro, EscapesAndUrlEscaping) {
    const MacroContext c = rfc_context("192.0.2.3");
    EXPECT_EQ(expand("a%%b%_c%-d", c, MacroMode::explanation), "a%b c%20d");
    EXPECT_EQ(expand("%{S}", c), "strong-bad%40email.example.com");
    EXPECT_EQ(expand("%{L}", c), "strong-bad");
    EXPECT_EQ(expand("%{h}", c), "mx.example.org");
    EXPECT_EQ(expand("%{p}", c), "unknown");  // no lookup supplied
    EXPECT_EQ(expand("%{d2+}", c), "email.example.com");  // split on '+' only: one part
    EXPECT_EQ(expand("%{l1+-}", c), "bad");
    EXPECT_EQ(expand("%{d999}", c), "email.example.com");
}

TEST(SpfMacro, ValidatedNameIsAskedOnceAndOnlyWhenUsed) {
    MacroContext c = rfc_context("192.0.2.3");
    int calls = 0;
    c.validated_name = [&] {
        ++calls;
        return std::string("mx.example.com");
    };
    EXPECT_EQ(expand("%{d}", c), "email.example.com");
    EXPECT_EQ(calls, 0);
    EXPECT_EQ(expand("%{p}.%{p2}", c), "mx.example.com.example.com");
    EXPECT_EQ(calls, 1);
}

TEST(SpfMacro, DomainResultIsTruncatedFromTheLeft) {
    MacroContext c = rfc_context("192.0.2.3");
    c.local_part = std::string(60, 'a') + "." + std::string(60, 'b') + "." + std::string(60, 'c') + "." +
                   std::string(60, 'd') + "." + std::string(60, 'e');
    const std::string got = expand("%{l}.example.com", c);
    EXPECT_LE(got.size(), 253u);
    EXPECT_EQ(got, std::string(60, 'c') + "." + std::string(60, 'd') + "." + std::string(60, 'e') + ".example.com");
    // Explanations are text, not names: never truncated.
    EXPECT_GT(expand("%{l}.example.com", c, MacroMode::explanation).size(), 253u);
}

TEST(SpfMacro, SyntaxErrors) {
    const MacroContext c = rfc_context("192.0.2.3");
    for (const char* bad : {"%", "%x", "%{", "%{d", "%{q}", "%{d0}", "%{d2x}", "%{c}", "%{r}", "%{t}", "a b"}) {
        const Expansion e = expand_macros(bad, c, MacroMode::domain);
        EXPECT_TRUE(e.error) << bad;
    }
    EXPECT_FALSE(expand_macros("%{c} %{r} %{t}", c, MacroMode::explanation).error);
    const MacroString parsed = parse_macro_string("ab%{d}%z", MacroMode::domain);
    ASSERT_TRUE(parsed.error);
    EXPECT_EQ(parsed.error->offset, 6u);
}

}  // namespace
