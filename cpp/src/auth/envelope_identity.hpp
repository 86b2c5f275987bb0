// The identity SPF checks (RFC 7208 sections 2.3 and 2.4): the MAIL FROM
// domain, or for the null path the HELO name. MAIL FROM comes from the
// envelope the caller gives, else from the Return-Path, which the receiving
// MTA writes from MAIL FROM (RFC 5321 section 4.4).
#pragma once

#include <optional>
#include <string>

#include "analysis/message.hpp"
#include "inboxlint/config.hpp"

namespace inboxlint::auth {

struct SpfIdentity {
    std::string domain;    // lower-case, checked by check_host()
    std::string sender;    // local-part@domain, or postmaster@HELO for the null path
    bool helo = false;     // the HELO identity (null MAIL FROM)
    // Where the domain is written in the message: the Return-Path domain
    // when MAIL FROM is (or equals) it; empty when the identity came from
    // the envelope alone.
    std::optional<Span> span;
    // "smtp.mailfrom" or "smtp.helo" (RFC 8601 section 2.7.2).
    [[nodiscard]] const char* property() const noexcept { return helo ? "smtp.helo" : "smtp.mailfrom"; }
};

// Nothing when neither a MAIL FROM domain nor (for the null path) a HELO
// name is known.
std::optional<SpfIdentity> spf_identity(const analysis::Message& msg, const Envelope& envelope);

}  // namespace inboxlint::auth
