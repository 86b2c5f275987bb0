#include <string_view>
#include <unordered_set>

#include "core/ascii.hpp"
#include "core/data_files.hpp"
#include "rules/link/link_support.hpp"

namespace inboxlint::checks {
namespace {

// The shortener domains, lower-case, for lookup by every suffix of a host.
const std::unordered_set<std::string>& shorteners() {
    static const std::unordered_set<std::string> set = [] {
        std::unordered_set<std::string> out;
        for (const std::string& s : core::data_lines("url_shorteners.txt")) out.insert(core::to_lower(s));
        return out;
    }();
    return set;
}

// The shortener whose domain is the host or one of its parents, or "".
// One lookup per label of the host, instead of comparing every shortener.
std::string_view shortener_of(std::string_view host) {
    if (!host.empty() && host.back() == '.') host.remove_suffix(1);
    const std::string lower = core::to_lower(host);
    std::string_view rest = lower;
    while (!rest.empty()) {
        if (const auto it = shorteners().find(std::string(rest)); it != shorteners().end()) return *it;
        const std::size_t dot = rest.find('.');
        if (dot == std::string_view::npos) break;
        rest.remove_prefix(dot + 1);
    }
    return {};
}

}  // namespace

void check_link008_url_shortener(Context& ctx) {
    for (const url::Link& link : url::message_links(ctx.message()).links) {
        const url::Url* u = link.url();
        if (u == nullptr || !u->host || u->host->kind != url::HostKind::domain) continue;
        const std::string_view s = shortener_of(u->host->serialized);
        if (s.empty()) continue;
        Finding& f = report_place(ctx, link_focus(link),
                                  "a link through the URL shortener " + std::string(s) +
                                      " hides its destination; link to the destination directly");
        with_link(f, link);
        with(f, "shortener", std::string(s));
    }
}

}  // namespace inboxlint::checks
