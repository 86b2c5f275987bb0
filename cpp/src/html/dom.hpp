// Our own tree of an HTML part, built from gumbo's output and kept after
// gumbo's memory is gone: nodes in document order with the positions of
// every tag, attribute and text in the part's decoded UTF-8 text. Nothing
// here depends on gumbo, so the parser can be swapped (gumbo_guard.cpp is the
// only file that knows it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/report.hpp"

namespace inboxlint::html {

inline constexpr std::uint32_t no_node = std::numeric_limits<std::uint32_t>::max();

enum class NodeKind : std::uint8_t {
    document,     // nodes[0]
    element,      // <div>, <svg>, <template> ...
    text,         // character data with something other than white space
    whitespace,   // character data of spaces, tabs and line breaks only
    comment,      // <!-- ... --> other than a downlevel-hidden conditional comment
    conditional,  // <!--[if mso]> ... <![endif]-->: its content, parsed, is its children
};

// Node flags.
inline constexpr std::uint8_t flag_implied = 1;        // no tag in the source: the parser inserted it
inline constexpr std::uint8_t flag_outlook_only = 2;   // inside a downlevel-hidden conditional comment
inline constexpr std::uint8_t flag_foreign = 4;        // SVG or MathML element
inline constexpr std::uint8_t flag_reconstructed = 8;  // a formatting element the parser re-opened

// The bytes a Dom's names, texts and attribute values view, in blocks that
// never move: the views stay valid when the Dom is moved. A std::string in
// every node and attribute made the Dom twice this size, and the Dom is built
// while gumbo's tree, the peak of a parse, is still alive.
class TextStore {
public:
    TextStore() = default;
    TextStore(TextStore&& other) noexcept;
    TextStore& operator=(TextStore&& other) noexcept;
    TextStore(const TextStore&) = delete;
    TextStore& operator=(const TextStore&) = delete;
    ~TextStore() = default;

    // A copy of `s`, valid as long as this store (the empty view for "").
    [[nodiscard]] std::string_view keep(std::string_view s);
    [[nodiscard]] std::size_t kept() const noexcept { return kept_; }

    // Stores hold no meaning of their own: Doms compare by the views' contents.
    friend bool operator==(const TextStore&, const TextStore&) noexcept { return true; }

private:
    std::vector<std::unique_ptr<char[]>> blocks_;
    char* next_ = nullptr;
    std::size_t left_ = 0;
    std::size_t kept_ = 0;
};

struct Attribute {
    std::string_view name;   // lower-case
    std::string_view value;  // character references decoded
    Span name_span;          // in the part's text
    Span value_span;         // the value without its quotes; empty (at the name's end) when there is no value
    bool verbatim = false;   // value is byte for byte the source of value_span, so offsets inside map 1:1

    friend bool operator==(const Attribute&, const Attribute&) = default;
};

struct Node {
    NodeKind kind = NodeKind::document;
    std::uint8_t flags = 0;
    std::uint32_t parent = no_node;
    std::uint32_t first_child = no_node;
    std::uint32_t next_sibling = no_node;
    std::uint32_t prev_sibling = no_node;
    std::uint32_t attr_begin = 0;
    std::uint32_t attr_count = 0;
    std::uint32_t depth = 0;
    // element: its start tag (empty, at its position, when implied); text,
    // comment: its source bytes; conditional: the whole comment.
    Span span;
    // element: the lower-case tag name; conditional: the condition ("mso |
    // IE"); text, whitespace, comment: the decoded characters. A node has one
    // or the other, so one view holds both (a node is 64 bytes, not 80).
    std::string_view chars;

    [[nodiscard]] bool has_name() const noexcept { return kind == NodeKind::element || kind == NodeKind::conditional; }
    [[nodiscard]] std::string_view name() const noexcept { return has_name() ? chars : std::string_view(); }
    [[nodiscard]] std::string_view text() const noexcept { return has_name() ? std::string_view() : chars; }
    [[nodiscard]] bool is_element() const noexcept { return kind == NodeKind::element; }
    [[nodiscard]] bool is_text() const noexcept { return kind == NodeKind::text || kind == NodeKind::whitespace; }
    [[nodiscard]] bool has(std::uint8_t flag) const noexcept { return (flags & flag) != 0; }

    friend bool operator==(const Node&, const Node&) = default;
};

// A parse error as the parser reported it.
struct ParseError {
    std::size_t offset = 0;       // in the part's text
    std::string kind;             // "eof-in-tag", "duplicate-attribute", "misplaced-start-tag" ...
    std::string tag;              // the tag involved, when known
    bool in_conditional = false;  // in the content of a <!--[if mso]> comment, parsed as a fragment

    friend bool operator==(const ParseError&, const ParseError&) = default;
};

struct Dom {
    std::vector<Node> nodes;  // document order; nodes[0] is the document
    std::vector<Attribute> attributes;
    TextStore strings;               // what the views of nodes and attributes point into
    std::vector<ParseError> errors;  // at most max_kept_errors
    std::size_t error_count = 0;     // all errors the parser reported (it stops counting at its own cap)
    bool has_doctype = false;
    bool quirks = false;          // no (or an old) doctype: class and id match case-insensitively
    bool parsed = false;          // false when the parser failed; nodes then holds the document only
    std::string failure;          // why the parser failed ("assertion failed: ...")
    std::size_t text_size = 0;    // bytes of the part's text
    std::size_t parsed_size = 0;  // bytes given to the parser (less when a limit cut the text)

    static constexpr std::size_t max_kept_errors = 1000;

    [[nodiscard]] const Node& node(std::uint32_t index) const noexcept { return nodes[index]; }
    [[nodiscard]] const Attribute* attribute(const Node& element, std::string_view name) const noexcept;
    [[nodiscard]] std::string_view attribute_value(const Node& element, std::string_view name) const noexcept;
    // The nearest ancestor element (or the node itself) with this tag name.
    [[nodiscard]] std::uint32_t ancestor_named(std::uint32_t index, std::string_view name) const noexcept;
    // Appends the decoded text of the node's subtree (text and whitespace nodes).
    void append_text(std::uint32_t index, std::string& out) const;
    // One past the last node of the subtree rooted at index (subtrees are contiguous).
    [[nodiscard]] std::uint32_t subtree_end(std::uint32_t index) const noexcept;

    // Field by field (tests compare the Doms of two ways to parse).
    friend bool operator==(const Dom&, const Dom&) = default;
};

}  // namespace inboxlint::html
