// The public view of the rule registry: rules(), find_rule(), explain().
#include <algorithm>

#include "core/ascii.hpp"
#include "inboxlint/rules.hpp"
#include "rules/docs.hpp"
#include "rules/rule.hpp"

namespace inboxlint {
namespace {

const std::vector<RuleInfo>& infos() {
    static const std::vector<RuleInfo> list = [] {
        std::vector<RuleInfo> out;
        for (const checks::Rule& rule : checks::registry()) out.push_back(rule.info);
        return out;
    }();
    return list;
}

}  // namespace

std::string_view to_string(OptionType type) noexcept {
    switch (type) {
        case OptionType::boolean:
            return "boolean";
        case OptionType::integer:
            return "integer";
        case OptionType::string:
            return "string";
        case OptionType::string_list:
            return "string list";
    }
    return "unknown";
}

std::span<const RuleInfo> rules() noexcept { return infos(); }

const RuleInfo* find_rule(std::string_view id_or_slug) noexcept {
    const auto& list = infos();
    const auto it = std::find_if(list.begin(), list.end(), [&](const RuleInfo& info) {
        return core::iequals(info.id, id_or_slug) || core::iequals(info.slug, id_or_slug);
    });
    return it == list.end() ? nullptr : &*it;
}

std::optional<std::string_view> explain(std::string_view id_or_slug) noexcept {
    const RuleInfo* info = find_rule(id_or_slug);
    if (!info) return std::nullopt;
    for (const checks::RuleDoc& doc : checks::rule_docs()) {
        if (doc.id == info->id) return doc.markdown;
    }
    return std::nullopt;
}

}  // namespace inboxlint
