// inboxlint's full lint of HTML-heavy messages vs. gumbo parsing alone of the
// same HTML parts (the parser floor): how much our lint adds over parsing
// the HTML once. Target: full lint within 1.5x of gumbo's parse time.
// Also the steps in between (scan, guarded parse, HTML analysis, HTML rules
// only), to show where the time goes.
//
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINBOXLINT_BUILD_BENCHMARKS=ON
//   cmake --build build-bench --target inboxlint_bench_html && build-bench/tests/bench/inboxlint_bench_html
//   build-bench/tests/bench/inboxlint_bench_html --set=spamassassin-public-corpus
//   build-bench/tests/bench/inboxlint_bench_html --families   (each rule family alone, too)
//   build-bench/tests/bench/inboxlint_bench_html --paired=41  (rounds of the pass-against-pass ratio; 0: none)
//
// The default set is tests/bench/html_set.hpp, HTML-heavy: generated/
// messages with an HTML part and the email-html templates wrapped in
// messages. --set=FOLDER takes every file of ../shared/testdata/FOLDER
// instead (the parser floor of a whole corpus, where much mail has no HTML).
#include <gumbo.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "analysis/message.hpp"
#include "bench_util.hpp"
#include "html/document.hpp"
#include "html/gumbo_guard.hpp"
#include "html_set.hpp"
#include "inboxlint/inboxlint.hpp"

namespace {

using namespace inboxlint;

struct Set {
    std::vector<std::string> messages;
    std::vector<std::string> html;  // the decoded UTF-8 text of every HTML part, in order
    std::size_t message_bytes = 0;
    std::size_t html_bytes = 0;
};

std::string g_set_name = "html-heavy";

std::vector<std::string> load_messages() {
    if (g_set_name == "html-heavy") return bench::html_heavy_messages();
    std::vector<std::string> out;
    for (const auto& path : bench::files_under(bench::shared_testdata() / g_set_name, "")) {
        const std::string name = path.filename().string();
        if (name == "MANIFEST.tsv" || name == "NOTICE" || name.rfind("LICENSE", 0) == 0 || name == "README.md")
            continue;
        if (g_set_name == "generated" && path.extension() != ".eml") continue;
        out.push_back(bench::read_file(path));
    }
    return out;
}

const Set& set() {
    static const Set s = [] {
        Set out;
        out.messages = load_messages();
        for (const std::string& m : out.messages) {
            out.message_bytes += m.size();
            const analysis::Message msg(m, Limits{});
            for (const int part : html::html_parts(msg)) {
                out.html.emplace_back(msg.body_text(part).view());
                out.html_bytes += out.html.back().size();
            }
        }
        return out;
    }();
    return s;
}

void set_counters(benchmark::State& state) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * set().message_bytes));
    state.counters["messages"] = static_cast<double>(set().messages.size());
}

// The floor: gumbo's parse of every HTML part (std::string keeps the NUL
// gumbo reads after the end), and freeing its tree.
void gumbo_parse_only(benchmark::State& state) {
    for (auto _ : state) {
        for (const std::string& html : set().html) {
            GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.c_str(), html.size());
            benchmark::DoNotOptimize(out->root);
            gumbo_destroy_output(&kGumboDefaultOptions, out);
        }
    }
    set_counters(state);
}

// Our guarded parse: prescan, arena, conditional comments parsed, our Dom.
void guarded_parse(benchmark::State& state) {
    const html::ParseOptions options;
    for (auto _ : state) {
        for (const std::string& html : set().html) benchmark::DoNotOptimize(html::parse_html(html, options));
    }
    set_counters(state);
}

// Scan, decoding, guarded parse, cascade and intents of every HTML part.
void html_analysis(benchmark::State& state) {
    for (auto _ : state) {
        for (const std::string& m : set().messages) {
            const analysis::Message msg(m, Limits{});
            for (const int part : html::html_parts(msg)) benchmark::DoNotOptimize(&html::html_document(msg, part));
        }
    }
    set_counters(state);
}

void lint_with(benchmark::State& state, const Config& config) {
    const Linter linter(config);
    for (auto _ : state) {
        for (const std::string& m : set().messages) benchmark::DoNotOptimize(linter.lint(m));
    }
    set_counters(state);
}

void lint_html_rules(benchmark::State& state) {
    Config config;
    config.select = {"HTML"};
    lint_with(state, config);
}

void lint_full(benchmark::State& state) { lint_with(state, Config{}); }

// With --families: each rule family alone (with the analyses it needs), to
// show which families cost what over the parse.
const char* const kFamilies[] = {"MSG", "MID", "FROM", "SUBJ", "MIME", "HTML", "LINK", "IDN", "AUTH", "UNSUB", "CONT"};

void register_family_benchmarks() {
    for (const char* family : kFamilies) {
        benchmark::RegisterBenchmark((std::string("family/") + family).c_str(), [family](benchmark::State& state) {
            Config config;
            config.select = {family};
            lint_with(state, config);
        })->Unit(benchmark::kMillisecond);
    }
}

// The full lint against gumbo pass for pass: one pass of each over the set,
// back to back and in alternating order, `rounds` times. This shared
// machine's speed changes for seconds at a time, so each benchmark's best
// time can come from a different state; two passes a tenth of a second
// apart share theirs. Prints the quartiles of the per-round ratios.
void print_paired_ratio(int rounds) {
    const Linter linter(Config{});
    const auto gumbo_pass = [] {
        for (const std::string& html : set().html) {
            GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.c_str(), html.size());
            benchmark::DoNotOptimize(out->root);
            gumbo_destroy_output(&kGumboDefaultOptions, out);
        }
    };
    const auto lint_pass = [&linter] {
        for (const std::string& m : set().messages) benchmark::DoNotOptimize(linter.lint(m));
    };
    const auto seconds = [](const auto& pass) { return bench::best_cpu_seconds(1, pass); };
    std::vector<double> ratios;
    for (int r = 0; r < rounds; ++r) {
        double gumbo = 0;
        double lint = 0;
        if (r % 2 == 0) {
            gumbo = seconds(gumbo_pass);
            lint = seconds(lint_pass);
        } else {
            lint = seconds(lint_pass);
            gumbo = seconds(gumbo_pass);
        }
        ratios.push_back(lint / gumbo);
    }
    std::sort(ratios.begin(), ratios.end());
    const auto at = [&ratios](double q) { return ratios[static_cast<std::size_t>(q * (ratios.size() - 1))]; };
    std::printf("%-58s %6.2fx   target <= 1.5x (quartiles %.2fx, %.2fx; %d rounds)\n",
                "full lint / gumbo, pass against pass (median)", at(0.5), at(0.25), at(0.75), rounds);
}

}  // namespace

BENCHMARK(gumbo_parse_only)->Unit(benchmark::kMillisecond);
BENCHMARK(guarded_parse)->Unit(benchmark::kMillisecond);
BENCHMARK(html_analysis)->Unit(benchmark::kMillisecond);
BENCHMARK(lint_html_rules)->Unit(benchmark::kMillisecond);
BENCHMARK(lint_full)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    std::vector<char*> args;
    bool families = false;
    int paired_rounds = 21;  // --paired=0 leaves the pass-against-pass ratio out
    for (int i = 0; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--families") {
            families = true;
        } else if (a.rfind("--paired=", 0) == 0) {
            paired_rounds = std::atoi(argv[i] + 9);
        } else if (a.rfind("--set=", 0) == 0) {
            g_set_name = a.substr(6);
        } else {
            args.push_back(argv[i]);
        }
    }
    argc = static_cast<int>(args.size());
    argv = args.data();
    if (set().messages.empty()) {
        std::fprintf(stderr, "shared test data not found under %s\n", bench::shared_testdata().c_str());
        return 1;
    }
    std::printf("%s: %zu messages (%.2f MB), %zu HTML parts (%.2f MB of decoded HTML)\n", g_set_name.c_str(),
                set().messages.size(), set().message_bytes / 1e6, set().html.size(), set().html_bytes / 1e6);
    if (families) register_family_benchmarks();
    bench::BestTimeReporter reporter;
    bench::run_benchmarks(argc, argv, reporter);
    const double gumbo = reporter.best("gumbo_parse_only");
    std::printf("\nCPU time relative to gumbo's parse alone of the same HTML (best of repetitions):\n");
    bench::print_ratio("guarded parse (prescan + gumbo + our Dom) / gumbo", reporter.best("guarded_parse"), gumbo, "");
    bench::print_ratio("HTML analysis (scan + decode + parse + cascade) / gumbo", reporter.best("html_analysis"), gumbo,
                       "");
    bench::print_ratio("lint with the HTML rules only / gumbo", reporter.best("lint_html_rules"), gumbo, "");
    bench::print_ratio("full lint / gumbo", reporter.best("lint_full"), gumbo, "target <= 1.5x");
    if (paired_rounds > 0) print_paired_ratio(paired_rounds);
    const double n = static_cast<double>(set().messages.size());
    std::printf("messages per CPU second: full lint %.0f, gumbo alone %.0f\n", n / reporter.best("lint_full"),
                n / gumbo);
    if (families) {
        std::printf("\nEach rule family alone (its analyses included) / gumbo:\n");
        for (const char* family : kFamilies) {
            const std::string name = std::string("family/") + family;
            bench::print_ratio(name.c_str(), reporter.best(name), gumbo, "");
        }
    }
    return 0;
}
