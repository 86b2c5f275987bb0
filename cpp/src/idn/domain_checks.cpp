#include "idn/domain_checks.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <utility>

#include "core/ascii.hpp"
#include "idn/uts46.hpp"

namespace inboxlint::idn {
namespace {

std::vector<std::string_view> split_labels(std::string_view name) {
    std::vector<std::string_view> labels;
    std::size_t begin = 0;
    for (;;) {
        const auto dot = name.find('.', begin);
        labels.push_back(name.substr(begin, dot == std::string_view::npos ? std::string_view::npos : dot - begin));
        if (dot == std::string_view::npos) return labels;
        begin = dot + 1;
    }
}

bool is_idn(std::string_view name) {
    for (const char c : name)
        if (core::is_8bit(c)) return true;
    for (const auto label : split_labels(name))
        if (core::istarts_with(label, "xn--")) return true;
    return false;
}

std::string last_label(std::string_view name) {
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    const auto dot = name.rfind('.');
    return core::to_lower(dot == std::string_view::npos ? name : name.substr(dot + 1));
}

}  // namespace

DomainCheck check_domain(std::string_view name, bool& checked) {
    DomainCheck c;
    c.displayed = std::string(name);
    c.invisible = find_invisible(name, InvisibleContext::name);
    checked = is_idn(name) || !c.invisible.empty();
    if (!checked) return c;
    const Uts46Result ascii = to_ascii(name, Profile::mail);
    const Uts46Result unicode = to_unicode(name, Profile::mail);
    c.ascii = ascii.text;
    c.unicode = unicode.text;
    c.uts46_errors = ascii.errors | unicode.errors;
    const std::string tld = last_label(ascii.ok() ? std::string_view(ascii.text) : name);
    for (const auto label : split_labels(c.unicode)) {
        const bool non_ascii = std::any_of(label.begin(), label.end(), [](char ch) { return core::is_8bit(ch); });
        // U+FFFD stands where UTS #46 failed; that label is IDN001's.
        if (!non_ascii || label.find("\xEF\xBF\xBD") != std::string_view::npos) continue;
        c.labels.push_back(check_label(label, tld));
    }
    return c;
}

const IdnChecks& idn_checks(const analysis::Message& msg) {
    return msg.memo<IdnChecks>(0, [&] {
        IdnChecks result;
        std::map<std::pair<url::DomainRole, std::string>, std::size_t> seen;
        for (const url::DomainUse& use : url::domains_by_role(msg).uses) {
            const auto key = std::make_pair(use.role, core::to_lower(use.name));
            if (const auto it = seen.find(key); it != seen.end()) {
                if (it->second != SIZE_MAX) result.domains[it->second].uses.push_back(&use);
                continue;
            }
            bool checked = false;
            DomainCheck c = check_domain(use.name, checked);
            if (!checked) {
                seen.emplace(key, SIZE_MAX);
                continue;
            }
            c.role = use.role;
            c.uses.push_back(&use);
            seen.emplace(key, result.domains.size());
            result.domains.push_back(std::move(c));
        }
        return result;
    });
}

}  // namespace inboxlint::idn
