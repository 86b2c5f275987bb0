#include "auth/list_headers.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_unsub003_no_https_unsubscribe(Context& ctx) {
    const auth::ListUnsubscribeFields& lu = auth::list_unsubscribe(ctx.message());
    const auth::ListUri* http = nullptr;
    const auth::ListUri* first = nullptr;
    for (const auth::ListUnsubscribe& parsed : lu.parsed) {
        if (parsed.first_with_scheme("https")) return;
        if (!http) http = parsed.first_with_scheme("http");
        if (!first && !parsed.uris.empty()) first = &parsed.uris.front();
    }
    if (http) {
        Finding& f = ctx.report(
            "", http->span, "the only web unsubscribe URI is plain http; one-click unsubscribe (RFC 8058) needs https");
        with(f, "scheme", "http");
    } else if (first) {
        Finding& f = ctx.report("", first->span,
                                "List-Unsubscribe has no https URI, which one-click unsubscribe (RFC 8058) needs");
        with(f, "scheme", first->scheme.empty() ? "none" : first->scheme);
    }
}

}  // namespace inboxlint::checks
