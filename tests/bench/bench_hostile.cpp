// Linear time on hostile input, as figures: every input of
// tests/cpp/hostile_inputs.hpp at the size the issue names (10 MB folded
// header, 100,000 MIME parts, 100,000 nested elements, a million attributes,
// a 10 MB line, 100,000 addresses, a 1 MB CSS block, ...) and at half that
// size, linted side by side; prints both CPU times and their ratio (linear:
// about 2, the bound the tests hold is far looser).
//
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINBOXLINT_BUILD_BENCHMARKS=ON
//   cmake --build build-bench --target inboxlint_bench_hostile && build-bench/tests/bench/inboxlint_bench_hostile [filter]
//
// With generous limits (hostile::generous_limits) so the algorithms are
// measured, not the limits; then once more with the default limits.
#include <cstdio>
#include <string>
#include <string_view>

#include "bench_util.hpp"
#include "hostile_inputs.hpp"
#include "inboxlint/inboxlint.hpp"

namespace {

using namespace inboxlint;

void measure(const Linter& linter, const hostile::Case& c, int runs) {
    const std::string half = c.make(c.full / 2);
    const std::string full = c.make(c.full);
    std::size_t findings = 0;
    bool truncated = false;
    // Interleaved so that a change in machine load hits both sizes alike.
    double t_half = 1e300, t_full = 1e300;
    for (int i = 0; i < runs; ++i) {
        t_half = std::min(t_half, bench::best_cpu_seconds(1, [&] { (void)linter.lint(half); }));
        t_full = std::min(t_full, bench::best_cpu_seconds(1, [&] {
                              const Report r = linter.lint(full);
                              findings = r.findings.size();
                              truncated = r.truncated;
                          }));
    }
    std::printf("%-28s %9.2f MB %9.3f s %9.3f s %7.2f %6.1f MB/s %5zu%s\n", c.name, full.size() / 1e6, t_half,
                t_full, t_full / t_half, full.size() / 1e6 / t_full, findings, truncated ? " truncated" : "");
    std::fflush(stdout);
}

void table(const char* title, const Config& config, std::string_view filter, int runs) {
    const Linter linter(config);
    std::printf("\n%s\n%-28s %12s %11s %11s %7s %11s %5s\n", title, "input", "size", "t(n/2)", "t(n)", "ratio",
                "speed", "finds");
    for (const hostile::Case& c : hostile::cases()) {
        if (!filter.empty() && std::string_view(c.name).find(filter) == std::string_view::npos) continue;
        measure(linter, c, runs);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::string_view filter = argc > 1 ? argv[1] : "";
    const int runs = argc > 2 ? std::stoi(argv[2]) : 3;
    Config generous;
    generous.limits = hostile::generous_limits();
    table("full lint, generous limits (CPU seconds, best of runs; ratio = t(n) / t(n/2), linear = 2)", generous,
          filter, runs);
    table("full lint, default limits", Config{}, filter, runs);
    return 0;
}
