// The batch rules CONT002 (a category from several addresses of a domain)
// and CONT003 (an address sending several categories), their inputs
// (batch_message) and their output in text, JSON and SARIF.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "inboxlint/inboxlint.hpp"
#include "testdata.hpp"

namespace inboxlint {
namespace {

std::string mail(const std::string& from, const std::string& body) {
    return "Received: by mx.example.net\r\nFrom: " + from +
           "\r\nTo: r@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n" + body;
}

const char* const promo = "<h1>Flash sale: 40% off</h1><p>Free shipping today only.</p>";
const char* const receipt = "<p>Your order #KC-20931 is confirmed. Total paid $24.70.</p><p>Track your order</p>";
const char* const neutral = "<p>See you on Tuesday.</p>";

struct Batch {
    Linter linter;
    std::vector<std::string> raws;
    std::vector<BatchMessage> messages;
    explicit Batch(Config config = {}) : linter(std::move(config)) {}
    void add(const std::string& name, const std::string& raw) {
        raws.push_back(raw);
        messages.push_back(batch_message(name, raw, linter.lint(raw)));
    }
};

TEST(CategoryBatch, BatchMessageReadsTheFromField) {
    const std::string raw = mail("Shop <Orders@Shop.EXAMPLE.com>", receipt);
    const Report report = Linter().lint(raw);
    const BatchMessage m = batch_message("a.eml", raw, report);
    EXPECT_EQ(m.name, "a.eml");
    EXPECT_EQ(m.from, "Orders@shop.example.com") << "the domain is lower-cased, the local part kept";
    EXPECT_EQ(m.category, "transactional");
    EXPECT_EQ(m.from_location.line, 2u);
    EXPECT_EQ(m.from_location.column, 1u);
    EXPECT_EQ(raw.substr(m.from_location.raw.begin, m.from_location.raw.size()),
              "From: Shop <Orders@Shop.EXAMPLE.com>");
    EXPECT_TRUE(batch_message("b", mail("a@x.example, b@x.example", receipt), report).from.empty());
    EXPECT_TRUE(batch_message("c", "no header at all", report).from.empty());
}

TEST(CategoryBatch, OneAddressTwoCategories) {
    Batch b;
    b.add("news.eml", mail("hello@shop.example.com", promo));
    b.add("receipt.eml", mail("hello@shop.example.com", receipt));
    b.add("note.eml", mail("hello@shop.example.com", neutral));
    ASSERT_EQ(b.messages[0].category, "promotional");
    ASSERT_EQ(b.messages[1].category, "transactional");
    ASSERT_EQ(b.messages[2].category, "neutral");
    const std::vector<BatchFinding> findings = b.linter.check_batch(b.messages);
    ASSERT_EQ(findings.size(), 2u) << "neutral messages take no part";
    for (std::size_t i = 0; i < 2; ++i) {
        const BatchFinding& f = findings[i];
        EXPECT_EQ(f.message, i);
        EXPECT_EQ(f.finding.rule_id, "CONT003");
        EXPECT_EQ(f.finding.severity, Severity::warning);
        EXPECT_EQ(f.finding.location.raw, b.messages[i].from_location.raw);
        ASSERT_EQ(f.related_messages, std::vector<std::size_t>{1 - i});
        EXPECT_EQ(f.finding.related[0].location.raw, b.messages[1 - i].from_location.raw);
        EXPECT_EQ(f.finding.properties[0].value, "promotional, transactional");
        EXPECT_EQ(f.finding.properties[1].value, i == 0 ? "receipt.eml" : "news.eml");
    }
}

TEST(CategoryBatch, OneCategoryManyAddressesPerDomain) {
    Batch b;
    b.add("r1", mail("orders@shop.example.com", receipt));
    b.add("r2", mail("receipts@shop.example.com", receipt));
    b.add("r3", mail("orders@shop.example.com", receipt));
    b.add("other", mail("orders@elsewhere.example.org", receipt));  // another domain: its own group
    b.add("free1", mail("ann@gmail.com", receipt));                 // free mail: unrelated people
    b.add("free2", mail("bob@gmail.com", receipt));
    const std::vector<BatchFinding> findings = b.linter.check_batch(b.messages);
    ASSERT_EQ(findings.size(), 3u);
    for (const BatchFinding& f : findings) {
        EXPECT_EQ(f.finding.rule_id, "CONT002");
        EXPECT_EQ(f.finding.severity, Severity::info);
        EXPECT_LT(f.message, 3u);
        ASSERT_EQ(f.related_messages.size(), 1u) << "the first message of each other address";
        EXPECT_EQ(f.related_messages[0], f.message == 1 ? 0u : 1u);
        EXPECT_EQ(f.finding.properties[0].value, "orders@shop.example.com, receipts@shop.example.com");
    }
}

TEST(CategoryBatch, ConfigSelectsAndRatesBatchRules) {
    Config config;
    config.ignore = {"CONT002"};
    config.severity["CONT003"] = Severity::error;
    Batch b(config);
    b.add("a", mail("x@shop.example.com", promo));
    b.add("b", mail("x@shop.example.com", receipt));
    b.add("c", mail("y@shop.example.com", receipt));
    const std::vector<BatchFinding> findings = b.linter.check_batch(b.messages);
    ASSERT_EQ(findings.size(), 2u);
    for (const BatchFinding& f : findings) {
        EXPECT_EQ(f.finding.rule_id, "CONT003");
        EXPECT_EQ(f.finding.severity, Severity::error);
    }
    EXPECT_TRUE(Linter().check_batch({}).empty());
}

TEST(CategoryBatch, LargeGroupsNameAFewMessagesOnly) {
    std::vector<BatchMessage> messages;
    for (int i = 0; i < 500; ++i) {
        BatchMessage m;
        m.name = "m" + std::to_string(i);
        m.from = "a" + std::to_string(i % 2) + "@shop.example.com";
        m.category = "promotional";
        messages.push_back(m);
    }
    const std::vector<BatchFinding> findings = Linter().check_batch(messages);
    ASSERT_EQ(findings.size(), 500u);
    const std::string& names = findings[0].finding.properties[1].value;
    EXPECT_NE(names.find("and 479 more"), std::string::npos) << names;
    EXPECT_LE(findings[0].finding.related.size(), 20u);
}

TEST(CategoryBatch, Reporters) {
    Batch b;
    b.add("news.eml", mail("hello@shop.example.com", promo));
    b.add("receipt.eml", mail("hello@shop.example.com", receipt));
    const std::vector<BatchFinding> findings = b.linter.check_batch(b.messages);
    ASSERT_EQ(findings.size(), 2u);
    const std::string text = format_text_batch(findings, b.messages);
    EXPECT_EQ(text.substr(0, text.find('\n')), "batch: 2 findings over 2 messages");
    EXPECT_NE(text.find("news.eml:2:1: warning: hello@shop.example.com sends promotional, transactional mail"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("receipt.eml:2:1: note: transactional mail from the same address"), std::string::npos) << text;
    const std::string json = format_json_batch(findings[0], b.messages);
    EXPECT_EQ(json.rfind("{\"schema_version\":1,\"batch\":{\"name\":\"news.eml\",\"rule\":\"CONT003\"", 0), 0u) << json;
    EXPECT_NE(json.find("\"related\":[{\"name\":\"receipt.eml\""), std::string::npos) << json;
    std::vector<Report> reports;
    for (const std::string& raw : b.raws) reports.push_back(b.linter.lint(raw));
    const std::vector<ReportInput> inputs{{"news.eml", b.raws[0], &reports[0]},
                                          {"receipt.eml", b.raws[1], &reports[1]}};
    const std::string sarif = format_sarif(inputs, findings);
    EXPECT_EQ(std::count(sarif.begin(), sarif.end(), '\n') > 0, true);
    std::size_t results = 0;
    for (std::size_t at = sarif.find("\"ruleId\": \"CONT003\""); at != std::string::npos;
         at = sarif.find("\"ruleId\": \"CONT003\"", at + 1)) {
        ++results;
    }
    EXPECT_EQ(results, 2u);
    EXPECT_NE(sarif.find("\"uri\": \"receipt.eml\""), std::string::npos);
}

}  // namespace
}  // namespace inboxlint
