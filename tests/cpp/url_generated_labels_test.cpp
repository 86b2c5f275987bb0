// The generated corpus (../shared/testdata/generated): every message gets
// the link.* and idn.* kinds its labels.json expects and none it forbids
// (tests/python/label_map.py maps the same kinds). And the Postmark and
// Cerberus templates (../shared/testdata/email-html), wrapped in messages
// whose From is on the domain of their links, get no misleading-link finding.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <string>

#include "analysis/message.hpp"
#include "generated_labels.hpp"
#include "inboxlint/inboxlint.hpp"
#include "testdata.hpp"
#include "url/links.hpp"

namespace inboxlint {
namespace {

const std::map<std::string, std::string>& kinds() {
    static const std::map<std::string, std::string> table = {
        {"link.misleading", "LINK001"},
        {"idn.not_highly_restrictive", "IDN002"},
    };
    return table;
}

bool reported(const Report& report, const std::string& rule) {
    for (const Finding& f : report.findings)
        if (f.rule_id == rule) return true;
    return false;
}

TEST(GeneratedLabels, LinkAndIdnKinds) {
    INBOXLINT_REQUIRE_TESTDATA("generated/labels.json");
    const Linter linter(Config{});
    const testing::LabelCounts counts =
        testing::check_generated_labels(linter, [](const std::string& kind, const Report& report) {
            const auto rule = kinds().find(kind);
            return rule == kinds().end() ? std::nullopt : std::optional<bool>(reported(report, rule->second));
        });
    EXPECT_EQ(counts.messages, 44);
    EXPECT_EQ(counts.expected, 3);  // two misleading links, one mixed-script host
    EXPECT_GE(counts.forbidden, 80);
}

// Mustache placeholders become values on the template's own domain:
// {{action_url}} -> https://example.com/action_url, {{support_email}} ->
// support@example.com, anything else -> a word.
std::string fill(const std::string& html, const std::string& domain) {
    static const std::regex url("\\{\\{\\s*([a-z_]*url)\\s*\\}\\}");
    static const std::regex email("\\{\\{\\s*([a-z_]*email)\\s*\\}\\}");
    static const std::regex other("\\{\\{[^}]*\\}\\}");
    std::string out = std::regex_replace(html, url, "https://" + domain + "/$1");
    out = std::regex_replace(out, email, "$1@" + domain);
    return std::regex_replace(out, other, "Sample");
}

std::string wrap(const std::string& html, const std::string& text, const std::string& domain) {
    std::string raw = "From: Example <hello@" + domain + ">\r\nTo: r@example.org\r\nSubject: Template\r\n" +
                      "Date: Tue, 03 Mar 2026 08:00:00 +0000\r\nMessage-ID: <t@" + domain +
                      ">\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n";
    raw += "--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text;
    raw += "\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + html;
    return raw + "\r\n--b--\r\n";
}

TEST(Templates, NoMisleadingLinks) {
    INBOXLINT_REQUIRE_TESTDATA("email-html");
    Config config;
    config.select = {"LINK001", "LINK002", "LINK003", "LINK004", "IDN"};
    const Linter linter(config);
    int templates = 0, anchors = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::shared_testdata() / "email-html")) {
        if (entry.path().extension() != ".html") continue;
        // Postmark's links point at example.com; Cerberus's at google.com.
        const bool cerberus = entry.path().string().find("cerberus") != std::string::npos;
        const std::string domain = cerberus ? "google.com" : "example.com";
        std::filesystem::path text_path = entry.path();
        text_path.replace_extension(".txt");
        const std::string text = std::filesystem::exists(text_path) ? testing::read_file(text_path) : "";
        const std::string html = fill(testing::read_file(entry.path()), domain);
        const std::string raw = wrap(html, fill(text, domain), domain);
        const Report report = linter.lint(raw);
        ++templates;
        const analysis::Message msg(raw, Limits{});
        for (const url::Link& link : url::message_links(msg).links) anchors += link.anchor.has_value();
        for (const Finding& f : report.findings) ADD_FAILURE() << entry.path() << ": " << f.rule_id << " " << f.message;
    }
    EXPECT_EQ(templates, 36);
    EXPECT_GT(anchors, 150) << "the templates' links were read";
    RecordProperty("anchors", anchors);
}

}  // namespace
}  // namespace inboxlint
