#include "rules/mime_rules.hpp"

namespace inboxlint::checks {

void check_mime009_invalid_charset_bytes(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for_each_leaf(msg, [&](int index, const mime::Entity& e) {
        if (!e.media_type.starts_with("text/")) return;
        const mime::CharsetDecoded& text = msg.body_text(index);
        // An unknown charset is MIME008; its fallback decoding proves nothing.
        if (!text.known || text.invalid_count == 0) return;
        const Span raw = msg.decoded_body(index).map.to_input(text.first_invalid);
        Finding& f = ctx.report(e.body_path, raw,
                                std::to_string(text.invalid_count) + " byte sequence" +
                                    (text.invalid_count == 1 ? " is" : "s are") + " not valid " + text.resolved +
                                    "; readers will show replacement characters");
        f.properties.push_back({"charset", text.resolved});
        f.properties.push_back({"count", std::to_string(text.invalid_count)});
    });
}

}  // namespace inboxlint::checks
