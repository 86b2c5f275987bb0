// CSS selectors (Selectors Level 4 subset): type, universal, class, id,
// attribute selectors, the four combinators, structural pseudo-classes,
// :not/:is/:where with compound arguments; specificity; matching against
// our Dom with a work budget.
//
// Pseudo-classes that depend on state (:hover, :focus, :checked ...) are
// "stateful": they match here, and the rules carrying them are applied only
// in the interactive view of the cascade (style.hpp), never by default.
// Selectors for pseudo-elements (::before, :after ...) never match an element;
// an unknown pseudo-class makes the whole selector list invalid, as in browsers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "html/css_tokenizer.hpp"
#include "html/dom.hpp"

namespace inboxlint::html::css {

struct Specificity {
    std::uint32_t a = 0;  // ids
    std::uint32_t b = 0;  // classes, attributes, pseudo-classes
    std::uint32_t c = 0;  // types, pseudo-elements
    // One comparable number (each component capped at 1023).
    [[nodiscard]] std::uint32_t key() const noexcept;
};

enum class Combinator : std::uint8_t { descendant, child, next_sibling, subsequent_sibling };

struct AttributeSelector {
    enum class Op : std::uint8_t { exists, equals, includes, dash, prefix, suffix, substring };
    std::string name;  // lower-case
    Op op = Op::exists;
    std::string value;
    bool case_insensitive = false;
    bool operator==(const AttributeSelector&) const = default;
};

struct Compound;

struct PseudoClass {
    enum class Kind : std::uint8_t {
        first_child,
        last_child,
        only_child,
        first_of_type,
        last_of_type,
        only_of_type,
        nth_child,
        nth_last_child,
        nth_of_type,
        nth_last_of_type,
        root,
        empty,
        link,
        never,
        stateful,
        is,
        not_
    };
    Kind kind = Kind::stateful;
    int a = 0;  // An+B of the nth-* kinds
    int b = 0;
    std::vector<Compound> arguments;  // :is / :not
    bool operator==(const PseudoClass&) const;
};

struct Compound {
    std::string tag;  // lower-case; empty for any element
    std::vector<std::string> ids;
    std::vector<std::string> classes;
    std::vector<AttributeSelector> attributes;
    std::vector<PseudoClass> pseudo_classes;
    Combinator combinator = Combinator::descendant;  // how it relates to the compound on its left
    bool operator==(const Compound&) const = default;
};

// A hash consistent with Compound's ==, for sharing equal compounds.
std::size_t hash_value(const Compound& c) noexcept;

struct Selector {
    std::vector<Compound> compounds;  // left to right; compounds[0].combinator is unused
    Specificity specificity;
    bool stateful = false;        // uses a stateful pseudo-class somewhere
    bool pseudo_element = false;  // selects a pseudo-element: never matches an element
};

// A selector list (a style rule's prelude). nullopt when invalid.
std::optional<std::vector<Selector>> parse_selector_list(std::span<const Token> tokens);

class Matcher {
public:
    // `budget` is decremented per step and shared by the caller; at zero every
    // match fails and exhausted() turns true.
    Matcher(const Dom& dom, std::size_t& budget) : dom_(dom), budget_(budget) {}

    [[nodiscard]] bool matches(const Selector& selector, std::uint32_t element) const;
    // A selector given as its compounds, left to right (see SelectorChains).
    [[nodiscard]] bool matches(std::span<const Compound* const> chain, std::uint32_t element) const;
    [[nodiscard]] bool exhausted() const noexcept { return budget_ == 0; }
    // Pays for work done outside the matcher (applying matched declarations).
    void charge(std::size_t steps) const noexcept { budget_ -= std::min(budget_, steps); }

    // The element's classes and id as the matcher reads them (for indexing rules).
    static void for_each_class(std::string_view class_attribute, const auto& f) {
        std::size_t i = 0;
        while (i < class_attribute.size()) {
            while (i < class_attribute.size() && is_html_space(class_attribute[i])) ++i;
            const std::size_t begin = i;
            while (i < class_attribute.size() && !is_html_space(class_attribute[i])) ++i;
            if (i > begin) f(class_attribute.substr(begin, i - begin));
        }
    }

private:
    static constexpr bool is_html_space(char c) noexcept {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
    [[nodiscard]] bool step() const;
    [[nodiscard]] bool match_from(std::span<const Compound* const> chain, std::size_t index,
                                  std::uint32_t element) const;
    [[nodiscard]] bool match_compound(const Compound& c, std::uint32_t element) const;
    [[nodiscard]] bool match_attribute(const AttributeSelector& a, const Node& n) const;
    [[nodiscard]] bool match_pseudo(const PseudoClass& p, std::uint32_t element) const;
    [[nodiscard]] bool equal_names(std::string_view a, std::string_view b) const;
    [[nodiscard]] std::uint32_t parent_element(std::uint32_t element) const;
    [[nodiscard]] std::uint32_t previous_element(std::uint32_t element) const;
    [[nodiscard]] std::uint32_t next_element(std::uint32_t element) const;

    const Dom& dom_;
    std::size_t& budget_;
};

}  // namespace inboxlint::html::css
