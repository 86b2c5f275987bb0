// UTS #46 conformance of the IDNA layer: every line of ICU 72.1's copy of
// IdnaTestV2.txt (Unicode 15.0), and the differences between the URL and the
// mail profiles.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "idn/uts46.hpp"
#include "testdata.hpp"

namespace inboxlint::idn {
namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// \uXXXX and \x{XXXX} escapes of the test file.
std::string unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 5 < s.size() && s[i + 1] == 'u') {
            core::append_utf8(out, static_cast<char32_t>(std::stoul(s.substr(i + 2, 4), nullptr, 16)));
            i += 5;
        } else if (s[i] == '\\' && i + 2 < s.size() && s[i + 1] == 'x' && s[i + 2] == '{') {
            const auto close = s.find('}', i);
            core::append_utf8(out, static_cast<char32_t>(std::stoul(s.substr(i + 3, close - i - 3), nullptr, 16)));
            i = close;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

struct Expected {
    std::string text;
    bool errors = false;
};

struct Line {
    int number = 0;
    std::string source;
    Expected to_unicode, to_ascii_n, to_ascii_t;
};

bool has_errors(const std::string& status) { return !status.empty() && status != "[]"; }

bool parse_line(const std::string& raw, int number, Line& line) {
    const std::string content = raw.substr(0, raw.find('#'));
    if (trim(content).empty()) return false;
    std::vector<std::string> cols;
    std::stringstream in(content);
    for (std::string col; std::getline(in, col, ';');) cols.push_back(trim(col));
    cols.resize(7);
    line.number = number;
    line.source = unescape(cols[0]);
    line.to_unicode = {cols[1].empty() ? line.source : unescape(cols[1]), has_errors(cols[2])};
    line.to_ascii_n = {cols[3].empty() ? line.to_unicode.text : unescape(cols[3]),
                       cols[4].empty() ? line.to_unicode.errors : has_errors(cols[4])};
    line.to_ascii_t = {cols[5].empty() ? line.to_ascii_n.text : unescape(cols[5]),
                       cols[6].empty() ? line.to_ascii_n.errors : has_errors(cols[6])};
    return true;
}

// Conformance as the file states it: an expected error must be an error
// (the precise codes need not match); without one, the strings must match.
bool agrees(const Uts46Result& actual, const Expected& expected) {
    if (expected.errors) return !actual.ok();
    return actual.ok() && actual.text == expected.text;
}

TEST(IdnaTestV2, EveryLineAgrees) {
    INBOXLINT_REQUIRE_TESTDATA("unicode/icu-72.1/IdnaTestV2.txt");
    std::ifstream in(testing::shared_testdata() / "unicode/icu-72.1/IdnaTestV2.txt");
    Options mail = Options::of(Profile::mail);
    Options transitional = mail;
    transitional.transitional = true;
    int lines = 0;
    int passed = 0;
    int number = 0;
    for (std::string raw; std::getline(in, raw);) {
        Line line;
        if (!parse_line(raw, ++number, line)) continue;
        ++lines;
        const bool u = agrees(to_unicode(line.source, mail), line.to_unicode);
        const bool n = agrees(to_ascii(line.source, mail), line.to_ascii_n);
        const bool t = agrees(to_ascii(line.source, transitional), line.to_ascii_t);
        if (u && n && t) {
            ++passed;
        } else {
            ADD_FAILURE() << "line " << line.number << ": " << raw << " (toUnicode " << u << ", toAsciiN " << n
                          << ", toAsciiT " << t << ")";
        }
    }
    EXPECT_GT(lines, 6000);
    EXPECT_EQ(passed, lines);
    RecordProperty("lines", lines);
    RecordProperty("passed", passed);
}

TEST(Uts46, MailProfileIsStricterThanUrlProfile) {
    // STD3: '_' is fine in a URL host but not in a host name.
    EXPECT_TRUE(to_ascii("a_b.example", Profile::url).ok());
    EXPECT_EQ(to_ascii("a_b.example", Profile::mail).errors, error::disallowed);
    // CheckHyphens is off for URLs (WHATWG), on for mail.
    EXPECT_TRUE(to_ascii("-x-.example", Profile::url).ok());
    EXPECT_NE(to_ascii("-x-.example", Profile::mail).errors & error::leading_hyphen, 0u);
    EXPECT_TRUE(to_ascii("ab--cd.example", Profile::url).ok());
    EXPECT_EQ(to_ascii("ab--cd.example", Profile::mail).errors, error::hyphen_3_4);
    // VerifyDnsLength: empty labels.
    EXPECT_TRUE(to_ascii("a..b", Profile::url).ok());
    EXPECT_EQ(to_ascii("a..b", Profile::mail).errors, error::empty_label);
}

TEST(Uts46, ErrorsComeFromInfoNotStatus) {
    // ICU keeps U_ZERO_ERROR here; the wrapper must still see the errors.
    const auto joiner = to_ascii("a\u200Db.example", Profile::mail);
    EXPECT_EQ(joiner.errors, error::contextj);
    const auto bidi = to_ascii(
        "1\u0662"
        "3.example",
        Profile::url);
    EXPECT_NE(bidi.errors & error::bidi, 0u);
    EXPECT_FALSE(to_ascii("xn--a.com", Profile::url).ok());
}

TEST(Uts46, ConvertsBothWays) {
    EXPECT_EQ(to_ascii("B\u00FCcher.Example", Profile::mail).text, "xn--bcher-kva.example");
    EXPECT_EQ(to_unicode("xn--80ak6aa92e.com", Profile::mail).text, "\u0430\u0440\u0440\u04CF\u0435.com");
    // Ideographic full stop separates labels.
    EXPECT_EQ(to_ascii("example\u3002com", Profile::url).text, "example.com");
    EXPECT_EQ(to_ascii("fa\u00DF.de", Profile::mail).text, "xn--fa-hia.de");
    EXPECT_EQ(to_unicode("a.b", Profile::url).errors, 0u);
}

TEST(Uts46, ErrorNames) {
    const auto n = error_names(error::bidi | error::disallowed);
    ASSERT_EQ(n.size(), 2u);
    EXPECT_EQ(n[0], "disallowed");
    EXPECT_EQ(n[1], "bidi");
    EXPECT_NE(error_description(error::contextj).find("ZWJ"), std::string_view::npos);
    EXPECT_TRUE(to_ascii(std::string(2u << 20, 'a'), Profile::url).errors == error::internal);
}

}  // namespace
}  // namespace inboxlint::idn
