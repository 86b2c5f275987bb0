// Linear time on hostile input: each input of hostile_inputs.hpp linted at a
// size n and at 4n in the same test; a quadratic step would take 16 times as
// long at 4n, a linear one 4 times. The bound, 8 times plus 20 ms, is loose
// enough for a loaded two-core machine: the sizes are measured interleaved,
// the least CPU time of each counts, and more rounds are only run while the
// bound does not hold. The full-size figures are in tests/bench/bench_hostile.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <string>

#include "hostile_inputs.hpp"
#include "inboxlint/inboxlint.hpp"

namespace inboxlint {
namespace {

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double lint_seconds(const Linter& linter, const std::string& message) {
    const double start = thread_cpu_seconds();
    const Report report = linter.lint(message);
    const double seconds = thread_cpu_seconds() - start;
    EXPECT_EQ(report.message_size, message.size());
    return seconds;
}

constexpr double max_ratio = 8.0;
constexpr double slack_seconds = 0.1;  // scheduler noise on shared machines and under ASan
constexpr int max_rounds = 6;

// The sizes divided by this are the larger of the two test sizes.
constexpr std::size_t test_divisor = 20;

void expect_linear(const hostile::Case& c, const Config& config) {
    const Linter linter(config);
    const std::size_t large_n = std::max<std::size_t>(c.full / test_divisor, 4);
    const std::string small = c.make(large_n / 4);
    const std::string large = c.make(large_n);
    double t_small = 1e300, t_large = 1e300;
    for (int round = 0; round < max_rounds; ++round) {
        t_small = std::min(t_small, lint_seconds(linter, small));
        t_large = std::min(t_large, lint_seconds(linter, large));
        if (round >= 1 && t_large <= max_ratio * t_small + slack_seconds) break;
    }
    EXPECT_LE(t_large, max_ratio * t_small + slack_seconds)
        << c.name << ": " << small.size() << " bytes in " << t_small << " s, " << large.size() << " bytes in "
        << t_large << " s";
}

class LinearTime : public ::testing::TestWithParam<hostile::Case> {};

TEST_P(LinearTime, GenerousLimits) {
    Config config;
    config.limits = hostile::generous_limits();
    expect_linear(GetParam(), config);
}

TEST_P(LinearTime, DefaultLimits) { expect_linear(GetParam(), Config{}); }

INSTANTIATE_TEST_SUITE_P(Hostile, LinearTime, ::testing::ValuesIn(hostile::cases()),
                         [](const ::testing::TestParamInfo<hostile::Case>& info) { return info.param.name; });

// The sizes the cases are named for are what the generators make.
TEST(HostileInputs, FullSizesMatchTheirNames) {
    for (const hostile::Case& c : hostile::cases()) {
        const std::string name = c.name;
        const std::size_t size = c.make(c.full).size();
        if (name.find("10MB") != std::string::npos) {
            EXPECT_GE(size, 10'000'000u) << name;
            EXPECT_LE(size, 10'500'000u) << name;
        }
        if (name.find("1MB") != std::string::npos) {
            EXPECT_GE(size, 1'000'000u) << name;
            EXPECT_LE(size, 1'500'000u) << name;
        }
    }
    const Report parts = lint(hostile::many_parts(100));
    EXPECT_EQ(parts.parts.size(), 101u);  // the message and its 100 parts
}

}  // namespace
}  // namespace inboxlint
