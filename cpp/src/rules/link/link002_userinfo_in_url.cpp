#include "rules/link/link_support.hpp"

namespace inboxlint::checks {

void check_link002_userinfo_in_url(Context& ctx) {
    for (const url::Link& link : url::message_links(ctx.message()).links) {
        const url::Url* u = link.url();
        if (u == nullptr || !u->at_sign || !u->special() || !u->host) continue;
        const std::string_view written = link.written;
        const std::string_view userinfo =
            u->userinfo_span ? written.substr(u->userinfo_span->begin, u->userinfo_span->size()) : "";
        // "https://bank.example@attacker.test" reads as bank.example.
        const bool looks_like_host = userinfo.find('.') != std::string_view::npos;
        std::string message = looks_like_host
                                  ? "the URL starts with '" + excerpt(userinfo, 60) +
                                        "@', which reads like its host, but it goes to " + u->host->serialized
                                  : "the URL carries user info before '@' (" + excerpt(userinfo, 60) +
                                        "); it goes to " + u->host->serialized;
        const auto place = u->userinfo_span ? link.place_of(*u->userinfo_span) : std::nullopt;
        Finding& f = report_place(ctx, place.value_or(link.place), std::move(message));
        with_link(f, link);
        with(f, "userinfo", std::string(userinfo));
        with(f, "looks_like_host", looks_like_host ? "true" : "false");
    }
}

}  // namespace inboxlint::checks
