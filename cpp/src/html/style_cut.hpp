// Style sheets read without gumbo.
//
// gumbo spends some 300 instructions on each character of a <style>
// element's content (UTF-8 decoding, a token per character, a code point
// appended to the text node), and in mail HTML the style sheets are often a
// third of the bytes. Their content is RAWTEXT: no tags, no character
// references, nothing but characters up to "</style". So the contents the
// prescan finds are taken out of the buffer gumbo parses, and the text node
// gumbo would have made of each is made here, with the same text, kind and
// span (tests/cpp/html_style_cut_test.cpp and fuzz_html parse both ways and
// compare the Doms).
//
// Only contents gumbo would read without a parse error are taken: no NUL, no
// control character, no invalid UTF-8, no noncharacter; and only when "</style"
// is followed by '>' (after white space), so that the end tag is whole. The
// prescan only estimates the tokenizer's state (an ignored <style> in a
// <select> or a frameset, one in a <noscript> of the head, are not RAWTEXT):
// the converter checks that each cut sits right after the start tag of an
// HTML <style> element that gumbo made, and the part is parsed again whole
// when one does not (gumbo_guard.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "inboxlint/report.hpp"

namespace inboxlint::html {

// The text node gumbo makes of a style sheet's content.
struct StyleText {
    std::string text;  // line breaks normalised: CR LF and CR become LF
    Span span;         // gumbo starts it after the CR of a leading CR LF
    bool whitespace = false;
};

// One style sheet's content, taken out.
struct StyleCut {
    std::size_t buffer_at = 0;  // in the buffer gumbo parses: where the content was
    Span content;               // in the text
};

// The cuts of one buffer and the map from its offsets back to the text's.
class StyleCuts {
public:
    StyleCuts() = default;
    // Takes the eligible `contents` (the prescan's, in order) out of `buffer`,
    // the prescanned text: equal to `text` byte for byte in those contents,
    // and no longer than it.
    StyleCuts(std::string& buffer, std::string_view text,
              const std::vector<std::pair<std::size_t, std::size_t>>& contents);

    [[nodiscard]] bool empty() const noexcept { return cuts_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return cuts_.size(); }
    // The text offset of a buffer offset (an offset at a cut is that of the
    // end tag after the content).
    [[nodiscard]] std::size_t text_offset(std::size_t buffer_offset) const noexcept;
    // The cut whose content was at buffer_offset, or nullptr.
    [[nodiscard]] const StyleCut* at(std::size_t buffer_offset) const noexcept;
    // The text node gumbo would have made of a cut's content.
    [[nodiscard]] StyleText text_node(const StyleCut& cut) const;

private:
    std::string_view text_;
    std::vector<StyleCut> cuts_;        // in order
    std::vector<std::size_t> removed_;  // bytes taken out by cuts_[0..i]
};

}  // namespace inboxlint::html
