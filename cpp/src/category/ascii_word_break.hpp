// Word breaking of ASCII text without ICU, giving what ICU's word break
// iterator with the root locale's rules gives (ICU 72): the same segments,
// and for each whether ICU's rule status calls it a number, letters or
// neither. ICU costs about 450 instructions per boundary; most mail text is
// ASCII. The WordBreak tests (word_break_test.cpp) compare the two exhaustively on
// short strings and on random ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace inboxlint::category {

// ICU's rule status classes: UBRK_WORD_NONE, UBRK_WORD_NUMBER, UBRK_WORD_LETTER.
enum class AsciiSegmentKind : std::uint8_t { none, number, letters };

struct AsciiSegment {
    std::size_t begin = 0;
    std::size_t end = 0;
    AsciiSegmentKind kind = AsciiSegmentKind::none;
};

// The segments of ASCII `text` that are numbers or letters, in order.
std::vector<AsciiSegment> ascii_words(std::string_view text);

}  // namespace inboxlint::category
