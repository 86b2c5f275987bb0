#include "rules/context.hpp"

namespace inboxlint::checks {

void check_mid004_duplicate_message_id(Context& ctx) {
    const auto fields = ctx.message().fields("Message-ID");
    for (std::size_t i = 1; i < fields.size(); ++i) {
        Finding& f = ctx.report("", fields[i]->field,
                                "Message-ID appears " + std::to_string(fields.size()) + " times; it may appear once");
        f.related.push_back({ctx.location("", fields[0]->field), "first Message-ID field"});
    }
}

}  // namespace inboxlint::checks
