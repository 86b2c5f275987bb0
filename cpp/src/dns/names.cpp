#include "dns/names.hpp"

#include "core/ascii.hpp"

namespace inboxlint::dns {

std::string normalise_name(std::string_view name) {
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    return core::to_lower(name);
}

bool labels_fit(std::string_view name) noexcept {
    if (name.empty() || name.size() > 253) return false;
    std::size_t label = 0;
    for (char c : name) {
        if (c != '.') {
            if (++label > 63) return false;
        } else if (label == 0) {
            return false;
        } else {
            label = 0;
        }
    }
    return label > 0;
}

bool is_record_name(std::string_view name) noexcept {
    for (char c : name)
        if (c <= ' ' || c == 0x7f || core::is_8bit(c)) return false;
    return labels_fit(name);
}

}  // namespace inboxlint::dns
