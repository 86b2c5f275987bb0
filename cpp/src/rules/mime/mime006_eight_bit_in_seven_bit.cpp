#include "core/ascii.hpp"
#include "rules/mime_rules.hpp"

namespace inboxlint::checks {

void check_mime006_eight_bit_in_seven_bit(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const std::string_view text = msg.text();
    for_each_leaf(msg, [&](int, const mime::Entity& e) {
        if (e.transfer_encoding.name != "7bit") return;
        std::size_t count = 0;
        std::size_t first = 0;
        for (std::size_t i = e.body.begin; i < e.body.end; ++i) {
            if (core::is_8bit(text[i]) && count++ == 0) first = i;
        }
        if (count == 0) return;
        const std::string declared = e.transfer_encoding.present ? "declared 7bit" : "7bit by default";
        Finding& f = ctx.report(e.body_path, {first, first + 1},
                                "8-bit data in a part that is " + declared + " (" + std::to_string(count) +
                                    " bytes); declare 8bit or encode it as quoted-printable or base64");
        f.properties.push_back({"count", std::to_string(count)});
    });
}

}  // namespace inboxlint::checks
