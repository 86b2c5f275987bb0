// Offline DKIM checks (RFC 6376 sections 3.4, 3.7 and 6.1.3): the body hash
// of every signature recomputed and compared with bh=, and, when the caller
// supplies the public key, the signature over the header verified. Results
// are parallel to dkim_signatures(msg).signatures.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/message.hpp"
#include "auth/crypto.hpp"
#include "auth/dkim_signature.hpp"

namespace inboxlint::auth {

enum class BodyHashStatus { unchecked, match, mismatch };

struct BodyHashResult {
    BodyHashStatus status = BodyHashStatus::unchecked;
    std::string computed;  // base64 of the hash over the canonical body (or its first l= bytes)
    std::size_t canonical_size = 0;
    std::string reason;  // why unchecked, or what else is wrong (l= past the end)
};

const std::vector<BodyHashResult>& dkim_body_hashes(const analysis::Message& msg);

enum class VerifyStatus { unchecked, no_key, bad_key, pass, fail };

struct VerifyResult {
    VerifyStatus status = VerifyStatus::unchecked;
    std::string key_name;  // where the key was looked up
    std::string detail;    // why unchecked, bad_key or fail
    std::optional<KeyType> key_type;
    int key_bits = 0;
    bool testing = false;  // the key record has t=y
};

using DkimKeys = std::map<std::string, std::string>;

const std::vector<VerifyResult>& dkim_verifications(const analysis::Message& msg, const DkimKeys& keys);

// The bytes the signature covers (canonical header fields selected by h=,
// then the DKIM-Signature itself with b= emptied); exposed for tests.
std::string signed_header_data(const analysis::Message& msg, const DkimSignature& sig);

// A signature is good for DMARC and RFC 8058 when nothing known says it
// fails: complete, not rsa-sha1, body hash not mismatched, signature not
// failed (unchecked without a key).
bool signature_may_pass(const DkimSignature& sig, const BodyHashResult& body, const VerifyResult& verify);

}  // namespace inboxlint::auth
