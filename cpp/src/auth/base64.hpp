// Strict base64 (RFC 4648 section 4) as DKIM uses it in b=, bh= and p=:
// white space anywhere is ignored (RFC 6376 section 3.5), everything else
// must be the alphabet with correct padding.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace inboxlint::auth {

struct Base64Result {
    std::optional<std::string> bytes;  // nothing when invalid
    std::size_t error_at = 0;          // index in the input of the first bad byte (or its end)
    std::string error;                 // what was wrong
};

Base64Result decode_base64(std::string_view text);
std::string encode_base64(std::string_view bytes);

}  // namespace inboxlint::auth
