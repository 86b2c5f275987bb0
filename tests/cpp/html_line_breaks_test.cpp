// The line-break helpers (html/line_breaks.hpp) against the obvious way:
// normalise the source, then compare. Every string over a small alphabet,
// and long ones, so that the 16-byte blocks meet CRs at every offset.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "html/line_breaks.hpp"

namespace inboxlint::html {
namespace {

std::string normalised(std::string_view raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\r') {
            out.push_back(raw[i]);
            continue;
        }
        out.push_back('\n');
        if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
    }
    return out;
}

// Every string of up to `length` characters of `alphabet`.
std::vector<std::string> all_strings(std::string_view alphabet, std::size_t length) {
    std::vector<std::string> out{""};
    for (std::size_t from = 0; out[from].size() < length; ++from) {
        for (char c : alphabet) out.push_back(out[from] + c);
    }
    return out;
}

TEST(LineBreaks, AgreeWithNormalisingFirstOnShortStrings) {
    const std::vector<std::string> strings = all_strings("a\r\n", 5);
    for (const std::string& raw : strings) {
        for (const std::string& text : strings) {
            const std::string expected = normalised(raw);
            EXPECT_EQ(equals_normalised(text, raw), text == expected)
                << testing::PrintToString(text) << " " << testing::PrintToString(raw);
            EXPECT_EQ(ends_with_normalised(text, raw), text.ends_with(expected));
        }
        std::string appended = "x";
        append_normalised(appended, raw);
        EXPECT_EQ(appended, "x" + normalised(raw));
    }
}

TEST(LineBreaks, LongTextsMeetCrAtEveryOffsetOfABlock) {
    for (std::size_t line = 1; line < 40; ++line) {
        std::string raw;
        for (int i = 0; i < 20; ++i)
            raw += std::string(line, static_cast<char>('a' + i % 26)) + (i % 3 ? "\r\n" : "\r");
        const std::string text = normalised(raw);
        EXPECT_TRUE(equals_normalised(text, raw)) << line;
        std::string appended = "head";
        append_normalised(appended, raw);
        EXPECT_EQ(appended, "head" + text) << line;
        const std::string head = raw.substr(0, 17);
        EXPECT_EQ(equals_normalised(head, head), head.find('\r') == std::string::npos) << line;
        // One byte changed anywhere, or the text one byte short or long, differs.
        for (std::size_t at = 0; at < text.size(); ++at) {
            std::string changed = text;
            changed[at] = changed[at] == '\n' ? '\r' : 'Z';
            EXPECT_FALSE(equals_normalised(changed, raw)) << line << " " << at;
        }
        EXPECT_FALSE(equals_normalised(text.substr(0, text.size() - 1), raw));
        EXPECT_FALSE(equals_normalised(text + "a", raw));
        EXPECT_FALSE(equals_normalised(raw, raw));
    }
}

}  // namespace
}  // namespace inboxlint::html
