// Builds an RFC 5322 message from a draft. The one place that uses mimetic
// (its builder and base64 encoder only: never its parser or decoders, which
// crash on ordinary mail in Debian's 0.9.8).
#pragma once

#include <string>

#include "inboxlint/compose.hpp"

namespace inboxlint::compose {

// The draft's headers in order (minus the MIME fields the composer owns),
// then MIME-Version and Content-Type, then the body. Line breaks inside header
// values become spaces, so values keep their length. The boundary is derived
// from the content, so the same draft always gives the same bytes.
std::string compose_message(const Draft& draft);

// True for the fields compose_message writes itself.
bool is_composer_field(std::string_view name) noexcept;

}  // namespace inboxlint::compose
