// UTF-8 decoding that never reads out of range and treats every invalid
// sequence as one-byte errors (the WHATWG "maximal subpart" is not needed
// here: we only count and locate).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace inboxlint::core {

struct DecodedCodePoint {
    char32_t code_point = 0;  // U+FFFD when invalid
    std::size_t length = 1;   // bytes consumed, at least 1
    bool valid = false;
};

// Decodes the code point starting at text[pos]; pos must be < text.size().
DecodedCodePoint decode_utf8(std::string_view text, std::size_t pos) noexcept;

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

// Number of code points, an invalid byte counting as one.
std::size_t count_code_points(std::string_view text) noexcept;

void append_utf8(std::string& out, char32_t code_point);

}  // namespace inboxlint::core
