// A small JSON reader for the web-platform-tests URL vectors (test code only:
// no error recovery beyond throwing on malformed input).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utf8.hpp"

namespace inboxlint::testing {

struct Json {
    enum class Type { null, boolean, number, string, array, object };
    Type type = Type::null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<Json> array;
    std::vector<std::pair<std::string, Json>> object;

    [[nodiscard]] const Json* find(std::string_view key) const {
        for (const auto& [k, v] : object)
            if (k == key) return &v;
        return nullptr;
    }
    [[nodiscard]] bool is_string() const { return type == Type::string; }
};

class JsonReader {
public:
    explicit JsonReader(std::string_view text) : text_(text) {}

    Json read() {
        Json v = value();
        skip_space();
        if (pos_ != text_.size()) throw std::runtime_error("trailing data");
        return v;
    }

private:
    void skip_space() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
            ++pos_;
    }
    char peek() {
        skip_space();
        if (pos_ >= text_.size()) throw std::runtime_error("unexpected end");
        return text_[pos_];
    }
    void expect(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) throw std::runtime_error("bad literal");
        pos_ += word.size();
    }

    Json value() {
        Json v;
        const char c = peek();
        if (c == '{') {
            v.type = Json::Type::object;
            ++pos_;
            if (peek() == '}') return ++pos_, v;
            for (;;) {
                std::string key = string_value();
                if (peek() != ':') throw std::runtime_error("expected ':'");
                ++pos_;
                v.object.emplace_back(std::move(key), value());
                const char sep = peek();
                ++pos_;
                if (sep == '}') return v;
                if (sep != ',') throw std::runtime_error("expected ','");
            }
        }
        if (c == '[') {
            v.type = Json::Type::array;
            ++pos_;
            if (peek() == ']') return ++pos_, v;
            for (;;) {
                v.array.push_back(value());
                const char sep = peek();
                ++pos_;
                if (sep == ']') return v;
                if (sep != ',') throw std::runtime_error("expected ','");
            }
        }
        if (c == '"') {
            v.type = Json::Type::string;
            v.string = string_value();
            return v;
        }
        if (c == 't' || c == 'f') {
            v.type = Json::Type::boolean;
            v.boolean = c == 't';
            expect(v.boolean ? "true" : "false");
            return v;
        }
        if (c == 'n') return expect("null"), v;
        v.type = Json::Type::number;
        std::size_t used = 0;
        v.number = std::stod(std::string(text_.substr(pos_, 32)), &used);
        pos_ += used;
        return v;
    }

    unsigned hex4() {
        if (pos_ + 4 > text_.size()) throw std::runtime_error("short \\u escape");
        const unsigned v = static_cast<unsigned>(std::stoul(std::string(text_.substr(pos_, 4)), nullptr, 16));
        pos_ += 4;
        return v;
    }

    std::string string_value() {
        if (peek() != '"') throw std::runtime_error("expected string");
        ++pos_;
        std::string out;
        while (pos_ < text_.size() && text_[pos_] != '"') {
            const char c = text_[pos_++];
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            const char e = text_[pos_++];
            switch (e) {
                case 'n':
                    out.push_back('\n');
                    break;
                case 't':
                    out.push_back('\t');
                    break;
                case 'r':
                    out.push_back('\r');
                    break;
                case 'b':
                    out.push_back('\b');
                    break;
                case 'f':
                    out.push_back('\f');
                    break;
                case 'u':
                    out += unicode_escape();
                    break;
                default:
                    out.push_back(e);
                    break;
            }
        }
        ++pos_;
        return out;
    }

    // \uXXXX, with surrogate pairs; a lone surrogate becomes U+FFFD, which
    // is what a JavaScript string would turn into as UTF-8 (USVString).
    std::string unicode_escape() {
        char32_t cp = hex4();
        if (cp >= 0xD800 && cp <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
            const std::size_t save = pos_;
            pos_ += 2;
            const unsigned low = hex4();
            if (low >= 0xDC00 && low <= 0xDFFF)
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            else
                pos_ = save;
        }
        std::string out;
        core::append_utf8(out, cp);
        return out;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace inboxlint::testing
