#include "rules/link/link_support.hpp"

namespace inboxlint::checks {

void check_link005_insecure_http_link(Context& ctx) {
    for (const url::Link& link : url::message_links(ctx.message()).links) {
        if (!url::is_navigation(link.kind)) continue;
        const url::Url* u = link.url();
        // "www.example.com" in plain text: the client picks the scheme.
        if (u == nullptr || u->scheme != "http" || !u->host || link.implied_scheme) continue;
        const auto place = u->scheme_span ? link.place_of(*u->scheme_span) : std::nullopt;
        Finding& f =
            report_place(ctx, place.value_or(link.place), "an http: link to " + u->host->serialized + ": use https");
        with_link(f, link);
    }
}

}  // namespace inboxlint::checks
