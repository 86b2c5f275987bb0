#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/ascii.hpp"
#include "rules/idn/idn_support.hpp"
#include "url/host.hpp"
#include "url/registrable.hpp"

namespace inboxlint::checks {
namespace {

// A name as DNS sees it (A-labels, no root dot), or empty when it is no
// domain (it does not convert; IDN001 says why).
std::string ascii_name(std::string_view written) {
    const auto ascii = url::domain_to_ascii(written);
    if (!ascii.ok()) return {};
    std::string name = ascii.host.serialized;
    while (!name.empty() && name.back() == '.') name.pop_back();
    return name;
}

std::string last_label(const std::string& name) {
    const auto dot = name.rfind('.');
    return dot == std::string::npos ? name : name.substr(dot + 1);
}

bool allowed(const std::vector<std::string>& allowed_tlds, std::string_view tld) {
    return std::any_of(allowed_tlds.begin(), allowed_tlds.end(),
                       [&](const std::string& a) { return core::iequals(a, tld); });
}

std::string describe(const url::DomainUse& use, const std::string& tld) {
    const std::string name = role_phrase(use.role) + " " + use.name;
    if (core::iequals(core::trim(use.name), tld)) {
        return name + " is a single label, under no top-level domain: it resolves only inside a local network";
    }
    return name + " is under no suffix of the public suffix list (." + tld + " is not listed): it cannot resolve";
}

// One name in one role, with its places: the shape the IDN rules report.
struct Unknown {
    std::string tld;
    idn::DomainCheck check;
};

}  // namespace

void check_idn006_unknown_top_level_domain(Context& ctx) {
    const std::vector<std::string>& allowed_tlds = ctx.options().string_list("allowed_tlds");
    std::vector<std::pair<std::string, Unknown>> names;  // (role + name) in first-use order
    std::map<std::string, std::size_t> index;
    for (const url::DomainUse& use : url::domains_by_role(ctx.message()).uses) {
        const std::string name = ascii_name(use.name);
        const std::string tld = last_label(name);
        if (tld.empty() || allowed(allowed_tlds, tld) || url::has_known_public_suffix(name)) continue;
        const std::string key = std::string(url::to_string(use.role)) + " " + core::to_lower(use.name);
        const auto [it, fresh] = index.emplace(key, names.size());
        if (fresh) {
            Unknown u{tld, {}};
            u.check.role = use.role;
            u.check.displayed = use.name;
            u.check.ascii = name;
            u.check.unicode = use.name;  // as written: no U-label conversion is needed to say this
            names.push_back({key, std::move(u)});
        }
        names[it->second].second.check.uses.push_back(&use);
    }
    for (const auto& [key, unknown] : names) {
        Finding& f = report_domain(ctx, unknown.check, describe(*unknown.check.uses.front(), unknown.tld));
        with(f, "tld", unknown.tld);
    }
}

}  // namespace inboxlint::checks
