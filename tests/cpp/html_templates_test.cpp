// Real templates and labelled messages against the HTML rules:
// - every Postmark and Cerberus template (../shared/testdata/email-html),
//   wrapped in a message as quoted-printable and as 8bit, gets no hidden
//   content finding (HTML001, HTML002); each Cerberus template gets exactly
//   one preheader finding (HTML003), at the preheader's bytes;
// - every generated message (../shared/testdata/generated) gets the html.*
//   kinds its labels.json expects and none it forbids (tests/python/label_map.py
//   maps the same kinds).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "generated_labels.hpp"
#include "inboxlint/inboxlint.hpp"
#include "template_messages.hpp"
#include "testdata.hpp"

namespace inboxlint {
namespace {

using testing::templates;
using testing::wrap;

std::size_t count(const Report& report, std::string_view rule) {
    return static_cast<std::size_t>(std::count_if(report.findings.begin(), report.findings.end(),
                                                  [&](const Finding& f) { return f.rule_id == rule; }));
}

TEST(HtmlTemplates, PostmarkTemplatesHaveNoHiddenContent) {
    INBOXLINT_REQUIRE_TESTDATA("email-html/postmark");
    const Linter linter(Config{});
    const auto files = templates("email-html/postmark");
    EXPECT_EQ(files.size(), 33u);
    std::size_t preheaders = 0;
    for (const auto& path : files) {
        const std::string html = testing::read_file(path);
        for (bool qp : {true, false}) {
            const Report report = linter.lint(wrap(html, qp));
            EXPECT_EQ(count(report, "HTML001"), 0u) << path;
            EXPECT_EQ(count(report, "HTML002"), 0u) << path;
            EXPECT_EQ(count(report, "HTML009"), 0u) << path;
            EXPECT_LE(count(report, "HTML003"), 1u) << path;
            if (qp) preheaders += count(report, "HTML003");
        }
    }
    EXPECT_EQ(preheaders, 30u) << "every Postmark template but the three comment notifications has a preheader";
}

TEST(HtmlTemplates, CerberusTemplatesHaveExactlyTheirPreheader) {
    INBOXLINT_REQUIRE_TESTDATA("email-html/cerberus");
    const Linter linter(Config{});
    const auto files = templates("email-html/cerberus");
    EXPECT_EQ(files.size(), 3u);
    for (const auto& path : files) {
        // CRLF throughout, so that the decoded text is the same for both encodings.
        std::string html;
        for (char c : testing::read_file(path)) {
            if (c == '\n') html += '\r';
            if (c != '\r') html += c;
        }
        for (bool qp : {true, false}) {
            const std::string raw = wrap(html, qp);
            const Report report = linter.lint(raw);
            EXPECT_EQ(count(report, "HTML001"), 0u) << path;
            EXPECT_EQ(count(report, "HTML002"), 0u) << path;
            EXPECT_EQ(count(report, "HTML004"), 0u) << path;
            ASSERT_EQ(count(report, "HTML003"), 1u) << path;
            const Finding& f = *std::find_if(report.findings.begin(), report.findings.end(),
                                             [](const Finding& x) { return x.rule_id == "HTML003"; });
            // The decoded range starts at the preheader text; the raw range
            // maps back to the same bytes through the transfer encoding.
            ASSERT_TRUE(f.location.decoded.has_value());
            EXPECT_EQ(html.substr(f.location.decoded->begin, 10), "(Optional)");
            EXPECT_EQ(raw.substr(f.location.raw.begin, 10), "(Optional)") << (qp ? "quoted-printable" : "8bit");
            std::string technique;
            for (const Property& p : f.properties) {
                if (p.name == "technique") technique = p.value;
            }
            EXPECT_EQ(technique, "zero size with overflow:hidden");
        }
    }
}

// The rules each html.* kind of labels.json stands for.
const std::map<std::string, std::set<std::string>>& html_kinds() {
    static const std::map<std::string, std::set<std::string>> table = {
        {"html.hidden_content", {"HTML001", "HTML002"}},
        {"html.hidden_preheader", {"HTML003"}},
    };
    return table;
}

bool reported(const Report& report, const std::set<std::string>& rules) {
    return std::any_of(report.findings.begin(), report.findings.end(),
                       [&](const Finding& f) { return rules.count(f.rule_id) > 0; });
}

TEST(HtmlGeneratedLabels, HiddenContentAndPreheaders) {
    INBOXLINT_REQUIRE_TESTDATA("generated/labels.json");
    const Linter linter(Config{});
    const testing::LabelCounts counts =
        testing::check_generated_labels(linter, [](const std::string& kind, const Report& report) {
            const auto rules = html_kinds().find(kind);
            return rules == html_kinds().end() ? std::nullopt : std::optional<bool>(reported(report, rules->second));
        });
    EXPECT_EQ(counts.expected, 33);   // 3 hidden-content, 30 preheader
    EXPECT_EQ(counts.forbidden, 54);  // 41 hidden-content, 13 preheader
}

}  // namespace
}  // namespace inboxlint
