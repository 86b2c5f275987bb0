// The report's authentication summary (RFC 8601 terms) and its
// Authentication-Results rendering: DKIM per signature, with keys from the
// key table, from DNS records, missing, nonexistent or failing.
#include <gtest/gtest.h>

#include "inboxlint/inboxlint.hpp"
#include "testdata.hpp"

namespace inboxlint {
namespace {

const std::string brisbane = "brisbane._domainkey.football.example.com";
const std::string brisbane_key = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

std::string changed_message() {
    return testing::read_file(testing::corpus_dir() / "auth" / "rfc8463-subject-changed.eml");
}

std::vector<AuthResult> summary(const std::string& message, const Config& config = {}) {
    return Linter(config).lint(message).authentication;
}

std::vector<AuthResult> of_method(const std::vector<AuthResult>& all, std::string_view method) {
    std::vector<AuthResult> out;
    for (const AuthResult& r : all)
        if (r.method == method) out.push_back(r);
    return out;
}

std::string property(const AuthResult& r, std::string_view name) {
    for (const Property& p : r.properties)
        if (p.name == name) return p.value;
    return "";
}

TEST(AuthSummary, AnUnsignedMessageIsDkimNone) {
    const auto results = summary("From: a@example.com\r\nSubject: x\r\n\r\nbody\r\n");
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].method, "dkim");
    EXPECT_EQ(results[0].result, "none");
    EXPECT_EQ(summary("").size(), 0u);  // a blank input has nothing to authenticate
}

TEST(AuthSummary, OneDkimResultPerSignatureWithItsDomainAndSelector) {
    Config config;
    config.dkim_keys[brisbane] = brisbane_key;
    const auto results = summary(changed_message(), config);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0].result, "fail");  // the Subject changed after signing
    EXPECT_EQ(property(results[0], "header.d"), "football.example.com");
    EXPECT_EQ(property(results[0], "header.s"), "brisbane");
    EXPECT_EQ(property(results[0], "header.a"), "ed25519-sha256");
    // The other key was not supplied: the signature cannot be checked.
    EXPECT_EQ(results[1].result, "temperror");
    EXPECT_NE(results[1].reason.find("not supplied"), std::string::npos) << results[1].reason;
    EXPECT_NE(results[1].reason.find("body hash matches"), std::string::npos) << results[1].reason;
}

TEST(AuthSummary, KeysFromDnsRecordsAndNamesThatDoNotExistOrFail) {
    Config config;
    config.dns = parse_zone(brisbane + ". TXT \"" + brisbane_key + "\"\n" +
                            "test._domainkey.football.example.com. NXDOMAIN\n");
    const auto all = summary(changed_message(), config);
    auto results = of_method(all, "dkim");
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0].result, "fail");
    EXPECT_EQ(results[1].result, "permerror");
    // DNS records were supplied, but not for _dmarc: DMARC cannot conclude and says so.
    const auto dmarc = of_method(all, "dmarc");
    ASSERT_EQ(dmarc.size(), 1u);
    EXPECT_EQ(dmarc[0].result, "temperror");
    EXPECT_NE(dmarc[0].reason.find("_dmarc.football.example.com"), std::string::npos) << dmarc[0].reason;
    EXPECT_TRUE(of_method(all, "spf").empty());  // no Return-Path: no SPF identity
    EXPECT_NE(results[1].reason.find("NXDOMAIN"), std::string::npos) << results[1].reason;

    config.dns = parse_zone("test._domainkey.football.example.com. SERVFAIL\n");
    results = of_method(summary(changed_message(), config), "dkim");
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[1].result, "temperror");
    EXPECT_NE(results[1].reason.find("SERVFAIL"), std::string::npos) << results[1].reason;
}

TEST(AuthSummary, AMalformedSignatureIsPermerror) {
    const auto results = summary("DKIM-Signature: v=1; a=rsa-sha256; d=example.com\r\n"
                                 "From: a@example.com\r\n\r\nbody\r\n");
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].result, "permerror");
    EXPECT_EQ(property(results[0], "header.d"), "example.com");
}

TEST(AuthResultsText, ReadsAsAnAuthenticationResultsValue) {
    const std::vector<AuthResult> results = {
        {"spf", "pass", "", {{"smtp.mailfrom", "example.com"}}},
        {"dkim", "fail", "body (changed) \\ after", {{"header.d", "example.com"}, {"header.s", "a b"}}},
        {"dmarc", "none", "", {}},
    };
    EXPECT_EQ(format_authentication_results(results),
              "spf=pass smtp.mailfrom=example.com; "
              "dkim=fail (body \\(changed\\) \\\\ after) header.d=example.com header.s=\"a b\"; dmarc=none");
    EXPECT_EQ(format_authentication_results({}), "");
}

TEST(AuthResultsText, ShowsInTheTextAndJsonReports) {
    Config config;
    config.dkim_keys[brisbane] = brisbane_key;
    const std::string message = changed_message();
    const Report report = Linter(config).lint(message);
    const std::string text = format_text({"m.eml", message, &report});
    EXPECT_NE(text.find("m.eml: note: authentication: dkim=fail"), std::string::npos) << text;
    const std::string json = format_json({"m.eml", message, &report});
    EXPECT_NE(json.find(R"("authentication":[{"method":"dkim","result":"fail")"), std::string::npos) << json;
    const std::string sarif = format_sarif({{"m.eml", message, &report}});
    EXPECT_NE(sarif.find(R"("authenticationResults": "dkim=fail)"), std::string::npos);
    // An unsigned message linted without records has nothing to say.
    const std::string plain = "From: a@example.com\r\n\r\nx\r\n";
    const Report quiet = Linter().lint(plain);
    EXPECT_EQ(format_text({"p.eml", plain, &quiet}).find("authentication"), std::string::npos);
}

}  // namespace
}  // namespace inboxlint
