#include <gtest/gtest.h>

#include "inboxlint/inboxlint.hpp"

namespace inboxlint {
namespace {

const Finding* find_rule(const DraftReport& r, std::string_view id, std::size_t* index = nullptr) {
    for (std::size_t i = 0; i < r.report.findings.size(); ++i) {
        if (r.report.findings[i].rule_id == id) {
            if (index) *index = i;
            return &r.report.findings[i];
        }
    }
    return nullptr;
}

Draft clean_draft() {
    Draft d;
    d.headers = {{"From", "Kettle & Crumb <orders@kettlecrumb.example.org>"},
                 {"To", "Robin Vale <robin.vale@example.org>"},
                 {"Subject", "Your order KC-20931 is confirmed"},
                 {"Date", "Thu, 05 Mar 2026 08:00:00 +0000"},
                 {"Message-ID", "<d1@kettlecrumb.example.org>"}};
    d.text = "Thanks, Robin. Your order KC-20931 is confirmed.\n";
    d.html = "<p>Thanks, Robin. Your order KC-20931 is confirmed.</p>\n";
    return d;
}

TEST(Compose, CleanDraftComposesToACleanMessage) {
    const DraftReport r = lint_draft(Linter(), clean_draft());
    EXPECT_TRUE(r.report.findings.empty()) << format_text({"draft", r.message, &r.report});
    EXPECT_NE(r.message.find("multipart/alternative"), std::string::npos);
    EXPECT_EQ(r.where.size(), r.report.findings.size());
}

TEST(Compose, TheSameDraftGivesTheSameBytes) {
    EXPECT_EQ(lint_draft(Linter(), clean_draft()).message, lint_draft(Linter(), clean_draft()).message);
}

TEST(Compose, HeaderFindingsMapIntoTheHeaderValue) {
    Draft d = clean_draft();
    d.headers[0].second = "a@shop.example, b@shop.example";
    const DraftReport r = lint_draft(Linter(), d);
    std::size_t i = 0;
    ASSERT_NE(find_rule(r, "FROM001", &i), nullptr);
    EXPECT_EQ(r.where[i].source, DraftSource::header);
    EXPECT_EQ(r.where[i].header_index, 0u);
    const Span s = r.where[i].range;
    EXPECT_EQ(d.headers[0].second.substr(s.begin, s.size()), "a@shop.example, b@shop.example");
}

TEST(Compose, MissingFieldsAndComposerFields) {
    Draft d = clean_draft();
    d.headers.erase(d.headers.begin() + 3);  // Date
    d.headers.push_back({"Content-Type", "text/garbage"});
    const DraftReport r = lint_draft(Linter(), d);
    std::size_t i = 0;
    ASSERT_NE(find_rule(r, "MSG001", &i), nullptr);
    EXPECT_EQ(r.message.find("text/garbage"), std::string::npos) << "the composer owns Content-Type";
}

TEST(Compose, HtmlOnlyFragmentIsLintedAsTheBody) {
    const DraftReport r = lint_html(Linter(), "<p>Hello</p>", clean_draft().headers);
    std::size_t i = 0;
    ASSERT_NE(find_rule(r, "MIME010", &i), nullptr) << "an HTML body without a text alternative";
    EXPECT_EQ(r.where[i].source, DraftSource::none);
}

TEST(Compose, HostileDraftsNeverThrow) {
    Draft d;
    d.headers = {{"", ""}, {"Bad Name", "x\r\ny"}, {"Subject", std::string(5000, 'x')}, {"From", "\xff\xfe"}};
    d.text = std::string("\0\r\n--\r\n", 7);
    d.html = "<p><<<<";
    const DraftReport r = lint_draft(Linter(), d);
    EXPECT_EQ(r.where.size(), r.report.findings.size());
    for (const DraftLocation& w : r.where) {
        if (w.source == DraftSource::html) EXPECT_LE(w.range.end, d.html.size());
        if (w.source == DraftSource::text) EXPECT_LE(w.range.end, d.text.size());
        if (w.source == DraftSource::header) EXPECT_LT(w.header_index, d.headers.size());
    }
}

}  // namespace
}  // namespace inboxlint
