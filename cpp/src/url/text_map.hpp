// Where each byte of a derived string came from in its source, kept
// compactly: the derived string is a run of source bytes that restarts at a
// new source offset wherever something was removed, inserted or replaced
// (a folded line break, a tab, "http://" put in front). A copy with nothing
// changed needs no restart at all, so a 10 MB URL costs no offset table.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace inboxlint::url {

class TextMap {
public:
    TextMap() = default;
    explicit TextMap(std::size_t base) : base_(base) {}

    // From byte `index` of the derived string on, bytes come from `source`,
    // `source + 1`, ... (indexes must be added in increasing order).
    void restart(std::size_t index, std::size_t source) { restarts_.emplace_back(index, source); }
    // Bytes from `index` on have no known source (character references).
    void unknown_from(std::size_t index) { known_ = std::min(known_, index); }

    [[nodiscard]] bool known(std::size_t index) const noexcept { return index < known_; }
    // The source offset of byte `index` (which must be known).
    [[nodiscard]] std::size_t at(std::size_t index) const noexcept {
        const auto it = std::upper_bound(restarts_.begin(), restarts_.end(), index,
                                         [](std::size_t i, const auto& r) { return i < r.first; });
        if (it == restarts_.begin()) return base_ + index;
        const auto& r = *(it - 1);
        return r.second + (index - r.first);
    }

private:
    std::size_t base_ = 0;
    std::vector<std::pair<std::size_t, std::size_t>> restarts_;
    std::size_t known_ = std::string::npos;
};

}  // namespace inboxlint::url
