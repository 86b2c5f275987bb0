// DMARC record parsing: the RFC 7489 Appendix B records, every defect with
// the exact bytes it points at, the rua= fallback and the policy helpers
// later rules build on (BIMI's enforcing policy, the bulk-sender minimum).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dmarc/record.hpp"

namespace inboxlint::dmarc {
namespace {

std::string_view at(std::string_view text, Span s) { return text.substr(s.begin, s.size()); }

// "code:bytes" for every issue, in record order.
std::vector<std::string> issues(std::string_view txt, const Record& rec) {
    std::vector<std::string> out;
    for (const Issue& i : rec.issues) out.push_back(std::string(i.code) + ":" + std::string(at(txt, i.span)));
    return out;
}

const Issue* find_issue(const Record& rec, std::string_view code) {
    for (const Issue& i : rec.issues)
        if (i.code == code) return &i;
    return nullptr;
}

using Strings = std::vector<std::string>;

TEST(DmarcRecord, Rfc7489AppendixBRecords) {
    // B.2.1: the domain owner only wants reports.
    const std::string b21 = "v=DMARC1; p=none; rua=mailto:dmarc-feedback@example.com";
    const Record r1 = parse_record(b21);
    EXPECT_TRUE(r1.usable());
    EXPECT_TRUE(r1.issues.empty()) << issues(b21, r1).front();
    EXPECT_EQ(r1.policy, Policy::none);
    ASSERT_EQ(r1.rua.size(), 1u);
    EXPECT_EQ(r1.rua[0].uri, "mailto:dmarc-feedback@example.com");
    EXPECT_EQ(r1.rua[0].scheme, "mailto");
    EXPECT_EQ(at(b21, r1.rua[0].span), "mailto:dmarc-feedback@example.com");

    // B.2.2: failure reports to a third party as well.
    const std::string b22 =
        "v=DMARC1; p=none; rua=mailto:dmarc-feedback@example.com; ruf=mailto:auth-reports@thirdparty.example.net";
    const Record r2 = parse_record(b22);
    EXPECT_TRUE(r2.issues.empty());
    ASSERT_EQ(r2.ruf.size(), 1u);
    EXPECT_EQ(r2.ruf[0].uri, "mailto:auth-reports@thirdparty.example.net");

    // B.2.3: quarantine a quarter, two report URIs, one with a size limit.
    const std::string b23 =
        "v=DMARC1; p=quarantine; rua=mailto:dmarc-feedback@example.com,mailto:tld-test@thirdparty.example.net!10m; "
        "pct=25";
    const Record r3 = parse_record(b23);
    EXPECT_TRUE(r3.usable());
    EXPECT_EQ(r3.policy, Policy::quarantine);
    EXPECT_EQ(r3.pct, 25);
    EXPECT_TRUE(r3.pct_given);
    ASSERT_EQ(r3.rua.size(), 2u);
    EXPECT_EQ(r3.rua[1].uri, "mailto:tld-test@thirdparty.example.net");
    EXPECT_EQ(r3.rua[1].size_limit, 10u * 1024 * 1024);
    EXPECT_EQ(at(b23, r3.rua[1].span), "mailto:tld-test@thirdparty.example.net!10m");
    EXPECT_EQ(issues(b23, r3), Strings{"pct-deprecated:pct=25"});  // a note only
    EXPECT_EQ(find_issue(r3, "pct-deprecated")->level, Level::note);

    // The third-party report authorisation record of section 7.1 has no p=:
    // as a policy record that is missing-policy, and with no rua= it is unusable.
    const Record auth_record = parse_record("v=DMARC1");
    EXPECT_TRUE(auth_record.version_ok);
    EXPECT_FALSE(auth_record.usable());
    EXPECT_TRUE(auth_record.has("missing-policy"));
}

TEST(DmarcRecord, EveryTagParsedWithDefaultsWhenAbsent) {
    const Record d = parse_record("v=DMARC1; p=reject");
    EXPECT_EQ(d.adkim, Alignment::relaxed);
    EXPECT_EQ(d.aspf, Alignment::relaxed);
    EXPECT_EQ(d.pct, 100);
    EXPECT_FALSE(d.pct_given);
    EXPECT_EQ(d.fo, Strings{"0"});
    EXPECT_EQ(d.rf, Strings{"afrf"});
    EXPECT_EQ(d.ri, 86400u);
    EXPECT_FALSE(d.subdomain_policy);
    EXPECT_FALSE(d.testing);
    EXPECT_EQ(d.psd, PsdFlag::unknown);

    const std::string txt =
        "v=DMARC1;p=Reject ; sp=quarantine;np=reject; adkim=s; ASPF=s; fo=1:D : s; rf=afrf; ri=3600; t=y; psd=n;";
    const Record r = parse_record(txt);
    EXPECT_TRUE(r.issues.empty()) << issues(txt, r).front();
    EXPECT_EQ(r.policy, Policy::reject);  // keywords are case-insensitive (ABNF quoted strings)
    EXPECT_EQ(r.subdomain_policy, Policy::quarantine);
    EXPECT_EQ(r.nonexistent_policy, Policy::reject);
    EXPECT_EQ(r.adkim, Alignment::strict);
    EXPECT_EQ(r.aspf, Alignment::strict);
    EXPECT_EQ(r.fo, (Strings{"1", "d", "s"}));
    EXPECT_EQ(r.ri, 3600u);
    EXPECT_TRUE(r.testing);
    EXPECT_EQ(r.psd, PsdFlag::no);
    ASSERT_NE(r.find("aspf"), nullptr);
    EXPECT_EQ(at(txt, r.find("aspf")->span), "ASPF=s");
}

TEST(DmarcRecord, VersionMustComeFirstAndExact) {
    const std::string misplaced = "p=none; v=DMARC1";
    const Record m = parse_record(misplaced);
    EXPECT_FALSE(m.usable());
    EXPECT_EQ(issues(misplaced, m), Strings{"misplaced-version:v=DMARC1"});
    EXPECT_EQ(m.issues[0].level, Level::fatal);

    const std::string lower = "v=dmarc1; p=none";
    EXPECT_EQ(issues(lower, parse_record(lower)), Strings{"invalid-version:dmarc1"});
    EXPECT_FALSE(parse_record(lower).usable());

    const std::string missing = "p=none; sp=none";
    EXPECT_EQ(issues(missing, parse_record(missing)), Strings{"missing-version:p=none"});

    const std::string leading = "  v=DMARC1; p=none";
    EXPECT_EQ(issues(leading, parse_record(leading)), Strings{"leading-whitespace:  "});
    EXPECT_FALSE(parse_record(leading).usable());

    const std::string semi = ";v=DMARC1; p=none";
    const Record s = parse_record(semi);
    EXPECT_FALSE(s.usable());
    EXPECT_EQ(issues(semi, s), (Strings{"empty-tag:;", "misplaced-version:v=DMARC1"}));

    const Record empty = parse_record("");
    EXPECT_FALSE(empty.usable());
    EXPECT_TRUE(empty.has("missing-version"));
}

TEST(DmarcRecord, MissingSemicolonSwallowsTheNextTag) {
    const std::string txt = "v=DMARC1 p=reject";
    const Record r = parse_record(txt);
    EXPECT_FALSE(r.usable());
    EXPECT_EQ(issues(txt, r), (Strings{"missing-policy:v=DMARC1 p=reject", "invalid-version:DMARC1 p=reject",
                                       "missing-separator:p=reject"}));

    const std::string later = "v=DMARC1; p=none sp=reject";
    const Record l = parse_record(later);
    EXPECT_EQ(issues(later, l), (Strings{"invalid-policy:none sp=reject", "missing-separator:sp=reject"}));
    EXPECT_FALSE(l.usable());
    EXPECT_EQ(at(later, find_issue(l, "missing-separator")->span), "sp=reject");
    EXPECT_EQ(at(later, find_issue(l, "invalid-policy")->span), "none sp=reject");
}

TEST(DmarcRecord, PolicyProblemsAndTheRuaFallback) {
    const std::string bad = "v=DMARC1; p=block";
    const Record b = parse_record(bad);
    EXPECT_FALSE(b.usable());
    EXPECT_EQ(issues(bad, b), Strings{"invalid-policy:block"});
    EXPECT_EQ(b.issues[0].level, Level::fatal);

    // DMARCbis (and RFC 7489 6.6.3 step 6): rua= makes it p=none.
    const std::string with_rua = "v=DMARC1; p=block; rua=mailto:d@example.com";
    const Record w = parse_record(with_rua);
    EXPECT_TRUE(w.usable());
    EXPECT_TRUE(w.policy_from_rua);
    EXPECT_EQ(w.policy, Policy::none);
    EXPECT_EQ(find_issue(w, "invalid-policy")->level, Level::error);
    EXPECT_EQ(at(with_rua, find_issue(w, "policy-from-rua")->span), "block");
    EXPECT_FALSE(publishes_policy(w));

    const std::string no_p = "v=DMARC1; rua=mailto:d@example.com";
    const Record n = parse_record(no_p);
    EXPECT_TRUE(n.usable());
    EXPECT_TRUE(n.policy_from_rua);
    EXPECT_EQ(at(no_p, find_issue(n, "missing-policy")->span), no_p);

    // A bad rua= URI does not rescue the record.
    const Record bad_rua = parse_record("v=DMARC1; rua=ftp://example.com/x");
    EXPECT_FALSE(bad_rua.usable());

    // An invalid sp= is as bad as an invalid p= (step 6).
    const std::string bad_sp = "v=DMARC1; p=reject; sp=maybe";
    const Record s = parse_record(bad_sp);
    EXPECT_FALSE(s.usable());
    EXPECT_EQ(issues(bad_sp, s), Strings{"invalid-value:maybe"});
    EXPECT_EQ(s.issues[0].level, Level::fatal);

    const std::string empty_p = "v=DMARC1; p=; rua=mailto:d@example.com";
    EXPECT_EQ(at(empty_p, find_issue(parse_record(empty_p), "invalid-policy")->span), "p=");

    const std::string not_second = "v=DMARC1; sp=none; p=reject";
    const Record ns = parse_record(not_second);
    EXPECT_TRUE(ns.usable());
    EXPECT_EQ(issues(not_second, ns), Strings{"policy-not-second:p=reject"});
}

TEST(DmarcRecord, InvalidValuesFallBackToDefaults) {
    const std::string txt =
        "v=DMARC1; p=reject; adkim=x; aspf=relaxed; pct=101; ri=1h; fo=0:2; rf=iodef; t=maybe; psd=q; np=none!";
    const Record r = parse_record(txt);
    EXPECT_TRUE(r.usable());
    EXPECT_EQ(issues(txt, r),
              (Strings{"invalid-value:x", "invalid-value:relaxed", "pct-deprecated:pct=101", "invalid-value:101",
                       "invalid-value:1h", "invalid-value:0:2", "invalid-value:iodef", "invalid-value:maybe",
                       "invalid-value:q", "invalid-value:none!"}));
    EXPECT_EQ(r.adkim, Alignment::relaxed);
    EXPECT_EQ(r.pct, 100);
    EXPECT_EQ(r.ri, 86400u);
    EXPECT_EQ(r.fo, Strings{"0"});
    EXPECT_FALSE(r.testing);
    EXPECT_FALSE(r.nonexistent_policy);
    for (const Issue& i : r.issues) EXPECT_NE(i.level, Level::fatal) << i.code;

    const Record edge = parse_record("v=DMARC1; p=none; pct=0; ri=4294967295");
    EXPECT_EQ(edge.pct, 0);
    EXPECT_EQ(edge.ri, 4294967295u);
    EXPECT_TRUE(parse_record("v=DMARC1; p=none; ri=4294967296").has("invalid-value"));
    EXPECT_TRUE(parse_record("v=DMARC1; p=none; pct=-1").has("invalid-value"));
}

TEST(DmarcRecord, DuplicateTagsKeepTheFirst) {
    const std::string txt = "v=DMARC1; p=reject; P=none; v=DMARC1";
    const Record r = parse_record(txt);
    EXPECT_EQ(r.policy, Policy::reject);
    EXPECT_EQ(issues(txt, r), (Strings{"duplicate-tag:P=none", "duplicate-tag:v=DMARC1"}));
}

TEST(DmarcRecord, ReportUris) {
    const std::string txt =
        "v=DMARC1; p=none; rua=mailto:ok@example.com , http://x.example/r,mailto:bad, mailto:a@b.example!10x,  ,"
        "https://r.example/dmarc!1k, mailto:c@localhost, mailto:d@example.com?subject=dmarc!2G";
    const Record r = parse_record(txt);
    EXPECT_EQ(issues(txt, r), (Strings{"unsupported-uri-scheme:http://x.example/r", "invalid-uri:mailto:bad",
                                       "invalid-uri:mailto:a@b.example!10x", "invalid-uri:,",
                                       "invalid-uri:mailto:c@localhost"}));
    ASSERT_EQ(r.rua.size(), 3u);
    EXPECT_EQ(r.rua[0].uri, "mailto:ok@example.com");
    EXPECT_FALSE(r.rua[0].size_limit);
    EXPECT_EQ(r.rua[1].scheme, "https");
    EXPECT_EQ(r.rua[1].size_limit, 1024u);
    EXPECT_EQ(r.rua[2].size_limit, 2ull << 30);
    // The empty element between "!10x," and ",https" is pointed at by the comma that ends it.
    EXPECT_EQ(r.issues[3].span.begin, txt.find(",https"));

    // A trailing comma: the comma itself.
    const std::string trailing = "v=DMARC1; p=none; rua=mailto:a@example.com,";
    const Record t = parse_record(trailing);
    EXPECT_EQ(issues(trailing, t), Strings{"invalid-uri:,"});
    EXPECT_EQ(t.issues[0].span.begin, trailing.size() - 1);
    EXPECT_EQ(t.rua.size(), 1u);

    const std::string none = "v=DMARC1; p=none; ruf=";
    EXPECT_EQ(issues(none, parse_record(none)), Strings{"invalid-uri:ruf="});
    EXPECT_TRUE(parse_record("v=DMARC1; p=none; rua=mailto:a@example.com!99999999999999999999t").has("invalid-uri"));
}

TEST(DmarcRecord, SeparatorAndCharacterDefects) {
    const std::string empty = "v=DMARC1;; p=none";
    const Record e = parse_record(empty);
    EXPECT_TRUE(e.usable());  // lenient receivers skip it; the grammar does not allow it
    EXPECT_EQ(issues(empty, e), Strings{"empty-tag:;"});
    EXPECT_EQ(e.issues[0].span.begin, 9u);

    const std::string crlf = "v=DMARC1; p=none\r\n; sp=none";
    EXPECT_EQ(issues(crlf, parse_record(crlf)), Strings{"line-break:\r\n"});

    const std::string no_eq = "v=DMARC1; p=none; reject";
    EXPECT_EQ(issues(no_eq, parse_record(no_eq)), Strings{"missing-equals:reject"});

    const std::string names = "v=DMARC1; p=none; x_1=2; 9=3";
    EXPECT_EQ(issues(names, parse_record(names)), (Strings{"invalid-tag-name:x_1", "invalid-tag-name:9"}));

    const std::string unknown = "v=DMARC1; p=none; foo=bar";
    const Record u = parse_record(unknown);
    EXPECT_EQ(issues(unknown, u), Strings{"unknown-tag:foo=bar"});
    EXPECT_EQ(u.issues[0].level, Level::note);

    const std::string eight_bit = "v=DMARC1; p=none; rua=mailto:d\xc3\xa9@example.com";
    const Record b = parse_record(eight_bit);
    ASSERT_NE(find_issue(b, "invalid-character"), nullptr);
    EXPECT_EQ(at(eight_bit, find_issue(b, "invalid-character")->span), "\xc3");
}

TEST(DmarcRecord, WhiteSpaceTheGrammarAllows) {
    // *WSP around '=' and ';', tabs included, and after the final ';'.
    const std::string txt = "v = DMARC1 ;\tp =\treject ; rua = mailto:a@example.com , mailto:b@example.com ;  ";
    const Record r = parse_record(txt);
    EXPECT_TRUE(r.usable());
    EXPECT_TRUE(r.issues.empty()) << issues(txt, r).front();
    EXPECT_EQ(r.policy, Policy::reject);
    ASSERT_EQ(r.rua.size(), 2u);
    EXPECT_EQ(at(txt, r.rua[1].span), "mailto:b@example.com");
    EXPECT_TRUE(starts_as_dmarc(txt));

    // Inside a keyword it is no longer the keyword.
    const std::string inner = "v=DMARC1; p=re ject";
    EXPECT_EQ(issues(inner, parse_record(inner)), Strings{"invalid-policy:re ject"});
}

TEST(DmarcRecord, StartsAsDmarc) {
    EXPECT_TRUE(starts_as_dmarc("v=DMARC1"));
    EXPECT_TRUE(starts_as_dmarc("v=DMARC1; p=none"));
    EXPECT_TRUE(starts_as_dmarc("v = DMARC1;p=none"));
    EXPECT_TRUE(starts_as_dmarc("v=DMARC1 p=none"));  // kept, then reported by the parser
    EXPECT_FALSE(starts_as_dmarc("v=DMARC10; p=none"));
    EXPECT_FALSE(starts_as_dmarc("v=dmarc1; p=none"));
    EXPECT_FALSE(starts_as_dmarc(" v=DMARC1; p=none"));
    EXPECT_FALSE(starts_as_dmarc("v=spf1 -all"));
    EXPECT_FALSE(starts_as_dmarc(""));
}

TEST(DmarcRecord, EnforcingPolicyAndBulkSenderMinimum) {
    EXPECT_TRUE(policy_is_enforcing(parse_record("v=DMARC1; p=reject")));
    EXPECT_TRUE(policy_is_enforcing(parse_record("v=DMARC1; p=quarantine; pct=100; sp=reject")));
    EXPECT_FALSE(policy_is_enforcing(parse_record("v=DMARC1; p=quarantine; pct=50")));
    EXPECT_FALSE(policy_is_enforcing(parse_record("v=DMARC1; p=none")));
    EXPECT_FALSE(policy_is_enforcing(parse_record("v=DMARC1; p=reject; sp=none")));
    EXPECT_FALSE(policy_is_enforcing(parse_record("v=DMARC1; p=reject; t=y")));
    EXPECT_FALSE(policy_is_enforcing(parse_record("p=reject; v=DMARC1")));

    EXPECT_TRUE(publishes_policy(parse_record("v=DMARC1; p=none")));
    EXPECT_TRUE(publishes_policy(parse_record("v=DMARC1; p=reject; pct=10")));
    EXPECT_FALSE(publishes_policy(parse_record("v=DMARC1; rua=mailto:d@example.com")));
    EXPECT_FALSE(publishes_policy(parse_record("v=DMARC1")));
    EXPECT_FALSE(publishes_policy(parse_record("v=DMARC1 p=none")));
}

}  // namespace
}  // namespace inboxlint::dmarc
