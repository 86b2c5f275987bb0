// Words in decoded text, for judging hidden text: real words (letters and
// digits of any script) versus the white space and invisible filler
// characters preheaders are padded with (&#847; &zwnj; &nbsp; ...).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace inboxlint::html {

// Zero-width and blank characters used as padding: U+034F, U+200B-U+200F,
// U+2060-U+2064, U+FEFF, U+00AD, U+180E, U+3164, U+115F, U+1160, U+FFA0,
// U+2800, and no-break or typographic spaces (U+00A0, U+2000-U+200A, U+202F, U+3000).
bool is_filler(char32_t c) noexcept;

struct WordStats {
    std::size_t words = 0;    // runs of letters and digits; each ideograph counts as a word
    std::size_t fillers = 0;  // filler characters
};

WordStats word_stats(std::string_view utf8);

// The words, lower-cased (for repetition checks), appended to `out`.
void append_words(std::string_view utf8, std::vector<std::string>& out);

// The words as views into `utf8`, as written, appended to `out` (no copies:
// for callers that compare many words of one text).
void append_word_views(std::string_view utf8, std::vector<std::string_view>& out);

// The text with white space and fillers collapsed to single spaces and
// trimmed, cut at a character boundary after at most `max_bytes` ("..." added).
std::string normalize_text(std::string_view utf8, std::size_t max_bytes);

// Whether words look like keyword stuffing: at least 8 words, half of them
// or more inside three-word sequences that occur more than once.
bool is_repetitive(const std::vector<std::string>& words);

}  // namespace inboxlint::html
