#include "auth/base64.hpp"

namespace inboxlint::auth {
namespace {

constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int value_of(char c) noexcept {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

Base64Result decode_base64(std::string_view text) {
    Base64Result result;
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t buffer = 0;
    std::size_t quantum = 0;  // characters in the current group of four
    std::size_t padding = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_space(c)) continue;
        if (c == '=') {
            if (quantum < 2 || ++padding + quantum > 4) {
                result.error_at = i;
                result.error = "misplaced '=' padding";
                return result;
            }
            continue;
        }
        const int v = value_of(c);
        if (v < 0 || padding > 0) {
            result.error_at = i;
            result.error = v < 0 ? "a character outside the base64 alphabet" : "data after '=' padding";
            return result;
        }
        buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
        if (++quantum == 4) {
            out.push_back(static_cast<char>((buffer >> 16) & 0xff));
            out.push_back(static_cast<char>((buffer >> 8) & 0xff));
            out.push_back(static_cast<char>(buffer & 0xff));
            buffer = 0;
            quantum = 0;
        }
    }
    if (quantum != 0 && quantum + padding != 4) {
        result.error_at = text.size();
        result.error = padding == 0 ? "the length is not a multiple of four (padding missing)" : "truncated padding";
        return result;
    }
    if (quantum == 2) out.push_back(static_cast<char>((buffer >> 4) & 0xff));
    if (quantum == 3) {
        out.push_back(static_cast<char>((buffer >> 10) & 0xff));
        out.push_back(static_cast<char>((buffer >> 2) & 0xff));
    }
    result.bytes = std::move(out);
    return result;
}

std::string encode_base64(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t n = (static_cast<unsigned char>(bytes[i]) << 16) |
                                (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                                static_cast<unsigned char>(bytes[i + 2]);
        out.push_back(alphabet[(n >> 18) & 63]);
        out.push_back(alphabet[(n >> 12) & 63]);
        out.push_back(alphabet[(n >> 6) & 63]);
        out.push_back(alphabet[n & 63]);
    }
    if (i < bytes.size()) {
        std::uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out.push_back(alphabet[(n >> 18) & 63]);
        out.push_back(alphabet[(n >> 12) & 63]);
        out.push_back(i + 1 < bytes.size() ? alphabet[(n >> 6) & 63] : '=');
        out.push_back('=');
    }
    return out;
}

}  // namespace inboxlint::auth
