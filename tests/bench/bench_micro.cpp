// Google Benchmark micro-benchmarks of the layers, on real material from
// ../shared/testdata: the scanner (SpamAssassin corpus), address lists and
// encoded words (its header fields), the CSS tokenizer and parsers (the
// <style> blocks and style attributes of the HTML-heavy set), the URL parser
// (its links) and UTS #46 / UTS #39 (their hosts and IDNs).
//
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINBOXLINT_BUILD_BENCHMARKS=ON
//   cmake --build build-bench --target inboxlint_bench_micro && build-bench/tests/bench/inboxlint_bench_micro
#include <cstdio>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "html/css_parser.hpp"
#include "html/css_tokenizer.hpp"
#include "html_set.hpp"
#include "idn/domain_checks.hpp"
#include "idn/uts46.hpp"
#include "mime/address.hpp"
#include "mime/encoded_word.hpp"
#include "mime/scanner.hpp"
#include "url/url.hpp"

namespace {

using namespace inboxlint;

struct Material {
    std::vector<std::string> messages;
    std::vector<std::string> address_values;  // From, To, Cc, Reply-To values
    std::vector<std::string> subjects;
    std::vector<std::string> style_sheets;
    std::vector<std::string> style_attributes;
    std::vector<std::string> urls;
    std::vector<std::string> hosts;
    std::vector<std::string> idns;  // international names only (every one needs UTS #46 and #39)
};

// Text between `open` and `close` after every occurrence of `open` in `text`.
void collect(std::string_view text, std::string_view open, std::string_view close, std::vector<std::string>& out) {
    for (std::size_t at = text.find(open); at != std::string_view::npos; at = text.find(open, at + 1)) {
        const std::size_t begin = at + open.size();
        const std::size_t end = text.find(close, begin);
        if (end == std::string_view::npos) break;
        out.emplace_back(text.substr(begin, end - begin));
    }
}

void collect_headers(const std::string& m, Material& out) {
    const mime::ScanResult scan = mime::scan(m, Limits{});
    for (const mime::HeaderField& f : scan.entities.front().fields) {
        const std::string_view name = mime::field_name(m, f);
        const std::string_view value = std::string_view(m).substr(f.value.begin, f.value.size());
        if (name == "From" || name == "To" || name == "Cc" || name == "Reply-To") out.address_values.emplace_back(value);
        if (name == "Subject") out.subjects.emplace_back(value);
    }
}

const Material& material() {
    static const Material m = [] {
        Material out;
        for (const auto& path : bench::files_under(bench::shared_testdata() / "spamassassin-public-corpus", ""))
            if (path.filename() != "MANIFEST.tsv" && path.filename() != "NOTICE")
                out.messages.push_back(bench::read_file(path));
        for (const std::string& msg : out.messages) {
            collect_headers(msg, out);
            collect(msg, "href=\"", "\"", out.urls);
        }
        for (const auto& path : bench::files_under(bench::shared_testdata() / "email-html", ".html")) {
            const std::string html = bench::read_file(path);
            collect(html, "<style", "</style>", out.style_sheets);
            collect(html, "style=\"", "\"", out.style_attributes);
            collect(html, "href=\"", "\"", out.urls);
        }
        for (const std::string& u : out.urls) {
            const url::UrlResult r = url::parse_url(u);
            if (r.url && r.url->host_span) out.hosts.push_back(u.substr(r.url->host_span->begin, r.url->host_span->size()));
        }
        for (const char* idn : {"bücherwurm.example", "аррӏе.com", "例え.テスト", "xn--80ak6aa92e.com",
                                "straße.de", "ｅｘａｍｐｌｅ．ｃｏｍ", "παράδειγμα.δοκιμή", "münchen.shop.example",
                                "xn--bcherwurm-xhb.example", "paypa\xc6\x96.com"})
            out.idns.emplace_back(idn);
        out.hosts.insert(out.hosts.end(), out.idns.begin(), out.idns.end());
        return out;
    }();
    return m;
}

std::size_t total_size(const std::vector<std::string>& items) {
    std::size_t n = 0;
    for (const std::string& s : items) n += s.size();
    return n;
}

void bytes(benchmark::State& state, const std::vector<std::string>& items) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_size(items)));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items.size()));
}

void scanner(benchmark::State& state) {
    for (auto _ : state)
        for (const std::string& m : material().messages) benchmark::DoNotOptimize(mime::scan(m, Limits{}));
    bytes(state, material().messages);
}

void address_lists(benchmark::State& state) {
    for (auto _ : state)
        for (const std::string& v : material().address_values) benchmark::DoNotOptimize(mime::parse_address_list(v, 0));
    bytes(state, material().address_values);
}

void encoded_words(benchmark::State& state) {
    for (auto _ : state)
        for (const std::string& v : material().subjects) benchmark::DoNotOptimize(mime::decode_unstructured(v, 0));
    bytes(state, material().subjects);
}

void css_tokenize(benchmark::State& state) {
    for (auto _ : state)
        for (const std::string& s : material().style_sheets) benchmark::DoNotOptimize(html::css::tokenize(s));
    bytes(state, material().style_sheets);
}

void css_style_sheets(benchmark::State& state) {
    for (auto _ : state) {
        for (const std::string& s : material().style_sheets) {
            html::css::Stylesheet sheet;
            html::css::parse_stylesheet(s, 0, "", false, sheet);
            benchmark::DoNotOptimize(sheet.rules.data());
        }
    }
    bytes(state, material().style_sheets);
}

void css_style_attributes(benchmark::State& state) {
    for (auto _ : state)
        for (const std::string& s : material().style_attributes)
            benchmark::DoNotOptimize(html::css::parse_declaration_list(s, 0, false));
    bytes(state, material().style_attributes);
}

void url_parse(benchmark::State& state) {
    for (auto _ : state)
        for (const std::string& u : material().urls) benchmark::DoNotOptimize(url::parse_url(u));
    bytes(state, material().urls);
}

void idn_to_ascii(benchmark::State& state) {
    for (auto _ : state)
        for (const std::string& h : material().hosts) benchmark::DoNotOptimize(idn::to_ascii(h, idn::Profile::url));
    bytes(state, material().hosts);
}

void idn_check_domain(benchmark::State& state) {
    for (auto _ : state) {
        for (const std::string& h : material().hosts) {
            bool checked = false;
            benchmark::DoNotOptimize(idn::check_domain(h, checked));
        }
    }
    bytes(state, material().hosts);
}

void idn_check_domain_idn_only(benchmark::State& state) {
    for (auto _ : state) {
        for (const std::string& h : material().idns) {
            bool checked = false;
            benchmark::DoNotOptimize(idn::check_domain(h, checked));
        }
    }
    bytes(state, material().idns);
}

}  // namespace

BENCHMARK(scanner)->Unit(benchmark::kMillisecond);
BENCHMARK(address_lists)->Unit(benchmark::kMicrosecond);
BENCHMARK(encoded_words)->Unit(benchmark::kMicrosecond);
BENCHMARK(css_tokenize)->Unit(benchmark::kMicrosecond);
BENCHMARK(css_style_sheets)->Unit(benchmark::kMicrosecond);
BENCHMARK(css_style_attributes)->Unit(benchmark::kMicrosecond);
BENCHMARK(url_parse)->Unit(benchmark::kMicrosecond);
BENCHMARK(idn_to_ascii)->Unit(benchmark::kMicrosecond);
BENCHMARK(idn_check_domain)->Unit(benchmark::kMicrosecond);
BENCHMARK(idn_check_domain_idn_only)->Unit(benchmark::kMicrosecond);

int main(int argc, char** argv) {
    const Material& m = material();
    std::printf("material: %zu messages, %zu address fields, %zu subjects, %zu style sheets, %zu style attributes, "
                "%zu URLs, %zu hosts\n",
                m.messages.size(), m.address_values.size(), m.subjects.size(), m.style_sheets.size(),
                m.style_attributes.size(), m.urls.size(), m.hosts.size());
    if (m.messages.empty() || m.style_sheets.empty()) {
        std::fprintf(stderr, "shared test data not found under %s\n", bench::shared_testdata().c_str());
        return 1;
    }
    bench::BestTimeReporter reporter;
    bench::run_benchmarks(argc, argv, reporter);
    return 0;
}
