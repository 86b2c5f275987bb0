#include <string>

#include "rules/context.hpp"

namespace inboxlint::checks {

// The linter runs no other rule on such an input (engine/linter.cpp): each
// would report something missing, where the one fact is that nothing is there.
void check_msg016_empty_message(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    if (!msg.is_blank()) return;
    const std::size_t size = msg.original_size();
    if (size == 0) {
        ctx.report("", {0, 0}, "the input is empty: no header and no body (0 bytes)");
        return;
    }
    ctx.report("", {0, msg.text().size()},
               "the input is only white space and line breaks (" + std::to_string(size) +
                   (size == 1 ? " byte" : " bytes") + "): no header and no body");
}

}  // namespace inboxlint::checks
