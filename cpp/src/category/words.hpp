// Words for the content category model: ICU word breaking (UAX #29, the
// root locale's rules), each word folded for matching: full Unicode case
// folding, accents removed (canonical decomposition without its non-spacing
// marks) and typographic apostrophes made ASCII, so "Bestätigung",
// "BESTATIGUNG" and "bestätigung" are the same word and "we’ve" is "we've".
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/report.hpp"

namespace inboxlint::category {

enum class WordKind : std::uint8_t { letters, number, ideographic };

struct Word {
    Span range;            // in the text given to split_words
    std::string folded;    // for matching
    std::size_t hash = 0;  // of folded (fold_hash), computed once: every vocabulary looks it up
    WordKind kind = WordKind::letters;
    bool has_digit = false;
    bool has_letter = false;
    bool upper = false;  // has letters and all of them are capitals ("NEST20")
};

// The words of UTF-8 text, in order (spaces and punctuation are not words).
// Invalid UTF-8 bytes are not part of any word.
// ASCII text is broken without ICU (ascii_word_break.hpp), with the same result.
std::vector<Word> split_words(std::string_view utf8);
// Always through ICU's word break iterator: the reference the ASCII breaker is tested against.
std::vector<Word> split_words_with_icu(std::string_view utf8);

// One word (or any text) folded the way split_words folds words.
std::string fold(std::string_view utf8);

// The hash of a folded word that Word::hash holds.
inline std::size_t fold_hash(std::string_view folded) noexcept { return std::hash<std::string_view>{}(folded); }

}  // namespace inboxlint::category
