#include <string>

#include "auth/dkim_verify.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

namespace {

constexpr int smallest_dkim_key_bits = 512;

std::string size_sentence(const auth::RsaKeySize& size, const auth::DkimSignature& sig, const auth::VerifyResult& r) {
    const std::string bits = std::to_string(size.bits);
    if (!size.from_signature) return "the RSA key " + r.key_name + " has " + bits + " bits";
    const std::string length = "the signature b= is " + std::to_string(size.bits / 8) + " bytes long";
    // Below 512 bits no DKIM key was ever made: a placeholder or a cut value.
    if (size.bits < smallest_dkim_key_bits) return length + ", shorter than any RSA key makes, so it cannot verify";
    return length + ", so the RSA key " + sig.key_name() + " has " + bits + " bits (an RSA signature is as long as its key)";
}

}  // namespace

// AUTH012 and AUTH013 judge the RSA key size of every signature: the
// supplied key's, else the one its b= length shows.
void report_key_size(Context& ctx, int min_bits, int max_bits, std::string_view why) {
    const auto& signatures = auth::dkim_signatures(ctx.message()).signatures;
    const auto& results = auth::dkim_verifications(ctx.message(), ctx.config());
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        const auth::DkimSignature& sig = signatures[i];
        const auth::RsaKeySize size = auth::rsa_key_size(sig, results[i]);
        if (size.bits == 0 || size.bits < min_bits || size.bits >= max_bits || sig.tag("s") == nullptr) continue;
        Finding& f = ctx.report("", sig.tag("s")->span, size_sentence(size, sig, results[i]) + "; " + std::string(why));
        with(f, "bits", std::to_string(size.bits));
        with(f, "key", size.from_signature ? sig.key_name() : results[i].key_name);
        with(f, "source", size.from_signature ? "signature length" : "key");
    }
}

void check_auth012_dkim_key_too_short(Context& ctx) {
    report_key_size(ctx, 0, 1024, "RFC 8301 requires at least 1024 and receivers reject shorter keys");
}

}  // namespace inboxlint::checks
