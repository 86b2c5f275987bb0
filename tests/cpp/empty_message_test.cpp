// MSG016 (issue 23, point 11): an input with no byte but white space is one
// finding, not a missing From, Date, Message-ID, ... each reported apart.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "inboxlint/inboxlint.hpp"

namespace inboxlint {
namespace {

std::string rule_ids(const Report& report) {
    std::string out;
    for (const Finding& f : report.findings) out += f.rule_id + " ";
    return out;
}

void expect_only_msg016(const std::string& input) {
    const Report report = Linter(Config{}).lint(input);
    ASSERT_EQ(report.findings.size(), 1u) << rule_ids(report);
    const Finding& f = report.findings.front();
    EXPECT_EQ(f.rule_id, "MSG016");
    EXPECT_EQ(f.slug, "empty-message");
    EXPECT_EQ(f.severity, Severity::error);
    EXPECT_EQ(f.location.raw, (Span{0, input.size()})) << "the finding covers the whole input";
    EXPECT_EQ(f.location.line, 1u);
    EXPECT_EQ(f.location.column, 1u);
}

TEST(EmptyMessage, ZeroBytesIsOneFinding) {
    expect_only_msg016("");
    const Report report = lint("");
    ASSERT_EQ(report.findings.size(), 1u) << rule_ids(report);
    EXPECT_EQ(report.findings[0].message, "the input is empty: no header and no body (0 bytes)");
}

TEST(EmptyMessage, OnlyWhiteSpaceAndLineBreaksIsOneFinding) {
    const std::vector<std::string> blanks{"\n", "\r\n\r\n", " \t \n  \n", std::string(5000, '\n')};
    for (const std::string& input : blanks) {
        SCOPED_TRACE(std::to_string(input.size()) + " bytes");
        expect_only_msg016(input);
    }
    const Report report = lint("\r\n\r\n");
    ASSERT_EQ(report.findings.size(), 1u) << rule_ids(report);
    EXPECT_NE(report.findings[0].message.find("only white space"), std::string::npos);
    EXPECT_NE(report.findings[0].message.find("(4 bytes)"), std::string::npos);
}

TEST(EmptyMessage, AnyOtherByteMakesItAMessageWithItsUsualFindings) {
    const std::vector<std::string> not_blank{"x", "\n\nHello\n", "Subject: hi\n\n"};
    for (const std::string& input : not_blank) {
        const Report report = lint(input);
        EXPECT_EQ(rule_ids(report).find("MSG016"), std::string::npos) << input;
        EXPECT_NE(rule_ids(report).find("MSG002"), std::string::npos) << input << ": missing From is still said";
    }
}

TEST(EmptyMessage, BlankPastTheSizeLimitIsNotBlank) {
    // Only the first bytes are linted, but the decision is on the whole input.
    Config config;
    config.limits.max_message_size = 16;
    const std::string input = std::string(64, '\n') + "From: a@example.com\n\nHi\n";
    const Report report = Linter(config).lint(input);
    EXPECT_EQ(rule_ids(report).find("MSG016"), std::string::npos) << rule_ids(report);
}

TEST(EmptyMessage, IgnoringMsg016LeavesNoFindingsRatherThanTheOthers) {
    Config config;
    config.ignore = {"MSG016"};
    EXPECT_TRUE(Linter(config).lint("\n\n").findings.empty()) << rule_ids(Linter(config).lint("\n\n"));
}

TEST(EmptyMessage, SelectedAloneStillFires) {
    Config config;
    config.select = {"MSG016"};
    EXPECT_EQ(rule_ids(Linter(config).lint("")), "MSG016 ");
    EXPECT_TRUE(Linter(config).lint("From: a@example.com\n\nHi\n").findings.empty());
}

}  // namespace
}  // namespace inboxlint
