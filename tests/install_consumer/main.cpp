// Through the installed library: lints a message with two From mailboxes and
// checks the finding and its byte range; composes a draft and lints an HTML
// fragment (the template-editor entry points) and checks that findings map
// back into the HTML as written.
#include <inboxlint/inboxlint.hpp>

#include <iostream>
#include <string>
#include <string_view>

namespace {

const std::vector<std::pair<std::string, std::string>> headers = {
    {"From", "Shop <news@shop.example>"},
    {"To", "you@example.org"},
    {"Subject", "Spring menu"},
    {"Date", "Thu, 05 Mar 2026 08:00:00 +0000"},
    {"Message-ID", "<2@shop.example>"},
};

// The finding of `rule` in an HTML body, mapped back to the HTML given.
bool finds_in_html(const inboxlint::DraftReport& r, std::string_view html, std::string_view rule,
                   std::string_view expected) {
    for (std::size_t i = 0; i < r.report.findings.size(); ++i) {
        const inboxlint::DraftLocation& at = r.where[i];
        if (r.report.findings[i].rule_id == rule && at.source == inboxlint::DraftSource::html &&
            html.substr(at.range.begin, at.range.size()) == expected)
            return true;
    }
    std::cerr << "no " << rule << " finding at '" << expected << "' in the HTML\n";
    return false;
}

bool compose_entry_points_work() {
    const inboxlint::Linter linter;
    const std::string html =
        "<p>Our spring menu: <a href=\"https://evil.test/x\">https://shop.example/menu</a></p>";
    inboxlint::Draft draft;
    draft.headers = headers;
    draft.text = "Our spring menu: https://shop.example/menu\n";
    draft.html = html;
    const inboxlint::DraftReport composed = inboxlint::lint_draft(linter, draft);
    const inboxlint::DraftReport fragment = inboxlint::lint_html(linter, html, headers);
    // LINK001 points at the host the link really goes to, inside the href.
    return finds_in_html(composed, html, "LINK001", "evil.test") &&
           finds_in_html(fragment, html, "LINK001", "evil.test");
}

}  // namespace

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
    if (!compose_entry_points_work()) return 1;
    std::cout << "install consumer: ok (inboxlint " << inboxlint::version << ")\n";
    return 0;
}
