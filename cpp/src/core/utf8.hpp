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

// decode_utf8 for a lead byte of 0x80 or more.
DecodedCodePoint decode_utf8_sequence(std::string_view text, std::size_t pos) noexcept;

// Decodes the code point starting at text[pos]; pos must be < text.size().
// Inline for ASCII, which is most of the text every word scanner walks.
inline DecodedCodePoint decode_utf8(std::string_view text, std::size_t pos) noexcept {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) return {lead, 1, true};
    return decode_utf8_sequence(text, pos);
}

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

// Number of code points, an invalid byte counting as one.
std::size_t count_code_points(std::string_view text) noexcept;

void append_utf8(std::string& out, char32_t code_point);

}  // namespace inboxlint::core
