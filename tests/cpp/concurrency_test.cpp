// Linting from many threads gives exactly the sequential results. CI also
// builds this test alone with ThreadSanitizer (target
// inboxlint_concurrency_tests) to catch data races in the core and in the
// libraries it shares between threads (ICU, libpsl, OpenSSL).
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "inboxlint/inboxlint.hpp"
#include "testdata.hpp"

namespace inboxlint {
namespace {

std::vector<std::string> corpus_messages() {
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::corpus_dir())) {
        if (entry.path().extension() == ".eml") out.push_back(testing::read_file(entry.path()));
    }
    return out;
}

std::string summary(const Report& r) {
    std::string out = std::to_string(r.parts.size()) + "|";
    for (const Finding& f : r.findings) {
        out += f.rule_id + "@" + std::to_string(f.location.raw.begin) + "-" + std::to_string(f.location.raw.end) + ";";
    }
    return out;
}

TEST(Concurrency, LintManyEqualsSequentialLinting) {
    const std::vector<std::string> messages = corpus_messages();
    ASSERT_FALSE(messages.empty());
    const Linter linter;
    std::vector<std::string_view> views(messages.begin(), messages.end());
    std::vector<std::string> expected;
    for (const auto& m : messages) expected.push_back(summary(linter.lint(m)));
    for (unsigned threads : {1u, 2u, 4u, 8u}) {
        const std::vector<Report> reports = linter.lint_many(views, threads);
        ASSERT_EQ(reports.size(), messages.size());
        for (std::size_t i = 0; i < reports.size(); ++i) EXPECT_EQ(summary(reports[i]), expected[i]) << i;
    }
}

TEST(Concurrency, ManyLintersAndThreadsAtOnce) {
    const std::vector<std::string> messages = corpus_messages();
    std::vector<std::string> expected;
    for (const auto& m : messages) expected.push_back(summary(lint(m)));
    std::vector<std::thread> threads;
    std::vector<int> mismatches(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            Config config;
            config.ignore = {"LINT001"};
            const Linter own(config);  // a Linter per thread, built concurrently
            for (std::size_t i = static_cast<std::size_t>(t); i < messages.size(); i += 2) {
                if (summary(own.lint(messages[i])) != expected[i]) ++mismatches[static_cast<std::size_t>(t)];
                if (summary(lint(messages[i])) != expected[i]) ++mismatches[static_cast<std::size_t>(t)];
            }
        });
    }
    for (auto& t : threads) t.join();
    for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(Concurrency, EmptyAndSingleBatches) {
    const Linter linter;
    EXPECT_TRUE(linter.lint_many({}, 4).empty());
    const std::vector<std::string_view> one{"Subject: x\r\n\r\nbody"};
    EXPECT_EQ(linter.lint_many(one, 16).size(), 1u);
}

}  // namespace
}  // namespace inboxlint
