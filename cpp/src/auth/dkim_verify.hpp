// Offline DKIM checks (RFC 6376 sections 3.4, 3.7 and 6.1.3): the body hash
// of every signature recomputed and compared with bh=, and, when the caller
// supplies the public key, the signature over the header verified. Results
// are parallel to dkim_signatures(msg).signatures.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "analysis/message.hpp"
#include "auth/crypto.hpp"
#include "auth/dkim_signature.hpp"
#include "dns/source.hpp"
#include "inboxlint/config.hpp"

namespace inboxlint::auth {

enum class BodyHashStatus { unchecked, match, mismatch };

struct BodyHashResult {
    BodyHashStatus status = BodyHashStatus::unchecked;
    std::string computed;  // base64 of the hash over the canonical body (or its first l= bytes)
    std::size_t canonical_size = 0;
    std::string reason;  // why unchecked, or what else is wrong (l= past the end)
};

const std::vector<BodyHashResult>& dkim_body_hashes(const analysis::Message& msg);

// Body hashes already computed, by (canonicalisation, digest, length): each
// costs a pass over the body, so signatures sharing them hash once.
using BodyHashCache = std::map<std::tuple<int, int, std::uint64_t>, std::string>;

// The body hash of one signature (DKIM-Signature or ARC-Message-Signature)
// recomputed and compared with its bh=; what dkim_body_hashes does per
// signature.
BodyHashResult check_body_hash(const analysis::Message& msg, const DkimSignature& sig, BodyHashCache& cache);

enum class VerifyStatus { unchecked, no_key, bad_key, pass, fail };

struct VerifyResult {
    VerifyStatus status = VerifyStatus::unchecked;
    std::string key_name;  // where the key was looked up
    std::string detail;    // why unchecked, bad_key or fail
    std::optional<KeyType> key_type;
    int key_bits = 0;
    bool testing = false;  // the key record has t=y
    // How the DNS lookup of the key ended, when the key table had none.
    DnsStatus key_lookup = DnsStatus::not_supplied;
    // The table or DNS said what is at key_name (a record, NXDOMAIN or no
    // DKIM key). False when nothing was supplied for the name or the lookup
    // failed: a missing key then proves nothing (ARC reports "unchecked").
    bool key_answered = false;
};

using DkimKeys = std::map<std::string, std::string>;

// Keys from the table, then from DNS TXT records when a source is given.
const std::vector<VerifyResult>& dkim_verifications(const analysis::Message& msg, const DkimKeys& keys,
                                                     const dns::Source* dns = nullptr);
// With the keys and DNS records of a configuration.
const std::vector<VerifyResult>& dkim_verifications(const analysis::Message& msg, const Config& config);

// The key at sig.key_name() looked up (the table, then DNS), checked
// against the signature (key type, h=, t=s) and, when `budget` allows (it
// is decremented), used to verify b= over `signed_data()`. The caller has
// checked that the signature has the tags this needs (a=, d=, s=, b=).
// Shared by DKIM and ARC (RFC 8617 uses the DKIM key records).
VerifyResult verify_with_key(const DkimSignature& sig, const DkimKeys& keys, const dns::Source* dns,
                             std::size_t& budget, const std::function<std::string()>& signed_data);

// The canonical form of one header field of the message, `field_text`
// being its text (the field itself, or a copy with b= emptied).
void append_canonical_field(std::string& out, const mime::HeaderField& field, std::string_view field_text,
                            Canonicalization canon);

// The text of a signature field with the value of its b= tag (and the white
// space around it) removed, RFC 6376 section 3.7; the field as it is when
// there is no b=.
std::string field_without_b(std::string_view message_text, const mime::HeaderField& field, const Tag* b);

// The bytes the signature covers (canonical header fields selected by h=,
// then the DKIM-Signature itself with b= emptied); exposed for tests.
std::string signed_header_data(const analysis::Message& msg, const DkimSignature& sig);

// The size of the RSA key behind a signature: the modulus of the supplied
// key, else the length of b=, since an RSA signature is exactly as long as
// the modulus (RFC 8017 section 8.2.1), so a 64-byte b= shows a 512-bit key
// without DNS. bits is 0 for Ed25519 and unknown algorithms.
struct RsaKeySize {
    int bits = 0;
    bool from_signature = false;  // read off the length of b= (no key supplied)
};
RsaKeySize rsa_key_size(const DkimSignature& sig, const VerifyResult& verify);

// RFC 8301 section 3.2: verifiers must not accept keys under 1024 bits.
inline constexpr int min_rsa_key_bits = 1024;

// A signature is good for DMARC and RFC 8058 when nothing known says it
// fails: complete, not rsa-sha1, body hash not mismatched, signature not
// failed (unchecked without a key), RSA key not under 1024 bits.
bool signature_may_pass(const DkimSignature& sig, const BodyHashResult& body, const VerifyResult& verify);

}  // namespace inboxlint::auth
