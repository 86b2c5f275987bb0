// Every message of the shared test data (real mail from 2002-2005, broken
// MIME, edge cases, generated modern mail) lints without a crash or an
// exception, and every report keeps its invariants. CI also runs this under
// AddressSanitizer and UndefinedBehaviorSanitizer.
#include <gtest/gtest.h>

#include <filesystem>

#include "inboxlint/inboxlint.hpp"
#include "testdata.hpp"

namespace inboxlint {
namespace {

void check_location(const Location& l, std::size_t size, const std::string& what) {
    EXPECT_LE(l.raw.begin, l.raw.end) << what;
    EXPECT_LE(l.raw.end, size) << what;
    EXPECT_GE(l.line, 1u) << what;
    EXPECT_GE(l.column, 1u) << what;
    if (l.decoded) {
        EXPECT_LE(l.decoded->begin, l.decoded->end) << what;
    }
}

void check_report(const Report& report, std::string_view message, const std::string& name) {
    ASSERT_EQ(report.message_size, message.size()) << name;
    for (const Finding& f : report.findings) {
        const std::string what = name + " " + f.rule_id + ": " + f.message;
        if (f.rule_id == "LINT001") continue;  // a size limit points past the linted bytes
        check_location(f.location, message.size(), what);
        for (const RelatedLocation& r : f.related) check_location(r.location, message.size(), what + " (related)");
    }
    for (const PartInfo& p : report.parts) {
        EXPECT_LE(p.header.begin, p.header.end) << name << " part " << p.path;
        EXPECT_LE(p.header.end, p.body.begin) << name << " part " << p.path;
        EXPECT_LE(p.body.begin, p.body.end) << name << " part " << p.path;
        EXPECT_LE(p.body.end, message.size()) << name << " part " << p.path;
        if (p.parent >= 0) {
            const PartInfo& parent = report.parts[static_cast<std::size_t>(p.parent)];
            EXPECT_GE(p.header.begin, parent.body.begin) << name << " part " << p.path << " outside its parent";
            EXPECT_LE(p.body.end, parent.body.end) << name << " part " << p.path << " outside its parent";
        }
    }
    const ReportInput input{name, message, &report};
    EXPECT_FALSE(format_text(input).empty());
    EXPECT_FALSE(format_json(input).empty());
}

std::size_t lint_folder(const std::filesystem::path& dir) {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const std::string message = testing::read_file(entry.path());
        check_report(lint(message), message, entry.path().string());
        ++count;
    }
    return count;
}

TEST(Robustness, SpamAssassinPublicCorpus) {
    INBOXLINT_REQUIRE_TESTDATA("spamassassin-public-corpus");
    EXPECT_GE(lint_folder(testing::shared_testdata() / "spamassassin-public-corpus"), 5545u);
}

TEST(Robustness, RspamdFunctionalMessages) {
    INBOXLINT_REQUIRE_TESTDATA("rspamd-functional");
    EXPECT_GE(lint_folder(testing::shared_testdata() / "rspamd-functional"), 200u);
}

TEST(Robustness, MimeKitAndCrymapEdgeCases) {
    INBOXLINT_REQUIRE_TESTDATA("mimekit");
    INBOXLINT_REQUIRE_TESTDATA("crymap");
    EXPECT_GE(lint_folder(testing::shared_testdata() / "mimekit"), 30u);
    EXPECT_GE(lint_folder(testing::shared_testdata() / "crymap"), 20u);
}

TEST(Robustness, GeneratedAndTemplates) {
    INBOXLINT_REQUIRE_TESTDATA("generated");
    INBOXLINT_REQUIRE_TESTDATA("email-html");
    EXPECT_GE(lint_folder(testing::shared_testdata() / "generated"), 44u);
    EXPECT_GE(lint_folder(testing::shared_testdata() / "email-html"), 36u);
}

}  // namespace
}  // namespace inboxlint
