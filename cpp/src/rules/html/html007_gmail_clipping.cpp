// HTML007: an HTML part larger than Gmail shows before clipping it behind a
// "View entire message" link (102 KB of HTML).
#include "rules/html/html_support.hpp"

namespace inboxlint::checks {

void check_html007_gmail_clipping(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const auto limit = static_cast<std::size_t>(std::max<std::int64_t>(ctx.options().integer("max_bytes"), 1));
    for (int part : html::html_parts(msg)) {
        const mime::TransferDecoded& decoded = msg.decoded_body(part);
        const std::size_t size = decoded.view().size();
        if (size <= limit) continue;
        // From the byte where Gmail cuts to the end of the part.
        const Span clipped = decoded.map.empty() ? msg.entity(part).body : decoded.map.to_input(Span{limit, size});
        Finding& f = ctx.report(
            msg.entity(part).body_path, clipped,
            "the HTML is " + std::to_string(size) + " bytes; Gmail clips it after " + std::to_string(limit) + " bytes");
        with(f, "bytes", std::to_string(size));
        with(f, "limit", std::to_string(limit));
    }
}

}  // namespace inboxlint::checks
