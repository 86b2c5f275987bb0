#include "rules/link/link_support.hpp"

#include "core/utf8.hpp"
#include "url/registrable.hpp"

namespace inboxlint::checks {

Finding& report_place(Context& ctx, const url::Place& place, std::string message) {
    if (place.header) return ctx.report(ctx.message().entity(place.entity).path, place.range, std::move(message));
    return ctx.report_text(place.entity, place.range, std::move(message));
}

Location place_location(const Context& ctx, const url::Place& place) {
    if (place.header) return ctx.location(ctx.message().entity(place.entity).path, place.range);
    return ctx.text_location(place.entity, place.range);
}

const url::Place& link_focus(const url::Link& link) { return link.host_place ? *link.host_place : link.place; }

Finding& with_link(Finding& f, const url::Link& link) {
    with(f, "url", link.written);
    with(f, "source", link.source);
    if (const url::Url* u = link.url(); u != nullptr && u->host) with(f, "host", u->host->serialized);
    return f;
}

std::string excerpt(std::string_view text, std::size_t max) {
    if (core::count_code_points(text) <= max) return std::string(text);
    std::size_t pos = 0;
    for (std::size_t n = 0; n < max && pos < text.size(); ++n) pos += core::decode_utf8(text, pos).length;
    return std::string(text.substr(0, pos)) + "\u2026";
}

bool host_in(std::string_view host, const std::vector<std::string>& domains) {
    for (const std::string& d : domains)
        if (url::is_same_or_subdomain(host, d)) return true;
    return false;
}

}  // namespace inboxlint::checks
