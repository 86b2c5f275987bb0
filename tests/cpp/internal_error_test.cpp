// LINT002: a check that fails internally becomes a finding, under the
// configuration's severity and selection, and the report goes on.
#include <gtest/gtest.h>

#include <string>

#include "analysis/message.hpp"
#include "engine/report_builder.hpp"
#include "engine/resolved_config.hpp"

namespace inboxlint {
namespace {

const std::string raw = "From: a@example.com\r\nSubject: x\r\n\r\nbody\r\n";

Report with_failure(const Config& config) {
    const engine::ResolvedConfig resolved = engine::resolve(config);
    engine::ReportBuilder builder(resolved, config.limits, raw.size());
    const analysis::Message msg(raw, config.limits);
    builder.internal_error("FROM001 failed: boom");
    Finding kept;
    kept.rule_id = "FROM002";
    kept.location.raw = {6, 19};
    return builder.finish(msg, {kept}, config);
}

TEST(InternalError, BecomesALint002FindingBesideTheOthers) {
    const Report report = with_failure(Config{});
    ASSERT_EQ(report.findings.size(), 2u);
    const Finding* lint = report.findings[0].rule_id == "LINT002" ? &report.findings[0] : &report.findings[1];
    EXPECT_EQ(lint->rule_id, "LINT002");
    EXPECT_EQ(lint->severity, Severity::error);
    EXPECT_EQ(lint->message, "FROM001 failed: boom");
}

TEST(InternalError, FollowsSeverityAndIgnore) {
    Config lowered;
    lowered.severity["LINT002"] = Severity::warning;
    const Report report = with_failure(lowered);
    bool found = false;
    for (const Finding& f : report.findings) {
        if (f.rule_id != "LINT002") continue;
        found = true;
        EXPECT_EQ(f.severity, Severity::warning);
    }
    EXPECT_TRUE(found);
    Config ignored;
    ignored.ignore = {"LINT002"};
    for (const Finding& f : with_failure(ignored).findings) EXPECT_NE(f.rule_id, "LINT002");
}

TEST(InternalError, WithoutAMessageTheReportIsTruncatedAndSaysWhy) {
    const engine::ResolvedConfig resolved = engine::resolve(Config{});
    engine::ReportBuilder builder(resolved, Limits{}, raw.size());
    builder.internal_error("lint failed: out of memory");
    const Report report = builder.finish_without_message();
    EXPECT_TRUE(report.truncated);
    ASSERT_EQ(report.findings.size(), 1u);
    EXPECT_EQ(report.findings[0].rule_id, "LINT002");
    EXPECT_EQ(report.findings[0].location.line, 1u);
}

}  // namespace
}  // namespace inboxlint
