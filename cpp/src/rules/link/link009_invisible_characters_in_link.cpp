#include "idn/invisible.hpp"
#include "rules/link/link_support.hpp"

namespace inboxlint::checks {
namespace {

// In the URL, outside its host (IDN005 reports hosts).
void check_url(Context& ctx, const url::Link& link) {
    const url::Url* u = link.url();
    const auto found = idn::find_invisible(link.written, idn::InvisibleContext::name, 4);
    for (const idn::InvisibleChar& c : found) {
        if (u != nullptr && u->host_span && c.offset >= u->host_span->begin && c.offset < u->host_span->end) continue;
        const auto place = link.place_of({c.offset, c.offset + c.length});
        Finding& f = report_place(ctx, place.value_or(link.place),
                                  "the URL holds the invisible character " + idn::describe_code_point(c.code_point));
        with_link(f, link);
        with(f, "character", idn::describe_code_point(c.code_point));
        with(f, "where", "url");
        return;  // one finding per URL
    }
}

void check_text(Context& ctx, const url::Link& link) {
    const auto found = idn::find_invisible(link.anchor->text, idn::InvisibleContext::text, 1);
    if (found.empty()) return;
    Finding& f = report_place(ctx, link.anchor->text_place,
                              "the link text '" + excerpt(link.anchor->text, 60) + "' holds the invisible character " +
                                  idn::describe_code_point(found[0].code_point));
    with_link(f, link);
    with(f, "character", idn::describe_code_point(found[0].code_point));
    with(f, "where", "text");
}

}  // namespace

void check_link009_invisible_characters_in_link(Context& ctx) {
    for (const url::Link& link : url::message_links(ctx.message()).links) {
        check_url(ctx, link);
        if (link.anchor) check_text(ctx, link);
    }
}

}  // namespace inboxlint::checks
