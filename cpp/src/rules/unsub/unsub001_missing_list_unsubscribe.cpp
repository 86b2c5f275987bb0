#include "auth/bulk.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_unsub001_missing_list_unsubscribe(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    if (msg.first_field("List-Unsubscribe")) return;
    const auth::BulkAssessment& bulk = auth::bulk_assessment(msg);
    if (!bulk.bulk()) return;
    const auth::BulkSignal& first = bulk.signals.front();
    Finding& f = ctx.report(first.part, first.span,
                            first.what + " marks this as bulk or list mail, but there is no List-Unsubscribe field");
    for (std::size_t i = 1; i < bulk.signals.size(); ++i)
        f.related.push_back({ctx.location(bulk.signals[i].part, bulk.signals[i].span), bulk.signals[i].what});
    with(f, "signal", first.what);
}

}  // namespace inboxlint::checks
