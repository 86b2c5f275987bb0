// A CSS Syntax Level 3 tokenizer (https://www.w3.org/TR/css-syntax-3/#tokenization)
// over UTF-8, keeping the byte range of every token. The input is not
// preprocessed (CR, CRLF and FF count as newlines where the spec needs
// them), so offsets are offsets in the text given. Linear: every step
// consumes at least one byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/report.hpp"

namespace inboxlint::html::css {

enum class TokenType : std::uint8_t {
    ident,
    function,    // value: the name, without "("
    at_keyword,  // value: the name, without "@"
    hash,        // value: the name, without "#"; is_id when it would start an identifier
    string,
    bad_string,
    url,  // value: the URL of url(...) without quotes
    bad_url,
    delim,  // delim: the code point
    number,
    percentage,
    dimension,  // value: the unit
    whitespace,
    cdo,
    cdc,
    colon,
    semicolon,
    comma,
    open_square,
    close_square,
    open_paren,
    close_paren,
    open_curly,
    close_curly,
};

struct Token {
    TokenType type = TokenType::delim;
    bool is_id = false;       // hash
    bool is_integer = false;  // number, percentage, dimension
    char32_t delim = 0;
    double number = 0;
    std::string value;  // unescaped name, string or unit
    Span span;          // bytes of the token in the input

    [[nodiscard]] bool is(TokenType t) const noexcept { return type == t; }
    [[nodiscard]] bool is_delim(char32_t c) const noexcept { return type == TokenType::delim && delim == c; }
    // An ident (or function name) equal to `name`, ASCII case-insensitively.
    [[nodiscard]] bool is_ident(std::string_view name) const noexcept;
    [[nodiscard]] bool is_function(std::string_view name) const noexcept;
};

// Tokenizes `text`; `base` is added to every span (the text's offset in the part).
std::vector<Token> tokenize(std::string_view text, std::size_t base = 0);

}  // namespace inboxlint::html::css
