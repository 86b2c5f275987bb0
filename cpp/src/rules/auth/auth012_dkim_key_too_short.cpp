#include "auth/dkim_verify.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

// AUTH012 and AUTH013 judge the key size of every signature whose RSA key
// the caller supplied.
void report_key_size(Context& ctx, int min_bits, int max_bits, std::string_view why) {
    const auto& signatures = auth::dkim_signatures(ctx.message()).signatures;
    const auto& results = auth::dkim_verifications(ctx.message(), ctx.config().dkim_keys);
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        const auth::VerifyResult& r = results[i];
        if (r.key_type != auth::KeyType::rsa || r.key_bits < min_bits || r.key_bits >= max_bits) continue;
        Finding& f = ctx.report(
            "", signatures[i].tag("s")->span,
            "the RSA key " + r.key_name + " has " + std::to_string(r.key_bits) + " bits; " + std::string(why));
        with(f, "bits", std::to_string(r.key_bits));
        with(f, "key", r.key_name);
    }
}

void check_auth012_dkim_key_too_short(Context& ctx) {
    report_key_size(ctx, 0, 1024, "RFC 8301 requires at least 1024 and receivers reject shorter keys");
}

}  // namespace inboxlint::checks
