// Parts of an HTML text read without gumbo: style sheets, style attributes
// and the ends of runs of character data, cut out of the buffer gumbo parses.
//
// gumbo spends 150 to 300 instructions on each character of a <style>
// element's content or of an attribute value (UTF-8 decoding, a state step
// per character, a code point appended to a buffer), and in mail HTML the
// CSS is often half of the bytes. A style sheet is RAWTEXT: nothing but
// characters up to "</style". A style attribute's value without '&' or CR
// is its bytes, and no step of tree construction reads it (nor any value of
// href, src, alt, title or class, whose long values are cut the same way).
// So the CSS the prescan finds is taken out of the buffer gumbo parses (a
// style attribute keeps its quotes: gumbo sees style=""), and the text node
// or value gumbo would have made of it is made here, with the same text,
// kind and span (tests/cpp/html_style_cut_test.cpp, html_text_cut_test.cpp
// and fuzz_html parse both ways and compare the Doms).
//
// Only CSS gumbo would read without a parse error is taken: no NUL, no
// control character, no invalid UTF-8, no noncharacter; a style sheet only
// when "</style" is followed by '>' (after white space), so that the end tag
// is whole. The prescan only estimates the tokenizer's state (an ignored
// <style> in a <select> or a frameset is not RAWTEXT, a "tag" in a comment
// is no tag): the converter checks that each cut is where gumbo put an HTML
// <style> element's (missing) text or a style attribute's empty value, and
// the part is parsed again whole when one is not (gumbo_guard.cpp).
//
// Character data is cut the same way, all but the first characters of the
// end of a run (see restore_text and cpp/docs/gumbo-guard.md): the tree
// builder acts on the first character of a run and the first that is not
// white space, and appends every later one where those went.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/prescan.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint::html {

// The text node gumbo makes of a style sheet's content.
struct SheetText {
    std::string text;  // line breaks normalised: CR LF and CR become LF
    Span span;         // gumbo starts it after the CR of a leading CR LF
    bool whitespace = false;
};

// One style sheet's content, style attribute's value or end of a run of
// character data, taken out.
// Offsets are 32 bits (a text over 4 GiB is not cut): a megabyte of mail
// HTML makes some 60,000 cuts, alive with gumbo's tree, the peak of a parse.
struct Cut {
    std::uint32_t buffer_at = 0;      // in the buffer gumbo parses: where the content was
    std::uint32_t content_begin = 0;  // in the text
    std::uint32_t content_end = 0;
    // Character data: where the characters gumbo still reads before the cut
    // begin, in the text (they hold its first character other than white
    // space when the cut holds one).
    std::uint32_t kept_from = 0;
    SourceKind kind = SourceKind::style_sheet;

    [[nodiscard]] Span content() const noexcept { return {content_begin, content_end}; }
};

// The cuts of one buffer and the map from its offsets back to the text's.
class Cuts {
public:
    Cuts() = default;
    // Takes the eligible `sources` (the prescan's, in order) out of `buffer`,
    // the prescanned text: equal to `text` byte for byte in those sources,
    // and no longer than it. `css` and `character_data` say which kinds.
    Cuts(std::string& buffer, std::string_view text, const std::vector<ApartSource>& sources, bool css,
         bool character_data);

    [[nodiscard]] bool empty() const noexcept { return cuts_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return cuts_.size(); }
    // The text offset of a buffer offset (an offset at a cut maps past it,
    // to what followed the content: the end tag, the closing quote).
    [[nodiscard]] std::size_t text_offset(std::size_t buffer_offset) const noexcept;
    // `piece`, bytes of the buffer from `buffer_offset`, with the contents of
    // the cuts inside it put back: as it was before the cuts.
    [[nodiscard]] std::string restore(std::string_view piece, std::size_t buffer_offset) const;
    // The cut whose content was at buffer_offset, or nullptr.
    [[nodiscard]] const Cut* at(std::size_t buffer_offset) const noexcept;
    [[nodiscard]] const Cut& operator[](std::size_t i) const noexcept { return cuts_[i]; }
    // The cut's place in order (0 to size() - 1).
    [[nodiscard]] std::size_t index(const Cut& cut) const noexcept {
        return static_cast<std::size_t>(&cut - cuts_.data());
    }
    // The text node gumbo would have made of a style sheet.
    [[nodiscard]] SheetText text_node(const Cut& cut) const;
    // The text of a cut (a style attribute's value).
    [[nodiscard]] std::string_view content(const Cut& cut) const noexcept {
        return text_.substr(cut.content_begin, cut.content_end - cut.content_begin);
    }
    // Whether a text node gumbo made whose characters start at text offset
    // `node_from` and end right before `cut`, with `text`, holds the
    // characters kept before it; if so, `out` is its text with the cut's.
    [[nodiscard]] bool restore_text(const Cut& cut, std::size_t node_from, std::string_view text,
                                    std::string& out) const;

private:
    [[nodiscard]] std::size_t cut_before(std::size_t buffer_offset) const noexcept;

    std::string_view text_;
    std::vector<Cut> cuts_;  // in order
    // The converter asks in nearly document order: the last answer's cut
    // and the next are tried before a binary search.
    mutable std::size_t hint_ = 0;
};

}  // namespace inboxlint::html
