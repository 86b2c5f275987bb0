#include "idn/invisible.hpp"
#include "rules/idn/idn_support.hpp"

namespace inboxlint::checks {

void check_idn005_invisible_characters_in_domain(Context& ctx) {
    for (const idn::DomainCheck& c : idn::idn_checks(ctx.message()).domains) {
        if (!c.invisible.empty()) {
            const idn::InvisibleChar& first = c.invisible.front();
            Finding& f =
                report_in_name(ctx, c, {first.offset, first.offset + first.length},
                               role_phrase(c.role) + " " + c.displayed + " holds the invisible character " +
                                   idn::describe_code_point(first.code_point) +
                                   (c.invisible.size() > 1 ? " and " + std::to_string(c.invisible.size() - 1) + " more"
                                                           : std::string()));
            with(f, "character", idn::describe_code_point(first.code_point));
            with(f, "count", std::to_string(c.invisible.size()));
        }
        for (const idn::LabelCheck& label : c.labels) {
            if (!label.invisible && !label.hidden_overlay) continue;
            const std::string what = label.invisible ? "repeats a combining mark" : "hides a dot over a dotted letter";
            Finding& f = report_domain(ctx, c,
                                       role_phrase(c.role) + " " + both_forms(c) + ": the label '" + label.label +
                                           "' " + what + ", which cannot be seen");
            with(f, "label", label.label);
        }
    }
}

}  // namespace inboxlint::checks
