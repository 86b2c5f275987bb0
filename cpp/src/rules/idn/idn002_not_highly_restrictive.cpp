#include "rules/idn/idn_support.hpp"

namespace inboxlint::checks {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : std::string(sep)) + s;
    return out;
}

}  // namespace

void check_idn002_not_highly_restrictive(Context& ctx) {
    for (const idn::DomainCheck& c : idn::idn_checks(ctx.message()).domains) {
        for (const idn::LabelCheck& label : c.labels) {
            if (idn::at_least_highly_restrictive(label.level)) continue;
            std::string why = label.outside_profile.empty()
                                  ? "mixes the scripts " + join(label.scripts, " + ")
                                  : "has characters outside the UTS #39 identifier profile (" +
                                        join(label.outside_profile, ", ") + ")";
            Finding& f = report_domain(ctx, c,
                                       role_phrase(c.role) + " " + both_forms(c) + ": the label '" + label.label +
                                           "' " + why + ", which is " + std::string(idn::to_string(label.level)) +
                                           "; Gmail requires highly restrictive (UTS #39 section 5.2)");
            with(f, "label", label.label);
            with(f, "level", std::string(idn::to_string(label.level)));
            with(f, "scripts", join(label.scripts, ","));
            if (!label.outside_profile.empty()) with(f, "outside_profile", join(label.outside_profile, ","));
        }
    }
}

}  // namespace inboxlint::checks
