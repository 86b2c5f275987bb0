#include "rules/link/link_support.hpp"
#include "url/misleading.hpp"

namespace inboxlint::checks {
namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : " -> ") + s;
    return out;
}

std::string explain(const url::LinkMismatch& m) {
    if (m.reason == "redirect-elsewhere")
        return "; the destination it carries is " + join(m.embedded) + (m.too_deep ? " -> ... (nested too deep)" : "");
    if (m.reason == "ambiguous-redirect") {
        std::string all;
        for (const std::string& d : m.embedded) all += (all.empty() ? "" : ", ") + d;
        return "; it carries several destinations (" + all + ")";
    }
    return " (registrable domains " + m.shown_domain + " and " + m.target_domain + ")";
}

}  // namespace

void check_link001_misleading_link_text(Context& ctx) {
    const auto& tracking = ctx.options().string_list("tracking_domains");
    for (const url::LinkMismatch& m : url::link_mismatches(ctx.message()).mismatches) {
        if (host_in(m.target_host, tracking)) continue;
        const std::string message =
            "the link text shows " + m.shown.host + " but the link goes to " + m.target_host + explain(m);
        Finding& f = report_place(ctx, link_focus(*m.link), message);
        f.related.push_back({place_location(ctx, m.link->anchor->text_place), "the link text"});
        with_link(f, *m.link);
        with(f, "text", excerpt(m.link->anchor->text));
        with(f, "shown_host", m.shown_host);
        with(f, "shown_domain", m.shown_domain);
        with(f, "target_host", m.target_host);
        with(f, "target_domain", m.target_domain);
        with(f, "reason", m.reason);
    }
}

}  // namespace inboxlint::checks
