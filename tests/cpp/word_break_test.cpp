// The ASCII word breaker (category/ascii_word_break.hpp) against ICU's word
// break iterator, which it stands in for: the same words, ranges and kinds,
// for every string up to five characters over an alphabet with one member
// of each Word_Break class ASCII has (and the characters ICU treats
// differently from UAX #29: '@' and ':'), and for random ASCII strings.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "category/words.hpp"

namespace inboxlint::category {
namespace {

// Empty when they agree, else what differs (for the failure message).
std::string difference(std::string_view text) {
    const std::vector<Word> mine = split_words(text);
    const std::vector<Word> icu = split_words_with_icu(text);
    std::string out;
    if (mine.size() != icu.size())
        out += "word counts " + std::to_string(mine.size()) + " vs " + std::to_string(icu.size());
    for (std::size_t i = 0; out.empty() && i < mine.size(); ++i) {
        const Word& a = mine[i];
        const Word& b = icu[i];
        if (a.range.begin != b.range.begin || a.range.end != b.range.end || a.kind != b.kind || a.folded != b.folded ||
            a.has_digit != b.has_digit || a.has_letter != b.has_letter || a.upper != b.upper) {
            out = "word " + std::to_string(i) + " [" + a.folded + "] vs [" + b.folded + "]";
        }
    }
    return out;
}

std::string shown(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c >= 0x20 && c < 0x7F) {
            out += c;
        } else {
            out += "\\x" + std::string(1, "0123456789abcdef"[(c >> 4) & 0xF]) + "0123456789abcdef"[c & 0xF];
        }
    }
    return out;
}

TEST(WordBreak, AsciiMatchesIcuOnEveryShortString) {
    const std::string alphabet = "aZ7.,;:'_ @-\"\r\n\v";
    std::string text;
    std::size_t checked = 0;
    std::vector<std::size_t> digits;
    for (std::size_t length = 1; length <= 4; ++length) {
        digits.assign(length, 0);
        while (true) {
            text.clear();
            for (const std::size_t d : digits) text += alphabet[d];
            ++checked;
            const std::string diff = difference(text);
            ASSERT_TRUE(diff.empty()) << "\"" << shown(text) << "\": " << diff;
            std::size_t k = length;
            while (k > 0 && ++digits[k - 1] == alphabet.size()) digits[--k] = 0;
            if (k == 0) break;
        }
    }
    EXPECT_EQ(checked, 16u + 16 * 16 + 16 * 16 * 16 + 16 * 16 * 16 * 16);
}

TEST(WordBreak, AsciiMatchesIcuOnRandomText) {
    const std::string common = "aeiouxyzAEX0123456789 .,;:'_@-\"\r\n\t";
    std::mt19937 random(20261126);  // fixed: a failure reproduces
    for (int round = 0; round < 20000; ++round) {
        std::string text(random() % 60, ' ');
        for (char& c : text) {
            c = random() % 4 != 0 ? common[random() % common.size()] : static_cast<char>(random() % 128);
        }
        const std::string diff = difference(text);
        ASSERT_TRUE(diff.empty()) << "\"" << shown(text) << "\": " << diff;
    }
}

TEST(WordBreak, KnownSegmentsOfIcusRules) {
    // "a:b" is three segments under ICU's root rules; "1.5" and "don't" one.
    EXPECT_EQ(split_words("a:b").size(), 2u);
    ASSERT_EQ(split_words("1.5 don't").size(), 2u);
    EXPECT_EQ(split_words("1.5 don't")[0].kind, WordKind::number);
    EXPECT_EQ(split_words("user@example")[0].range.end, 12u);
    EXPECT_EQ(split_words("a1")[0].kind, WordKind::number);  // the last rule decides
    EXPECT_EQ(split_words("1__")[0].kind, WordKind::letters);
    EXPECT_TRUE(split_words("_").empty());
}

}  // namespace
}  // namespace inboxlint::category
