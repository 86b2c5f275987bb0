#include "core/utf8.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

void check_msg011_invalid_header_utf8(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (const mime::Entity& e : msg.entities()) {
        for (const mime::HeaderField& field : e.fields) {
            const std::string_view value = msg.raw_value(field);
            const std::size_t bad = core::find_invalid_utf8(value);
            if (bad == std::string_view::npos) continue;
            const std::size_t at = field.value.begin + bad;
            Finding& f = ctx.report(e.path, {at, at + 1},
                                    std::string(msg.name_of(field)) +
                                        " has 8-bit bytes that are not UTF-8; header text must be ASCII, encoded "
                                        "words (RFC 2047) or UTF-8 (RFC 6532)");
            f.properties.push_back({"field", std::string(msg.name_of(field))});
        }
    }
}

}  // namespace inboxlint::checks
