// DKIM analysis: tag lists with spans, base64, canonicalisation (RFC 6376
// section 3.4.5 example), key tables, RFC 8463's example verified with its
// published keys, and the body hashes of the DKIM-signed messages in the
// shared test data against the list in cpp/docs/dkim-results.md.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "analysis/message.hpp"
#include "auth/base64.hpp"
#include "auth/canon.hpp"
#include "auth/dkim_signature.hpp"
#include "auth/dkim_verify.hpp"
#include "auth/key_record.hpp"
#include "auth/tag_list.hpp"
#include "inboxlint/inboxlint.hpp"
#include "testdata.hpp"

namespace inboxlint::auth {
namespace {

std::string_view at(std::string_view text, Span s) { return text.substr(s.begin, s.size()); }

TEST(DkimTagList, SpansOfNamesAndValuesWithFolding) {
    const std::string v = " v=1; a = rsa-sha256;\r\n\tbh=ab\r\n cd= ;b=";
    const TagList list = parse_tag_list(v, 100);
    ASSERT_EQ(list.tags.size(), 4u);
    EXPECT_TRUE(list.issues.empty());
    EXPECT_EQ(list.tags[1].name_text, "a");
    EXPECT_EQ(at(v, {list.tags[1].value.begin - 100, list.tags[1].value.end - 100}), "rsa-sha256");
    EXPECT_EQ(list.tags[2].compact, "abcd=");
    EXPECT_TRUE(list.tags[2].inner_space);
    EXPECT_EQ(at(v, {list.tags[2].value.begin - 100, list.tags[2].value.end - 100}), "ab\r\n cd=");
    EXPECT_TRUE(list.tags[3].value.empty());
}

TEST(DkimTagList, DefectsAreRecordedWithTheirBytes) {
    const std::string v = "v=1;; 9x=2; d=a; d=b; novalue; s=\x01";
    const TagList list = parse_tag_list(v, 0);
    std::vector<std::string> codes;
    for (const auto& i : list.issues) codes.push_back(std::string(i.code) + ":" + std::string(at(v, i.span)));
    EXPECT_EQ(codes, (std::vector<std::string>{"empty-tag-spec:;", "invalid-tag-name:9x", "duplicate-tag:d=b",
                                               "missing-equals:novalue", "invalid-value-character:\x01"}));
}

TEST(DkimBase64, ValidWithWhiteSpaceAndInvalidPointsAtTheByte) {
    EXPECT_EQ(*decode_base64("aGVs\r\n bG8=").bytes, "hello");
    const Base64Result bad = decode_base64("aGV*bG8=");
    EXPECT_FALSE(bad.bytes);
    EXPECT_EQ(bad.error_at, 3u);
    EXPECT_FALSE(decode_base64("aGVsbG8").bytes);   // padding missing
    EXPECT_FALSE(decode_base64("aG==bG8=").bytes);  // data after padding
    EXPECT_EQ(encode_base64("hello"), "aGVsbG8=");
}

// RFC 6376 section 3.4.5, both canonicalisations of the example.
TEST(DkimCanonicalization, Rfc6376Example) {
    const std::string body = " C \r\nD \t E\r\n\r\n\r\n";
    EXPECT_EQ(canonicalize_body(body, Canonicalization::relaxed), " C\r\nD E\r\n");
    EXPECT_EQ(canonicalize_body(body, Canonicalization::simple), " C \r\nD \t E\r\n");
    std::string out;
    const std::string a = "A: X";
    canonicalize_header(out, a, 1, 2, Canonicalization::relaxed);
    out += "\r\n";
    const std::string b = "B : Y\t\r\n\tZ  ";
    canonicalize_header(out, b, 1, 3, Canonicalization::relaxed);
    EXPECT_EQ(out, "a:X\r\nb:Y Z");
}

// RFC 6376 3.4.4 read literally, one byte at a time: the reference the
// relaxed body canonicalisation (which copies runs) must agree with.
std::string relaxed_body_by_the_letter(std::string_view body) {
    std::vector<std::string> lines;
    std::string line;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] == '\n') {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            lines.push_back(line);
            line.clear();
        } else {
            line.push_back(body[i]);
        }
    }
    if (!line.empty()) lines.push_back(line);
    std::string out;
    std::size_t kept = 0;  // length of out after the last line with content
    for (const std::string& l : lines) {
        std::string collapsed;  // every run of WSP one SP
        for (char c : l) {
            const bool wsp = c == ' ' || c == '\t';
            if (wsp && !collapsed.empty() && collapsed.back() == ' ') continue;
            collapsed.push_back(wsp ? ' ' : c);
        }
        while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
        out += collapsed + "\r\n";
        if (!collapsed.empty()) kept = out.size();
    }
    out.resize(kept);  // empty lines at the end go
    return out;
}

TEST(DkimCanonicalization, RelaxedBodyAgreesWithTheRfcReadLiterally) {
    // Every string of up to seven bytes over SP, TAB, CR, LF and a letter.
    constexpr char alphabet[] = {' ', '\t', '\r', '\n', 'a'};
    std::size_t checked = 0;
    for (std::size_t length = 0; length <= 7; ++length) {
        std::size_t combinations = 1;
        for (std::size_t i = 0; i < length; ++i) combinations *= std::size(alphabet);
        for (std::size_t n = 0; n < combinations; ++n) {
            std::string body;
            for (std::size_t k = 0, rest = n; k < length; ++k, rest /= std::size(alphabet)) {
                body.push_back(alphabet[rest % std::size(alphabet)]);
            }
            ASSERT_EQ(canonicalize_body(body, Canonicalization::relaxed), relaxed_body_by_the_letter(body))
                << ::testing::PrintToString(body);
            ++checked;
        }
    }
    EXPECT_EQ(checked, 97656u);
}

// The relaxed copy looks for tabs and runs of WSP sixteen bytes at a time:
// put one at every offset around the blocks of a long line.
TEST(DkimCanonicalization, RelaxedBodyFindsWhiteSpaceAtEveryOffset) {
    for (std::size_t at = 0; at < 40; ++at) {
        for (const std::string_view put : {"\t", "  ", " \t", "\t ", " ", "   \r\n", " x"}) {
            std::string body(44, 'w');
            for (std::size_t i = 3; i < body.size(); i += 7) body[i] = ' ';  // single spaces stay
            body.replace(at, put.size(), put);
            body += "\r\nnext line\r\n";
            ASSERT_EQ(canonicalize_body(body, Canonicalization::relaxed), relaxed_body_by_the_letter(body))
                << ::testing::PrintToString(body);
        }
    }
}

TEST(DkimCanonicalization, LfIsReadAsCrlfAndEmptyBodies) {
    EXPECT_EQ(canonicalize_body("a\nb\n\n", Canonicalization::simple), "a\r\nb\r\n");
    EXPECT_EQ(canonicalize_body("a\r\nb", Canonicalization::relaxed), "a\r\nb\r\n");
    EXPECT_EQ(canonicalize_body("", Canonicalization::simple), "\r\n");
    EXPECT_EQ(canonicalize_body("\r\n \r\n", Canonicalization::relaxed), "");
    EXPECT_EQ(canonicalize_body("x\ry\n", Canonicalization::simple), "x\ry\r\n");  // a bare CR is content
    std::string header;
    canonicalize_header(header, "Subject: a\n b", 7, 8, Canonicalization::simple);
    EXPECT_EQ(header, "Subject: a\r\n b");
}

TEST(DkimSignatureParse, ValuesAndValueIssues) {
    const std::string v =
        "v=1; a=RSA-SHA256; c=relaxed; d=Example.COM; s=s1; h=From : to::x y; l=12; t=1; x=abc; "
        "i=@mail.example.com; bh=AAAA; b=AA=A";
    const DkimSignature sig = parse_dkim_signature(v, 0);
    EXPECT_EQ(sig.algorithm, DkimAlgorithm::rsa_sha256);
    EXPECT_EQ(sig.header_canon, Canonicalization::relaxed);
    EXPECT_EQ(sig.body_canon, Canonicalization::simple);
    EXPECT_EQ(sig.domain, "example.com");
    EXPECT_EQ(sig.key_name(), "s1._domainkey.example.com");
    ASSERT_EQ(sig.headers.size(), 3u);
    EXPECT_EQ(sig.headers[0].name, "from");
    EXPECT_EQ(at(v, sig.headers[0].span), "From");
    EXPECT_EQ(sig.signs("FROM"), 1u);
    EXPECT_EQ(*sig.body_length, 12u);
    EXPECT_FALSE(sig.expiration);
    std::vector<std::string> codes;
    for (const auto& i : sig.issues) codes.push_back(std::string(i.code) + ":" + std::string(at(v, i.span)));
    EXPECT_EQ(codes, (std::vector<std::string>{"empty-header-name::", "invalid-header-name:x y", "invalid-number:abc",
                                               "invalid-base64:A"}));
    EXPECT_FALSE(sig.complete());
}

TEST(DkimKeys, ParsesLinesAndZoneFileSyntax) {
    const auto keys = parse_dkim_keys(
        "# comment\n"
        "a._domainkey.example.com v=DKIM1; k=rsa; p=AAAA\n"
        "B._DomainKey.Example.NET. 3600 IN TXT ( \"v=DKIM1; k=ed25519; \"\n"
        "   \"p=BBBB\" ) ; trailing comment\n"
        "c._domainkey.example.org \"v=DKIM1; \" \"p=CC\\\"\"\n");
    ASSERT_EQ(keys.size(), 3u);
    EXPECT_EQ(keys.at("a._domainkey.example.com"), "v=DKIM1; k=rsa; p=AAAA");
    EXPECT_EQ(keys.at("b._domainkey.example.net"), "v=DKIM1; k=ed25519; p=BBBB");
    EXPECT_EQ(keys.at("c._domainkey.example.org"), "v=DKIM1; p=CC\"");
    EXPECT_THROW((void)parse_dkim_keys("example.com v=DKIM1; p=AA\n"), ConfigError);
    EXPECT_THROW((void)parse_dkim_keys("a._domainkey.example.com\n"), ConfigError);
    EXPECT_THROW((void)parse_dkim_keys("a._domainkey.example.com TXT ( \"p=AA\"\n"), ConfigError);
    EXPECT_THROW((void)load_dkim_keys("/nonexistent/keys.txt"), ConfigError);
    Config config;
    config.dkim_keys["not-a-key-name"] = "p=";
    EXPECT_THROW(Linter{config}, ConfigError);
}

TEST(DkimKeys, RecordProblems) {
    EXPECT_TRUE(parse_key_record("v=DKIM1; p=").revoked);
    EXPECT_FALSE(parse_key_record("v=DKIM1; k=dsa; p=AAAA").problem.empty());
    EXPECT_FALSE(parse_key_record("k=rsa; v=DKIM1; p=AAAA").problem.empty());  // v= must come first
    EXPECT_FALSE(parse_key_record("v=DKIM1; k=ed25519; p=AAAA").key);          // 3 bytes, not 32
    const KeyRecord ed = parse_key_record("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
    ASSERT_TRUE(ed.key);
    EXPECT_EQ(ed.key->type(), KeyType::ed25519);
}

// RFC 8463 appendix A: the example message verifies with both published keys,
// as stored (CRLF) and with LF line breaks.
TEST(DkimVerify, Rfc8463ExampleWithItsPublishedKeys) {
    INBOXLINT_REQUIRE_TESTDATA("crymap/rfc-8463.eml");
    const std::string raw = testing::read_file(testing::shared_testdata() / "crymap" / "rfc-8463.eml");
    ASSERT_FALSE(raw.empty());
    const DkimKeys keys = {
        {"brisbane._domainkey.football.example.com",
         "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="},
        {"test._domainkey.football.example.com",
         "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/"
         "J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+"
         "2kryOTIKT+l/K4w3QIDAQAB"}};
    std::string lf;
    for (char c : raw)
        if (c != '\r') lf.push_back(c);
    for (const std::string& text : {raw, lf}) {
        const analysis::Message msg(text, Limits{});
        const auto& sigs = dkim_signatures(msg).signatures;
        ASSERT_EQ(sigs.size(), 2u);
        EXPECT_EQ(sigs[0].algorithm, DkimAlgorithm::ed25519_sha256);
        const auto& bodies = dkim_body_hashes(msg);
        const auto& results = dkim_verifications(msg, keys);
        for (std::size_t i = 0; i < 2; ++i) {
            EXPECT_EQ(bodies[i].status, BodyHashStatus::match) << i;
            EXPECT_EQ(results[i].status, VerifyStatus::pass) << i << " " << results[i].detail;
        }
        EXPECT_EQ(results[0].key_type, KeyType::ed25519);
        EXPECT_EQ(results[1].key_bits, 1024);
        // Another key for the selector: the signature fails.
        DkimKeys swapped = keys;
        swapped["brisbane._domainkey.football.example.com"] =
            "v=DKIM1; k=ed25519; p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        const analysis::Message again(text, Limits{});
        EXPECT_EQ(dkim_verifications(again, swapped)[0].status, VerifyStatus::fail);
    }
}

// cpp/docs/dkim-results.md lists every DKIM signature in the shared crymap
// and rspamd-functional messages with its body hash result; the analysis
// must give exactly those.
TEST(DkimVerify, BodyHashesOfSharedTestDataMatchTheDocumentedList) {
    INBOXLINT_REQUIRE_TESTDATA("crymap");
    INBOXLINT_REQUIRE_TESTDATA("rspamd-functional");
    std::ifstream doc(testing::source_dir() / "cpp" / "docs" / "dkim-results.md");
    ASSERT_TRUE(doc) << "cpp/docs/dkim-results.md missing";
    const std::regex row(
        R"(^\| `([^`]+)` \| (\d+) \| ([^ ]*) \| ([a-z0-9-]+) \| ([a-z]+/[a-z]+) \| (match|mismatch|unchecked) \|)");
    std::string line;
    int rows = 0;
    while (std::getline(doc, line)) {
        std::smatch m;
        if (!std::regex_search(line, m, row)) continue;
        ++rows;
        const std::string raw = testing::read_file(testing::shared_testdata() / m[1].str());
        ASSERT_FALSE(raw.empty()) << m[1];
        const analysis::Message msg(raw, Limits{});
        const auto& sigs = dkim_signatures(msg).signatures;
        const std::size_t index = std::stoul(m[2].str());
        ASSERT_LT(index, sigs.size()) << m[1];
        EXPECT_EQ(sigs[index].domain, m[3].str()) << m[1];
        EXPECT_EQ(to_string(sigs[index].algorithm), m[4].str()) << m[1];
        const BodyHashStatus status = dkim_body_hashes(msg)[index].status;
        const std::string got = status == BodyHashStatus::match      ? "match"
                                : status == BodyHashStatus::mismatch ? "mismatch"
                                                                     : "unchecked";
        EXPECT_EQ(got, m[6].str()) << m[1] << " signature " << index;
    }
    EXPECT_GE(rows, 50);
}

}  // namespace
}  // namespace inboxlint::auth
