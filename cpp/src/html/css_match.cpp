// Selector matching (css_selector.hpp): right to left, with backtracking
// over descendant and sibling combinators, every step paid from a budget.
#include <algorithm>

#include "core/ascii.hpp"
#include "html/css_selector.hpp"

namespace inboxlint::html::css {

bool Matcher::step() const {
    if (budget_ == 0) return false;
    --budget_;
    return true;
}

bool Matcher::equal_names(std::string_view a, std::string_view b) const {
    return dom_.quirks ? core::iequals(a, b) : a == b;
}

std::uint32_t Matcher::parent_element(std::uint32_t element) const {
    for (std::uint32_t p = dom_.nodes[element].parent; p != no_node; p = dom_.nodes[p].parent) {
        if (dom_.nodes[p].is_element()) return p;
        if (dom_.nodes[p].kind == NodeKind::document) return no_node;
    }
    return no_node;
}

std::uint32_t Matcher::previous_element(std::uint32_t element) const {
    for (std::uint32_t p = dom_.nodes[element].prev_sibling; p != no_node; p = dom_.nodes[p].prev_sibling) {
        if (dom_.nodes[p].is_element()) return p;
    }
    return no_node;
}

std::uint32_t Matcher::next_element(std::uint32_t element) const {
    for (std::uint32_t p = dom_.nodes[element].next_sibling; p != no_node; p = dom_.nodes[p].next_sibling) {
        if (dom_.nodes[p].is_element()) return p;
    }
    return no_node;
}

bool Matcher::matches(const Selector& selector, std::uint32_t element) const {
    if (selector.pseudo_element) return false;
    std::vector<const Compound*> chain;
    chain.reserve(selector.compounds.size());
    for (const Compound& c : selector.compounds) chain.push_back(&c);
    return matches(chain, element);
}

bool Matcher::matches(std::span<const Compound* const> chain, std::uint32_t element) const {
    return !chain.empty() && match_from(chain, chain.size() - 1, element);
}

bool Matcher::match_from(std::span<const Compound* const> s, std::size_t index, std::uint32_t element) const {
    if (!match_compound(*s[index], element)) return false;
    if (index == 0) return true;
    switch (s[index]->combinator) {
        case Combinator::child: {
            const std::uint32_t p = parent_element(element);
            return p != no_node && match_from(s, index - 1, p);
        }
        case Combinator::descendant:
            for (std::uint32_t p = parent_element(element); p != no_node; p = parent_element(p)) {
                if (match_from(s, index - 1, p)) return true;
                if (budget_ == 0) return false;
            }
            return false;
        case Combinator::next_sibling: {
            const std::uint32_t p = previous_element(element);
            return p != no_node && match_from(s, index - 1, p);
        }
        case Combinator::subsequent_sibling:
            for (std::uint32_t p = previous_element(element); p != no_node; p = previous_element(p)) {
                if (match_from(s, index - 1, p)) return true;
                if (budget_ == 0) return false;
            }
            return false;
    }
    return false;
}

bool Matcher::match_compound(const Compound& c, std::uint32_t element) const {
    if (!step()) return false;
    const Node& n = dom_.nodes[element];
    if (!c.tag.empty() && c.tag != n.name()) return false;
    if (!c.ids.empty()) {
        const std::string_view id = dom_.attribute_value(n, "id");
        for (const std::string& want : c.ids) {
            if (!equal_names(id, want)) return false;
        }
    }
    if (!c.classes.empty()) {
        const std::string_view classes = dom_.attribute_value(n, "class");
        for (const std::string& want : c.classes) {
            bool found = false;
            for_each_class(classes, [&](std::string_view cls) { found = found || equal_names(cls, want); });
            if (!found) return false;
        }
    }
    for (const AttributeSelector& a : c.attributes) {
        if (!match_attribute(a, n)) return false;
    }
    for (const PseudoClass& p : c.pseudo_classes) {
        if (!match_pseudo(p, element)) return false;
    }
    return true;
}

bool Matcher::match_attribute(const AttributeSelector& a, const Node& n) const {
    const Attribute* attr = dom_.attribute(n, a.name);
    if (attr == nullptr) return false;
    using Op = AttributeSelector::Op;
    if (a.op == Op::exists) return true;
    std::string lowered_value;
    std::string lowered_want;
    std::string_view v(attr->value);
    std::string_view want(a.value);
    if (a.case_insensitive) {
        lowered_value = core::to_lower(v);
        lowered_want = core::to_lower(want);
        v = lowered_value;
        want = lowered_want;
    }
    switch (a.op) {
        case Op::equals:
            return v == want;
        case Op::includes: {
            bool found = false;
            for_each_class(v, [&](std::string_view word) { found = found || word == want; });
            return found;
        }
        case Op::dash:
            return v == want || (v.starts_with(want) && v.size() > want.size() && v[want.size()] == '-');
        case Op::prefix:
            return !want.empty() && v.starts_with(want);
        case Op::suffix:
            return !want.empty() && v.ends_with(want);
        case Op::substring:
            return !want.empty() && v.find(want) != std::string_view::npos;
        case Op::exists:
            return true;
    }
    return false;
}

namespace {

// Does position (1-based) satisfy An+B?
bool an_b(int a, int b, long position) {
    if (a == 0) return position == b;
    const long diff = position - b;
    return diff % a == 0 && diff / a >= 0;
}

}  // namespace

bool Matcher::match_pseudo(const PseudoClass& p, std::uint32_t element) const {
    using K = PseudoClass::Kind;
    const Node& n = dom_.nodes[element];
    // Counts element siblings before (or after) `element`, optionally of its type.
    auto count = [&](bool before, bool same_type) {
        long k = 0;
        for (std::uint32_t s = before ? previous_element(element) : next_element(element); s != no_node;
             s = before ? previous_element(s) : next_element(s)) {
            if (!step()) return k;
            if (!same_type || dom_.nodes[s].name() == n.name()) ++k;
        }
        return k;
    };
    switch (p.kind) {
        case K::first_child:
            return previous_element(element) == no_node;
        case K::last_child:
            return next_element(element) == no_node;
        case K::only_child:
            return previous_element(element) == no_node && next_element(element) == no_node;
        case K::first_of_type:
            return count(true, true) == 0;
        case K::last_of_type:
            return count(false, true) == 0;
        case K::only_of_type:
            return count(true, true) == 0 && count(false, true) == 0;
        case K::nth_child:
            return an_b(p.a, p.b, count(true, false) + 1);
        case K::nth_last_child:
            return an_b(p.a, p.b, count(false, false) + 1);
        case K::nth_of_type:
            return an_b(p.a, p.b, count(true, true) + 1);
        case K::nth_last_of_type:
            return an_b(p.a, p.b, count(false, true) + 1);
        case K::root:
            return parent_element(element) == no_node;
        case K::empty:
            for (std::uint32_t c = n.first_child; c != no_node; c = dom_.nodes[c].next_sibling) {
                if (dom_.nodes[c].is_element() || dom_.nodes[c].kind == NodeKind::text) return false;
            }
            return true;
        case K::link:
            return (n.name() == "a" || n.name() == "area") && dom_.attribute(n, "href") != nullptr;
        case K::never:
            return false;
        case K::stateful:
            return true;
        case K::is:
            return std::any_of(p.arguments.begin(), p.arguments.end(),
                               [&](const Compound& c) { return match_compound(c, element); });
        case K::not_:
            return std::none_of(p.arguments.begin(), p.arguments.end(),
                                [&](const Compound& c) { return match_compound(c, element); });
    }
    return false;
}

}  // namespace inboxlint::html::css
