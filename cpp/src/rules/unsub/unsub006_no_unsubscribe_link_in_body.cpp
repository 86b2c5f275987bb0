#include "auth/bulk.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_unsub006_no_unsubscribe_link_in_body(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const auth::BulkSignal* signal = auth::bulk_assessment(msg).first_promotional();
    if (!signal || auth::unsubscribe_mention(msg).entity >= 0) return;
    bool has_text = false;
    for (const mime::Entity& e : msg.entities())
        has_text = has_text || e.media_type == "text/plain" || e.media_type == "text/html";
    if (!has_text) return;
    Finding& f = ctx.report(signal->part, signal->span,
                            signal->what +
                                " marks this as bulk or promotional mail, but no text part offers a way "
                                "to unsubscribe (no unsubscribe link or wording in any language known)");
    with(f, "signal", signal->what);
}

}  // namespace inboxlint::checks
