#include "auth/crypto.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <limits>

namespace inboxlint::auth {
namespace {

const EVP_MD* md_of(DigestAlgorithm algorithm) noexcept {
    return algorithm == DigestAlgorithm::sha1 ? EVP_sha1() : EVP_sha256();
}

const auto* bytes_of(std::string_view s) noexcept { return reinterpret_cast<const unsigned char*>(s.data()); }

// OpenSSL queues an error for every failure, per thread; a lint of hostile
// input must not let that queue grow.
struct ErrorQueueGuard {
    ErrorQueueGuard() = default;
    ErrorQueueGuard(const ErrorQueueGuard&) = delete;
    ErrorQueueGuard& operator=(const ErrorQueueGuard&) = delete;
    ~ErrorQueueGuard() { ERR_clear_error(); }
};

struct MdCtxDeleter {
    void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};

EVP_PKEY* load_rsa(std::string_view der) {
    // SubjectPublicKeyInfo first (RFC 6376 3.6.1), then PKCS#1.
    const unsigned char* p = bytes_of(der);
    EVP_PKEY* key = d2i_PUBKEY(nullptr, &p, static_cast<long>(der.size()));
    if (key && p != bytes_of(der) + der.size()) {
        EVP_PKEY_free(key);
        return nullptr;
    }
    if (!key) {
        p = bytes_of(der);
        key = d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, static_cast<long>(der.size()));
    }
    if (key && EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
        EVP_PKEY_free(key);
        return nullptr;
    }
    return key;
}

}  // namespace

std::string digest(DigestAlgorithm algorithm, std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), out, &size, md_of(algorithm), nullptr) != 1) return {};
    return {reinterpret_cast<const char*>(out), size};
}

std::optional<PublicKey> PublicKey::load(KeyType type, std::string_view bytes, std::string& error) {
    const ErrorQueueGuard guard;
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        error = "the key is too large";
        return std::nullopt;
    }
    EVP_PKEY* key = nullptr;
    if (type == KeyType::ed25519) {
        if (bytes.size() != 32) {
            error = "an Ed25519 key is 32 bytes, this one " + std::to_string(bytes.size());
            return std::nullopt;
        }
        key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes_of(bytes), bytes.size());
    } else {
        key = load_rsa(bytes);
    }
    if (!key) {
        error = type == KeyType::rsa ? "p= is not an RSA public key (DER SubjectPublicKeyInfo)"
                                     : "p= is not an Ed25519 key";
        return std::nullopt;
    }
    PublicKey out;
    out.key_ = std::shared_ptr<void>(key, [](void* k) { EVP_PKEY_free(static_cast<EVP_PKEY*>(k)); });
    out.type_ = type;
    out.bits_ = EVP_PKEY_get_bits(key);
    return out;
}

bool PublicKey::verify(DigestAlgorithm hash, std::string_view data, std::string_view signature) const {
    auto* key = static_cast<EVP_PKEY*>(key_.get());
    if (!key || signature.empty()) return false;
    const ErrorQueueGuard guard;
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    if (!ctx) return false;
    if (type_ == KeyType::ed25519) {
        // RFC 8463 section 3: the signature is over the SHA-256 hash of the
        // canonicalised header data, with PureEdDSA (no pre-hash mode).
        const std::string hashed = digest(DigestAlgorithm::sha256, data);
        if (EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key) != 1) return false;
        return EVP_DigestVerify(ctx.get(), bytes_of(signature), signature.size(), bytes_of(hashed), hashed.size()) == 1;
    }
    EVP_PKEY_CTX* pctx = nullptr;
    if (EVP_DigestVerifyInit(ctx.get(), &pctx, md_of(hash), nullptr, key) != 1) return false;
    if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1) return false;
    if (EVP_DigestVerifyUpdate(ctx.get(), data.data(), data.size()) != 1) return false;
    return EVP_DigestVerifyFinal(ctx.get(), bytes_of(signature), signature.size()) == 1;
}

}  // namespace inboxlint::auth
