// External report destinations (RFC 7489 section 7.1): reports leave the
// policy domain's organisation only for destinations that publish
// "<policy domain>._report._dmarc.<destination>".
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dmarc/destinations.hpp"
#include "dns/source.hpp"
#include "inboxlint/dns.hpp"

namespace inboxlint::dmarc {
namespace {

struct Checked {
    Discovery discovery;
    std::vector<Destination> destinations;
};

Checked check(const std::string& zone, const std::string& from) {
    const DnsRecords records = parse_zone(zone, "test");
    const DnsResolver none;
    const dns::SuppliedSource source(records, none);
    Checked c{discover(source, from), {}};
    c.destinations = check_report_destinations(source, c.discovery);
    return c;
}

std::vector<std::string> statuses(const Checked& c) {
    std::vector<std::string> out;
    for (const Destination& d : c.destinations)
        out.push_back(d.tag + " " + d.domain + " " + std::string(to_string(d.status)));
    return out;
}

TEST(DmarcDestinations, EachUriClassified) {
    const Checked c = check(
        "_dmarc.example.com. TXT \"v=DMARC1; p=reject; rua=mailto:d@example.com,mailto:r@Reports.Vendor.example,"
        "https://collector.esp.example/dmarc!10m,mailto:x@nobody.example; ruf=mailto:f@mail.example.com,"
        "mailto:f@flaky.example,mailto:f@unlisted.example\"\n"
        "example.com._report._dmarc.reports.vendor.example. TXT \"v=DMARC1\"\n"
        "*._report._dmarc.collector.esp.example. TXT \"v=DMARC1;\"\n"
        "example.com._report._dmarc.nobody.example. TXT \"some other text\"\n"
        "example.com._report._dmarc.flaky.example. SERVFAIL\n",
        "example.com");
    EXPECT_EQ(statuses(c), (std::vector<std::string>{
                               "rua example.com same organization",
                               "rua reports.vendor.example authorized",
                               "rua collector.esp.example authorized",  // through the wildcard
                               "rua nobody.example not authorized",
                               "ruf mail.example.com same organization",
                               "ruf flaky.example lookup failed",
                               "ruf unlisted.example not supplied",
                           }));
    ASSERT_EQ(c.destinations.size(), 7u);
    EXPECT_EQ(c.destinations[1].query_name, "example.com._report._dmarc.reports.vendor.example");
    EXPECT_TRUE(c.destinations[0].query_name.empty());
    EXPECT_EQ(c.discovery.record_text.substr(c.destinations[2].span.begin, c.destinations[2].span.size()),
              "https://collector.esp.example/dmarc!10m");
}

TEST(DmarcDestinations, PolicyDomainIsWhereTheRecordWasFound) {
    // The record came from the organisational domain: the authorisation
    // names example.com, not the From domain.
    const Checked c = check(
        "_dmarc.mail.example.com. NXDOMAIN\n"
        "_dmarc.example.com. TXT \"v=DMARC1; p=none; rua=mailto:d@vendor.example\"\n"
        "mail.example.com._report._dmarc.vendor.example. TXT \"v=DMARC1\"\n"
        "example.com._report._dmarc.vendor.example. NXDOMAIN\n",
        "mail.example.com");
    EXPECT_EQ(statuses(c), std::vector<std::string>{"rua vendor.example not authorized"});
}

TEST(DmarcDestinations, NothingWithoutARecord) {
    EXPECT_TRUE(check("_dmarc.example.com. NXDOMAIN\n", "example.com").destinations.empty());
}

}  // namespace
}  // namespace inboxlint::dmarc
