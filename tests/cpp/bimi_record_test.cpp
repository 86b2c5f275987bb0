// BIMI: the BIMI-Selector field, assertion records and their discovery.
#include <gtest/gtest.h>

#include "bimi/discovery.hpp"
#include "bimi/record.hpp"
#include "inboxlint/dns.hpp"

namespace inboxlint::bimi {
namespace {

std::vector<std::string> codes(const std::vector<Issue>& issues) {
    std::vector<std::string> out;
    for (const Issue& i : issues) out.emplace_back(i.code);
    return out;
}

TEST(BimiRecord, ReadsTheLogoAndTheMarkCertificate) {
    const Record r = parse_record("v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem");
    EXPECT_TRUE(r.version_ok);
    EXPECT_EQ(r.location, "https://example.com/logo.svg");
    EXPECT_EQ(r.authority, "https://example.com/vmc.pem");
    EXPECT_TRUE(r.issues.empty()) << codes(r.issues).front();
    EXPECT_FALSE(r.declines());
}

TEST(BimiRecord, EmptyLocationAndAuthorityDecline) {
    const Record r = parse_record("v=BIMI1; l=; a=;");
    EXPECT_TRUE(r.issues.empty());
    EXPECT_TRUE(r.declines());
}

TEST(BimiRecord, PointsAtTheOffendingBytes) {
    const std::string text = "v=BIMI1; l=http://example.com/logo.png; a=ftp://x.example/vmc.pem";
    const Record r = parse_record(text);
    ASSERT_EQ(codes(r.issues), (std::vector<std::string>{"location-not-https", "authority-not-https"}));
    EXPECT_EQ(text.substr(r.issues[0].span.begin, r.issues[0].span.size()), "http://example.com/logo.png");
    EXPECT_EQ(text.substr(r.issues[1].span.begin, r.issues[1].span.size()), "ftp://x.example/vmc.pem");
    EXPECT_EQ(codes(parse_record("v=BIMI1; l=https://example.com/logo.png").issues),
              std::vector<std::string>{"location-not-svg"});
}

TEST(BimiRecord, VersionFirstAndExactAndALocationTag) {
    EXPECT_EQ(codes(parse_record("l=https://e.example/a.svg; v=BIMI1").issues),
              std::vector<std::string>{"invalid-version"});
    EXPECT_EQ(codes(parse_record("v=BIMI2; l=").issues), std::vector<std::string>{"invalid-version"});
    EXPECT_EQ(codes(parse_record("v=BIMI1; a=").issues), std::vector<std::string>{"missing-location"});
    EXPECT_TRUE(is_bimi_record("v=BIMI1; l="));
    EXPECT_TRUE(is_bimi_record(" V = bimi1;"));
    EXPECT_FALSE(is_bimi_record("v=spf1 -all"));
}

TEST(BimiSelector, ReadsTheSelectorWithItsPositionInTheMessage) {
    const Selector s = parse_selector(" v=BIMI1; s=Brand2024;", 100);
    EXPECT_TRUE(s.issues.empty());
    EXPECT_EQ(s.selector, "brand2024");
    const Selector bad = parse_selector(" v=BIMI1; s=bad..name", 100);
    ASSERT_EQ(codes(bad.issues), std::vector<std::string>{"invalid-selector"});
    EXPECT_EQ(bad.issues[0].span.begin, 100u + 12u);
    EXPECT_EQ(bad.selector, "default");
    EXPECT_EQ(codes(parse_selector("v=BIMI1", 0).issues), std::vector<std::string>{"missing-selector"});
}

TEST(BimiDiscovery, FallsBackToTheOrganisationalDomain) {
    const DnsRecords records = parse_zone(
        "default._bimi.example.co.uk. TXT \"v=BIMI1; l=https://example.co.uk/l.svg\"\n"
        "default._bimi.mail.example.co.uk. NXDOMAIN\n");
    const DnsResolver none;
    const dns::SuppliedSource source(records, none);
    const Discovery d = discover(source, "default", "mail.example.co.uk");
    EXPECT_EQ(d.status, Status::found);
    EXPECT_EQ(d.record_name, "default._bimi.example.co.uk");
    ASSERT_TRUE(d.record);
    EXPECT_EQ(d.record->location, "https://example.co.uk/l.svg");
}

TEST(BimiDiscovery, NotSuppliedIsNotNoRecord) {
    const DnsRecords records = parse_zone("default._bimi.example.com. NXDOMAIN\nother._bimi.example.com. SERVFAIL\n");
    const DnsResolver none;
    const dns::SuppliedSource source(records, none);
    EXPECT_EQ(discover(source, "default", "example.com").status, Status::no_record);
    EXPECT_EQ(discover(source, "other", "example.com").status, Status::lookup_failed);
    const Discovery unknown = discover(source, "default", "example.net");
    EXPECT_EQ(unknown.status, Status::not_supplied);
    EXPECT_EQ(unknown.not_supplied, std::vector<std::string>{"default._bimi.example.net"});
}

}  // namespace
}  // namespace inboxlint::bimi
