// Byte-level helpers for the ASCII protocol text of mail headers. Locale-free
// on purpose: <cctype> depends on the C locale and on signedness.
#pragma once

#include <string>
#include <string_view>

namespace inboxlint::core {

constexpr bool is_wsp(char c) noexcept { return c == ' ' || c == '\t'; }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_alnum(char c) noexcept { return is_alpha(c) || is_digit(c); }
constexpr bool is_8bit(char c) noexcept { return static_cast<unsigned char>(c) >= 0x80; }
constexpr bool is_ctl(char c) noexcept {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}
constexpr bool is_hex_digit(char c) noexcept { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
constexpr int hex_value(char c) noexcept {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
constexpr char to_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char to_upper(char c) noexcept { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool iequals(std::string_view a, std::string_view b) noexcept;
bool istarts_with(std::string_view text, std::string_view prefix) noexcept;
bool iends_with(std::string_view text, std::string_view suffix) noexcept;
std::string to_lower(std::string_view text);
std::string_view trim(std::string_view text) noexcept;  // spaces, tabs, CR, LF
// Whether no byte is 0x80 or above (eight at a time: bodies run to megabytes).
bool is_ascii(std::string_view text) noexcept;

// An IPv4 address in dotted-quad form, as RFC 5321 address literals and
// message ids write it: four decimal numbers of one to three digits, each at
// most 255 ("192.0.2.7"). URL hosts have their own, looser parser (url/host).
bool is_dotted_quad(std::string_view text) noexcept;

}  // namespace inboxlint::core
