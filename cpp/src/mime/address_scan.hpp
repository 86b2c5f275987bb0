// Internal to the address parser (address*.cpp): the validating lexical layer.
// mime::Lexer skips comments and quoted strings without looking inside them;
// addresses need more: RFC 5322 3.2 character classes, the obsolete classes of
// section 4 (which only make an address obsolete, not wrong), RFC 6532 UTF-8,
// and folding checked line break by line break. Everything here is linear and
// iterative (nested comments use a depth counter, never recursion).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mime/lexer.hpp"
#include "mime/syntax_issue.hpp"

namespace inboxlint::mime::address_detail {

// The first obsolete construct met in the current list element: an element
// gets one "obsolete-syntax" issue however many obs- forms it uses.
struct ObsoleteNote {
    bool set = false;
    std::size_t begin = 0;  // relative to the scanned text
    std::size_t end = 0;
    std::string_view reason;
};

struct Scan {
    Scan(std::string_view text, std::size_t base, bool strict_line_breaks, SyntaxIssues& sink) noexcept;

    Lexer lex;
    SyntaxIssues& issues;
    // check_addr_spec: only CRLF + WSP folds. Field values from messages also
    // fold with a bare LF and may end with their line break.
    bool strict = false;
    // Index of the last '>' in the text (npos when none): while resynchronising,
    // a '<' opens brackets only if some '>' can still close them, which keeps
    // recovery linear.
    std::size_t last_gt = std::string_view::npos;
    ObsoleteNote obsolete;
    // An unterminated quoted string, comment or domain literal ran to the end:
    // what is missing after it is already explained.
    bool ran_off_end = false;

    // Adds an issue over [from, to) (relative offsets). Adjacent
    // "invalid-character" issues merge, so a run of bad bytes is one issue.
    void issue(std::string_view code, std::size_t from, std::size_t to, std::string detail);
    void note_obsolete(std::size_t from, std::size_t to, std::string_view reason) noexcept;
    [[nodiscard]] Span span(std::size_t from, std::size_t to) const noexcept { return lex.span(from, to); }
    [[nodiscard]] std::size_t pos() const noexcept { return lex.pos(); }
    [[nodiscard]] bool at(char c) const noexcept { return !lex.at_end() && lex.peek() == c; }
};

struct Cfws {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool comment = false;
    [[nodiscard]] bool any() const noexcept { return end > begin; }
};

// Skips CFWS, checking folding and comment contents.
Cfws skip_cfws(Scan& s);
// At '"': reads a quoted string; `value` gets its content unescaped, with the
// line breaks of folding removed. False (and an issue) when unterminated.
bool read_quoted(Scan& s, std::string& value);
// At '[': reads a domain literal; `value` gets it as written ("[...]",
// quoted-pairs kept) without folding line breaks.
bool read_domain_literal(Scan& s, std::string& value);
// Reads a run of atext and checks its UTF-8.
std::string_view read_atom(Scan& s);

// An atom, a quoted string or a '.', as read between specials.
struct Token {
    enum class Kind : unsigned char { atom, quoted, dot };
    Kind kind = Kind::atom;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string value;  // content of a quoted string
};

// Reads atoms, quoted strings and dots with the CFWS between them (the caller
// skipped any CFWS before). Returns the CFWS after the last token. With
// `dotted`, a word right after a word is left unread: it cannot continue a
// domain, so "a@x.example b@y.example" ends the domain at "x.example".
Cfws read_words(Scan& s, std::vector<Token>& tokens, bool dotted = false);
// True when two tokens are separated by CFWS.
inline bool gap_between(const Token& before, const Token& after) noexcept { return after.begin > before.end; }
// True when the tokens form word *("." word): a local part's shape.
bool is_dotted_words(const std::vector<Token>& tokens) noexcept;

// Resynchronisation after garbage. Both skip quoted strings and comments
// whole. find_separator stops at the next ',' outside angle brackets (or ';'
// inside a group); with stop_at_angle it stops at a top-level '<' instead and
// reports it in *angle. skip_past_angle, from inside "<...", returns the
// position after the closing '>' (and sets *closed), or of a ',' when no '>'
// can follow, or the end.
std::size_t find_separator(const Scan& s, std::size_t from, bool in_group, bool stop_at_angle,
                           std::size_t* angle = nullptr) noexcept;
std::size_t skip_past_angle(const Scan& s, std::size_t from, bool* closed = nullptr) noexcept;
// `to` moved back over trailing white space, not before `from`.
std::size_t trim_end(std::string_view text, std::size_t from, std::size_t to) noexcept;

// Text after an address that starts with '@' is a second unquoted '@'
// ("bounce@pot+2Df=hotmail.com@mail.example.co"): which part is the domain
// is anybody's guess, so it gets its own code and words.
inline constexpr std::string_view second_at_code = "second-at";
inline constexpr std::string_view second_at_detail =
    "a second unquoted '@': an address has one, so its domain cannot be told (quote the local part)";

// Appends `text` with each run of white space (folding included) as one
// space; the caller trims the end.
void append_collapsed(std::string& out, std::string_view text);

// True for "IPv6:" followed by an RFC 5321 IPv6 address that uses "::" for a
// single zero group (7 explicit groups): RFC 5952 4.2.2 forbids it, and the
// isemail suite classes it as deprecated.
bool ipv6_elides_one_group(std::string_view literal_content) noexcept;

}  // namespace inboxlint::mime::address_detail
