// One finding once (issue 23, point 9): on every corpus, no report holds the
// same rule at the same span with the same message twice. The 400 phishing
// messages of the first real-mail trial had 28 such repeats (LINK005 twice for
// one <a>); these sets have the same kinds of link and header structure.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "inboxlint/inboxlint.hpp"
#include "testdata.hpp"

namespace inboxlint {
namespace {

using Key = std::tuple<std::string, std::string, std::size_t, std::size_t, std::string>;

// The repeats in one report, as "RULE begin-end" strings.
std::vector<std::string> repeats(const Report& report) {
    std::vector<Key> seen;
    std::vector<std::string> out;
    for (const Finding& f : report.findings) {
        Key key{f.rule_id, f.location.part, f.location.raw.begin, f.location.raw.end, f.message};
        for (const Key& k : seen) {
            if (k == key) out.push_back(f.rule_id + " " + std::to_string(f.location.raw.begin) + "-" +
                                        std::to_string(f.location.raw.end));
        }
        seen.push_back(std::move(key));
    }
    return out;
}

void expect_no_repeats_under(const std::filesystem::path& folder) {
    const Linter linter(Config{});
    std::size_t messages = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file() || entry.path().extension() == ".expect" || entry.path().extension() == ".json")
            continue;
        const Report report = linter.lint(testing::read_file(entry.path()));
        EXPECT_EQ(repeats(report), std::vector<std::string>{}) << entry.path();
        ++messages;
    }
    EXPECT_GT(messages, 0u) << folder;
}

TEST(FindingsOnce, Corpus) { expect_no_repeats_under(testing::corpus_dir()); }

TEST(FindingsOnce, RealTemplates) {
    INBOXLINT_REQUIRE_TESTDATA("email-templates");
    expect_no_repeats_under(testing::shared_testdata() / "email-templates");
}

TEST(FindingsOnce, SpamAssassinSpam) {
    INBOXLINT_REQUIRE_TESTDATA("spamassassin-public-corpus/spam-2");
    expect_no_repeats_under(testing::shared_testdata() / "spamassassin-public-corpus" / "spam-2");
}

TEST(FindingsOnce, EdgeCases) {
    INBOXLINT_REQUIRE_TESTDATA("rspamd-functional");
    expect_no_repeats_under(testing::shared_testdata() / "rspamd-functional");
    expect_no_repeats_under(testing::shared_testdata() / "mimekit");
}

}  // namespace
}  // namespace inboxlint
