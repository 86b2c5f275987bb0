// Structure goldens: the MIME part tree of every corpus/structure/ message,
// with its spans written as line:column, must equal <message>.tree.json, both
// for the file as stored and with its line breaks converted (CRLF <-> LF).
// Line:column does not depend on the line-break convention, so one golden
// serves both runs. INBOXLINT_UPDATE_GOLDENS=1 rewrites the goldens (review
// the diff before committing).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "core/lines.hpp"
#include "inboxlint/inboxlint.hpp"
#include "testdata.hpp"

namespace inboxlint {
namespace {

std::string convert_line_breaks(const std::string& text) {
    const bool crlf = text.find("\r\n") != std::string::npos;
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (crlf && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        if (!crlf && text[i] == '\n') out.push_back('\r');
        out.push_back(text[i]);
    }
    return out;
}

std::string position(const core::LineIndex& lines, std::size_t offset) {
    const auto p = lines.position(offset);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
}

std::string span(const core::LineIndex& lines, Span s) {
    return "\"" + position(lines, s.begin) + "-" + position(lines, s.end) + "\"";
}

// One line per part, so that golden diffs read well.
std::string tree_json(const std::string& message) {
    const Report report = lint(message);
    const core::LineIndex lines(message);
    std::string out = "[\n";
    for (std::size_t i = 0; i < report.parts.size(); ++i) {
        const PartInfo& p = report.parts[i];
        out += "  {\"path\": \"" + p.path + "\", \"body_path\": \"" + p.body_path +
               "\", \"parent\": " + std::to_string(p.parent) + ", \"type\": \"" + p.content_type +
               "\", \"charset\": \"" + p.charset + "\", \"encoding\": \"" + p.transfer_encoding +
               "\", \"multipart\": " + (p.is_multipart ? "true" : "false") +
               ", \"message\": " + (p.is_message ? "true" : "false") + ", \"header\": " + span(lines, p.header) +
               ", \"body\": " + span(lines, p.body) + "}";
        out += i + 1 < report.parts.size() ? ",\n" : "\n";
    }
    return out + "]\n";
}

std::vector<std::filesystem::path> structure_messages() {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(testing::corpus_dir() / "structure")) {
        if (entry.path().extension() == ".eml") out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

class StructureGolden : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(StructureGolden, PartTreeMatchesGoldenWithEitherLineBreak) {
    const std::filesystem::path eml = GetParam();
    std::filesystem::path golden = eml;
    golden.replace_extension(".tree.json");
    const std::string message = testing::read_file(eml);
    const std::string actual = tree_json(message);
    if (std::getenv("INBOXLINT_UPDATE_GOLDENS")) std::ofstream(golden, std::ios::binary) << actual;
    ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " is missing (INBOXLINT_UPDATE_GOLDENS=1 writes it)";
    const std::string expected = testing::read_file(golden);
    EXPECT_EQ(actual, expected) << eml << " as stored";
    EXPECT_EQ(tree_json(convert_line_breaks(message)), expected) << eml << " with line breaks converted";
}

std::string case_name(const ::testing::TestParamInfo<std::filesystem::path>& info) {
    std::string name = info.param.stem().string();
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, StructureGolden, ::testing::ValuesIn(structure_messages()), case_name);

}  // namespace
}  // namespace inboxlint
