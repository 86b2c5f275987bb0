// The WHATWG URL parser (with and without a base), the plain-text URL
// finder, what link text shows, and embedded redirect targets. Invariants:
// every component range lies in the input, and a parsed URL's serialization
// parses again to itself (the URL Standard's idempotence).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "url/redirect.hpp"
#include "url/text_urls.hpp"
#include "url/url.hpp"

namespace {

using namespace inboxlint;

void check_span(const std::optional<Span>& span, std::size_t size) {
    if (span && (span->begin > span->end || span->end > size)) __builtin_trap();
}

void check_url(std::string_view input, const url::Url* base) {
    const url::UrlResult r = url::parse_url(input, base);
    if (!r.url) return;
    const url::Url& u = *r.url;
    for (const auto& s :
         {u.scheme_span, u.userinfo_span, u.host_span, u.port_span, u.path_span, u.query_span, u.fragment_span})
        check_span(s, input.size());
    const std::string href = u.href();
    const url::UrlResult again = url::parse_url(href);
    if (!again.url || again.url->href() != href) __builtin_trap();
    (void)url::embedded_target_hosts(input, u);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_url(text, nullptr);
    static const url::UrlResult base = url::parse_url("https://user@shop.example:8443/a/b?q#f");
    check_url(text, &*base.url);
    static const url::UrlResult file_base = url::parse_url("file:///C:/dir/file");
    check_url(text, &*file_base.url);
    for (const url::TextUrl& t : url::find_text_urls(text, 64)) {
        if (t.range.begin > t.range.end || t.range.end > size) __builtin_trap();
        (void)url::parse_url(url::text_url_input(text, t));
    }
    if (const auto shown = url::displayed_target(text)) {
        if (shown->host_range.end > size || shown->range.end > size) __builtin_trap();
    }
    return 0;
}
