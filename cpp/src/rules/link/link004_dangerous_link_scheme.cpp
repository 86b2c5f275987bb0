#include "rules/link/link_support.hpp"

namespace inboxlint::checks {

void check_link004_dangerous_link_scheme(Context& ctx) {
    for (const url::Link& link : url::message_links(ctx.message()).links) {
        if (!url::is_navigation(link.kind) && link.kind != url::LinkKind::other) continue;
        const url::Url* u = link.url();
        if (u == nullptr) continue;
        if (u->scheme != "javascript" && u->scheme != "vbscript" && u->scheme != "data") continue;
        const auto place = u->scheme_span ? link.place_of(*u->scheme_span) : std::nullopt;
        Finding& f = report_place(ctx, place.value_or(link.place),
                                  "a " + u->scheme + ": link (" + link.source + "): mail clients block it, and " +
                                      "filters treat it as an attack");
        with_link(f, link);
        with(f, "scheme", u->scheme);
    }
}

}  // namespace inboxlint::checks
