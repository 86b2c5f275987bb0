// A fixed set of short names (tag names, keywords) asked about for every
// element: sorted once, then found by binary search. The alternative,
// std::find over an initializer_list written at the call, builds the list
// on the stack at every call (block_tag's 48 names: 530 instructions per
// element).
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace inboxlint::core {

class NameSet {
public:
    // The views must outlive the set: string literals, as every caller has.
    NameSet(std::initializer_list<std::string_view> names) : names_(names) { std::sort(names_.begin(), names_.end()); }

    [[nodiscard]] bool contains(std::string_view name) const noexcept {
        return std::binary_search(names_.begin(), names_.end(), name);
    }

private:
    std::vector<std::string_view> names_;
};

}  // namespace inboxlint::core
