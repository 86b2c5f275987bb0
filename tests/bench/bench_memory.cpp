// Peak memory per message size: lints messages of 1, 4, 16 and 64 MB (a long
// text part, an HTML part, a base64 attachment) each in a fresh process and
// reports how far the peak resident set (VmHWM) rose above the resident set
// with the message already in memory. Target: growth <= 4x the message size
// + 20 MB. For HTML, the same process then parses the part's HTML with gumbo
// alone (its own allocator) and reports that growth too: the floor while a
// gumbo tree is needed, side by side.
//
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINBOXLINT_BUILD_BENCHMARKS=ON
//   cmake --build build-bench --target inboxlint_bench_memory && build-bench/tests/bench/inboxlint_bench_memory
//   build-bench/tests/bench/inboxlint_bench_memory --ignore=CONT,AUTH014   (without these rules' analyses)
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

#include "html/prescan.hpp"
#include "inboxlint/inboxlint.hpp"

namespace {

using namespace inboxlint;

// A field of /proc/self/status in kB ("VmRSS", "VmHWM").
long status_kb(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string key = std::string(field) + ":";
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0) return std::strtol(line.c_str() + key.size(), nullptr, 10);
    return -1;
}

// Resets VmHWM to the current RSS (Linux 4.0+); false when not allowed.
bool reset_peak() {
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
    out.flush();
    return static_cast<bool>(out);
}

std::string header(std::string_view content_type) {
    std::string h =
        "From: Sender <sender@example.com>\r\nTo: rcpt@example.org\r\nSubject: size\r\n"
        "Date: Tue, 1 Apr 2025 10:00:00 +0000\r\nMessage-ID: <size@example.com>\r\nMIME-Version: 1.0\r\n";
    h += "Content-Type: ";
    h += content_type;
    h += "\r\n";
    return h;
}

// Repeats `unit` until `m` is `size` bytes long, then adds `tail`.
void fill(std::string& m, std::string_view unit, std::size_t size, std::string_view tail) {
    while (m.size() + unit.size() + tail.size() <= size) m += unit;
    m += tail;
}

std::string make_message(std::string_view kind, std::size_t size) {
    std::string m;
    m.reserve(size + 4096);
    if (kind == "text") {
        m = header("text/plain; charset=utf-8");
        m += "\r\n";
        fill(m, "Lorem ipsum dolor sit amet, https://example.com/page consectetur adipiscing elit.\r\n", size, "");
    } else if (kind == "html") {
        m = header("text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable");
        m += "\r\n<html><head><style>.x { color: #333 }</style></head><body>\r\n";
        fill(m,
             "<p class=3D\"x\" style=3D\"font-size:14px\">Lorem <a href=3D\"https://example.com/p\">ipsum</a> "
             "dolor.</p>\r\n",
             size, "</body></html>\r\n");
    } else {
        m = header("multipart/mixed; boundary=\"b\"");
        m += "\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee the attachment.\r\n"
             "--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
             "Content-Disposition: attachment; filename=\"a.pdf\"\r\n\r\n";
        fill(m, "JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29kZT4+\r\n", size,
             "--b--\r\n");
    }
    return m;
}

// The HTML of make_message("html", size): its quoted-printable only escapes '='.
std::string html_of(std::string_view message) {
    const std::string_view body = message.substr(message.find("\r\n\r\n") + 4);
    std::string html;
    html.reserve(body.size());
    for (std::size_t i = 0; i < body.size(); ++i) {
        html += body[i];
        if (body.compare(i, 3, "=3D") == 0) i += 2;
    }
    return html;
}

std::vector<std::string> split_ids(std::string_view list) {
    std::vector<std::string> out;
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        out.emplace_back(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    return out;
}

// The "html" message's HTML parsed by gumbo alone, with its own allocator,
// cut where the lint's parse stops (max_html_nodes): the floor while a gumbo
// tree is needed.
int gumbo_child(std::size_t size) {
    std::string html = html_of(make_message("html", size));
    html.resize(html::prescan_html(html, html::PrescanLimits{}).length);
    const bool reset = reset_peak();
    const long base = status_kb(reset ? "VmRSS" : "VmHWM");
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.c_str(), html.size());
    const long peak = status_kb("VmHWM");
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    const double mb = static_cast<double>(size) / 1e6;
    const double growth = static_cast<double>(peak - base) / 1e3;
    std::printf("%-10s %8.1f %10.1f %10.1f %10.1f %10s %6.2f  gumbo alone, same HTML%s\n", "html", mb, base / 1e3,
                peak / 1e3, growth, "", growth / mb, reset ? "" : " (peak not reset)");
    return 0;
}

int child(std::string_view kind, std::size_t size, std::string_view ignore) {
    if (kind == "gumbo") return gumbo_child(size);
    const std::string message = make_message(kind, size);
    Config config;
    config.ignore = split_ids(ignore);
    const Linter linter(config);
    (void)linter.lint("From: a@example.com\r\n\r\nwarm-up\r\n");  // tables loaded before the baseline
    const bool reset = reset_peak();
    const long base = status_kb(reset ? "VmRSS" : "VmHWM");
    const Report report = linter.lint(message);
    const long peak = status_kb("VmHWM");
    const double mb = static_cast<double>(message.size()) / 1e6;
    const double growth = static_cast<double>(peak - base) / 1e3;
    const double bound = 4 * mb + 20;
    std::printf("%-10s %8.1f %10.1f %10.1f %10.1f %10.1f %6.2f %s%s%s\n", std::string(kind).c_str(), mb, base / 1e3,
                peak / 1e3, growth, bound, growth / mb, growth <= bound ? "ok" : "OVER",
                report.truncated ? " (truncated)" : "", reset ? "" : " (peak not reset)");
    return 0;
}

// Each measurement in a fresh process: a heap that earlier work grew would hide the peak.
void run_child(const char* self, const char* kind, std::size_t mb, const std::string& ignore) {
    const std::string size = std::to_string(mb * 1000000);
    const pid_t pid = fork();
    if (pid == 0) {
        execl("/proc/self/exe", self, "--child", kind, size.c_str(), ignore.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) std::printf("%-10s %8zu failed\n", kind, mb);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 5 && std::strcmp(argv[1], "--child") == 0) return child(argv[2], std::stoul(argv[3]), argv[4]);
    const std::string ignore = argc > 1 && std::strncmp(argv[1], "--ignore=", 9) == 0 ? argv[1] + 9 : "";
    if (!ignore.empty()) std::printf("rules left out: %s\n", ignore.c_str());
    std::printf("%-10s %8s %10s %10s %10s %10s %6s\n", "kind", "MB", "base MB", "peak MB", "growth MB", "bound MB",
                "x size");
    std::fflush(stdout);
    for (const char* kind : {"text", "html", "attachment"}) {
        for (const std::size_t mb : {1, 4, 16, 64}) {
            run_child(argv[0], kind, mb, ignore);
            if (std::strcmp(kind, "html") == 0) run_child(argv[0], "gumbo", mb, ignore);
        }
    }
    std::printf("bound: 4 x size + 20 MB; base = resident set with the message in memory, before the lint\n");
    return 0;
}
