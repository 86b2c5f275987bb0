// spf::record_defects: what lint rules will report about SPF records without
// a client IP, each at its bytes in its record.
#include <gtest/gtest.h>

#include <algorithm>

#include "dns/source.hpp"
#include "inboxlint/dns.hpp"
#include "spf/defects.hpp"

namespace {

using namespace inboxlint;
using spf::DefectKind;

std::vector<spf::Defect> defects_of(std::string_view zone, std::string_view domain) {
    const DnsRecords records = parse_zone(zone);
    const DnsResolver resolver;
    const dns::SuppliedSource source(records, resolver);
    return spf::record_defects(domain, source);
}

std::vector<DefectKind> kinds(const std::vector<spf::Defect>& defects) {
    std::vector<DefectKind> out;
    for (const auto& d : defects) out.push_back(d.kind);
    return out;
}

std::string_view bytes(const spf::Defect& d) { return std::string_view(d.record).substr(d.offset, d.length); }

TEST(SpfDefects, CleanRecordHasNone) {
    EXPECT_TRUE(defects_of("example.com TXT \"v=spf1 ip4:192.0.2.0/24 include:_spf.example.net -all\"\n"
                           "_spf.example.net TXT \"v=spf1 ip4:198.51.100.0/24 ~all\"\n",
                           "example.com")
                    .empty());
}

TEST(SpfDefects, PermissiveAllAndPtr) {
    const auto d = defects_of("example.com TXT \"v=spf1 ptr:example.com include:x.example.net ?all\"\n"
                              "x.example.net TXT \"v=spf1 all\"\n",
                              "example.com");
    ASSERT_EQ(kinds(d),
              (std::vector{DefectKind::ptr_mechanism, DefectKind::permissive_all, DefectKind::permissive_all}));
    EXPECT_EQ(bytes(d[0]), "ptr:example.com");
    EXPECT_EQ(bytes(d[1]), "?all");
    EXPECT_EQ(d[1].domain, "example.com");
    EXPECT_EQ(bytes(d[2]), "all");
    EXPECT_EQ(d[2].domain, "x.example.net");  // found through the include
}

TEST(SpfDefects, SeveralRecordsAndSyntaxError) {
    const auto several =
        defects_of("example.com TXT \"v=spf1 -all\"\nexample.com TXT \"v=spf1 +all\"\n", "example.com");
    ASSERT_EQ(kinds(several), std::vector{DefectKind::several_records});
    const auto syntax = defects_of("example.com TXT \"v=spf1 ip4:192.0.2.0/33 -all\"\n", "example.com");
    ASSERT_EQ(kinds(syntax), std::vector{DefectKind::syntax_error});
    EXPECT_EQ(syntax[0].offset, 21u);
    EXPECT_EQ(bytes(syntax[0]), "33");
}

TEST(SpfDefects, TooManyLookupsAcrossIncludes) {
    std::string zone = "example.com TXT \"v=spf1 include:a.example.net include:b.example.net -all\"\n"
                       "a.example.net TXT \"v=spf1 a mx exists:x.example.net a:y.example.net\"\n"
                       "b.example.net TXT \"v=spf1 mx a ptr:z.example.net redirect=c.example.net\"\n"
                       "c.example.net TXT \"v=spf1 a:q.example.net -all\"\n";
    const auto d = defects_of(zone, "example.com");
    // 2 includes + 4 in a + 3 in b + redirect = 10; c's a: is the 11th.
    const auto too_many =
        std::find_if(d.begin(), d.end(), [](const auto& x) { return x.kind == DefectKind::too_many_lookups; });
    ASSERT_NE(too_many, d.end());
    EXPECT_EQ(too_many->domain, "c.example.net");
    EXPECT_EQ(bytes(*too_many), "a:q.example.net");
    // Ten exactly is fine.
    const auto ten = defects_of("example.com TXT \"v=spf1 a mx a:1.example a:2.example a:3.example a:4.example "
                                "a:5.example a:6.example a:7.example a:8.example -all\"\n",
                                "example.com");
    EXPECT_TRUE(ten.empty());
}

TEST(SpfDefects, IncludeLoopStops) {
    const auto d = defects_of("a.example.com TXT \"v=spf1 include:b.example.com -all\"\n"
                              "b.example.com TXT \"v=spf1 include:a.example.com -all\"\n",
                              "a.example.com");
    ASSERT_EQ(kinds(d), std::vector{DefectKind::too_many_lookups});
}

TEST(SpfDefects, SizeDefectsSayWhich) {
    std::string record = "v=spf1";
    for (int i = 0; i < 30; ++i) record += " ip4:192.0.2." + std::to_string(i);
    record += " -all";  // 451 octets: over 450, yet one answer of about 494 fits in 512
    ASSERT_GT(record.size(), 450u);
    const auto long_one = defects_of("example.com TXT \"" + record + "\"\n", "example.com");
    ASSERT_EQ(kinds(long_one), std::vector{DefectKind::record_too_long});
    EXPECT_EQ(long_one[0].length, record.size());
    // The same record beside another TXT record: the answer no longer fits.
    const auto big = defects_of("example.com TXT \"" + record + "\"\nexample.com TXT \"site-verification=" +
                                    std::string(60, 'x') + "\"\n",
                                "example.com");
    EXPECT_EQ(kinds(big), (std::vector{DefectKind::record_too_long, DefectKind::answer_too_big}));
    EXPECT_NE(big[1].message.find("512"), std::string::npos);
}

}  // namespace
