// Lints a draft with two From mailboxes through the installed library and
// checks the finding and its byte range.
#include <inboxlint/inboxlint.hpp>

#include <iostream>
#include <string_view>

int main() {
    constexpr std::string_view draft =
        "From: a@shop.example, b@shop.example\r\n"
        "To: you@example.org\r\n"
        "Subject: Hello\r\n"
        "Date: Thu, 05 Mar 2026 08:00:00 +0000\r\n"
        "Message-ID: <1@shop.example>\r\n"
        "\r\n"
        "Hi\r\n";
    inboxlint::Config config;
    config.select = {"FROM"};
    const inboxlint::Linter linter(config);
    const inboxlint::Report report = linter.lint(draft);
    if (report.findings.size() != 1 || report.findings[0].rule_id != "FROM001") {
        std::cerr << "expected exactly one FROM001 finding\n" << inboxlint::format_text({"draft", draft, &report});
        return 1;
    }
    const inboxlint::Span raw = report.findings[0].location.raw;
    if (draft.substr(raw.begin, raw.size()) != " a@shop.example, b@shop.example") {
        std::cerr << "wrong range [" << raw.begin << ", " << raw.end << ")\n";
        return 1;
    }
    try {
        inboxlint::Config bad;
        bad.select = {"NOSUCHRULE"};
        const inboxlint::Linter rejected(bad);
        std::cerr << "an unknown rule was accepted\n";
        return 1;
    } catch (const inboxlint::ConfigError&) {
    }
    std::cout << "install consumer: ok (inboxlint " << inboxlint::version << ")\n";
    return 0;
}
