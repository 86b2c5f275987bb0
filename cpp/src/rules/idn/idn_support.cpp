#include "rules/idn/idn_support.hpp"

#include "rules/link/link_support.hpp"

namespace inboxlint::checks {
namespace {

constexpr std::size_t max_related = 10;

void decorate(Context& ctx, Finding& f, const idn::DomainCheck& c) {
    for (std::size_t i = 1; i < c.uses.size() && i <= max_related; ++i)
        f.related.push_back({place_location(ctx, c.uses[i]->place), "the same name, " + c.uses[i]->source});
    with(f, "role", std::string(url::to_string(c.role)));
    with(f, "source", c.uses.front()->source);
    with(f, "displayed", c.displayed);
    with(f, "ascii", c.ascii);
    with(f, "unicode", c.unicode);
    if (c.uses.size() > 1) with(f, "occurrences", std::to_string(c.uses.size()));
}

}  // namespace

std::string role_phrase(url::DomainRole role) {
    switch (role) {
        case url::DomainRole::from:
            return "the From domain";
        case url::DomainRole::sender:
            return "the Sender domain";
        case url::DomainRole::reply_to:
            return "the Reply-To domain";
        case url::DomainRole::return_path:
            return "the Return-Path (envelope-from) domain";
        case url::DomainRole::dkim:
            return "the DKIM signing domain (d=)";
        case url::DomainRole::link:
            return "the link host";
    }
    return "the domain";
}

std::string both_forms(const idn::DomainCheck& c) {
    const std::string& shown = c.unicode.empty() ? c.displayed : c.unicode;
    if (c.ascii.empty() || c.ascii == shown) return shown;
    return shown + " (" + c.ascii + ")";
}

Finding& report_domain(Context& ctx, const idn::DomainCheck& c, std::string message) {
    Finding& f = report_place(ctx, c.uses.front()->place, std::move(message));
    decorate(ctx, f, c);
    return f;
}

Finding& report_in_name(Context& ctx, const idn::DomainCheck& c, Span name_range, std::string message) {
    const url::DomainUse& use = *c.uses.front();
    url::Place place = use.place;
    const std::string_view source =
        use.place.header ? ctx.message().text() : ctx.message().body_text(place.entity).view();
    const std::string_view written =
        place.range.end <= source.size() ? source.substr(place.range.begin, place.range.size()) : std::string_view();
    if (written == c.displayed && name_range.end <= written.size())
        place.range = {place.range.begin + name_range.begin, place.range.begin + name_range.end};
    Finding& f = report_place(ctx, place, std::move(message));
    decorate(ctx, f, c);
    return f;
}

}  // namespace inboxlint::checks
