// Parsing HTML two ways, for the tests of reading parts of it without gumbo
// (html/cuts.hpp): with the CSS and character data taken out, and
// whole. The Doms must be the same, node for node, offset for offset.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>

#include "html/gumbo_guard.hpp"

namespace inboxlint::html {

inline ParseOutcome parse(std::string_view html, bool apart, std::size_t max_nodes = PrescanLimits{}.max_nodes) {
    ParseOptions options;
    options.read_css_apart = apart;
    options.read_text_apart = apart;
    options.limits.max_nodes = max_nodes;
    return parse_html(html, options);
}

// Every field of both outcomes, but the counts of what was read apart.
inline void expect_same(const ParseOutcome& a, const ParseOutcome& b, const std::string& what) {
    const Dom& x = a.dom;
    const Dom& y = b.dom;
    ASSERT_EQ(x.nodes.size(), y.nodes.size()) << what;
    for (std::size_t i = 0; i < x.nodes.size(); ++i) {
        const Node& m = x.nodes[i];
        const Node& n = y.nodes[i];
        const std::string at = what + " node " + std::to_string(i);
        EXPECT_EQ(m.kind, n.kind) << at;
        EXPECT_EQ(m.flags, n.flags) << at;
        EXPECT_EQ(m.parent, n.parent) << at;
        EXPECT_EQ(m.first_child, n.first_child) << at;
        EXPECT_EQ(m.next_sibling, n.next_sibling) << at;
        EXPECT_EQ(m.prev_sibling, n.prev_sibling) << at;
        EXPECT_EQ(m.attr_begin, n.attr_begin) << at;
        EXPECT_EQ(m.attr_count, n.attr_count) << at;
        EXPECT_EQ(m.depth, n.depth) << at;
        EXPECT_EQ(m.span, n.span) << at;
        EXPECT_EQ(m.name(), n.name()) << at;
        EXPECT_EQ(m.text(), n.text()) << at;
    }
    ASSERT_EQ(x.attributes.size(), y.attributes.size()) << what;
    for (std::size_t i = 0; i < x.attributes.size(); ++i) {
        const std::string at = what + " attribute " + std::to_string(i);
        EXPECT_EQ(x.attributes[i].name, y.attributes[i].name) << at;
        EXPECT_EQ(x.attributes[i].value, y.attributes[i].value) << at;
        EXPECT_EQ(x.attributes[i].name_span, y.attributes[i].name_span) << at;
        EXPECT_EQ(x.attributes[i].value_span, y.attributes[i].value_span) << at;
        EXPECT_EQ(x.attributes[i].verbatim, y.attributes[i].verbatim) << at;
    }
    ASSERT_EQ(x.errors.size(), y.errors.size()) << what;
    for (std::size_t i = 0; i < x.errors.size(); ++i) {
        const std::string at = what + " error " + std::to_string(i);
        EXPECT_EQ(x.errors[i].offset, y.errors[i].offset) << at;
        EXPECT_EQ(x.errors[i].kind, y.errors[i].kind) << at;
        EXPECT_EQ(x.errors[i].tag, y.errors[i].tag) << at;
        EXPECT_EQ(x.errors[i].in_conditional, y.errors[i].in_conditional) << at;
    }
    EXPECT_EQ(x.error_count, y.error_count) << what;
    EXPECT_EQ(x.has_doctype, y.has_doctype) << what;
    EXPECT_EQ(x.quirks, y.quirks) << what;
    EXPECT_EQ(x.parsed, y.parsed) << what;
    EXPECT_EQ(x.failure, y.failure) << what;
    EXPECT_EQ(x.text_size, y.text_size) << what;
    EXPECT_EQ(x.parsed_size, y.parsed_size) << what;
    ASSERT_EQ(a.limits.size(), b.limits.size()) << what;
    for (std::size_t i = 0; i < a.limits.size(); ++i) {
        EXPECT_EQ(a.limits[i].limit, b.limits[i].limit) << what;
        EXPECT_EQ(a.limits[i].value, b.limits[i].value) << what;
        EXPECT_EQ(a.limits[i].offset, b.limits[i].offset) << what;
    }
    EXPECT_TRUE(x == y) << what << ": the Doms differ in a field not compared above";
}

// What was read apart from gumbo.
struct ReadApart {
    std::size_t css = 0;   // style sheets, style attributes, long values of copied attributes
    std::size_t text = 0;  // runs of character data
};

// Parses both ways, compares, and says what was read apart; keeps the whole
// parse in `whole_out` when given.
inline ReadApart parse_both_ways(const std::string& html, std::size_t max_nodes = PrescanLimits{}.max_nodes,
                                 ParseOutcome* whole_out = nullptr) {
    const ParseOutcome apart = parse(html, true, max_nodes);
    ParseOutcome whole = parse(html, false, max_nodes);
    EXPECT_EQ(whole.css_read_apart + whole.text_read_apart, 0u);
    expect_same(apart, whole, html.substr(0, 120));
    if (whole_out != nullptr) *whole_out = std::move(whole);
    return {apart.css_read_apart, apart.text_read_apart};
}

}  // namespace inboxlint::html
