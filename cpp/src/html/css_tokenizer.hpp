// A CSS Syntax Level 3 tokenizer (https://www.w3.org/TR/css-syntax-3/#tokenization)
// over UTF-8, keeping the byte range of every token. The input is not
// preprocessed (CR, CRLF and FF count as newlines where the spec needs
// them), so offsets are offsets in the text given. Linear: every step
// consumes at least one byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <forward_list>
#include <span>
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
    // The unescaped name, string or unit: a view of the input when escapes
    // changed nothing (nearly always), else of the TokenList's copy.
    std::string_view value;
    Span span;  // bytes of the token in the input

    [[nodiscard]] bool is(TokenType t) const noexcept { return type == t; }
    [[nodiscard]] bool is_delim(char32_t c) const noexcept { return type == TokenType::delim && delim == c; }
    // An ident (or function name) equal to `name`, ASCII case-insensitively.
    [[nodiscard]] bool is_ident(std::string_view name) const noexcept;
    [[nodiscard]] bool is_function(std::string_view name) const noexcept;
};

// The tokens of one text. Their values view that text, or `unescaped` for
// the few an escape changed, so the list must not outlive the text; it moves
// (the strings stay where they are) but does not copy.
struct TokenList {
    std::vector<Token> tokens;
    std::forward_list<std::string> unescaped;

    TokenList() = default;
    TokenList(TokenList&&) noexcept = default;
    TokenList& operator=(TokenList&&) noexcept = default;
    TokenList(const TokenList&) = delete;
    TokenList& operator=(const TokenList&) = delete;

    // Read like the vector of tokens it holds.
    [[nodiscard]] std::size_t size() const noexcept { return tokens.size(); }
    [[nodiscard]] bool empty() const noexcept { return tokens.empty(); }
    [[nodiscard]] const Token& operator[](std::size_t i) const noexcept { return tokens[i]; }
    [[nodiscard]] const Token& back() const noexcept { return tokens.back(); }
    [[nodiscard]] const Token* data() const noexcept { return tokens.data(); }
    [[nodiscard]] auto begin() const noexcept { return tokens.begin(); }
    [[nodiscard]] auto end() const noexcept { return tokens.end(); }
    operator std::span<const Token>() const noexcept { return tokens; }  // NOLINT: reads as its tokens
};

// Tokenizes `text`; `base` is added to every span (the text's offset in the part).
TokenList tokenize(std::string_view text, std::size_t base = 0);

}  // namespace inboxlint::html::css
