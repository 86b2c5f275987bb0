// A cursor over one header field value with the RFC 5322 / RFC 2045 lexical
// pieces every structured-field parser needs: CFWS (folding white space and
// nested comments), quoted strings, atoms and MIME tokens. Spans are absolute
// offsets in the message (base + index).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "inboxlint/report.hpp"

namespace inboxlint::mime {

// RFC 5322 atext: printable ASCII except specials. Every byte >= 0x80 is
// accepted as possible UTF-8 (RFC 6532); callers that care check validity.
bool is_atext(char c) noexcept;
// RFC 2045 token character: printable ASCII except SPACE and tspecials.
bool is_token_char(char c) noexcept;

class Lexer {
public:
    Lexer(std::string_view text, std::size_t base) noexcept : text_(text), base_(base) {}

    [[nodiscard]] bool at_end() const noexcept { return pos_ >= text_.size(); }
    [[nodiscard]] char peek() const noexcept { return at_end() ? '\0' : text_[pos_]; }
    [[nodiscard]] std::size_t pos() const noexcept { return pos_; }
    void set_pos(std::size_t pos) noexcept { pos_ = pos < text_.size() ? pos : text_.size(); }
    void advance(std::size_t n = 1) noexcept { set_pos(pos_ + n); }
    [[nodiscard]] std::string_view text() const noexcept { return text_; }
    [[nodiscard]] std::size_t base() const noexcept { return base_; }
    [[nodiscard]] Span span(std::size_t from, std::size_t to) const noexcept { return {base_ + from, base_ + to}; }
    [[nodiscard]] std::size_t absolute() const noexcept { return base_ + pos_; }

    // Skips spaces, tabs, line breaks and comments. Returns false when a
    // comment runs to the end unterminated (its start in *bad_comment).
    bool skip_cfws(std::size_t* bad_comment = nullptr) noexcept;
    // True if the last skip_cfws() went over at least one comment.
    [[nodiscard]] bool saw_comment() const noexcept { return saw_comment_; }

    // At '"': reads a quoted string, appending its unescaped content. Returns
    // false when it is not terminated (the rest of the text is consumed).
    bool read_quoted_string(std::string& out);

    // Reads a run of atext (no dots); returns it (possibly empty).
    std::string_view read_atom() noexcept;
    // Reads a run of MIME token characters.
    std::string_view read_token() noexcept;

    bool consume(char c) noexcept;

private:
    std::string_view text_;
    std::size_t base_;
    std::size_t pos_ = 0;
    bool saw_comment_ = false;
};

// RFC 5322 section 2.2.3 unfolding: removes every CR and LF from a raw
// field value. Inside a header field value every line break is folding (the
// scanner ends the field at a break not followed by white space).
std::string unfold(std::string_view raw);

}  // namespace inboxlint::mime
