#include "mime/lexer.hpp"

#include <string_view>

#include "core/ascii.hpp"

namespace inboxlint::mime {

bool is_atext(char c) noexcept {
    if (core::is_8bit(c)) return true;
    if (core::is_alnum(c)) return true;
    static constexpr std::string_view extra = "!#$%&'*+-/=?^_`{|}~";
    return extra.find(c) != std::string_view::npos;
}

bool is_token_char(char c) noexcept {
    if (core::is_8bit(c) || core::is_ctl(c) || c == ' ') return false;
    static constexpr std::string_view tspecials = "()<>@,;:\\\"/[]?=";
    return tspecials.find(c) == std::string_view::npos;
}

bool Lexer::skip_cfws(std::size_t* bad_comment) noexcept {
    saw_comment_ = false;
    while (!at_end()) {
        const char c = text_[pos_];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++pos_;
            continue;
        }
        if (c != '(') break;
        saw_comment_ = true;
        const std::size_t start = pos_;
        int depth = 0;
        while (!at_end()) {
            const char d = text_[pos_++];
            if (d == '\\' && !at_end()) {
                ++pos_;
            } else if (d == '(') {
                ++depth;
            } else if (d == ')' && --depth == 0) {
                break;
            }
        }
        if (depth != 0) {
            if (bad_comment) *bad_comment = start;
            return false;
        }
    }
    return true;
}

bool Lexer::read_quoted_string(std::string& out) {
    ++pos_;  // opening quote
    while (!at_end()) {
        const char c = text_[pos_++];
        if (c == '"') return true;
        if (c == '\\' && !at_end()) {
            out.push_back(text_[pos_++]);
        } else if (c != '\r' && c != '\n') {
            out.push_back(c);
        }
    }
    return false;
}

std::string_view Lexer::read_atom() noexcept {
    const std::size_t start = pos_;
    while (!at_end() && is_atext(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
}

std::string_view Lexer::read_token() noexcept {
    const std::size_t start = pos_;
    while (!at_end() && is_token_char(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
}

bool Lexer::consume(char c) noexcept {
    if (peek() != c || at_end()) return false;
    ++pos_;
    return true;
}

std::string unfold(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (char c : raw) {
        if (c != '\r' && c != '\n') out.push_back(c);
    }
    return out;
}

}  // namespace inboxlint::mime
