// A set of short names (tag names, keywords) asked about for every element,
// or of the words of a text: hashed into an open-addressing table, then
// found with one hash of the name and (nearly always) one comparison. The alternatives
// cost more per question: std::find over an initializer_list written at the
// call builds the list on the stack at every call (block_tag's 48 names: 530
// instructions per element), and a binary search over the sorted names does
// five or six memcmp calls.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace inboxlint::core {

class NameSet {
public:
    // The views must outlive the set: string literals, as every caller has.
    NameSet(std::initializer_list<std::string_view> names) {
        resize(names.size());
        for (const std::string_view name : names) insert(name);
    }

    // An empty set sized for `expected` names (more may be inserted). A
    // function, not a constructor: NameSet{n} would be a set of one name.
    static NameSet sized_for(std::size_t expected) {
        NameSet set{};
        set.resize(expected);
        return set;
    }

    // Adds a view that must outlive the set; false when it was there already
    // (or is empty).
    bool insert(std::string_view name) {
        if (name.empty() || contains(name)) return false;
        if ((count_ + 1) * 2 > slots_.size()) grow();
        place(name);
        ++count_;
        return true;
    }

    [[nodiscard]] bool contains(std::string_view name) const noexcept {
        if (name.empty()) return false;
        for (std::size_t i = hash(name) & mask_; slots_[i].data() != nullptr; i = (i + 1) & mask_) {
            if (slots_[i] == name) return true;
        }
        return false;
    }

    [[nodiscard]] std::size_t size() const noexcept { return count_; }

private:
    void resize(std::size_t expected) {
        std::size_t size = 8;
        while (size < expected * 4) size *= 2;  // a quarter full: probes stay short
        slots_.assign(size, std::string_view());
        mask_ = size - 1;
    }

    void place(std::string_view name) {
        std::size_t i = hash(name) & mask_;
        while (slots_[i].data() != nullptr) i = (i + 1) & mask_;
        slots_[i] = name;
    }

    void grow() {
        std::vector<std::string_view> old;
        old.swap(slots_);
        resize(count_ * 2 + 1);
        for (const std::string_view name : old) {
            if (name.data() != nullptr) place(name);
        }
    }

    // FNV-1a: names are a few bytes long, so a byte loop beats std::hash.
    [[nodiscard]] static std::size_t hash(std::string_view name) noexcept {
        std::uint32_t h = 2166136261u;
        for (const char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
        return h ^ (h >> 15);
    }

    std::vector<std::string_view> slots_;  // empty slots hold a view with no data
    std::size_t mask_ = 0;
    std::size_t count_ = 0;
};

}  // namespace inboxlint::core
