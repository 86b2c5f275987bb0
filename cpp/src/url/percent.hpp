// Percent-encoding as the WHATWG URL Standard defines it (section 1.3): the
// encode sets, encoding a byte of UTF-8 input, and percent-decoding.
#pragma once

#include <string>
#include <string_view>

namespace inboxlint::url {

enum class EncodeSet { c0_control, fragment, query, special_query, path, userinfo, component };

// Whether the byte must be percent-encoded in this set. Bytes >= 0x80 (parts
// of UTF-8 sequences) are in every set, which makes encoding the bytes of a
// code point's UTF-8 form the same as the Standard's "UTF-8 percent-encode".
bool in_encode_set(unsigned char c, EncodeSet set) noexcept;

// Appends c, percent-encoded when it is in the set.
void append_encoded(std::string& out, unsigned char c, EncodeSet set);
void append_encoded(std::string& out, std::string_view text, EncodeSet set);

// "%XY" with two hex digits becomes the byte; every other byte stays.
std::string percent_decode(std::string_view text);

}  // namespace inboxlint::url
