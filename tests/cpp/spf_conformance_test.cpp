// The openspf RFC 7208 test suite (../shared/testdata/spf/rfc7208-tests.yml),
// every scenario and every test, through spf::check_host.
//
// The suite's world is complete: a name its zone data does not mention does
// not exist. Its drivers serve each "SPF" record as TXT too unless the name
// has TXT data of its own ("TXT: NONE" is none at all); check_host asks for TXT
// only. TIMEOUT makes a name's lookups time out for the types it has no
// records of (the pyspf driver's reading: "spftimeout" has TXT and TIMEOUT and
// must still find its record), so it cannot be DnsRecords::mark_failing, which
// fails every type.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>

#include "dns/names.hpp"
#include "dns/source.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/dns.hpp"
#include "spf/check_host.hpp"
#include "testdata.hpp"

namespace {

using namespace inboxlint;

class SuiteSource final : public dns::Source {
public:
    DnsAnswer lookup(std::string_view name, std::string_view type) const override {
        const std::string key = dns::normalise_name(name);
        if (const auto it = odd_names.find(key); it != odd_names.end()) {
            const auto values = it->second.find(std::string(type));
            return {DnsStatus::answer, values == it->second.end() ? std::vector<std::string>{} : values->second};
        }
        DnsAnswer answer = records.lookup(key, type);
        if (timeouts.contains(key) && (answer.status != DnsStatus::answer || answer.values.empty()))
            return {DnsStatus::servfail, {}};
        if (answer.status == DnsStatus::not_supplied)
            return {existing.contains(key) ? DnsStatus::answer : DnsStatus::nxdomain, {}};
        return answer;
    }

    DnsRecords records;
    std::set<std::string> timeouts;
    std::set<std::string> existing;  // named in the zone data, records or not
    // Names DnsRecords refuses (over 253 octets, a space): kept here.
    std::map<std::string, std::map<std::string, std::vector<std::string>>> odd_names;

    void add(const std::string& name, const std::string& type, const std::string& value) {
        try {
            records.add(name, type, value);
        } catch (const ConfigError&) {
            odd_names[name][type].push_back(value);
        }
    }
};

std::string joined(const YAML::Node& value) {
    if (!value.IsSequence()) return value.as<std::string>();
    std::string out;
    for (const auto& piece : value) out += piece.as<std::string>();
    return out;
}

// One name's zone data, as the suite's drivers serve it.
void add_name(SuiteSource& source, const std::string& name, const YAML::Node& entries) {
    source.existing.insert(name);
    std::vector<std::string> spf;
    bool has_txt = false;
    for (const auto& entry : entries) {
        if (entry.IsScalar()) {  // TIMEOUT
            source.timeouts.insert(name);
            continue;
        }
        for (const auto& field : entry) {
            const std::string type = field.first.as<std::string>();
            const YAML::Node& value = field.second;
            if (type == "SPF") {
                if (!value.IsSequence() || value.size() > 0) spf.push_back(joined(value));
            } else if (type == "TXT") {
                has_txt = true;
                if (!(value.IsScalar() && value.as<std::string>() == "NONE")) source.add(name, "TXT", joined(value));
            } else if (type == "MX") {
                source.add(name, "MX", value[0].as<std::string>() + " " + value[1].as<std::string>());
            } else {
                source.add(name, type, value.as<std::string>());
            }
        }
    }
    if (!has_txt)
        for (const auto& record : spf) source.add(name, "TXT", record);
}

struct Outcome {
    int total = 0;
    std::vector<std::string> failures;  // "scenario / test: why"
    std::set<std::string> failed_names;
};

void run_test(const std::string& scenario, const std::string& name, const YAML::Node& test,
              const SuiteSource& source, Outcome& out) {
    ++out.total;
    const std::string mailfrom = test["mailfrom"].as<std::string>();
    spf::Query query;
    query.ip = test["host"].as<std::string>();
    query.helo = test["helo"].as<std::string>();
    if (mailfrom.empty()) {  // the null path checks the HELO identity (sections 2.3, 2.4)
        query.domain = query.helo;
        query.sender = "postmaster@" + query.helo;
    } else {
        const std::size_t at = mailfrom.rfind('@');
        query.domain = at == std::string::npos ? mailfrom : mailfrom.substr(at + 1);
        query.sender = mailfrom;
    }
    const spf::Evaluation got = spf::check_host(query, source);
    const std::string result(spf::result_name(got.result));
    std::vector<std::string> wanted;
    if (test["result"].IsSequence())
        for (const auto& r : test["result"]) wanted.push_back(r.as<std::string>());
    else
        wanted.push_back(test["result"].as<std::string>());
    std::string why;
    if (std::find(wanted.begin(), wanted.end(), result) == wanted.end()) {
        why = "result " + result + " (" + got.reason + "), wanted " + wanted.front();
    } else if (test["explanation"] && result == "fail") {
        std::string exp = test["explanation"].as<std::string>();
        if (exp == "DEFAULT") exp.clear();  // no exp= text: the receiver's default
        if (got.explanation != exp) why = "explanation '" + got.explanation + "', wanted '" + exp + "'";
    }
    if (why.empty()) return;
    out.failures.push_back(scenario + " / " + name + ": " + why);
    out.failed_names.insert(name);
}

// Known deviations, each with its reason.
const std::map<std::string, std::string> allowed_failures = {
    // The explanation spells the IPv6 %{ir} nibbles in upper case, echoing
    // the client IP as the test writes it (CAFE:BABE::1). RFC 7208 section 7.4
    // gives the nibbles in lower case ("1.0.b.c.0.0..."), as we do; as a DNS
    // name the two are the same, only this explanation text differs.
    {"v-macro-ip6", "upper-case IPv6 nibbles in %{ir}; RFC 7208 section 7.4 shows lower case"},
};

TEST(SpfConformance, OpenSpfRfc7208Suite) {
    INBOXLINT_REQUIRE_TESTDATA("spf");
    const auto path = inboxlint::testing::shared_testdata() / "spf" / "rfc7208-tests.yml";
    const std::vector<YAML::Node> scenarios = YAML::LoadAllFromFile(path.string());
    ASSERT_FALSE(scenarios.empty());
    Outcome outcome;
    for (const auto& scenario : scenarios) {
        SuiteSource source;
        for (const auto& name : scenario["zonedata"])
            add_name(source, dns::normalise_name(name.first.as<std::string>()), name.second);
        const std::string description = scenario["description"].as<std::string>();
        for (const auto& test : scenario["tests"])
            run_test(description, test.first.as<std::string>(), test.second, source, outcome);
    }
    const int passed = outcome.total - static_cast<int>(outcome.failures.size());
    std::cout << "[ SPF suite ] " << passed << "/" << outcome.total << " passed\n";
    for (const auto& failure : outcome.failures) std::cout << "  FAILED " << failure << "\n";
    EXPECT_GT(outcome.total, 200);  // the 2014.04 release has 200 and more
    for (const auto& name : outcome.failed_names)
        EXPECT_TRUE(allowed_failures.contains(name)) << name << " fails and is not an allowed deviation";
    for (const auto& [name, reason] : allowed_failures)
        EXPECT_TRUE(outcome.failed_names.contains(name)) << name << " passes now: drop it from allowed_failures";
}

}  // namespace
