#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/ascii.hpp"
#include "rules/idn/idn_support.hpp"
#include "rules/link/link_support.hpp"
#include "url/host.hpp"
#include "url/registrable.hpp"

namespace inboxlint::checks {
namespace {

constexpr std::size_t max_related = 10;

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

struct Unknown {
    std::string tld;
    std::vector<const url::DomainUse*> uses;
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
        if (fresh) names.push_back({key, Unknown{tld, {}}});
        names[it->second].second.uses.push_back(&use);
    }
    for (const auto& [key, unknown] : names) {
        const url::DomainUse& first = *unknown.uses.front();
        Finding& f = report_place(ctx, first.place, describe(first, unknown.tld));
        for (std::size_t i = 1; i < unknown.uses.size() && i <= max_related; ++i)
            f.related.push_back({place_location(ctx, unknown.uses[i]->place), "the same name, " + unknown.uses[i]->source});
        with(f, "role", std::string(url::to_string(first.role)));
        with(f, "source", first.source);
        with(f, "tld", unknown.tld);
        if (unknown.uses.size() > 1) with(f, "occurrences", std::to_string(unknown.uses.size()));
    }
}

}  // namespace inboxlint::checks
