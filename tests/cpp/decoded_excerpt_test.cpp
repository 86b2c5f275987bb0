// Excerpts of findings in quoted-printable and base64 parts show the decoded
// text (issue 23): what the reader sees, with the raw position in the prefix.
#include <gtest/gtest.h>

#include <string>

#include "inboxlint/inboxlint.hpp"

namespace inboxlint {
namespace {

std::string message(const std::string& encoding, const std::string& body) {
    return "From: Shop <a@shop.example.com>\r\nTo: b@example.net\r\nSubject: Hi\r\n"
           "Date: Wed, 04 Mar 2026 10:30:00 +0000\r\nMessage-ID: <q1@shop.example.com>\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: " +
           encoding + "\r\n\r\n" + body;
}

std::string text_of(const std::string& raw) {
    Config config;
    config.select = {"HTML001"};
    const Report report = Linter(config).lint(raw);
    return format_text({"m.eml", raw, &report});
}

TEST(DecodedExcerpts, QuotedPrintableShowsTheDecodedText) {
    const std::string out = text_of(message(
        "quoted-printable", "<p>Hello, this goes on.</p><div style=3D\"display:none\">cheap pills caf=C3=A9 =\r\n"
                            "now</div>\r\n"));
    EXPECT_NE(out.find("m.eml:10:56: warning: hidden text"), std::string::npos) << out;
    EXPECT_NE(out.find("   qp | <p>Hello, this goes on.</p><div style=\"display:none\">cheap pills café now</div>"),
              std::string::npos)
        << out;
    EXPECT_EQ(out.find("=3D"), std::string::npos) << out;
    // The caret is under the hidden words of the decoded line.
    const std::size_t line = out.find("   qp | ");
    const std::size_t caret_line = out.find('\n', line) + 1;
    EXPECT_EQ(out.substr(caret_line, out.find('^', caret_line) - caret_line),
              "      | " + std::string(std::string("<p>Hello, this goes on.</p><div style=\"display:none\">").size(), ' '));
}

TEST(DecodedExcerpts, Base64ShowsTheDecodedText) {
    // "<p>Hi.</p><div style="display:none">cheap pills</div>"
    const std::string out =
        text_of(message("base64", "PHA+SGkuPC9wPjxkaXYgc3R5bGU9ImRpc3BsYXk6bm9uZSI+Y2hlYXAgcGlsbHM8L2Rpdj4=\r\n"));
    EXPECT_NE(out.find("  b64 | <p>Hi.</p><div style=\"display:none\">cheap pills</div>"), std::string::npos) << out;
    EXPECT_EQ(out.find("PHA+"), std::string::npos) << out;
}

TEST(DecodedExcerpts, SevenBitPartsKeepTheirLines) {
    const std::string out = text_of(message("7bit", "<p>Hello.</p><div style=\"display:none\">cheap pills</div>\r\n"));
    EXPECT_NE(out.find("   10 | <p>Hello.</p><div style=\"display:none\">cheap pills</div>"), std::string::npos) << out;
}

}  // namespace
}  // namespace inboxlint
