// The ARC validation suite of ValiMail's arc_test_suite (MIT licence; read in
// place from ../shared/testdata/arc/arc-draft-validation-tests.yml): every
// test of every scenario through validate_arc, with the scenario's
// txt-records as the only DNS (a name it lacks is NXDOMAIN, as with the
// suite's own DNS server), and its expected cv compared with ours.
//
// Line ends: the YAML holds the messages with LF line ends. The suite's
// reference validator (dkimpy) reads the file as it is and splits lines on
// CRLF or LF, i.e. it reads each LF as CRLF; our canonicalisation does the
// same (auth/canon.hpp), so the messages are used as they are. Each one is
// also validated with every LF turned into CRLF, and both forms must give
// the same answer.
//
// The suite dates from 2018 (draft-ietf-dmarc-arc-protocol-18). Three tests
// expect an empty cv where the newest or an older ARC-Seal says cv=fail
// (dkimpy returned None there); RFC 8617 section 5.2 steps 2 and 3 make the
// chain "fail", which is what we report. They are scored against the RFC
// (rfc8617_overrides below), counted and printed separately.
//
// ARC_SUITE_VERBOSE=1 in the environment prints every test's result and reason.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "analysis/message.hpp"
#include "arc/arc_validate.hpp"
#include "core/ascii.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/dns.hpp"
#include "testdata.hpp"

namespace inboxlint::arc {
namespace {

struct SuiteCase {
    std::string name;  // the test's name; a name repeated in a scenario gets "#2"
    std::string message;
    std::string expected;  // lower case: "none", "pass", "fail" or "" (see above)
    std::map<std::string, std::string> txt;
};

// The suite's DNS: its txt-records, NXDOMAIN for every other name.
class SuiteDns final : public dns::Source {
public:
    explicit SuiteDns(const std::map<std::string, std::string>& records) : records_(records) {}
    [[nodiscard]] DnsAnswer lookup(std::string_view name, std::string_view type) const override {
        const auto it = records_.find(core::to_lower(name));
        if (it == records_.end()) return {DnsStatus::nxdomain, {}};
        if (type != "TXT") return {DnsStatus::answer, {}};
        return {DnsStatus::answer, {it->second}};
    }

private:
    const std::map<std::string, std::string>& records_;
};

// Expected results the RFC overrides, with the clause that does.
const std::map<std::string, std::pair<std::string, std::string>> rfc8617_overrides = {
    {"cv_fail_i1_as_cv_fail", {"fail", "RFC 8617 5.2 step 2: the newest ARC-Seal says cv=fail"}},
    {"cv_fail_i2_as2_fail", {"fail", "RFC 8617 5.2 step 2: the newest ARC-Seal says cv=fail"}},
    {"cv_fail_i2_as1_fail", {"fail", "RFC 8617 5.2 step 3: an older ARC-Seal must have cv=none (i=1)"}},
};

// Known deviations from the suite, each with its reason: none.
const std::map<std::string, std::string> known_deviations = {};

std::vector<SuiteCase> load_suite(const std::string& path) {
    std::vector<SuiteCase> out;
    for (const YAML::Node& scenario : YAML::LoadAllFromFile(path)) {
        std::map<std::string, std::string> txt;
        for (const auto& record : scenario["txt-records"])
            txt[core::to_lower(record.first.as<std::string>())] = record.second.as<std::string>();
        std::map<std::string, int> seen;
        for (const auto& test : scenario["tests"]) {
            SuiteCase c;
            c.name = test.first.as<std::string>();
            if (++seen[c.name] > 1) c.name += "#" + std::to_string(seen[c.name]);
            c.message = test.second["message"].as<std::string>("");
            c.expected = core::to_lower(std::string(core::trim(test.second["cv"].as<std::string>(""))));
            c.txt = txt;
            out.push_back(std::move(c));
        }
    }
    return out;
}

std::string with_crlf(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out.push_back('\r');
        out.push_back(text[i]);
    }
    return out;
}

ArcValidation run(const std::string& message, const SuiteDns& dns) {
    const analysis::Message msg(message, Limits{});
    return validate_arc(msg, {}, &dns);
}

TEST(ArcConformance, ValidationSuite) {
    INBOXLINT_REQUIRE_TESTDATA("arc");
    const auto path = inboxlint::testing::shared_testdata() / "arc" / "arc-draft-validation-tests.yml";
    const std::vector<SuiteCase> cases = load_suite(path.string());
    ASSERT_GE(cases.size(), 171u) << "the suite has 171 distinct test names";
    int passed = 0;
    int overridden = 0;
    std::vector<std::string> failing;
    for (const SuiteCase& c : cases) {
        const SuiteDns dns(c.txt);
        const ArcValidation lf = run(c.message, dns);
        const ArcValidation crlf = run(with_crlf(c.message), dns);
        std::string expected = c.expected;
        const auto override_it = rfc8617_overrides.find(c.name);
        if (override_it != rfc8617_overrides.end() && expected.empty()) {
            expected = override_it->second.first;
            ++overridden;
        }
        const std::string got(to_string(lf.status));
        const bool ok = got == expected && crlf.status == lf.status;
        if (std::getenv("ARC_SUITE_VERBOSE"))
            std::cout << c.name << " " << got << " i=" << lf.failed_instance << " " << lf.reason << "\n";
        if (ok) {
            ++passed;
            continue;
        }
        failing.push_back(c.name);
        if (known_deviations.count(c.name) == 0) {
            ADD_FAILURE() << c.name << ": expected cv=" << expected << ", got " << got << " (CRLF form: "
                          << to_string(crlf.status) << ") at i=" << lf.failed_instance << ": " << lf.reason;
        }
    }
    std::cout << "[ARC suite] " << passed << "/" << cases.size() << " passed (" << overridden
              << " scored against RFC 8617 instead of the draft's empty cv)";
    for (const std::string& name : failing) std::cout << " FAIL:" << name;
    std::cout << "\n";
}

// The same keys as a key table (no DNS): the same answers, except that a
// key the table lacks is not supplied, so the chain is unchecked and the
// missing name is reported, where the suite's DNS said NXDOMAIN (fail).
TEST(ArcConformance, KeyTableGivesTheSameAnswers) {
    INBOXLINT_REQUIRE_TESTDATA("arc");
    const auto path = inboxlint::testing::shared_testdata() / "arc" / "arc-draft-validation-tests.yml";
    int nxdomain = 0;
    for (const SuiteCase& c : load_suite(path.string())) {
        const SuiteDns dns(c.txt);
        const ArcValidation by_dns = run(c.message, dns);
        const analysis::Message msg(c.message, Limits{});
        const ArcValidation by_table = validate_arc(msg, c.txt);
        if (by_dns.reason.find("(NXDOMAIN)") != std::string::npos) {
            ++nxdomain;
            EXPECT_EQ(by_table.status, ArcStatus::unchecked) << c.name;
            EXPECT_EQ(by_table.keys_not_supplied.size(), 1u) << c.name;
        } else {
            EXPECT_EQ(by_table.status, by_dns.status) << c.name << ": " << by_table.reason;
        }
    }
    EXPECT_EQ(nxdomain, 1);  // public_key_na
}

// Through a configuration: the suite's records as a zone file.
TEST(ArcConformance, ZoneFileThroughConfig) {
    INBOXLINT_REQUIRE_TESTDATA("arc");
    const auto path = inboxlint::testing::shared_testdata() / "arc" / "arc-draft-validation-tests.yml";
    int found = 0;
    for (const SuiteCase& c : load_suite(path.string())) {
        if (c.name != "cv_pass_i3_1" && c.name != "cv_fail_i2_as2_invalid") continue;
        ++found;
        std::string zone;
        for (const auto& [name, value] : c.txt) {
            zone += name + ". TXT";
            for (std::size_t i = 0; i < value.size(); i += 200) zone += " \"" + value.substr(i, 200) + "\"";
            zone += "\n";
        }
        Config config;
        config.dns = parse_zone(zone);
        const analysis::Message msg(c.message, Limits{});
        EXPECT_EQ(to_string(validate_arc(msg, config).status), c.name == "cv_pass_i3_1" ? "pass" : "fail");
    }
    EXPECT_EQ(found, 2);
}

// The reasons name the set that failed, and oldest-pass: spot checks on suite tests.
TEST(ArcConformance, FailuresSayWhereAndWhy) {
    INBOXLINT_REQUIRE_TESTDATA("arc");
    const auto path = inboxlint::testing::shared_testdata() / "arc" / "arc-draft-validation-tests.yml";
    std::map<std::string, ArcValidation> results;
    for (const SuiteCase& c : load_suite(path.string())) {
        if (c.name != "cv_fail_i2_as1_invalid" && c.name != "ams_fields_bh_mod_body" && c.name != "cv_pass_i3_1" &&
            c.name != "cv_pass_i2_1_ams1_invalid")
            continue;
        const SuiteDns dns(c.txt);
        results[c.name] = run(c.message, dns);
    }
    ASSERT_EQ(results.size(), 4u);
    EXPECT_EQ(results["cv_fail_i2_as1_invalid"].failed_instance, 1);
    EXPECT_NE(results["cv_fail_i2_as1_invalid"].reason.find("ARC-Seal i=1"), std::string::npos);
    EXPECT_NE(results["ams_fields_bh_mod_body"].reason.find("bh="), std::string::npos);
    EXPECT_EQ(results["cv_pass_i3_1"].status, ArcStatus::pass);
    EXPECT_EQ(results["cv_pass_i3_1"].oldest_pass, 0);
    // AMS i=1 no longer verifies (From was changed after it): the chain
    // still passes, and the oldest AMS that verifies is i=2 (section 5.2 step 5).
    EXPECT_EQ(results["cv_pass_i2_1_ams1_invalid"].status, ArcStatus::pass);
    EXPECT_EQ(results["cv_pass_i2_1_ams1_invalid"].oldest_pass, 2);
}

}  // namespace
}  // namespace inboxlint::arc
