// Runs every corpus message against its .expect file, as stored and with
// its line breaks converted (CRLF <-> LF): findings and their line:column
// must not depend on the line-break convention.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "corpus.hpp"
#include "inboxlint/inboxlint.hpp"
#include "testdata.hpp"

namespace inboxlint::testing {
namespace {

std::string convert_line_endings(const std::string& text) {
    const bool has_crlf = text.find("\r\n") != std::string::npos;
    std::string out;
    out.reserve(text.size() + text.size() / 20);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (has_crlf) {
            if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
            out.push_back(text[i]);
        } else {
            if (text[i] == '\n') out.push_back('\r');
            out.push_back(text[i]);
        }
    }
    return out;
}

std::string without_cr(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c != '\r') out.push_back(c);
    }
    return out;
}

bool matches(const Finding& f, const Expectation& e, std::string_view message) {
    if (f.rule_id != e.rule) return false;
    if (e.line && f.location.line != *e.line) return false;
    if (e.column && f.location.column != *e.column) return false;
    if (e.text) {
        const Span raw = f.location.raw;
        if (raw.end > message.size() || raw.begin > raw.end) return false;
        if (without_cr(message.substr(raw.begin, raw.size())) != without_cr(*e.text)) return false;
    }
    return true;
}

std::string describe(const Report& report) {
    std::string out;
    for (const Finding& f : report.findings) {
        out += "  " + f.rule_id + " " + std::to_string(f.location.line) + ":" + std::to_string(f.location.column) +
               " [" + std::to_string(f.location.raw.begin) + "," + std::to_string(f.location.raw.end) + ") " +
               f.message + "\n";
    }
    return out.empty() ? "  (no findings)\n" : out;
}

void check(const CorpusCase& c, const std::string& message, const std::string& variant) {
    const Linter linter(c.config);
    const Report report = linter.lint(message);
    const std::string where = c.message.string() + " (" + variant + ")";
    std::set<std::string> positives;
    for (const Expectation& e : c.expectations) {
        const bool found = std::any_of(report.findings.begin(), report.findings.end(),
                                       [&](const Finding& f) { return matches(f, e, message); });
        if (!e.negative) positives.insert(e.rule);
        EXPECT_EQ(found, !e.negative) << where << ": expectation on line " << e.source_line << " ("
                                      << (e.negative ? "-" : "") << e.rule << ") failed; findings:\n"
                                      << describe(report);
    }
    if (!c.nothing_else) return;
    for (const Finding& f : report.findings) {
        EXPECT_TRUE(positives.count(f.rule_id))
            << where << ": unexpected " << f.rule_id << " " << f.message << "; findings:\n"
            << describe(report);
    }
}

class Corpus : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(Corpus, FindingsMatchExpectations) {
    const CorpusCase c = load_case(GetParam());
    const std::string message = read_file(c.message);
    check(c, message, "as stored");
    if (c.convert_line_endings) check(c, convert_line_endings(message), "line breaks converted");
}

std::string case_name(const ::testing::TestParamInfo<std::filesystem::path>& info) {
    std::string name = std::filesystem::relative(info.param, corpus_dir()).replace_extension().string();
    for (char& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Rules, Corpus, ::testing::ValuesIn(corpus_messages()), case_name);

}  // namespace
}  // namespace inboxlint::testing
