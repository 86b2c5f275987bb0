// DNS records the caller supplies: zone-file syntax, how lookups answer
// (CNAME, NODATA, NXDOMAIN versus not supplied), errors that name the line,
// the resolver fallback and envelope validation.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "dns/source.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/dns.hpp"

namespace inboxlint {
namespace {

std::vector<std::string> txt(const DnsRecords& records, std::string_view name) {
    const DnsAnswer answer = records.lookup(name, "TXT");
    EXPECT_EQ(answer.status, DnsStatus::answer) << name;
    return answer.values;
}

std::string config_error(std::string_view zone) {
    try {
        (void)parse_zone(zone, "fixture.zone");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

TEST(DnsZone, JoinsTheStringsOfATxtRecordWithoutSeparator) {
    const DnsRecords records = parse_zone(R"(example.com. 300 IN TXT "v=spf1 " "ip4:192.0.2.0/24" " -all")");
    EXPECT_EQ(txt(records, "example.com"), std::vector<std::string>{"v=spf1 ip4:192.0.2.0/24 -all"});
}

TEST(DnsZone, ResolvesOriginRelativeNamesAtSignAndARepeatedOwner) {
    const DnsRecords records = parse_zone(
        "$ORIGIN Example.COM.\n"
        "$TTL 3600\n"
        "@        TXT \"v=spf1 mx -all\"\n"
        "         MX  10 mail\n"
        "mail     A   192.0.2.25\n"
        "         AAAA 2001:db8::25\n"
        "_dmarc   TXT \"v=DMARC1; p=reject\"\n"
        "other.net. CNAME mail\n");
    EXPECT_EQ(txt(records, "example.com"), std::vector<std::string>{"v=spf1 mx -all"});
    EXPECT_EQ(records.lookup("example.com", "MX").values, std::vector<std::string>{"10 mail.example.com"});
    EXPECT_EQ(records.lookup("MAIL.example.com.", "A").values, std::vector<std::string>{"192.0.2.25"});
    EXPECT_EQ(records.lookup("mail.example.com", "AAAA").values, std::vector<std::string>{"2001:db8::25"});
    EXPECT_EQ(txt(records, "_dmarc.example.com"), std::vector<std::string>{"v=DMARC1; p=reject"});
    EXPECT_EQ(records.lookup("other.net", "A").values, std::vector<std::string>{"192.0.2.25"});
}

TEST(DnsZone, ParenthesesSpanLinesAndCommentsAreDropped) {
    const DnsRecords records = parse_zone(
        "; a comment line\n"
        "sel._domainkey.example.com. IN TXT ( \"v=DKIM1; k=rsa; \" ; first half\n"
        "                                     \"p=MIGf\" )  ; second half\n"
        "example.org. TXT v=spf1 -all ; unquoted, up to the comment\n");
    EXPECT_EQ(txt(records, "sel._domainkey.example.com"), std::vector<std::string>{"v=DKIM1; k=rsa; p=MIGf"});
    EXPECT_EQ(txt(records, "example.org"), std::vector<std::string>{"v=spf1 -all"});
}

TEST(DnsZone, KeepsEveryRecordOfANameInOrder) {
    const DnsRecords records = parse_zone("a.example. TXT \"one\"\na.example. TXT \"two\"\n");
    EXPECT_EQ(txt(records, "a.example"), (std::vector<std::string>{"one", "two"}));
    EXPECT_EQ(records.size(), 2u);
}

TEST(DnsZone, ReadsTheDkimKeyFileFormAsTxtRecords) {
    const DnsRecords records = parse_zone("s1._domainkey.example.com v=DKIM1; k=ed25519; p=abc=\n");
    EXPECT_EQ(txt(records, "s1._domainkey.example.com"), std::vector<std::string>{"v=DKIM1; k=ed25519; p=abc="});
}

TEST(DnsZone, TellsNonexistentAndFailingNamesFromNamesNotSupplied) {
    const DnsRecords records = parse_zone(
        "gone.example. NXDOMAIN\n"
        "slow.example. SERVFAIL\n"
        "here.example. A 192.0.2.1\n");
    EXPECT_EQ(records.lookup("gone.example", "TXT").status, DnsStatus::nxdomain);
    EXPECT_EQ(records.lookup("slow.example", "A").status, DnsStatus::servfail);
    EXPECT_EQ(records.lookup("elsewhere.example", "TXT").status, DnsStatus::not_supplied);
    const DnsAnswer nodata = records.lookup("here.example", "TXT");
    EXPECT_EQ(nodata.status, DnsStatus::answer);  // the name exists without TXT records
    EXPECT_TRUE(nodata.values.empty());
}

TEST(DnsZone, StopsFollowingACnameLoop) {
    const DnsRecords records = parse_zone("a.example. CNAME b.example.\nb.example. CNAME a.example.\n");
    const DnsAnswer answer = records.lookup("a.example", "TXT");
    EXPECT_EQ(answer.status, DnsStatus::answer);
    EXPECT_TRUE(answer.values.empty());
    EXPECT_EQ(records.lookup("a.example", "CNAME").values, std::vector<std::string>{"b.example"});
}

TEST(DnsZone, ErrorsNameTheSourceTheLineAndTheReason) {
    EXPECT_EQ(config_error("ok.example. TXT \"x\"\nbad.example. A 300.1.2.3\n"),
              "fixture.zone, line 2: bad.example: '300.1.2.3' is no IPv4 address");
    EXPECT_EQ(config_error("x.example. SRV 1 2 3 host.\n"), "fixture.zone, line 1: unknown record type 'SRV'");
    EXPECT_EQ(config_error("x.example. TXT ( \"open\"\n"), "fixture.zone, line 1: '(' without ')'");
    EXPECT_EQ(config_error("@ TXT \"x\"\n"), "fixture.zone, line 1: '@' without $ORIGIN");
    EXPECT_EQ(config_error("$ORIGIN example.com\n"), "fixture.zone, line 1: $ORIGIN needs an absolute name (ending in '.')");
    EXPECT_EQ(config_error("x.example. MX mail.example.\n"), "fixture.zone, line 1: x.example: MX data is \"PREFERENCE EXCHANGE\"");
    EXPECT_EQ(config_error("x.example. NXDOMAIN extra\n"), "fixture.zone, line 1: x.example: NXDOMAIN takes no data");
    EXPECT_NE(config_error("x.example. TXT \"unterminated\n"), "");
    EXPECT_NE(config_error("bad..name. TXT \"x\"\n"), "");
}

TEST(DnsZone, RecordsCompareByContent) {
    EXPECT_EQ(parse_zone("a.example. TXT \"x\"\n"), parse_zone("A.EXAMPLE TXT x\n"));
    EXPECT_NE(parse_zone("a.example. TXT \"x\"\n"), parse_zone("a.example. TXT \"y\"\n"));
    EXPECT_TRUE(DnsRecords().empty());
}

TEST(DnsSource, AsksTheResolverOnlyForWhatTheRecordsDoNotSupply) {
    const DnsRecords records = parse_zone("known.example. TXT \"from records\"\ngone.example. NXDOMAIN\n");
    std::vector<std::string> asked;
    const DnsResolver resolver = [&](const std::string& name, const std::string& type) {
        asked.push_back(name + "/" + type);
        return DnsAnswer{DnsStatus::answer, {"from resolver"}};
    };
    const dns::SuppliedSource source(records, resolver);
    EXPECT_EQ(source.lookup("known.example", "TXT").values, std::vector<std::string>{"from records"});
    EXPECT_EQ(source.lookup("gone.example", "TXT").status, DnsStatus::nxdomain);
    EXPECT_EQ(source.lookup("Asked.Example.", "TXT").values, std::vector<std::string>{"from resolver"});
    EXPECT_EQ(asked, std::vector<std::string>{"asked.example/TXT"});
    EXPECT_TRUE(source.anything_supplied());
}

TEST(DnsSource, AResolverThatThrowsIsAFailedLookup) {
    const DnsRecords records;
    const DnsResolver resolver = [](const std::string&, const std::string&) -> DnsAnswer {
        throw std::runtime_error("timeout");
    };
    const dns::SuppliedSource source(records, resolver);
    EXPECT_EQ(source.lookup("x.example", "A").status, DnsStatus::servfail);
    const DnsResolver none;
    EXPECT_FALSE(dns::SuppliedSource(records, none).anything_supplied());
}

TEST(DnsEnvelope, AcceptsAddressesNamesLiteralsAndTheNullPath) {
    EXPECT_NO_THROW(validate_envelope({"192.0.2.1", "mail.example.com", std::string("bounce@example.com")}));
    EXPECT_NO_THROW(validate_envelope({"2001:db8::1", "[IPv6:2001:db8::1]", std::string("")}));
    EXPECT_NO_THROW(validate_envelope({"", "[192.0.2.1]", std::nullopt}));
    EXPECT_NO_THROW(validate_envelope({}));
}

TEST(DnsEnvelope, RejectsWhatIsNoAddressOrName) {
    EXPECT_THROW(validate_envelope({"192.0.2", "", std::nullopt}), ConfigError);
    EXPECT_THROW(validate_envelope({"", "bad name", std::nullopt}), ConfigError);
    EXPECT_THROW(validate_envelope({"", "[300.0.0.1]", std::nullopt}), ConfigError);
    EXPECT_THROW(validate_envelope({"", "", std::string("no-at-sign")}), ConfigError);
    EXPECT_THROW(validate_envelope({"", "", std::string("a@b@")}), ConfigError);
}

}  // namespace
}  // namespace inboxlint
