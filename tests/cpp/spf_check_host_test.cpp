// spf::check_host over zone fixtures: include and redirect, the lookup
// limits, explanations, and records the caller did not supply.
#include <gtest/gtest.h>

#include "dns/source.hpp"
#include "inboxlint/dns.hpp"
#include "spf/check_host.hpp"

namespace {

using namespace inboxlint;
using spf::Result;

struct Fixture {
    explicit Fixture(std::string_view zone) : records(parse_zone(zone)), source(records, resolver) {}
    spf::Evaluation check(const std::string& ip, const std::string& domain, const std::string& sender = "") const {
        return spf::check_host({ip, domain, sender.empty() ? "user@" + domain : sender, "mx.example.org"}, source);
    }
    DnsRecords records;
    DnsResolver resolver;
    dns::SuppliedSource source;
};

TEST(SpfCheckHost, PassFailAndTheDecidingTerm) {
    const Fixture f(R"zone(
example.com TXT "v=spf1 ip4:192.0.2.0/24 -all exp=why.example.com"
why.example.com TXT "%{i} may not send for %{d} (%{l})"
)zone");
    const spf::Evaluation pass = f.check("192.0.2.9", "example.com");
    EXPECT_EQ(pass.result, Result::pass);
    EXPECT_EQ(pass.record_of_domain.substr(pass.term_offset, pass.term_length), "ip4:192.0.2.0/24");
    EXPECT_EQ(pass.decided_by_domain, "example.com");
    EXPECT_TRUE(pass.explanation.empty());

    const spf::Evaluation fail = f.check("198.51.100.1", "example.com", "joe@example.com");
    EXPECT_EQ(fail.result, Result::fail);
    EXPECT_EQ(fail.record_of_domain.substr(fail.term_offset, fail.term_length), "-all");
    EXPECT_EQ(fail.explanation, "198.51.100.1 may not send for example.com (joe)");
    EXPECT_TRUE(fail.not_supplied.empty());
    EXPECT_EQ(fail.dns_lookups, 0);
}

TEST(SpfCheckHost, ExplanationFailuresLeaveTheFail) {
    const Fixture f(R"zone(
two.example.com TXT "v=spf1 -all exp=two-txt.example.com"
two-txt.example.com TXT "one"
two-txt.example.com TXT "two"
bad.example.com TXT "v=spf1 -all exp=bad-macro.example.com"
bad-macro.example.com TXT "100%{x}"
unknown.example.com TXT "v=spf1 -all exp=nobody-supplied.example.com"
ptr.example.com TXT "v=spf1 -all exp=ptr-exp.example.com"
ptr-exp.example.com TXT "%{p} is not allowed"
1.2.0.192.in-addr.arpa PTR host.ptr.example.com
host.ptr.example.com A 192.0.2.1
)zone");
    EXPECT_EQ(f.check("192.0.2.1", "two.example.com").explanation, "");
    EXPECT_EQ(f.check("192.0.2.1", "bad.example.com").explanation, "");
    const spf::Evaluation unknown = f.check("192.0.2.1", "unknown.example.com");
    EXPECT_EQ(unknown.result, Result::fail);  // the exp= target alone missing: still a fail
    EXPECT_EQ(unknown.not_supplied, std::vector<std::string>{"nobody-supplied.example.com"});
    const spf::Evaluation ptr = f.check("192.0.2.1", "ptr.example.com");
    EXPECT_EQ(ptr.result, Result::fail);
    EXPECT_EQ(ptr.explanation, "host.ptr.example.com is not allowed");  // %{p}: the validated name
}

TEST(SpfCheckHost, IncludeResultsMapPerSection52) {
    const Fixture f(R"zone(
example.com TXT "v=spf1 include:fails.example.net include:passes.example.net -all"
fails.example.net TXT "v=spf1 -all"
passes.example.net TXT "v=spf1 ip4:192.0.2.1"
none.example.com TXT "v=spf1 include:nothing.example.net -all"
nothing.example.net A 192.0.2.1
broken.example.com TXT "v=spf1 include:bad.example.net -all"
bad.example.net TXT "v=spf1 ip4:192.0.2.1 moo"
)zone");
    const spf::Evaluation pass = f.check("192.0.2.1", "example.com");
    EXPECT_EQ(pass.result, Result::pass);
    EXPECT_EQ(pass.record_of_domain.substr(pass.term_offset, pass.term_length), "include:passes.example.net");
    EXPECT_EQ(pass.dns_lookups, 2);
    EXPECT_EQ(f.check("192.0.2.2", "example.com").result, Result::fail);
    EXPECT_EQ(f.check("192.0.2.1", "none.example.com").result, Result::permerror);
    const spf::Evaluation broken = f.check("192.0.2.1", "broken.example.com");
    EXPECT_EQ(broken.result, Result::permerror);
    EXPECT_EQ(broken.decided_by_domain, "bad.example.net");  // where the error is
    EXPECT_EQ(broken.record_of_domain.substr(broken.term_offset, broken.term_length), "moo");
}

TEST(SpfCheckHost, RedirectTakesTheTargetsResultAndExplanation) {
    const Fixture f(R"zone(
example.com TXT "v=spf1 ip4:192.0.2.1 redirect=policy.example.net exp=mine.example.com"
mine.example.com TXT "not this one"
policy.example.net TXT "v=spf1 -all exp=theirs.example.net"
theirs.example.net TXT "theirs"
lost.example.com TXT "v=spf1 redirect=nowhere.example.net"
nowhere.example.net NXDOMAIN
)zone");
    EXPECT_EQ(f.check("192.0.2.1", "example.com").result, Result::pass);
    const spf::Evaluation fail = f.check("192.0.2.2", "example.com");
    EXPECT_EQ(fail.result, Result::fail);
    EXPECT_EQ(fail.explanation, "theirs");
    EXPECT_EQ(fail.decided_by_domain, "policy.example.net");
    EXPECT_EQ(f.check("192.0.2.2", "lost.example.com").result, Result::permerror);
}

TEST(SpfCheckHost, VoidLookupLimit) {
    const Fixture f(R"zone(
two.example.com TXT "v=spf1 a:n1.example.com a:n2.example.com ip4:192.0.2.1 -all"
three.example.com TXT "v=spf1 a:n1.example.com a:n2.example.com mx:n3.example.com ip4:192.0.2.1 -all"
n1.example.com NXDOMAIN
n2.example.com TXT "exists, no A"
n3.example.com NXDOMAIN
)zone");
    const spf::Evaluation two = f.check("192.0.2.1", "two.example.com");
    EXPECT_EQ(two.result, Result::pass);
    EXPECT_EQ(two.void_lookups, 2);
    const spf::Evaluation three = f.check("192.0.2.1", "three.example.com");
    EXPECT_EQ(three.result, Result::permerror);
    EXPECT_EQ(three.void_lookups, 3);
    EXPECT_EQ(three.record_of_domain.substr(three.term_offset, three.term_length), "mx:n3.example.com");
}

TEST(SpfCheckHost, TenDnsTermsAtMost) {
    std::string zone = "example.com TXT \"v=spf1";
    for (int i = 0; i < 11; ++i) zone += " a:h" + std::to_string(i) + ".example.com";
    zone += " -all\"\n";
    for (int i = 0; i < 11; ++i)
        zone += "h" + std::to_string(i) + ".example.com A 198.51.100." + std::to_string(i) + "\n";
    const Fixture f(zone);
    EXPECT_EQ(f.check("198.51.100.9", "example.com").result, Result::pass);  // the 10th term
    const spf::Evaluation over = f.check("198.51.100.10", "example.com");
    EXPECT_EQ(over.result, Result::permerror);
    EXPECT_EQ(over.dns_lookups, 11);
    EXPECT_EQ(over.record_of_domain.substr(over.term_offset, over.term_length), "a:h10.example.com");
}

TEST(SpfCheckHost, IncludeLoopIsBoundedByTheLimit) {
    const Fixture f(R"zone(
a.example.com TXT "v=spf1 include:b.example.com -all"
b.example.com TXT "v=spf1 include:a.example.com -all"
)zone");
    const spf::Evaluation loop = f.check("192.0.2.1", "a.example.com");
    EXPECT_EQ(loop.result, Result::permerror);
    EXPECT_EQ(loop.dns_lookups, 11);
}

TEST(SpfCheckHost, NotSuppliedIsTemperrorNotNxdomain) {
    const Fixture f(R"zone(
example.com TXT "v=spf1 a:unknown.example.net include:missing.example.org -all"
gone.example.com TXT "v=spf1 a:gone.example.net -all"
gone.example.net NXDOMAIN
)zone");
    const spf::Evaluation e = f.check("192.0.2.1", "example.com");
    EXPECT_EQ(e.result, Result::temperror);
    EXPECT_EQ(e.not_supplied, std::vector<std::string>{"unknown.example.net"});
    // Marked nonexistent: a void lookup, the evaluation goes on to -all.
    const spf::Evaluation gone = f.check("192.0.2.1", "gone.example.com");
    EXPECT_EQ(gone.result, Result::fail);
    EXPECT_EQ(gone.void_lookups, 1);
    const spf::Evaluation unknown = f.check("192.0.2.1", "elsewhere.example.com");
    EXPECT_EQ(unknown.result, Result::temperror);
    EXPECT_EQ(unknown.not_supplied, std::vector<std::string>{"elsewhere.example.com"});
}

TEST(SpfCheckHost, NotSuppliedBehindPtrStillMakesTemperror) {
    const Fixture f(R"zone(
example.com TXT "v=spf1 ptr -all"
)zone");
    const spf::Evaluation e = f.check("192.0.2.1", "example.com");
    EXPECT_EQ(e.result, Result::temperror);
    EXPECT_EQ(e.not_supplied, std::vector<std::string>{"1.2.0.192.in-addr.arpa"});
}

TEST(SpfCheckHost, RecordSelection) {
    const Fixture f(R"zone(
two.example.com TXT "v=spf1 -all"
two.example.com TXT "v=spf1 +all"
other.example.com TXT "google-site-verification=x"
down.example.com SERVFAIL
nx.example.com NXDOMAIN
)zone");
    EXPECT_EQ(f.check("192.0.2.1", "two.example.com").result, Result::permerror);
    EXPECT_EQ(f.check("192.0.2.1", "other.example.com").result, Result::none);
    EXPECT_EQ(f.check("192.0.2.1", "down.example.com").result, Result::temperror);
    EXPECT_EQ(f.check("192.0.2.1", "nx.example.com").result, Result::none);
    EXPECT_EQ(f.check("192.0.2.1", "a..example.com").result, Result::none);
    EXPECT_EQ(f.check("192.0.2.1", "localhost").result, Result::none);
    EXPECT_EQ(f.check("no-ip", "two.example.com").result, Result::none);
}

TEST(SpfCheckHost, MxAndPtrAndExists) {
    std::string zone = R"zone(
mx.example.com TXT "v=spf1 mx -all"
mx.example.com MX 10 mail.example.com
mail.example.com A 192.0.2.10
many.example.com TXT "v=spf1 mx -all"
ptr.example.com TXT "v=spf1 ptr:example.com -all"
10.2.0.192.in-addr.arpa PTR mail.example.com
implicit.example.com TXT "v=spf1 ptr -all"
11.2.0.192.in-addr.arpa PTR liar.example.com
liar.example.com A 192.0.2.99
exists.example.com TXT "v=spf1 exists:%{i}.allow.example.com -all"
192.0.2.10.allow.example.com A 127.0.0.2
)zone";
    for (int i = 0; i < 11; ++i)
        zone += "many.example.com MX " + std::to_string(i) + " m" + std::to_string(i) + ".example.com\n";
    const Fixture f(zone);
    EXPECT_EQ(f.check("192.0.2.10", "mx.example.com").result, Result::pass);
    EXPECT_EQ(f.check("192.0.2.10", "many.example.com").result, Result::permerror);
    EXPECT_EQ(f.check("192.0.2.10", "ptr.example.com").result, Result::pass);
    // mail.example.com is no name within implicit.example.com.
    EXPECT_EQ(f.check("192.0.2.10", "implicit.example.com").result, Result::fail);
    const spf::Evaluation liar = f.check("192.0.2.11", "ptr.example.com");  // the name does not validate
    EXPECT_EQ(liar.result, Result::fail) << liar.reason;
    EXPECT_EQ(f.check("192.0.2.10", "exists.example.com").result, Result::pass);
    EXPECT_EQ(f.check("::ffff:192.0.2.10", "mx.example.com").result, Result::pass);  // IPv4-mapped
}

}  // namespace
