#include "auth/summary.hpp"

#include "auth/dkim_verify.hpp"

namespace inboxlint::auth {
namespace {

// RFC 8601 section 2.7.1 and RFC 6376 section 6.1: a signature that cannot
// be processed is permerror, one whose key cannot be had is temperror (a key
// the caller did not supply is exactly that here), one that is checked and
// wrong is fail.
void judge(const DkimSignature& sig, const BodyHashResult& body, const VerifyResult& verify, AuthResult& out) {
    const RsaKeySize size = rsa_key_size(sig, verify);
    if (!sig.complete() || !sig.issues.empty()) {
        out = {"dkim", "permerror", "the signature is malformed or lacks required tags", {}};
    } else if (body.status == BodyHashStatus::mismatch) {
        out = {"dkim", "fail", "the body hash does not match bh= (the body changed after signing)", {}};
    } else if (sig.algorithm == DkimAlgorithm::rsa_sha1) {
        out = {"dkim", "fail", "rsa-sha1, which verifiers must not accept (RFC 8301)", {}};
    } else if (size.bits > 0 && size.bits < min_rsa_key_bits) {
        out = {"dkim", "fail", "an RSA key of " + std::to_string(size.bits) + " bits, under 1024 (RFC 8301)", {}};
    } else if (verify.status == VerifyStatus::pass) {
        out = {"dkim", "pass", verify.testing ? "verified (the key is in testing mode, t=y)" : "verified", {}};
    } else if (verify.status == VerifyStatus::fail) {
        out = {"dkim", "fail", "the signature does not verify: " + verify.detail, {}};
    } else if (verify.status == VerifyStatus::bad_key) {
        out = {"dkim", "permerror", "the key cannot verify it: " + verify.detail, {}};
    } else if (verify.status == VerifyStatus::no_key && verify.key_lookup == DnsStatus::nxdomain) {
        out = {"dkim", "permerror", "no key record: " + verify.detail, {}};
    } else if (verify.status == VerifyStatus::no_key && verify.key_lookup == DnsStatus::servfail) {
        out = {"dkim", "temperror", verify.detail, {}};
    } else if (verify.status == VerifyStatus::no_key) {
        out = {"dkim", "temperror", "the key " + verify.key_name + " was not supplied; the body hash " +
                                        (body.status == BodyHashStatus::match ? "matches" : "was not checked"), {}};
    } else {
        out = {"dkim", "neutral", "not verified: " + verify.detail, {}};
    }
}

}  // namespace

std::vector<AuthResult> dkim_summary(const analysis::Message& msg, const Config& config) {
    const auto& signatures = dkim_signatures(msg).signatures;
    if (signatures.empty()) return {{"dkim", "none", "the message has no DKIM-Signature", {}}};
    const auto& bodies = dkim_body_hashes(msg);
    const auto& verifications = dkim_verifications(msg, config);
    std::vector<AuthResult> out(signatures.size());
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        const DkimSignature& sig = signatures[i];
        judge(sig, bodies[i], verifications[i], out[i]);
        if (!sig.domain.empty()) out[i].properties.push_back({"header.d", sig.domain});
        if (!sig.selector.empty()) out[i].properties.push_back({"header.s", sig.selector});
        if (sig.algorithm != DkimAlgorithm::unknown)
            out[i].properties.push_back({"header.a", std::string(to_string(sig.algorithm))});
    }
    return out;
}

std::vector<AuthResult> authentication_summary(const analysis::Message& msg, const Config& config) {
    if (msg.is_blank()) return {};
    return dkim_summary(msg, config);
}

}  // namespace inboxlint::auth
