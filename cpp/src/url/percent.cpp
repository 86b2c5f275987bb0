#include "url/percent.hpp"

#include "core/ascii.hpp"

namespace inboxlint::url {
namespace {

bool in_query(unsigned char c) noexcept { return c == ' ' || c == '"' || c == '#' || c == '<' || c == '>'; }

bool in_path(unsigned char c) noexcept {
    return in_query(c) || c == '?' || c == '^' || c == '`' || c == '{' || c == '}';
}

bool in_userinfo(unsigned char c) noexcept {
    return in_path(c) || c == '/' || c == ':' || c == ';' || c == '=' || c == '@' || (c >= '[' && c <= ']') || c == '|';
}

}  // namespace

bool in_encode_set(unsigned char c, EncodeSet set) noexcept {
    if (c < 0x20 || c > 0x7E) return true;
    switch (set) {
        case EncodeSet::c0_control:
            return false;
        case EncodeSet::fragment:
            return c == ' ' || c == '"' || c == '<' || c == '>' || c == '`';
        case EncodeSet::query:
            return in_query(c);
        case EncodeSet::special_query:
            return in_query(c) || c == '\'';
        case EncodeSet::path:
            return in_path(c);
        case EncodeSet::userinfo:
            return in_userinfo(c);
        case EncodeSet::component:
            return in_userinfo(c) || (c >= '$' && c <= '&') || c == '+' || c == ',';
    }
    return true;
}

void append_encoded(std::string& out, unsigned char c, EncodeSet set) {
    if (!in_encode_set(c, set)) {
        out.push_back(static_cast<char>(c));
        return;
    }
    static constexpr char hex[] = "0123456789ABCDEF";
    out.push_back('%');
    out.push_back(hex[c >> 4]);
    out.push_back(hex[c & 0xF]);
}

void append_encoded(std::string& out, std::string_view text, EncodeSet set) {
    for (const char c : text) append_encoded(out, static_cast<unsigned char>(c), set);
}

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && core::is_hex_digit(text[i + 1]) &&
            core::is_hex_digit(text[i + 2])) {
            out.push_back(static_cast<char>(core::hex_value(text[i + 1]) * 16 + core::hex_value(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

}  // namespace inboxlint::url
