// The identities DMARC (RFC 7489 section 3.1) aligns: the From domain, the
// envelope-from (Return-Path stands in for the SMTP MAIL FROM) and the DKIM
// d= domains. Organisational domains come from the public suffix list
// (url/registrable.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "analysis/message.hpp"

namespace inboxlint::auth {

struct DomainRef {
    std::string domain;  // lower-case
    Span span;           // in the top-level header
    std::string local_part;  // of the address the domain is in
};

struct Identities {
    // From's domain when the message has exactly one From field with exactly
    // one valid mailbox (otherwise DMARC has no single author domain).
    std::optional<DomainRef> from;
    // The domain of the first (most recently added) Return-Path, unless it
    // is the null path "<>".
    std::optional<DomainRef> return_path;
};

const Identities& identities(const analysis::Message& msg);

// Relaxed: the same organisational domain; strict: the same name.
bool aligned(std::string_view a, std::string_view b, bool strict);

}  // namespace inboxlint::auth
