#include "mime/charset.hpp"
#include "rules/mime_rules.hpp"

namespace inboxlint::checks {

void check_mime008_unknown_charset(Context& ctx) {
    for_each_entity(ctx.message(), [&](int, const mime::Entity& e) {
        const mime::Parameter* charset = e.content_type.param("charset");
        if (!charset || !e.media_type.starts_with("text/")) return;
        if (!mime::resolve_charset(charset->value).empty()) return;
        Finding& f = ctx.report(e.path, charset->span,
                                "unknown charset '" + charset->value + "'; readers will guess how to decode the text");
        f.properties.push_back({"charset", charset->value});
    });
}

}  // namespace inboxlint::checks
