#include "core/ascii.hpp"
#include "rules/mime_rules.hpp"

namespace inboxlint::checks {

void check_mime011_empty_part(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for_each_leaf(msg, [&](int index, const mime::Entity& e) {
        const std::string_view content = msg.decoded_body(index).view();
        const bool blank = e.media_type.starts_with("text/") ? core::trim(content).empty() : content.empty();
        if (!blank) return;
        const bool whole = e.parent < 0;
        ctx.report(e.body_path, e.body,
                   whole ? "the message body is empty" : "part " + e.body_path + " (" + e.media_type + ") is empty");
    });
}

}  // namespace inboxlint::checks
