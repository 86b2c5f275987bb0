#include "arc/arc_validate.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {

// A chain validation that fails (RFC 8617 section 5.2), at the field or tag
// at fault: a broken structure needs no key; a seal or the newest message
// signature that does not verify needs the supplied keys. A chain whose keys
// were not supplied is not judged.
void check_arc001_arc_chain_broken(Context& ctx) {
    if (!arc::arc_chain(ctx.message()).any_arc_field) return;
    const arc::ArcValidation& v = arc::arc_validation(ctx.message(), ctx.config());
    if (v.status != arc::ArcStatus::fail) return;
    Finding& f = ctx.report("", v.span, "the ARC chain fails at instance " + std::to_string(v.failed_instance) + ": " +
                                            v.reason);
    with(f, "instance", std::to_string(v.failed_instance));
}

}  // namespace inboxlint::checks
