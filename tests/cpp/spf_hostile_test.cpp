// Hostile SPF records end within RFC 7208's limits whatever they hold: a
// TXT value of 10,000 strings, deep redirect chains, include loops, macro
// expansions that would grow without bound, a thousand MX names. Each test
// asserts the result and that the lookups stayed within the limits (the
// work is bounded by them, so it is linear in the records read).
#include <gtest/gtest.h>

#include <string>

#include "dns/source.hpp"
#include "inboxlint/dns.hpp"
#include "spf/check_host.hpp"
#include "spf/defects.hpp"

namespace {

using namespace inboxlint;
using spf::Result;

// Counts every lookup the evaluation makes.
class CountingSource final : public dns::Source {
public:
    explicit CountingSource(const DnsRecords& records) : records_(records) {}
    DnsAnswer lookup(std::string_view name, std::string_view type) const override {
        ++lookups;
        DnsAnswer answer = records_.lookup(name, type);
        if (answer.status == DnsStatus::not_supplied) answer.status = DnsStatus::nxdomain;
        return answer;
    }
    mutable int lookups = 0;

private:
    const DnsRecords& records_;
};

spf::Evaluation check(const DnsRecords& records, CountingSource& source, const std::string& domain) {
    return spf::check_host({"192.0.2.1", domain, "user@" + domain, "mx.example.org"}, source);
}

TEST(SpfHostile, TenThousandStringsInOneRecord) {
    DnsRecords records;
    std::string value = "v=spf1";
    for (int i = 0; i < 10000; ++i) value += " ip4:198.51." + std::to_string(i % 256) + "." + std::to_string(i / 256);
    records.add("big.example", "TXT", value + " -all");
    CountingSource source(records);
    const auto e = check(records, source, "big.example");
    EXPECT_EQ(e.result, Result::fail);
    EXPECT_EQ(e.dns_lookups, 0);
    EXPECT_EQ(source.lookups, 1);
}

TEST(SpfHostile, DeepRedirectChainStopsAtTheLookupLimit) {
    DnsRecords records;
    for (int i = 0; i < 500; ++i)
        records.add("r" + std::to_string(i) + ".example", "TXT", "v=spf1 redirect=r" + std::to_string(i + 1) + ".example");
    CountingSource source(records);
    const auto e = check(records, source, "r0.example");
    EXPECT_EQ(e.result, Result::permerror);
    EXPECT_LE(e.dns_lookups, 11);
    EXPECT_LE(source.lookups, 12);
}

TEST(SpfHostile, IncludeLoopAndSelfRedirect) {
    DnsRecords records;
    records.add("a.example", "TXT", "v=spf1 include:b.example -all");
    records.add("b.example", "TXT", "v=spf1 include:a.example -all");
    records.add("self.example", "TXT", "v=spf1 redirect=self.example");
    CountingSource loop(records);
    EXPECT_EQ(check(records, loop, "a.example").result, Result::permerror);
    EXPECT_LE(loop.lookups, 12);
    CountingSource self(records);
    EXPECT_EQ(check(records, self, "self.example").result, Result::permerror);
    EXPECT_LE(self.lookups, 12);
    EXPECT_FALSE(spf::record_defects("a.example", loop).empty());  // the loop is a defect, found once
}

TEST(SpfHostile, MacroExpansionIsCutTo253Octets) {
    DnsRecords records;
    std::string spec;
    for (int i = 0; i < 200; ++i) spec += "%{d}.";
    records.add("m.example", "TXT", "v=spf1 exists:" + spec + "m.example -all");
    CountingSource source(records);
    const auto e = check(records, source, "m.example");
    EXPECT_EQ(e.result, Result::fail);  // the expanded name exists nowhere
    EXPECT_LE(source.lookups, 3);
}

TEST(SpfHostile, AThousandMxNamesArePermerrorWithoutLookingThemUp) {
    DnsRecords records;
    records.add("mx.example", "TXT", "v=spf1 mx -all");
    for (int i = 0; i < 1000; ++i) records.add("mx.example", "MX", "10 mx" + std::to_string(i) + ".example");
    CountingSource source(records);
    const auto e = check(records, source, "mx.example");
    EXPECT_EQ(e.result, Result::permerror);
    EXPECT_LE(source.lookups, 3);
}

TEST(SpfHostile, VoidLookupsStopAtTheThird) {
    DnsRecords records;
    std::string value = "v=spf1";
    for (int i = 0; i < 9; ++i) value += " a:void" + std::to_string(i) + ".example";
    records.add("v.example", "TXT", value + " -all");
    CountingSource source(records);
    const auto e = check(records, source, "v.example");
    EXPECT_EQ(e.result, Result::permerror);
    EXPECT_EQ(e.void_lookups, 3);
    EXPECT_LE(source.lookups, 5);
}

}  // namespace
