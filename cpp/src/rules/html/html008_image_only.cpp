// HTML008: an HTML part that is (nearly) all images: almost no visible
// words next to at least one image that is not a tracking pixel.
#include "rules/html/html_support.hpp"

namespace inboxlint::checks {

void check_html008_image_only(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const auto min_words = static_cast<std::size_t>(std::max<std::int64_t>(ctx.options().integer("min_words"), 0));
    for (int part : html::html_parts(msg)) {
        const html::HtmlDocument& doc = html::html_document(msg, part);
        if (!doc.dom().parsed) continue;
        const html::Intents& in = doc.intents;
        if (in.visible_images == 0 || in.visible_words >= min_words) continue;
        Finding& f = ctx.report(msg.entity(part).body_path, msg.entity(part).body,
                                std::to_string(in.visible_images) + " image" + (in.visible_images == 1 ? "" : "s") +
                                    " and only " + std::to_string(in.visible_words) + " visible word" +
                                    (in.visible_words == 1 ? "" : "s"));
        with(f, "images", std::to_string(in.visible_images));
        with(f, "words", std::to_string(in.visible_words));
    }
}

}  // namespace inboxlint::checks
