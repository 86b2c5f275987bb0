// The lexical pieces of zone-file text: entries (a line, or lines joined by
// parentheses), tokens, and quoted character-strings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace inboxlint::dns {

struct ZoneEntry {
    std::string text;     // the entry, its lines joined by spaces, comments kept
    std::size_t line;     // 1-based line of its first line
    bool continues_owner; // began with white space: the previous owner again
};

// Splits text into entries; skips blank lines and lines starting with '#'
// or ';'. Returns false and sets `error_line` for a '(' without ')'.
bool split_entries(std::string_view text, std::vector<ZoneEntry>& out, std::size_t& error_line);

// The next white-space-separated token; `rest` moves past it.
std::string_view next_token(std::string_view& rest) noexcept;

// Joins the quoted strings of a TXT value ("a" "b" -> ab) with \" \\ and
// \DDD escapes. Parentheses and white space between strings are skipped, a
// ';' outside quotes ends the value. Returns false with a reason for text
// outside quotes or an unterminated string.
bool join_quoted(std::string_view text, std::string& out, std::string& reason);

// The text before a ';' that is outside quotes, without parentheses.
std::string strip_comment(std::string_view text);

}  // namespace inboxlint::dns
