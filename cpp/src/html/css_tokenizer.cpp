#include "html/css_tokenizer.hpp"

#include <array>
#include <charconv>
#include <optional>

#include "core/ascii.hpp"
#include "core/utf8.hpp"

namespace inboxlint::html::css {

bool Token::is_ident(std::string_view name) const noexcept {
    return type == TokenType::ident && core::iequals(value, name);
}

bool Token::is_function(std::string_view name) const noexcept {
    return type == TokenType::function && core::iequals(value, name);
}

namespace {

constexpr bool is_newline(char c) noexcept { return c == '\n' || c == '\r' || c == '\f'; }
constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || is_newline(c); }

// §4.2 code point classes of a byte, looked up once per byte: names are
// most of a style sheet, and a chain of comparisons per byte was the cost.
enum : std::uint8_t { name_start_class = 1, name_class = 2 };
constexpr std::array<std::uint8_t, 256> byte_classes = [] {
    std::array<std::uint8_t, 256> table{};
    for (int b = 0; b < 256; ++b) {
        const char c = static_cast<char>(b);
        const bool start = core::is_alpha(c) || c == '_' || core::is_8bit(c);
        table[static_cast<std::size_t>(b)] = static_cast<std::uint8_t>(
            (start ? name_start_class : 0) | (start || core::is_digit(c) || c == '-' ? name_class : 0));
    }
    return table;
}();
constexpr bool is_name_start(char c) noexcept {
    return (byte_classes[static_cast<unsigned char>(c)] & name_start_class) != 0;
}
constexpr bool is_name(char c) noexcept { return (byte_classes[static_cast<unsigned char>(c)] & name_class) != 0; }

class Tokenizer {
public:
    Tokenizer(std::string_view text, std::size_t base) : s_(text), base_(base) {}

    TokenList run() {
        TokenList out;
        unescaped_ = &out.unescaped;
        out.tokens.reserve(s_.size() / 4 + 4);
        while (true) {
            skip_comments();
            if (pos_ >= s_.size()) break;
            const std::size_t begin = pos_;
            Token& t = out.tokens.emplace_back();  // filled in place
            next(t);
            t.span = {base_ + begin, base_ + pos_};
        }
        return out;
    }

private:
    [[nodiscard]] char at(std::size_t i) const noexcept { return i < s_.size() ? s_[i] : '\0'; }
    [[nodiscard]] bool at_end(std::size_t i) const noexcept { return i >= s_.size(); }

    void skip_comments() {
        while (pos_ + 1 < s_.size() && s_[pos_] == '/' && s_[pos_ + 1] == '*') {
            const std::size_t end = s_.find("*/", pos_ + 2);
            pos_ = end == std::string_view::npos ? s_.size() : end + 2;
        }
    }

    // §4.3.8: a backslash not followed by a newline (or the end).
    [[nodiscard]] bool valid_escape(std::size_t i) const noexcept {
        return at(i) == '\\' && !at_end(i + 1) && !is_newline(at(i + 1));
    }
    // §4.3.9
    [[nodiscard]] bool starts_ident(std::size_t i) const noexcept {
        const char c = at(i);
        if (c == '-') return is_name_start(at(i + 1)) || at(i + 1) == '-' || valid_escape(i + 1);
        if (is_name_start(c)) return !at_end(i);
        return valid_escape(i);
    }
    // §4.3.10
    [[nodiscard]] bool starts_number(std::size_t i) const noexcept {
        char c = at(i);
        if (c == '+' || c == '-') c = at(++i);
        if (core::is_digit(c)) return true;
        return c == '.' && core::is_digit(at(i + 1));
    }

    // §4.3.7, after the backslash.
    void consume_escape(std::string& out) {
        if (at_end(pos_)) {
            core::append_utf8(out, 0xFFFD);
            return;
        }
        if (core::is_hex_digit(s_[pos_])) {
            char32_t cp = 0;
            for (int n = 0; n < 6 && core::is_hex_digit(at(pos_)); ++n) cp = cp * 16 + core::hex_value(s_[pos_++]);
            if (at(pos_) == '\r' && at(pos_ + 1) == '\n') {
                pos_ += 2;
            } else if (is_space(at(pos_))) {
                ++pos_;
            }
            if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
            core::append_utf8(out, cp);
            return;
        }
        const core::DecodedCodePoint d = core::decode_utf8(s_, pos_);
        out.append(s_.substr(pos_, d.length));
        pos_ += d.length;
    }

    // Keeps a value that escapes changed for the list; tokens view it.
    std::string_view keep(std::string&& value) { return unescaped_->emplace_front(std::move(value)); }

    // §4.3.11: a view of the input unless an escape changes the name.
    std::string_view consume_name() {
        const std::size_t begin = pos_;
        while (!at_end(pos_) && is_name(s_[pos_])) ++pos_;
        if (!valid_escape(pos_)) return s_.substr(begin, pos_ - begin);
        std::string out(s_.substr(begin, pos_ - begin));
        while (!at_end(pos_)) {
            if (is_name(s_[pos_])) {
                const std::size_t run = pos_;  // a run of name bytes is appended at once
                while (!at_end(pos_) && is_name(s_[pos_])) ++pos_;
                out.append(s_.substr(run, pos_ - run));
            } else if (valid_escape(pos_)) {
                ++pos_;
                consume_escape(out);
            } else {
                break;
            }
        }
        return keep(std::move(out));
    }

    // Each fills `t`, a default token, and moves past what it consumed.
    void next(Token& t);
    [[nodiscard]] static std::optional<TokenType> punctuation(char c);
    bool prefixed(char c, Token& t);
    void numeric(Token& t);
    void ident_like(Token& t);
    void string_token(char quote, Token& t);
    void url_token(Token& t);
    void consume_bad_url_remnants();
    double consume_number(bool& integer);

    std::string_view s_;
    std::size_t base_;
    std::size_t pos_ = 0;
    std::forward_list<std::string>* unescaped_ = nullptr;
};

void Tokenizer::next(Token& t) {
    const char c = s_[pos_];
    if (is_space(c)) {
        while (is_space(at(pos_))) ++pos_;
        t.type = TokenType::whitespace;
        return;
    }
    if (c == '"' || c == '\'') {
        ++pos_;
        string_token(c, t);
        return;
    }
    if (core::is_digit(c)) return numeric(t);
    if (is_name_start(c)) return ident_like(t);
    if (const auto type = punctuation(c)) {
        ++pos_;
        t.type = *type;
        return;
    }
    if (prefixed(c, t)) return;
    t.type = TokenType::delim;
    const core::DecodedCodePoint d = core::decode_utf8(s_, pos_);
    t.delim = d.code_point;
    pos_ += d.length;
}

std::optional<TokenType> Tokenizer::punctuation(char c) {
    switch (c) {
        case '(':
            return TokenType::open_paren;
        case ')':
            return TokenType::close_paren;
        case '[':
            return TokenType::open_square;
        case ']':
            return TokenType::close_square;
        case '{':
            return TokenType::open_curly;
        case '}':
            return TokenType::close_curly;
        case ',':
            return TokenType::comma;
        case ':':
            return TokenType::colon;
        case ';':
            return TokenType::semicolon;
        default:
            return std::nullopt;
    }
}

// Tokens that start with # + - . < @ or a backslash, when they are more than
// a delimiter (§4.3.1). False (t untouched) when it is a delimiter.
bool Tokenizer::prefixed(char c, Token& t) {
    if (c == '#' && (is_name(at(pos_ + 1)) || valid_escape(pos_ + 1))) {
        ++pos_;
        t.type = TokenType::hash;
        t.is_id = starts_ident(pos_);
        t.value = consume_name();
        return true;
    }
    if ((c == '+' || c == '.' || c == '-') && starts_number(pos_)) {
        numeric(t);
        return true;
    }
    if (c == '-' && at(pos_ + 1) == '-' && at(pos_ + 2) == '>') {
        pos_ += 3;
        t.type = TokenType::cdc;
        return true;
    }
    if ((c == '-' && starts_ident(pos_)) || (c == '\\' && valid_escape(pos_))) {
        ident_like(t);
        return true;
    }
    if (c == '<' && s_.substr(pos_, 4) == "<!--") {
        pos_ += 4;
        t.type = TokenType::cdo;
        return true;
    }
    if (c == '@' && starts_ident(pos_ + 1)) {
        ++pos_;
        t.type = TokenType::at_keyword;
        t.value = consume_name();
        return true;
    }
    return false;
}

// §4.3.12, locale-free.
double Tokenizer::consume_number(bool& integer) {
    const std::size_t begin = pos_;
    integer = true;
    if (at(pos_) == '+' || at(pos_) == '-') ++pos_;
    while (core::is_digit(at(pos_))) ++pos_;
    if (at(pos_) == '.' && core::is_digit(at(pos_ + 1))) {
        integer = false;
        pos_ += 2;
        while (core::is_digit(at(pos_))) ++pos_;
    }
    const char e = at(pos_);
    if (e == 'e' || e == 'E') {
        std::size_t i = pos_ + 1;
        if (at(i) == '+' || at(i) == '-') ++i;
        if (core::is_digit(at(i))) {
            integer = false;
            pos_ = i;
            while (core::is_digit(at(pos_))) ++pos_;
        }
    }
    std::size_t from = begin;
    if (s_[from] == '+') ++from;
    // Most numbers in mail are short integers ("0", "10px", "100%"): exact
    // in a double, and read without from_chars, which was most of the cost.
    if (integer && pos_ - from <= 16) {
        const bool negative = s_[from] == '-';
        std::int64_t digits = 0;
        for (std::size_t i = negative ? from + 1 : from; i < pos_; ++i) digits = digits * 10 + (s_[i] - '0');
        const auto magnitude = static_cast<double>(digits);  // rounded as from_chars rounds
        return negative ? -magnitude : magnitude;            // "-0" stays negative zero
    }
    double value = 0;
    const auto result = std::from_chars(s_.data() + from, s_.data() + pos_, value);
    if (result.ec != std::errc()) {
        // Out of range: an underflow is zero, an overflow the largest value.
        const bool underflow = s_.substr(begin, pos_ - begin).find("e-") != std::string_view::npos ||
                               s_.substr(begin, pos_ - begin).find("E-") != std::string_view::npos;
        value = underflow ? 0.0 : (s_[begin] == '-' ? -1e300 : 1e300);
    }
    return value;
}

void Tokenizer::numeric(Token& t) {
    t.number = consume_number(t.is_integer);
    if (starts_ident(pos_)) {
        t.type = TokenType::dimension;
        t.value = consume_name();
    } else if (at(pos_) == '%') {
        ++pos_;
        t.type = TokenType::percentage;
    } else {
        t.type = TokenType::number;
    }
}

void Tokenizer::ident_like(Token& t) {
    t.value = consume_name();
    if (at(pos_) != '(') {
        t.type = TokenType::ident;
        return;
    }
    ++pos_;
    if (core::iequals(t.value, "url")) {
        std::size_t i = pos_;
        while (is_space(at(i))) ++i;
        if (at(i) != '"' && at(i) != '\'') {
            pos_ = i;
            t.value = {};
            url_token(t);
            return;
        }
    }
    t.type = TokenType::function;
}

// §4.3.5, after the opening quote. The value is a view of the input until
// an escape changes the bytes; from there on it is built.
void Tokenizer::string_token(char quote, Token& t) {
    t.type = TokenType::string;
    const std::size_t begin = pos_;
    std::string built;
    bool escaped = false;
    auto finish = [&](std::size_t end) { t.value = escaped ? keep(std::move(built)) : s_.substr(begin, end - begin); };
    while (!at_end(pos_)) {
        const char c = s_[pos_];
        if (c == quote) {
            finish(pos_);
            ++pos_;
            return;
        }
        if (is_newline(c)) {
            t.type = TokenType::bad_string;  // the newline is not consumed
            finish(pos_);
            return;
        }
        if (c == '\\') {
            if (!escaped) built.assign(s_.substr(begin, pos_ - begin));
            escaped = true;
            if (at_end(pos_ + 1)) {
                ++pos_;
            } else if (is_newline(s_[pos_ + 1])) {
                pos_ += (s_[pos_ + 1] == '\r' && at(pos_ + 2) == '\n') ? 3 : 2;
            } else {
                ++pos_;
                consume_escape(built);
            }
            continue;
        }
        const std::size_t run = pos_;  // up to the next quote, newline or backslash at once
        while (!at_end(pos_) && s_[pos_] != quote && s_[pos_] != '\\' && !is_newline(s_[pos_])) ++pos_;
        if (escaped) built.append(s_.substr(run, pos_ - run));
    }
    finish(pos_);  // the end of the input closes the string
}

// §4.3.6, after "url(" and white space; the value as in string_token.
void Tokenizer::url_token(Token& t) {
    t.type = TokenType::url;
    const std::size_t begin = pos_;
    std::string built;
    bool escaped = false;
    auto finish = [&](std::size_t end) { t.value = escaped ? keep(std::move(built)) : s_.substr(begin, end - begin); };
    auto bad_url = [&] {
        consume_bad_url_remnants();
        t.type = TokenType::bad_url;
        t.value = {};
    };
    while (!at_end(pos_)) {
        const char c = s_[pos_];
        if (c == ')') {
            finish(pos_);
            ++pos_;
            return;
        }
        if (is_space(c)) {
            const std::size_t end = pos_;
            while (is_space(at(pos_))) ++pos_;
            if (at_end(pos_) || at(pos_) == ')') {
                finish(end);
                if (!at_end(pos_)) ++pos_;
                return;
            }
            return bad_url();
        }
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\'' || c == '(' || u < 0x09 || (u > 0x0D && u < 0x20) || u == 0x7F || u == 0x0B) {
            return bad_url();
        }
        if (c == '\\') {
            if (!valid_escape(pos_)) return bad_url();
            if (!escaped) built.assign(s_.substr(begin, pos_ - begin));
            escaped = true;
            ++pos_;
            consume_escape(built);
            continue;
        }
        if (escaped) built.push_back(c);
        ++pos_;
    }
    finish(pos_);
}

void Tokenizer::consume_bad_url_remnants() {
    while (!at_end(pos_)) {
        if (s_[pos_] == ')') {
            ++pos_;
            return;
        }
        if (valid_escape(pos_)) {
            ++pos_;
            std::string ignored;
            consume_escape(ignored);
        } else {
            ++pos_;
        }
    }
}

}  // namespace

TokenList tokenize(std::string_view text, std::size_t base) { return Tokenizer(text, base).run(); }

}  // namespace inboxlint::html::css
