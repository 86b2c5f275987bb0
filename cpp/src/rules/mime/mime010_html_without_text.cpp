#include "rules/mime_rules.hpp"

namespace inboxlint::checks {
namespace {

// A text/plain leaf below `entity`, other than attachments.
bool has_plain_text(const analysis::Message& msg, int entity) {
    for (int child : msg.entity(entity).children) {
        const mime::Entity& c = msg.entity(child);
        if (c.kind == mime::EntityKind::leaf && c.media_type == "text/plain" && !msg.is_attachment(child)) return true;
        if (c.kind == mime::EntityKind::multipart && has_plain_text(msg, child)) return true;
    }
    return false;
}

bool has_text_alternative(const analysis::Message& msg, int html) {
    for (int e = msg.entity(html).parent; e >= 0; e = msg.entity(e).parent) {
        const mime::Entity& ancestor = msg.entity(e);
        if (ancestor.media_type == "multipart/alternative" && has_plain_text(msg, e)) return true;
        if (ancestor.kind == mime::EntityKind::message) break;
    }
    return false;
}

}  // namespace

void check_mime010_html_without_text(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for_each_leaf(msg, [&](int index, const mime::Entity& e) {
        if (e.media_type != "text/html" || msg.is_attachment(index) || has_text_alternative(msg, index)) return;
        // Messages forwarded as attachments are not the sender's own body.
        for (int a = e.parent; a >= 0; a = msg.entity(a).parent) {
            if (msg.entity(a).kind == mime::EntityKind::message) return;
        }
        ctx.report(e.path, e.content_type.present ? e.content_type.type_span : e.header,
                   "an HTML body without a text/plain alternative (multipart/alternative)");
    });
}

}  // namespace inboxlint::checks
