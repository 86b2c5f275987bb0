#include "html/dom.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace inboxlint::html {

static_assert(sizeof(void*) != 8 || sizeof(Node) <= 64, "nodes are the bulk of a Dom: keep them at 64 bytes");

TextStore::TextStore(TextStore&& other) noexcept
    : blocks_(std::move(other.blocks_)),
      next_(std::exchange(other.next_, nullptr)),
      left_(std::exchange(other.left_, 0)),
      kept_(std::exchange(other.kept_, 0)) {
    other.blocks_.clear();
}

TextStore& TextStore::operator=(TextStore&& other) noexcept {
    if (this != &other) {
        blocks_ = std::move(other.blocks_);
        other.blocks_.clear();
        next_ = std::exchange(other.next_, nullptr);
        left_ = std::exchange(other.left_, 0);
        kept_ = std::exchange(other.kept_, 0);
    }
    return *this;
}

// Blocks grow with what was kept, from 4 KB to 64 KB: a small document takes
// one small block, a large one wastes at most the end of its last block. A
// string longer than a block gets one of its own, and the current block stays
// current.
std::string_view TextStore::keep(std::string_view s) {
    if (s.empty()) return {};
    kept_ += s.size();
    const std::size_t block_size = std::clamp<std::size_t>(kept_ / 4, 4096, 65536);
    char* at = nullptr;
    if (s.size() > left_ && s.size() > block_size / 2) {
        at = blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(s.size())).get();
    } else {
        if (s.size() > left_) {
            next_ = blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(block_size)).get();
            left_ = block_size;
        }
        at = next_;
        next_ += s.size();
        left_ -= s.size();
    }
    std::memcpy(at, s.data(), s.size());
    return {at, s.size()};
}

// Called for every element with a name of ours ("style", "bgcolor"...):
// the first byte rules out most attributes of equal length before a call
// compares whole names.
const Attribute* Dom::attribute(const Node& element, std::string_view name) const noexcept {
    for (std::uint32_t i = 0; i < element.attr_count; ++i) {
        const Attribute& a = attributes[element.attr_begin + i];
        if (a.name.size() == name.size() && (name.empty() || a.name[0] == name[0]) && a.name == name) return &a;
    }
    return nullptr;
}

std::string_view Dom::attribute_value(const Node& element, std::string_view name) const noexcept {
    const Attribute* a = attribute(element, name);
    return a == nullptr ? std::string_view() : a->value;
}

std::uint32_t Dom::ancestor_named(std::uint32_t index, std::string_view name) const noexcept {
    for (std::uint32_t i = index; i != no_node; i = nodes[i].parent) {
        if (nodes[i].is_element() && nodes[i].chars == name) return i;
    }
    return no_node;
}

std::uint32_t Dom::subtree_end(std::uint32_t index) const noexcept {
    for (std::uint32_t i = index; i != no_node; i = nodes[i].parent) {
        if (nodes[i].next_sibling != no_node) return nodes[i].next_sibling;
    }
    return static_cast<std::uint32_t>(nodes.size());
}

void Dom::append_text(std::uint32_t index, std::string& out) const {
    const std::uint32_t end = subtree_end(index);
    for (std::uint32_t i = index; i < end; ++i) {
        if (nodes[i].is_text()) out += nodes[i].chars;
    }
}

}  // namespace inboxlint::html
