// ARC chain validation (RFC 8617 section 5.2), offline: the newest
// ARC-Message-Signature verified (body hash and signature, with the DKIM
// canonicalisation and verification code), then every ARC-Seal from the
// newest to i=1 over the ARC sets up to its own (section 5.1.1). Keys are
// DKIM key records at s._domainkey.d, from the caller's key table and then
// the caller's DNS records; no query leaves the process.
//
// A key the caller did not supply (not in the table, and DNS answers "not
// supplied" or SERVFAIL) makes the result `unchecked`, not `fail`: nothing
// known says the chain is broken. A key that DNS says does not exist
// (NXDOMAIN, or no DKIM key at the name) fails it, as a validator on the
// wire would.
//
// Offline means no clock either: t= and x= are checked for syntax only.
// Conformance with the ARC test suite: cpp/docs/arc-conformance.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/message.hpp"
#include "arc/arc_chain.hpp"
#include "auth/dkim_verify.hpp"
#include "dns/source.hpp"
#include "inboxlint/config.hpp"

namespace inboxlint::arc {

enum class ArcStatus { none, pass, fail, unchecked };
std::string_view to_string(ArcStatus status) noexcept;

struct ArcValidation {
    ArcStatus status = ArcStatus::none;
    int failed_instance = 0;  // fail: the ARC set where validation failed
    std::string reason;       // fail and unchecked: why
    Span span;                // fail: the field or tag at fault
    // unchecked: the key names (selector._domainkey.domain) that were needed
    // and not supplied, in the order validation wanted them, each once.
    std::vector<std::string> keys_not_supplied;
    // pass: section 5.2 step 5, the oldest instance whose AMS still
    // verifies, 0 when all do; unset when an older AMS could not be checked.
    std::optional<int> oldest_pass;
};

// Not cached (the result depends on the keys): callers keep it.
ArcValidation validate_arc(const analysis::Message& msg, const auth::DkimKeys& keys,
                           const dns::Source* dns = nullptr);
// With the DKIM keys and DNS records of a configuration.
ArcValidation validate_arc(const analysis::Message& msg, const Config& config);
// The same, computed once per message: a message is linted with one
// configuration, so ARC001 and the report's summary share it.
const ArcValidation& arc_validation(const analysis::Message& msg, const Config& config);

// The bytes ARC-Seal i=`instance` signs (section 5.1.1): for each set 1..i
// in order its ARC-Authentication-Results, ARC-Message-Signature and
// ARC-Seal, relaxed, the last ARC-Seal with b= emptied and no final CRLF.
// The chain must have every set up to `instance` complete; exposed for tests.
std::string seal_signed_data(const analysis::Message& msg, const ArcChain& chain, int instance);

}  // namespace inboxlint::arc
