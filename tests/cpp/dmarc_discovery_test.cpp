// DMARC policy discovery (RFC 7489 section 6.6.3) over zone fixtures: the
// From domain's record, the organisational-domain fallback under the real
// public suffix list, several records, and NXDOMAIN kept apart from "not
// supplied" and from a failing lookup.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dmarc/discovery.hpp"
#include "dns/source.hpp"
#include "inboxlint/dns.hpp"

namespace inboxlint::dmarc {
namespace {

using Strings = std::vector<std::string>;

Discovery run(const std::string& zone, std::string_view from) {
    const DnsRecords records = parse_zone(zone, "test");
    const DnsResolver none;
    const dns::SuppliedSource source(records, none);
    return discover(source, from);
}

Strings names(const Discovery& d) {
    Strings out;
    for (const Lookup& l : d.lookups) out.push_back(l.name);
    return out;
}

TEST(DmarcDiscovery, RecordAtTheFromDomainAmongOtherTxt) {
    const Discovery d = run(
        "_dmarc.example.com. TXT \"google-site-verification=abc\"\n"
        "_dmarc.example.com. TXT \"v=DMARC1; p=reject; \" \"rua=mailto:d@example.com\"\n"
        "_dmarc.example.com. TXT \"v=spf1 -all\"\n",
        "example.com");
    ASSERT_EQ(d.status, DiscoveryStatus::found);
    EXPECT_EQ(d.record_name, "_dmarc.example.com");
    EXPECT_EQ(d.record_text, "v=DMARC1; p=reject; rua=mailto:d@example.com");  // strings joined
    ASSERT_TRUE(d.record);
    EXPECT_EQ(d.record->policy, Policy::reject);
    EXPECT_FALSE(d.from_organizational_domain);
    EXPECT_EQ(d.from_domain_exists, std::nullopt);  // only asked for the organisational fallback
    EXPECT_TRUE(d.complete());
    ASSERT_EQ(d.lookups.size(), 1u);
    EXPECT_EQ(d.lookups[0].other_txt.size(), 2u);
    EXPECT_TRUE(has_bulk_sender_policy(d));
}

TEST(DmarcDiscovery, OrganizationalDomainUnderAMultiLabelPublicSuffix) {
    const std::string zone =
        "_dmarc.mail.example.co.uk. NXDOMAIN\n"
        "mail.example.co.uk. A 192.0.2.1\n"
        "_dmarc.example.co.uk. TXT \"v=DMARC1; p=quarantine; sp=reject\"\n";
    const Discovery d = run(zone, "Mail.Example.CO.UK.");
    EXPECT_EQ(d.from_domain, "mail.example.co.uk");
    EXPECT_EQ(d.organizational_domain, "example.co.uk");  // co.uk is a public suffix: not "co.uk"
    ASSERT_EQ(d.status, DiscoveryStatus::found);
    EXPECT_EQ(d.record_name, "_dmarc.example.co.uk");
    EXPECT_TRUE(d.from_organizational_domain);
    EXPECT_EQ(d.from_domain_exists, true);
    EXPECT_EQ(names(d), (Strings{"_dmarc.mail.example.co.uk", "_dmarc.example.co.uk"}));
    EXPECT_EQ(d.lookups[0].status, DnsStatus::nxdomain);
    EXPECT_TRUE(d.complete());

    // Deeper names go straight to the organisational domain, never to the
    // names between (that is DMARCbis's tree walk).
    const Discovery deep = run(zone + "a.b.mail.example.co.uk. NXDOMAIN\n_dmarc.a.b.mail.example.co.uk. NXDOMAIN\n",
                               "a.b.mail.example.co.uk");
    EXPECT_EQ(names(deep), (Strings{"_dmarc.a.b.mail.example.co.uk", "_dmarc.example.co.uk"}));
    EXPECT_EQ(deep.from_domain_exists, false);
}

TEST(DmarcDiscovery, SeveralRecordsMeanNoPolicyAndStopTheSearch) {
    const Discovery d = run(
        "_dmarc.news.example.com. TXT \"v=DMARC1; p=none\"\n"
        "_dmarc.news.example.com. TXT \"v=DMARC1; p=reject\"\n"
        "_dmarc.example.com. TXT \"v=DMARC1; p=reject\"\n",
        "news.example.com");
    EXPECT_EQ(d.status, DiscoveryStatus::multiple_records);
    EXPECT_FALSE(d.record);
    EXPECT_EQ(names(d), Strings{"_dmarc.news.example.com"});  // no fallback once records were found
    ASSERT_FALSE(d.notes.empty());
    EXPECT_NE(d.notes.back().find("2 DMARC records"), std::string::npos);
    EXPECT_FALSE(has_bulk_sender_policy(d));

    const Discovery org = run(
        "_dmarc.news.example.com. NXDOMAIN\n"
        "_dmarc.example.com. TXT \"v=DMARC1; p=none\"\n"
        "_dmarc.example.com. TXT \"v=DMARC1; p=quarantine\"\n",
        "news.example.com");
    EXPECT_EQ(org.status, DiscoveryStatus::multiple_records);
    EXPECT_EQ(org.lookups.size(), 2u);
}

TEST(DmarcDiscovery, NoRecordNeedsEveryNameAnswered) {
    // NXDOMAIN at the From name, NODATA (other TXT only) at the organisational one.
    const Discovery d = run(
        "_dmarc.shop.example.net. NXDOMAIN\n"
        "_dmarc.example.net. TXT \"v=spf1 -all\"\n",
        "shop.example.net");
    EXPECT_EQ(d.status, DiscoveryStatus::no_record);
    EXPECT_TRUE(d.not_supplied.empty());
    EXPECT_EQ(d.lookups.size(), 2u);
    EXPECT_FALSE(has_bulk_sender_policy(d));

    // The same names without fixtures: unknown, not absent; both names listed.
    const Discovery unknown = run("other.example. TXT \"x\"\n", "shop.example.net");
    EXPECT_EQ(unknown.status, DiscoveryStatus::not_supplied);
    EXPECT_EQ(unknown.not_supplied, (Strings{"_dmarc.shop.example.net", "_dmarc.example.net"}));
    EXPECT_FALSE(unknown.complete());

    // A From domain that is its own organisational domain is asked once.
    const Discovery self = run("_dmarc.example.net. NXDOMAIN\n", "example.net");
    EXPECT_EQ(self.status, DiscoveryStatus::no_record);
    EXPECT_EQ(names(self), Strings{"_dmarc.example.net"});
}

TEST(DmarcDiscovery, FallbackRecordWhileTheFromNameWasNotSupplied) {
    const Discovery d = run("_dmarc.example.org. TXT \"v=DMARC1; p=reject\"\n", "mail.example.org");
    EXPECT_EQ(d.status, DiscoveryStatus::found);
    EXPECT_EQ(d.not_supplied, Strings{"_dmarc.mail.example.org"});
    EXPECT_FALSE(d.complete());
    EXPECT_EQ(d.from_domain_exists, std::nullopt);  // mail.example.org: nothing supplied either way
    ASSERT_FALSE(d.notes.empty());
    EXPECT_NE(d.notes.back().find("_dmarc.mail.example.org"), std::string::npos);
}

TEST(DmarcDiscovery, FailingLookupIsTemperrorAndStops) {
    const Discovery d = run(
        "_dmarc.mail.example.com. SERVFAIL\n"
        "_dmarc.example.com. TXT \"v=DMARC1; p=reject\"\n",
        "mail.example.com");
    EXPECT_EQ(d.status, DiscoveryStatus::lookup_failed);
    EXPECT_EQ(names(d), Strings{"_dmarc.mail.example.com"});  // the From domain might have had a record

    const Discovery org = run("_dmarc.mail.example.com. NXDOMAIN\n_dmarc.example.com. SERVFAIL\n", "mail.example.com");
    EXPECT_EQ(org.status, DiscoveryStatus::lookup_failed);
    EXPECT_EQ(org.lookups.size(), 2u);
}

TEST(DmarcDiscovery, NearMissesAreDiscardedWithANote) {
    const Discovery d = run(
        "_dmarc.example.com. TXT \"v=dmarc1; p=reject\"\n"
        "_dmarc.example.com. TXT \" v=DMARC1; p=reject\"\n",
        "example.com");
    EXPECT_EQ(d.status, DiscoveryStatus::no_record);
    EXPECT_EQ(d.notes.size(), 2u);
    EXPECT_NE(d.notes[0].find("v=dmarc1; p=reject"), std::string::npos);
}

TEST(DmarcDiscovery, BrokenRecordIsFoundButUnusable) {
    const Discovery d = run("_dmarc.example.com. TXT \"v=DMARC1 p=reject\"\n", "example.com");
    EXPECT_EQ(d.status, DiscoveryStatus::found);
    ASSERT_TRUE(d.record);
    EXPECT_FALSE(d.record->usable());
    EXPECT_FALSE(has_bulk_sender_policy(d));
}

TEST(DmarcDiscovery, InvalidFromDomainAsksNothing) {
    for (const char* bad : {"", ".", "a..b", "exa mple.com"}) {
        const Discovery d = run("_dmarc.example.com. TXT \"v=DMARC1; p=reject\"\n", bad);
        EXPECT_EQ(d.status, DiscoveryStatus::invalid_domain) << bad;
        EXPECT_TRUE(d.lookups.empty()) << bad;
    }
}

TEST(DmarcDiscovery, ResolverAnswersWhatTheRecordsDoNotSupply) {
    const DnsRecords records = parse_zone("_dmarc.mail.example.com. NXDOMAIN\n", "test");
    Strings asked;
    const DnsResolver resolver = [&](const std::string& name, const std::string& type) {
        asked.push_back(name + "/" + type);
        if (name == "_dmarc.example.com") return DnsAnswer{DnsStatus::answer, {"v=DMARC1; p=none"}};
        return DnsAnswer{DnsStatus::nxdomain, {}};
    };
    const dns::SuppliedSource source(records, resolver);
    const Discovery d = discover(source, "mail.example.com");
    EXPECT_EQ(d.status, DiscoveryStatus::found);
    EXPECT_EQ(d.record_name, "_dmarc.example.com");
    ASSERT_FALSE(asked.empty());
    EXPECT_EQ(asked[0], "_dmarc.example.com/TXT");  // the records answered the first name
    EXPECT_EQ(d.from_domain_exists, false);         // the resolver said NXDOMAIN for mail.example.com
}

}  // namespace
}  // namespace inboxlint::dmarc
