// A linear pass over HTML before gumbo sees it, to keep gumbo linear.
//
// gumbo 0.10.1 walks its stack of open elements for most start tags (the
// "has a p element in button scope" check) and compares every attribute of a
// tag with all earlier ones (duplicate detection): 100,000 nested <div>s take
// 32 s and 10 MB of attributes on one tag 66 s. The prescan estimates the
// stack of open elements the way the tree builder will (implied end tags of
// p, li, td, tr, option ...; end tags close up to their element) and
//  - blanks (overwrites with spaces, so every offset stays valid) start tags
//    that would nest deeper than `max_depth`, and their end tags;
//  - blanks the attributes of a tag past the first `max_attributes`;
//  - cuts the text where it would produce more than `max_nodes` nodes
//    (attributes count as nodes: they take as much memory).
// Each of these is reported as a limit; the rest of the document is parsed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace inboxlint::html {

struct PrescanLimits {
    std::size_t max_nodes = 500000;
    std::size_t max_depth = 256;
    std::size_t max_attributes = 64;
};

struct PrescanNote {
    std::string limit;  // "max_html_depth", "max_html_attributes", "max_html_nodes"
    std::size_t value = 0;
    std::size_t offset = 0;  // where it was first hit

    friend bool operator==(const PrescanNote&, const PrescanNote&) = default;
};

// What a run of the text found by the prescan is (see cuts.hpp).
enum class SourceKind : unsigned char {
    style_sheet,      // a <style> element's content
    style_attribute,  // a style attribute's quoted value
    attribute_value,  // a long quoted value of an attribute the tree builder ignores (href, src, alt, title, class)
    text,             // character data between two tags (or a tag and the end)
};

// A run of the text gumbo need not read.
struct ApartSource {
    std::size_t begin = 0;  // [begin, end) in the text
    std::size_t end = 0;
    SourceKind kind = SourceKind::style_sheet;
};

struct PrescanResult {
    std::size_t length = 0;      // bytes to parse (the whole text unless max_nodes cut it)
    std::size_t nodes = 0;       // estimated nodes, attributes included
    std::size_t attributes = 0;  // of those, attributes (up to max_attributes per tag)
    std::size_t max_depth = 0;   // deepest estimated nesting seen (before blanking)
    std::vector<PrescanNote> notes;
    // What gumbo need not read, as the prescan estimates the tokenizer (see
    // cuts.hpp), in order: the contents of <style> elements outside SVG
    // and MathML, each up to the "</style" that ends it; the quoted values
    // of style attributes of start tags; and the character data before each
    // tag that ends gumbo's text node (most do; </body> or an end tag of an
    // element not open do not), or before the end, save white space before
    // gumbo makes the <head> (it drops that). Empty ones are left out.
    std::vector<ApartSource> apart_sources;
};

// `text` is modified in place (blanked ranges become spaces).
PrescanResult prescan_html(std::string& text, const PrescanLimits& limits);

}  // namespace inboxlint::html
