#include "rules/link/link_support.hpp"

#include <set>
#include <utility>

namespace inboxlint::checks {

void check_link007_image_link_without_alt(Context& ctx) {
    const auto& links = url::message_links(ctx.message()).links;
    // An icon beside a text link to the same place (social icons, logos
    // next to a name) takes its purpose from that link (WCAG 2.4.4, "in
    // context"); screen readers list both.
    std::set<std::pair<int, std::string>> described;
    for (const url::Link& link : links)
        if (link.anchor && !link.anchor->text.empty()) described.emplace(link.place.entity, link.written);
    for (const url::Link& link : links) {
        if (!link.anchor) continue;
        const url::AnchorInfo& a = *link.anchor;
        if (!a.text.empty() || a.images == 0 || a.images_without_alt < a.images || !a.label.empty()) continue;
        if (described.count({link.place.entity, link.written}) != 0) continue;
        // With images blocked (the default in many clients) such a link is
        // an empty box, and a screen reader reads out the URL.
        const url::Url* u = link.url();
        Finding& f = report_place(ctx, a.text_place,
                                  "a link made only of " + std::string(a.images == 1 ? "an image" : "images") +
                                      " without alt text" + (u && u->host ? " (to " + u->host->serialized + ")" : ""));
        with_link(f, link);
        with(f, "images", std::to_string(a.images));
    }
}

}  // namespace inboxlint::checks
