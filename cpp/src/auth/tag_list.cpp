#include "auth/tag_list.hpp"

#include <algorithm>
#include <set>

#include "core/ascii.hpp"

namespace inboxlint::auth {
namespace {

constexpr bool is_fws(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// [begin, end) without FWS at either side.
std::pair<std::size_t, std::size_t> trim_fws(std::string_view raw, std::size_t begin, std::size_t end) {
    while (begin < end && is_fws(raw[begin])) ++begin;
    while (end > begin && is_fws(raw[end - 1])) --end;
    return {begin, end};
}

bool valid_tag_name(std::string_view name) noexcept {
    if (name.empty() || !core::is_alpha(name.front())) return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return core::is_alnum(c) || c == '_'; });
}

// tval-char = %x21-3A / %x3C-7E; white space between tvals is allowed.
void check_value(std::string_view raw, const Tag& tag, std::size_t base, mime::SyntaxIssues& issues) {
    for (std::size_t i = tag.value.begin - base; i < tag.value.end - base; ++i) {
        const char c = raw[i];
        if (is_fws(c)) continue;
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x21 || u > 0x7e) {
            issues.push_back({"invalid-value-character",
                              {base + i, base + i + 1},
                              "tag " + tag.name_text + " has a byte outside printable ASCII in its value"});
            return;
        }
    }
}

}  // namespace

const Tag* TagList::find(std::string_view name) const noexcept {
    for (const Tag& t : tags) {
        if (t.name_text == name) return &t;
    }
    return nullptr;
}

TagList parse_tag_list(std::string_view raw, std::size_t base) {
    TagList list;
    std::set<std::string, std::less<>> seen;
    std::size_t start = 0;
    while (start <= raw.size()) {
        std::size_t semi = raw.find(';', start);
        const bool last = semi == std::string_view::npos;
        if (last) semi = raw.size();
        const auto [b, e] = trim_fws(raw, start, semi);
        if (b == e) {
            // An empty final tag-spec is the optional trailing ';' (or an
            // empty list); anywhere else the grammar has no room for it.
            if (!last) list.issues.push_back({"empty-tag-spec", {base + semi, base + semi + 1}, "an empty tag-spec"});
        } else {
            const std::size_t eq = raw.substr(0, e).find('=', b);
            if (eq == std::string_view::npos) {
                list.issues.push_back({"missing-equals", {base + b, base + e}, "a tag without '='"});
            } else {
                Tag tag;
                tag.span = {base + b, base + e};
                const auto [nb, ne] = trim_fws(raw, b, eq);
                const auto [vb, ve] = trim_fws(raw, eq + 1, e);
                tag.name = {base + nb, base + ne};
                tag.value = {base + vb, base + ve};
                tag.name_text = std::string(raw.substr(nb, ne - nb));
                for (std::size_t i = vb; i < ve; ++i) {
                    if (is_fws(raw[i]))
                        tag.inner_space = true;
                    else
                        tag.compact.push_back(raw[i]);
                }
                if (!valid_tag_name(tag.name_text)) {
                    list.issues.push_back({"invalid-tag-name", tag.name.empty() ? tag.span : tag.name,
                                           "'" + tag.name_text + "' is not a valid tag name"});
                } else if (!seen.insert(tag.name_text).second) {
                    list.issues.push_back({"duplicate-tag", tag.span, "tag " + tag.name_text + " appears twice"});
                }
                check_value(raw, tag, base, list.issues);
                list.tags.push_back(std::move(tag));
            }
        }
        if (last) break;
        start = semi + 1;
    }
    return list;
}

}  // namespace inboxlint::auth
