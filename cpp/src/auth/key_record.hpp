// DKIM key records (RFC 6376 section 3.6.1; RFC 8463 for k=ed25519): the TXT
// value a caller supplies for "selector._domainkey.domain".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/crypto.hpp"
#include "auth/tag_list.hpp"

namespace inboxlint::auth {

struct KeyRecord {
    TagList tags;
    std::string key_type = "rsa";       // k=, lower-case (default rsa)
    std::vector<std::string> hashes;    // h=, lower-case; empty allows all
    std::vector<std::string> flags;     // t=, e.g. "y" (testing), "s" (strict i=)
    std::vector<std::string> services;  // s=; empty means "*"
    bool revoked = false;               // p= is empty
    std::optional<PublicKey> key;       // the usable key
    std::string problem;                // why there is no usable key, if there is none
    bool has_flag(std::string_view flag) const noexcept;
};

KeyRecord parse_key_record(std::string_view txt);

}  // namespace inboxlint::auth
