// SPF record parsing (RFC 7208 sections 4.5, 4.6, 5, 6, 12): terms with their
// byte ranges, and the syntax errors that are permerror.
#include <gtest/gtest.h>

#include "spf/record.hpp"

namespace {

using namespace inboxlint::spf;

TEST(SpfRecord, VersionIsExactAndCaseInsensitive) {
    EXPECT_TRUE(is_spf_record("v=spf1"));
    EXPECT_TRUE(is_spf_record("V=SpF1 -all"));
    EXPECT_FALSE(is_spf_record("v=spf10"));
    EXPECT_FALSE(is_spf_record("v=spf1-all"));
    EXPECT_FALSE(is_spf_record(" v=spf1 -all"));
    EXPECT_FALSE(is_spf_record("spf2.0/pra -all"));
}

TEST(SpfRecord, TermsKeepTheirBytes) {
    const std::string text = "v=spf1  ip4:192.0.2.0/24 -mx:example.com/26//64 ~include:_spf.example.net "
                             "redirect=example.org exp=why.%{d} moo=cow";
    const Record r = parse_record(text);
    ASSERT_FALSE(r.error) << r.error->reason;
    ASSERT_EQ(r.terms.size(), 6u);
    EXPECT_EQ(text.substr(r.terms[0].offset, r.terms[0].length), "ip4:192.0.2.0/24");
    EXPECT_EQ(r.terms[0].mechanism, Mechanism::ip4);
    EXPECT_EQ(r.terms[0].cidr4, 24);
    EXPECT_EQ(text.substr(r.terms[1].offset, r.terms[1].length), "-mx:example.com/26//64");
    EXPECT_EQ(r.terms[1].qualifier, Qualifier::fail);
    EXPECT_EQ(r.terms[1].domain_spec, "example.com");
    EXPECT_EQ(r.terms[1].cidr4, 26);
    EXPECT_EQ(r.terms[1].cidr6, 64);
    EXPECT_EQ(r.terms[2].qualifier, Qualifier::softfail);
    EXPECT_EQ(r.terms[2].domain_spec, "_spf.example.net");
    EXPECT_TRUE(r.terms[3].is_modifier);
    EXPECT_EQ(r.redirect, 3u);
    EXPECT_EQ(r.exp, 4u);
    EXPECT_EQ(r.terms[5].modifier, Modifier::unknown);
    EXPECT_EQ(r.terms[5].name, "moo");
    EXPECT_EQ(text.substr(r.terms[5].offset, r.terms[5].length), "moo=cow");
}

TEST(SpfRecord, DualCidrForms) {
    const Record r = parse_record("v=spf1 a//0 a/0 mx/32//128 a:x.example.com//64 ip6:2001:db8::/32");
    ASSERT_FALSE(r.error) << r.error->reason;
    EXPECT_EQ(r.terms[0].cidr6, 0);
    EXPECT_EQ(r.terms[0].cidr4, 32);
    EXPECT_EQ(r.terms[1].cidr4, 0);
    EXPECT_EQ(r.terms[2].cidr6, 128);
    EXPECT_EQ(r.terms[3].domain_spec, "x.example.com");
    EXPECT_EQ(r.terms[4].cidr6, 32);
    EXPECT_TRUE(r.terms[4].network->v6);
}

TEST(SpfRecord, SyntaxErrorsCarryTheirOffset) {
    const std::pair<const char*, std::size_t> bad[] = {
        {"v=spf1 ip4:1.2.3.4 -all moo", 24},           // unknown mechanism
        {"v=spf1 ip4:1.2.3.4/33", 19},                // ip4 cidr over 32
        {"v=spf1 ip4:1.2.3.4/024", 19},               // leading zero
        {"v=spf1 ip6:::1/129", 15},
        {"v=spf1 a/33", 9},
        {"v=spf1 a//129", 10},
        {"v=spf1 ip4:1.2.3", 11},
        {"v=spf1 -all.", 8},                           // "all." is no mechanism
        {"v=spf1 -all:foo", 11},
        {"v=spf1 ptr/0", 10},
        {"v=spf1 ptr:", 11},
        {"v=spf1 include", 14},
        {"v=spf1 a:foo-bar", 9},                      // no top-level label
        {"v=spf1 a:abc.123", 13},                     // numeric top-level label
        {"v=spf1 redirect:example.com", 7},           // redirect is a modifier
        {"v=spf1 redirect=a.example.com redirect=b.example.com", 30},
        {"v=spf1 exp=a.example.com exp=b.example.com", 25},
        {"v=spf1 redirect=", 16},
        {"v=spf1 a:%{x}.example.com", 11},
        {"v=spf1 a:%{c}.example.com", 11},            // c only in explanations
        {"v=spf1 moo.cow/far_out=man:dog/cat", 7},
        {"v=spf1\t-all", 6},
        {"v=spf1 a:ctrl.example.com\rptr", 25},
    };
    for (const auto& [text, offset] : bad) {
        const Record r = parse_record(text);
        ASSERT_TRUE(r.error) << text;
        EXPECT_EQ(r.error->offset, offset) << text << ": " << r.error->reason;
        EXPECT_FALSE(r.error->reason.empty());
    }
}

TEST(SpfRecord, AcceptedOddities) {
    for (const char* good : {"v=spf1", "v=spf1 ", "v=spf1 -all ", "v=spf1 moo.cow-far_out=man:dog/cat -all",
                             "v=spf1 exists:%{i}.%{l1r+-}._spf.%{d}", "v=spf1 a:example.com.",
                             "v=spf1 exp=%{d}", "v=spf1 x=", "V=SPF1 IP4:1.2.3.4 -ALL"}) {
        const Record r = parse_record(good);
        EXPECT_FALSE(r.error) << good << ": " << r.error->reason;
    }
}

TEST(SpfRecord, DnsQueryingTerms) {
    const Record r = parse_record("v=spf1 all include:a.example a mx ptr ip4:1.2.3.4 ip6:::1 exists:x.example "
                                  "redirect=b.example exp=c.example");
    ASSERT_FALSE(r.error);
    std::string querying;
    for (const Term& t : r.terms) querying += t.queries_dns() ? '1' : '0';
    EXPECT_EQ(querying, "0111100110");
}

}  // namespace
