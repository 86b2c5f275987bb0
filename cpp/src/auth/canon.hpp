// DKIM canonicalisation (RFC 6376 section 3.4) of header fields and bodies.
//
// Line breaks: the canonical form uses CRLF. Messages are often stored with
// LF line breaks (Unix files, mbox, many test corpora) while the signer saw
// CRLF on the wire, so a bare LF is read as CRLF here; a bare CR is content
// (it is not a line break in SMTP either). A message signed with CRLF and
// stored with LF therefore verifies, and so does the reverse.
#pragma once

#include <string>
#include <string_view>

#include "auth/dkim_signature.hpp"

namespace inboxlint::auth {

// Appends the canonical form of one header field to `out`: `field` is the
// raw field from its name through the end of its last line (no final line
// break). The name ends at `name_end` (white space before the colon
// excluded); `value_begin` is the first byte after the colon. No CRLF is
// appended: the caller adds it (the signature field itself has none).
void canonicalize_header(std::string& out, std::string_view field, std::size_t name_end, std::size_t value_begin,
                         Canonicalization canon);

// The canonical body (RFC 6376 sections 3.4.3 and 3.4.4).
std::string canonicalize_body(std::string_view body, Canonicalization canon);

}  // namespace inboxlint::auth
