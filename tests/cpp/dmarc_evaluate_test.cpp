// DMARC evaluation (RFC 7489 sections 3.1 and 6.6.2): relaxed and strict
// identifier alignment for SPF and DKIM, the policy that applies to a
// subdomain (sp=, DMARCbis np=), pct= sampling, and the verdicts that need
// no alignment at all (no record, failing lookups, broken records).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "dmarc/evaluate.hpp"
#include "dns/source.hpp"
#include "inboxlint/dns.hpp"

namespace inboxlint::dmarc {
namespace {

struct Fixture {
    explicit Fixture(const std::string& zone) : records(parse_zone(zone, "test")), source(records, resolver) {}
    Evaluation eval(const std::string& from, std::optional<SpfResult> spf, std::vector<DkimResult> dkim = {}) const {
        return evaluate(Inputs{from, std::move(spf), std::move(dkim)}, discover(source, from));
    }
    DnsRecords records;
    DnsResolver resolver;
    dns::SuppliedSource source;
};

const std::string example_com = "_dmarc.example.com. TXT \"v=DMARC1; p=reject\"\n";
const std::string example_com_strict = "_dmarc.example.com. TXT \"v=DMARC1; p=reject; aspf=s; adkim=s\"\n";

TEST(DmarcEvaluate, SpfRelaxedAndStrictAlignment) {
    const Fixture relaxed(example_com);
    const Evaluation r = relaxed.eval("example.com", SpfResult{"bounce.example.com", true});
    EXPECT_EQ(r.verdict, Verdict::pass);
    EXPECT_TRUE(r.spf_aligned);
    EXPECT_TRUE(r.spf_aligned_pass);
    EXPECT_FALSE(r.dkim_aligned);
    EXPECT_EQ(r.aspf, Alignment::relaxed);
    EXPECT_NE(r.reason.find("SPF"), std::string::npos);

    const Fixture strict(example_com_strict);
    const Evaluation s = strict.eval("example.com", SpfResult{"bounce.example.com", true});
    EXPECT_EQ(s.verdict, Verdict::fail);
    EXPECT_FALSE(s.spf_aligned);
    EXPECT_EQ(s.aspf, Alignment::strict);
    EXPECT_NE(s.reason.find("unaligned bounce.example.com"), std::string::npos);
    EXPECT_EQ(strict.eval("example.com", SpfResult{"EXAMPLE.com.", true}).verdict, Verdict::pass);

    // Aligned but failing SPF does not count.
    const Evaluation f = relaxed.eval("example.com", SpfResult{"example.com", false});
    EXPECT_EQ(f.verdict, Verdict::fail);
    EXPECT_TRUE(f.spf_aligned);
    EXPECT_FALSE(f.spf_aligned_pass);
}

TEST(DmarcEvaluate, DkimRelaxedAndStrictAlignment) {
    const Fixture relaxed(example_com);
    const Evaluation r = relaxed.eval("example.com", std::nullopt,
                                      {{"esp.example.net", true}, {"mail.example.com", true}});
    EXPECT_EQ(r.verdict, Verdict::pass);
    EXPECT_TRUE(r.dkim_aligned_pass);
    EXPECT_EQ(r.aligned_dkim_domain, "mail.example.com");

    const Fixture strict(example_com_strict);
    EXPECT_EQ(strict.eval("example.com", std::nullopt, {{"mail.example.com", true}}).verdict, Verdict::fail);
    const Evaluation s = strict.eval("example.com", std::nullopt, {{"mail.example.com", true}, {"example.com", true}});
    EXPECT_EQ(s.verdict, Verdict::pass);
    EXPECT_EQ(s.aligned_dkim_domain, "example.com");

    // An aligned signature that did not verify, and a verified unaligned one.
    const Evaluation f = relaxed.eval("example.com", std::nullopt, {{"example.com", false}, {"esp.example.net", true}});
    EXPECT_EQ(f.verdict, Verdict::fail);
    EXPECT_TRUE(f.dkim_aligned);
    EXPECT_FALSE(f.dkim_aligned_pass);
    EXPECT_NE(f.reason.find("did not verify"), std::string::npos);
    EXPECT_NE(f.reason.find("SPF result is not known"), std::string::npos);
}

TEST(DmarcEvaluate, RelaxedAlignmentUsesThePublicSuffixList) {
    const Fixture f(
        "_dmarc.news.example.co.uk. NXDOMAIN\n"
        "_dmarc.example.co.uk. TXT \"v=DMARC1; p=quarantine\"\n");
    EXPECT_EQ(f.eval("news.example.co.uk", std::nullopt, {{"example.co.uk", true}}).verdict, Verdict::pass);
    // Sharing only the public suffix co.uk is no alignment.
    EXPECT_EQ(f.eval("news.example.co.uk", SpfResult{"other.co.uk", true}, {{"other.co.uk", true}}).verdict,
              Verdict::fail);
}

TEST(DmarcEvaluate, NeitherAlignedFails) {
    const Fixture f(example_com);
    const Evaluation e =
        f.eval("example.com", SpfResult{"esp.example.net", true}, {{"esp.example.net", true}});
    EXPECT_EQ(e.verdict, Verdict::fail);
    EXPECT_FALSE(e.spf_aligned);
    EXPECT_FALSE(e.dkim_aligned);
    EXPECT_EQ(e.policy, Policy::reject);
    EXPECT_EQ(e.policy_source, PolicySource::p);
    EXPECT_EQ(f.eval("example.com", std::nullopt).verdict, Verdict::fail);
}

TEST(DmarcEvaluate, SubdomainPolicies) {
    const std::string org =
        "_dmarc.example.com. TXT \"v=DMARC1; p=reject; sp=quarantine; np=none\"\n"
        "_dmarc.mail.example.com. NXDOMAIN\n"
        "mail.example.com. MX 10 mx.example.com.\n"
        "_dmarc.ghost.example.com. NXDOMAIN\n"
        "ghost.example.com. NXDOMAIN\n";
    const Fixture f(org);
    const Evaluation sub = f.eval("mail.example.com", std::nullopt);
    EXPECT_EQ(sub.verdict, Verdict::fail);
    EXPECT_EQ(sub.policy, Policy::quarantine);
    EXPECT_EQ(sub.policy_source, PolicySource::sp);

    const Evaluation ghost = f.eval("ghost.example.com", std::nullopt);
    EXPECT_EQ(ghost.policy, Policy::none);
    EXPECT_EQ(ghost.policy_source, PolicySource::np);

    // The organisational domain's own mail gets p=, not sp=.
    EXPECT_EQ(f.eval("example.com", std::nullopt).policy, Policy::reject);

    // Without sp= a subdomain inherits p=.
    const Fixture plain("_dmarc.example.com. TXT \"v=DMARC1; p=quarantine\"\n_dmarc.mail.example.com. NXDOMAIN\n");
    const Evaluation inherit = plain.eval("mail.example.com", std::nullopt);
    EXPECT_EQ(inherit.policy, Policy::quarantine);
    EXPECT_EQ(inherit.policy_source, PolicySource::p);

    // A subdomain with a record of its own: its p=, whatever the parent's sp= says.
    const Fixture own(org + "_dmarc.shop.example.com. TXT \"v=DMARC1; p=none; sp=reject\"\n");
    const Evaluation o = own.eval("shop.example.com", std::nullopt);
    EXPECT_EQ(o.policy, Policy::none);
    EXPECT_EQ(o.policy_source, PolicySource::p);
}

TEST(DmarcEvaluate, PctAndTestMode) {
    const Fixture f("_dmarc.example.com. TXT \"v=DMARC1; p=reject; pct=25\"\n");
    const Evaluation e = f.eval("example.com", std::nullopt);
    EXPECT_EQ(e.pct, 25);
    EXPECT_EQ(e.sampled_out_policy, Policy::quarantine);
    EXPECT_EQ(e.verdict, Verdict::fail);  // pct= changes the disposition, not the verdict

    const Fixture q("_dmarc.example.com. TXT \"v=DMARC1; p=quarantine; pct=0; t=y\"\n");
    const Evaluation eq = q.eval("example.com", std::nullopt);
    EXPECT_EQ(eq.pct, 0);
    EXPECT_EQ(eq.sampled_out_policy, Policy::none);
    EXPECT_TRUE(eq.testing);

    const Fixture full(example_com);
    EXPECT_EQ(full.eval("example.com", std::nullopt).sampled_out_policy, std::nullopt);
    EXPECT_EQ(full.eval("example.com", std::nullopt).pct, 100);
}

TEST(DmarcEvaluate, VerdictsWithoutAUsablePolicy) {
    const Fixture f(
        "_dmarc.none.example. NXDOMAIN\n"
        "_dmarc.fail.example. SERVFAIL\n"
        "_dmarc.broken.example. TXT \"v=DMARC1; p=always\"\n"
        "_dmarc.two.example. TXT \"v=DMARC1; p=none\"\n"
        "_dmarc.two.example. TXT \"v=DMARC1; p=reject\"\n"
        "_dmarc.rua.example. TXT \"v=DMARC1; rua=mailto:d@rua.example\"\n");
    const SpfResult spf{"x.example", true};
    EXPECT_EQ(f.eval("none.example", spf).verdict, Verdict::none);
    EXPECT_EQ(f.eval("fail.example", spf).verdict, Verdict::temperror);
    EXPECT_EQ(f.eval("broken.example", spf).verdict, Verdict::permerror);
    EXPECT_EQ(f.eval("two.example", spf).verdict, Verdict::none);
    const Evaluation unknown = f.eval("unlisted.example", spf);
    EXPECT_EQ(unknown.verdict, Verdict::unknown);
    EXPECT_NE(unknown.reason.find("_dmarc.unlisted.example"), std::string::npos);

    const Evaluation rua = f.eval("rua.example", std::nullopt, {{"rua.example", true}});
    EXPECT_EQ(rua.verdict, Verdict::pass);
    EXPECT_EQ(rua.policy, Policy::none);
    EXPECT_EQ(rua.policy_source, PolicySource::rua_fallback);

    // A discovery for another domain is not silently applied.
    const Discovery other = discover(f.source, "two.example");
    EXPECT_EQ(evaluate(Inputs{"none.example", spf, {}}, other).verdict, Verdict::permerror);
    EXPECT_EQ(evaluate(Inputs{"", spf, {}}, discover(f.source, "")).verdict, Verdict::permerror);
}

TEST(DmarcEvaluate, AssumptionsAreInTheReason) {
    const Fixture f("_dmarc.example.org. TXT \"v=DMARC1; p=reject\"\n");
    const Evaluation e = f.eval("mail.example.org", std::nullopt, {{"example.org", true}});
    EXPECT_EQ(e.verdict, Verdict::pass);
    EXPECT_NE(e.reason.find("not supplied"), std::string::npos);
}

}  // namespace
}  // namespace inboxlint::dmarc
