#include "auth/dkim_verify.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

// Gmail trusts a Feedback-ID only under a DKIM signature that covers it;
// otherwise anyone could forge another sender's identifiers.
void check_fbl002_feedback_id_not_signed(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const mime::HeaderField* field = msg.first_field("Feedback-ID");
    if (field == nullptr) return;
    const auto& signatures = auth::dkim_signatures(msg).signatures;
    const auto& bodies = auth::dkim_body_hashes(msg);
    const auto& results = auth::dkim_verifications(msg, ctx.config());
    for (std::size_t i = 0; i < signatures.size(); ++i)
        if (auth::signature_may_pass(signatures[i], bodies[i], results[i]) && signatures[i].signs("feedback-id") > 0)
            return;
    ctx.report("", field->name, "Feedback-ID is in the h= of no DKIM signature that can pass: Gmail ignores it");
}

}  // namespace inboxlint::checks
