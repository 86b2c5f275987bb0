#include <gtest/gtest.h>

#include <string>

#include "mime/scanner.hpp"

namespace inboxlint::mime {
namespace {

std::string crlf(std::string text) {
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += "\r\n";
        else
            out.push_back(c);
    }
    return out;
}

std::string_view slice(std::string_view text, Span span) { return text.substr(span.begin, span.size()); }

bool has_issue(const ScanResult& r, std::string_view code) {
    for (const ScanIssue& i : r.issues) {
        if (i.code == code) return true;
    }
    return false;
}

const ScanIssue* find_issue(const ScanResult& r, std::string_view code) {
    for (const ScanIssue& i : r.issues) {
        if (i.code == code) return &i;
    }
    return nullptr;
}

TEST(Scanner, HeaderFieldsWithFoldingKeepExactSpans) {
    const std::string msg = crlf("From: a@b.example\nSubject: one\n two\nTo: c@d.example\n\nbody\n");
    const ScanResult r = scan(msg, {});
    ASSERT_EQ(r.entities.size(), 1u);
    const Entity& root = r.entities[0];
    ASSERT_EQ(root.fields.size(), 3u);
    EXPECT_EQ(field_name(msg, root.fields[1]), "Subject");
    EXPECT_EQ(field_raw_value(msg, root.fields[1]), " one\r\n two");
    EXPECT_TRUE(root.fields[1].folded);
    EXPECT_EQ(slice(msg, root.fields[2].field), "To: c@d.example");
    EXPECT_TRUE(root.has_separator);
    EXPECT_EQ(slice(msg, root.body), "body\r\n");
    EXPECT_EQ(root.body_path, "1");
    EXPECT_EQ(root.path, "");
    EXPECT_TRUE(r.issues.empty());
}

TEST(Scanner, LineStatsCountEveryKindOfBreak) {
    const std::string msg = "A: b\r\nC: d\nE: f\rG: h\r\n\r\nx";
    const LineStats s = compute_line_stats(msg);
    EXPECT_EQ(s.crlf, 3u);
    EXPECT_EQ(s.bare_lf, 1u);
    EXPECT_EQ(s.bare_cr, 1u);
    ASSERT_EQ(s.bare_cr_examples.size(), 1u);
    EXPECT_EQ(msg[s.bare_cr_examples[0].begin], '\r');
    EXPECT_EQ(s.bare_cr_examples[0].size(), 1u);
}

TEST(Scanner, LongLinesAreRecordedWithoutTheirBreak) {
    const std::string msg = "A: b\n\n" + std::string(1200, 'x') + "\nshort\n";
    const LineStats s = compute_line_stats(msg);
    ASSERT_EQ(s.long_lines, 1u);
    EXPECT_EQ(s.long_line_examples[0].size(), 1200u);
    EXPECT_EQ(s.long_line_examples[0].begin, 6u);
}

TEST(Scanner, MboxFromLineIsSkipped) {
    const std::string msg = "From someone@example.org Mon Jan  1 00:00:00 2024\nSubject: x\n\nbody";
    const ScanResult r = scan(msg, {});
    EXPECT_EQ(slice(msg, r.mbox_from_line), "From someone@example.org Mon Jan  1 00:00:00 2024");
    ASSERT_EQ(r.entities[0].fields.size(), 1u);
    EXPECT_EQ(field_name(msg, r.entities[0].fields[0]), "Subject");
}

TEST(Scanner, LineWithoutColonFollowedByFieldIsMalformedHeaderLine) {
    const std::string msg = "Subject: x\nBad header line\nTo: y@z.example\n\nbody";
    const ScanResult r = scan(msg, {});
    ASSERT_EQ(r.entities[0].fields.size(), 2u);
    const ScanIssue* issue = find_issue(r, "header-line-without-colon");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(slice(msg, issue->span), "Bad header line");
    EXPECT_EQ(slice(msg, r.entities[0].body), "body");
}

TEST(Scanner, BodyWithoutSeparatorIsReported) {
    const std::string msg = "Subject: x\nHello there,\nhow are you?\n";
    const ScanResult r = scan(msg, {});
    EXPECT_TRUE(has_issue(r, "missing-header-separator"));
    EXPECT_EQ(slice(msg, r.entities[0].body), "Hello there,\nhow are you?\n");
    EXPECT_FALSE(r.entities[0].has_separator);
}

TEST(Scanner, FieldNameWithSpaceIsAFieldWithAnIssue) {
    const std::string msg = "Subject: x\nBad Header: y\nTo: z@z.example\n\n";
    const ScanResult r = scan(msg, {});
    ASSERT_EQ(r.entities[0].fields.size(), 3u);
    const ScanIssue* issue = find_issue(r, "invalid-field-name");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(slice(msg, issue->span), "Bad Header");
}

TEST(Scanner, WhitespaceBeforeColonIsObsolete) {
    const std::string msg = "Subject : x\n\n";
    const ScanResult r = scan(msg, {});
    ASSERT_EQ(r.entities[0].fields.size(), 1u);
    EXPECT_EQ(field_name(msg, r.entities[0].fields[0]), "Subject");
    EXPECT_TRUE(has_issue(r, "whitespace-before-colon"));
}

const char* const nested = R"(From: a@b.example
Content-Type: multipart/mixed; boundary="outer"

preamble text
--outer
Content-Type: multipart/alternative; boundary=inner

--inner
Content-Type: text/plain

plain
--inner
Content-Type: text/html

<p>html</p>
--inner--
--outer
Content-Type: message/rfc822

Subject: inner message
Content-Type: multipart/mixed; boundary=deep

--deep
Content-Type: text/plain

deep text
--deep--
--outer
Content-Type: application/octet-stream
Content-Transfer-Encoding: base64

QUJD
--outer--
epilogue
)";

void check_nested_tree(const std::string& msg) {
    const ScanResult r = scan(msg, {});
    ASSERT_EQ(r.entities.size(), 8u) << "message, 3 outer parts, 2 alternatives, encapsulated message, its part";
    EXPECT_TRUE(r.issues.empty()) << r.issues.front().code;
    const auto& e = r.entities;
    EXPECT_EQ(e[0].kind, EntityKind::multipart);
    EXPECT_EQ(slice(msg, e[0].preamble).substr(0, 13), "preamble text");
    EXPECT_TRUE(e[0].closed);
    EXPECT_EQ(slice(msg, e[0].epilogue).substr(0, 8), "epilogue");
    EXPECT_EQ(e[1].path, "1");
    EXPECT_EQ(e[1].media_type, "multipart/alternative");
    EXPECT_EQ(e[2].path, "1.1");
    EXPECT_EQ(slice(msg, e[2].body), "plain");
    EXPECT_EQ(e[3].path, "1.2");
    EXPECT_EQ(slice(msg, e[3].body), "<p>html</p>");
    EXPECT_EQ(e[4].path, "2");
    EXPECT_EQ(e[4].kind, EntityKind::message);
    EXPECT_EQ(e[5].path, "2");
    EXPECT_EQ(e[5].parent, 4);
    EXPECT_EQ(e[5].kind, EntityKind::multipart);
    EXPECT_EQ(e[6].path, "2.1");
    EXPECT_EQ(slice(msg, e[6].body), "deep text");
    EXPECT_EQ(e[7].path, "3");
    EXPECT_EQ(slice(msg, e[7].body), "QUJD");
    EXPECT_EQ(e[7].transfer_encoding.name, "base64");
}

TEST(Scanner, NestedMultipartTreeWithLf) { check_nested_tree(nested); }
TEST(Scanner, NestedMultipartTreeWithCrlf) { check_nested_tree(crlf(nested)); }

TEST(Scanner, BoundaryCountsOnlyAtLineStart) {
    const std::string msg =
        "Content-Type: multipart/mixed; boundary=zz\n\n--zz\n\nsee x--zz inside\n--zzz not a delimiter\n--zz--\n";
    const ScanResult r = scan(msg, {});
    ASSERT_EQ(r.entities.size(), 2u);
    EXPECT_EQ(slice(msg, r.entities[1].body), "see x--zz inside\n--zzz not a delimiter");
}

TEST(Scanner, MissingCloseDelimiterIsReportedAndTheTreeStaysRight) {
    const std::string msg =
        "Content-Type: multipart/mixed; boundary=o\n\n--o\nContent-Type: multipart/alternative; boundary=i\n\n"
        "--i\n\none\n--o\n\ntwo\n--o--\n";
    const ScanResult r = scan(msg, {});
    ASSERT_EQ(r.entities.size(), 4u);
    EXPECT_EQ(r.entities[3].path, "2") << "the outer part after the unclosed inner multipart";
    EXPECT_EQ(slice(msg, r.entities[2].body), "one");
    EXPECT_EQ(slice(msg, r.entities[3].body), "two");
    const ScanIssue* issue = find_issue(r, "missing-close-delimiter");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(issue->entity, 1);
}

TEST(Scanner, MissingBoundaryParameterMakesALeaf) {
    const std::string msg = "Content-Type: multipart/mixed\n\n--x\n\nbody\n";
    const ScanResult r = scan(msg, {});
    ASSERT_EQ(r.entities.size(), 1u);
    EXPECT_EQ(r.entities[0].kind, EntityKind::leaf);
    EXPECT_TRUE(has_issue(r, "missing-boundary-parameter"));
}

TEST(Scanner, BoundaryNeverFoundIsReported) {
    const std::string msg = "Content-Type: multipart/mixed; boundary=nope\n\njust text\n";
    const ScanResult r = scan(msg, {});
    EXPECT_TRUE(has_issue(r, "boundary-not-found"));
    EXPECT_EQ(slice(msg, r.entities[0].preamble), "just text\n");
}

// mimetic 0.9.8 throws std::length_error out of its constructor on this one.
TEST(Scanner, HeaderEndingInLfLfCrBeforeBoundary) {
    const std::string msg =
        "Content-Type: multipart/mixed; boundary=zzzzzzzzzzzzzzzz\n\n\r\n--zzzzzzzzzzzzzzzz\n\npart\n"
        "--zzzzzzzzzzzzzzzz--\n";
    const ScanResult r = scan(msg, {});
    ASSERT_EQ(r.entities.size(), 2u);
    EXPECT_EQ(slice(msg, r.entities[1].body), "part");
}

TEST(Scanner, DigestPartsDefaultToMessages) {
    const std::string msg = "Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: first\n\nhello\n--d--\n";
    const ScanResult r = scan(msg, {});
    ASSERT_EQ(r.entities.size(), 3u);
    EXPECT_EQ(r.entities[1].media_type, "message/rfc822");
    EXPECT_TRUE(r.entities[1].media_type_defaulted);
    EXPECT_EQ(r.entities[2].body_path, "1.1");
}

TEST(Scanner, DepthLimitTurnsDeepMultipartsIntoLeaves) {
    std::string msg = "Content-Type: multipart/mixed; boundary=b0\n\n";
    for (int i = 1; i < 10; ++i) {
        msg +=
            "--b" + std::to_string(i - 1) + "\nContent-Type: multipart/mixed; boundary=b" + std::to_string(i) + "\n\n";
    }
    Limits limits;
    limits.max_depth = 3;
    const ScanResult r = scan(msg, limits);
    ASSERT_EQ(r.limits_hit.size(), 1u);
    EXPECT_EQ(r.limits_hit[0].limit, "max_depth");
    for (const Entity& e : r.entities) EXPECT_LE(e.depth, 3u);
}

TEST(Scanner, PartLimitStopsCreatingEntities) {
    std::string msg = "Content-Type: multipart/mixed; boundary=b\n\n";
    for (int i = 0; i < 50; ++i) msg += "--b\n\npart\n";
    msg += "--b--\n";
    Limits limits;
    limits.max_parts = 10;
    const ScanResult r = scan(msg, limits);
    EXPECT_EQ(r.entities.size(), 10u);
    ASSERT_EQ(r.limits_hit.size(), 1u);
    EXPECT_EQ(r.limits_hit[0].limit, "max_parts");
}

TEST(Scanner, MessageSizeLimitCutsTheText) {
    Limits limits;
    limits.max_message_size = 10;
    const ScanResult r = scan("Subject: hello world\n\nbody", limits);
    EXPECT_EQ(r.text.size(), 10u);
    ASSERT_EQ(r.limits_hit.size(), 1u);
    EXPECT_EQ(r.limits_hit[0].limit, "max_message_size");
}

TEST(Scanner, HeaderFieldLimit) {
    std::string msg;
    for (int i = 0; i < 30; ++i) msg += "X-H" + std::to_string(i) + ": v\n";
    msg += "\nbody";
    Limits limits;
    limits.max_header_fields = 5;
    const ScanResult r = scan(msg, limits);
    EXPECT_EQ(r.entities[0].fields.size(), 5u);
    EXPECT_EQ(slice(msg, r.entities[0].body), "body");
    ASSERT_EQ(r.limits_hit.size(), 1u);
}

TEST(Scanner, EmptyAndGarbageInputsDoNotBreak) {
    for (const std::string& msg : {std::string(), std::string("\n"), std::string("\r"), std::string(":"),
                                   std::string("\0\0\0", 3), std::string(" leading continuation\n\nx"),
                                   std::string("Content-Type: multipart/mixed; boundary=\"\"\n\n--\n")}) {
        const ScanResult r = scan(msg, {});
        ASSERT_FALSE(r.entities.empty());
        for (const Entity& e : r.entities) {
            EXPECT_LE(e.body.begin, e.body.end);
            EXPECT_LE(e.body.end, msg.size());
        }
    }
}

}  // namespace
}  // namespace inboxlint::mime
