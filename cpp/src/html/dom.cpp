#include "html/dom.hpp"

namespace inboxlint::html {

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
    return a == nullptr ? std::string_view() : std::string_view(a->value);
}

std::uint32_t Dom::ancestor_named(std::uint32_t index, std::string_view name) const noexcept {
    for (std::uint32_t i = index; i != no_node; i = nodes[i].parent) {
        if (nodes[i].is_element() && nodes[i].name == name) return i;
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
        if (nodes[i].is_text()) out += nodes[i].text;
    }
}

}  // namespace inboxlint::html
