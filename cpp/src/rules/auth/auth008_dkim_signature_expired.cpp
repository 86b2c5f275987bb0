#include "auth/dkim_signature.hpp"
#include "mime/date.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_auth008_dkim_signature_expired(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    std::optional<std::int64_t> date;
    const mime::HeaderField* date_field = msg.first_field("Date");
    if (date_field) date = mime::parse_date_time(msg.raw_value(*date_field), date_field->value.begin).timestamp;
    for (const auth::DkimSignature& sig : auth::dkim_signatures(msg).signatures) {
        if (!sig.expiration) continue;
        const Span x = sig.tag("x")->value;
        if (sig.timestamp && *sig.expiration <= *sig.timestamp) {
            Finding& f = ctx.report("", x, "x= is not after t=: the signature expired when it was made");
            f.related.push_back({ctx.location("", sig.tag("t")->value), "signing time"});
            with(f, "compared_with", "t");
        } else if (date && *date >= 0 && *sig.expiration < static_cast<std::uint64_t>(*date)) {
            Finding& f =
                ctx.report("", x, "x= is before the Date: the signature had expired when the message was dated");
            f.related.push_back({ctx.location("", date_field->value), "the message date"});
            with(f, "compared_with", "Date");
        }
    }
}

}  // namespace inboxlint::checks
