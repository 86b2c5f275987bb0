#include "rules/idn/idn_support.hpp"

namespace inboxlint::checks {

void check_idn003_lookalike_label(Context& ctx) {
    for (const idn::DomainCheck& c : idn::idn_checks(ctx.message()).domains) {
        for (const idn::LabelCheck& label : c.labels) {
            if (label.lookalike == idn::Lookalike::none) continue;
            std::string scripts;
            for (const std::string& s : label.scripts) scripts += (scripts.empty() ? "" : ",") + s;
            Finding& f = report_domain(ctx, c,
                                       role_phrase(c.role) + " " + both_forms(c) + ": the label '" + label.label +
                                           "' looks like the ASCII label '" + label.looks_like + "' (" +
                                           std::string(idn::to_string(label.lookalike)) + " confusable, UTS #39)");
            with(f, "label", label.label);
            with(f, "looks_like", label.looks_like);
            with(f, "confusable", std::string(idn::to_string(label.lookalike)));
            with(f, "level", std::string(idn::to_string(label.level)));
            with(f, "scripts", scripts);
        }
    }
}

}  // namespace inboxlint::checks
