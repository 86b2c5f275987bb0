// The only file that talks to OpenSSL: digests, public keys from DKIM key
// records and signature verification (RFC 6376 section 3.3, RFC 8463).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace inboxlint::auth {

enum class DigestAlgorithm { sha1, sha256 };
enum class KeyType { rsa, ed25519 };

// The digest of `data`, as raw bytes (empty if OpenSSL fails).
std::string digest(DigestAlgorithm algorithm, std::string_view data);

class PublicKey {
public:
    // RSA: the DER of p= (SubjectPublicKeyInfo, or a bare PKCS#1
    // RSAPublicKey as some publish). Ed25519: the 32 raw key bytes.
    // Nothing when the bytes are not such a key; `error` says why.
    static std::optional<PublicKey> load(KeyType type, std::string_view bytes, std::string& error);

    [[nodiscard]] KeyType type() const noexcept { return type_; }
    [[nodiscard]] int bits() const noexcept { return bits_; }

    // RSA: PKCS#1 v1.5 over the data hashed with `hash`. Ed25519 (RFC 8463):
    // PureEdDSA over the SHA-256 digest of the data.
    [[nodiscard]] bool verify(DigestAlgorithm hash, std::string_view data, std::string_view signature) const;

private:
    std::shared_ptr<void> key_;  // EVP_PKEY
    KeyType type_ = KeyType::rsa;
    int bits_ = 0;
};

}  // namespace inboxlint::auth
