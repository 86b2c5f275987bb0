// Internal to encoded_word.cpp and header_text.cpp: finding encoded words in
// runs of text without white space, decoding one word, and decoding runs of
// adjacent words together when a character was split across them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mime/encoded_word.hpp"

namespace inboxlint::mime::ew_detail {

// A piece of a run without white space: literal bytes or an encoded word.
// Offsets are relative to the scanned text.
struct Piece {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool word = false;
    bool glued = false;  // a word not separated from the text or word before or after it
};

// Splits text[begin, end), which holds no white space, into literal text and
// encoded words, appending to `out`. Appends at most one
// "malformed-encoded-word" issue per run to `issues` when it is not null.
// Linear in end - begin.
void split_run(std::string_view text, std::size_t begin, std::size_t end, std::size_t base, std::vector<Piece>& out,
               SyntaxIssues* issues);

// A word being decoded: the public record, its transfer-decoded bytes, and
// what the charset layer said about them on their own.
struct WordWork {
    EncodedWord word;
    std::string bytes;
    std::size_t invalid = 0;      // byte sequences invalid in the charset, decoded alone
    bool joins_previous = false;  // only white space (or nothing) separates it from the previous word
    int run_head = -1;            // index of the first word of a run decoded together, or -1
    std::string run_text;         // on a run head: the text of the whole run
};

// Parses and decodes the word piece text[piece.begin, piece.end). In a phrase,
// Q text is held to RFC 2047 section 5 (3).
WordWork decode_word(std::string_view text, const Piece& piece, std::size_t base, bool in_phrase);

// Decodes runs of adjacent words (joins_previous) with the same charset
// together when some word's bytes are invalid alone but the run's are valid
// (a split multi-byte character), and records "split-character" or
// "invalid-charset-bytes" on the words.
void join_runs(std::vector<WordWork>& words);

// Appends `bytes` (literal header text, possibly 8-bit) as UTF-8 to `out`
// with its map: valid UTF-8 is copied, anything else is read as windows-1252
// (what clients show for raw 8-bit headers).
void append_literal(std::string& out, HeaderTextMap& map, std::string_view bytes, std::size_t raw_begin);

}  // namespace inboxlint::mime::ew_detail
