#include <algorithm>

#include "core/ascii.hpp"
#include "rules/mime_rules.hpp"

namespace inboxlint::checks {

void check_mime007_missing_charset(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for_each_leaf(msg, [&](int index, const mime::Entity& e) {
        if (!e.media_type.starts_with("text/") || e.content_type.param("charset")) return;
        const mime::TransferDecoded& decoded = msg.decoded_body(index);
        const std::string_view bytes = decoded.view();
        const auto it = std::find_if(bytes.begin(), bytes.end(), core::is_8bit);
        if (it == bytes.end()) return;
        const auto offset = static_cast<std::size_t>(it - bytes.begin());
        const Span raw = decoded.map.to_input(Span{offset, offset + 1});
        Finding& f = ctx.report(e.body_path, raw,
                                "non-ASCII text in a " + e.media_type +
                                    " part without a charset parameter; readers assume US-ASCII and guess");
        f.related.push_back({ctx.location(e.path, e.content_type.present ? e.content_type.type_span : e.header),
                             "add charset=utf-8 (or the real charset) here"});
    });
}

}  // namespace inboxlint::checks
