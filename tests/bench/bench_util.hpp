// Helpers shared by the C++ benchmarks: where the test data is, reading
// messages, CPU-time measurement, and a Google Benchmark reporter that keeps
// each benchmark's best time so a run can print ratios of benchmarks measured
// side by side. Absolute times on a shared machine are noise; ratios measured
// back to back in one run are not.
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace inboxlint::bench {

inline std::filesystem::path source_dir() { return INBOXLINT_SOURCE_DIR; }
inline std::filesystem::path shared_testdata() {
    return std::filesystem::weakly_canonical(source_dir() / ".." / "shared" / "testdata");
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Every regular file under `dir` whose name ends with `suffix` ("" for all),
// sorted by path so runs compare the same order.
inline std::vector<std::filesystem::path> files_under(const std::filesystem::path& dir, std::string_view suffix) {
    std::vector<std::filesystem::path> out;
    if (!std::filesystem::exists(dir)) return out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        const std::string name = e.path().filename().string();
        if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// CPU time of this thread: stable when other processes load the machine.
inline double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The least CPU time of `runs` calls of `work`.
template <typename Work>
double best_cpu_seconds(int runs, Work&& work) {
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        const double start = thread_cpu_seconds();
        work();
        best = std::min(best, thread_cpu_seconds() - start);
    }
    return best;
}

// Console output as usual, plus the least CPU time per iteration of every
// benchmark (over repetitions), by name without the repetition suffixes.
class BestTimeReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& r : runs) {
            if (r.run_type != Run::RT_Iteration || r.iterations == 0) continue;
            const double per_iteration = r.cpu_accumulated_time / static_cast<double>(r.iterations);
            auto [it, fresh] = best_.emplace(r.run_name.str(), per_iteration);
            if (!fresh) it->second = std::min(it->second, per_iteration);
        }
        ConsoleReporter::ReportRuns(runs);
    }
    // Seconds per iteration, or 0 when the benchmark did not run.
    [[nodiscard]] double best(const std::string& name) const {
        const auto it = best_.find(name);
        return it == best_.end() ? 0.0 : it->second;
    }

private:
    std::map<std::string, double> best_;
};

// Runs the registered benchmarks (repeated and interleaved unless the
// command line says otherwise) and returns the reporter with the best times.
inline void run_benchmarks(int argc, char** argv, BestTimeReporter& reporter) {
    std::vector<char*> args(argv, argv + argc);
    std::string reps = "--benchmark_repetitions=5";
    std::string interleave = "--benchmark_enable_random_interleaving=true";
    bool has_reps = false;
    for (int i = 1; i < argc; ++i)
        if (std::string_view(argv[i]).rfind("--benchmark_repetitions", 0) == 0) has_reps = true;
    if (!has_reps) {
        args.push_back(reps.data());
        args.push_back(interleave.data());
    }
    int count = static_cast<int>(args.size());
    benchmark::Initialize(&count, args.data());
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
}

inline void print_ratio(const char* what, double numerator, double denominator, const char* target) {
    if (numerator <= 0 || denominator <= 0) {
        std::printf("%-58s n/a (not run)\n", what);
        return;
    }
    std::printf("%-58s %6.2fx   %s\n", what, numerator / denominator, target);
}

}  // namespace inboxlint::bench
