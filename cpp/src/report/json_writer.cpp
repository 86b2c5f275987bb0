#include "report/json_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "core/utf8.hpp"

namespace inboxlint::report {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

void append_unicode_escape(std::string& out, unsigned value) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out.push_back(hex_digits[(value >> shift) & 0xF]);
}

void append_ascii(std::string& out, unsigned char c) {
    switch (c) {
        case '"':
            out += "\\\"";
            return;
        case '\\':
            out += "\\\\";
            return;
        case '\b':
            out += "\\b";
            return;
        case '\f':
            out += "\\f";
            return;
        case '\n':
            out += "\\n";
            return;
        case '\r':
            out += "\\r";
            return;
        case '\t':
            out += "\\t";
            return;
        default:
            break;
    }
    if (c < 0x20) {
        append_unicode_escape(out, c);
    } else {
        out.push_back(static_cast<char>(c));
    }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    out.push_back('"');
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            append_ascii(out, c);
            ++pos;
            continue;
        }
        const core::DecodedCodePoint decoded = core::decode_utf8(text, pos);
        if (!decoded.valid) {
            out += "\xEF\xBF\xBD";  // U+FFFD for each byte that is not part of valid UTF-8
        } else if (decoded.code_point == 0x2028 || decoded.code_point == 0x2029) {
            // Valid JSON as is, but not valid JavaScript before ES2019: escaped
            // so the output can be pasted into a script.
            append_unicode_escape(out, static_cast<unsigned>(decoded.code_point));
        } else {
            out.append(text.substr(pos, decoded.length));
        }
        pos += decoded.length;
    }
    out.push_back('"');
}

std::vector<std::string> unique_keys(const std::vector<std::string_view>& names,
                                     const std::vector<std::string_view>& reserved) {
    std::set<std::string, std::less<>> taken(reserved.begin(), reserved.end());
    std::vector<std::string> keys;
    keys.reserve(names.size());
    for (const std::string_view name : names) {
        std::string key(name);
        for (std::size_t n = 2; taken.contains(key); ++n) key = std::string(name) + "#" + std::to_string(n);
        taken.insert(key);
        keys.push_back(std::move(key));
    }
    return keys;
}

void JsonWriter::newline_indent(std::size_t depth) {
    out_.push_back('\n');
    out_.append(2 * depth, ' ');
}

bool JsonWriter::before_value() {
    if (done_) return false;
    if (stack_.empty()) return true;
    Frame& frame = stack_.back();
    if (!frame.empty) out_.push_back(',');
    frame.empty = false;
    if (pretty_) newline_indent(stack_.size());
    if (frame.kind == Kind::object) {
        // A value without a key still needs one to keep the object valid.
        append_json_string(out_, has_key_ ? std::string_view(pending_key_) : std::string_view());
        out_ += pretty_ ? ": " : ":";
        has_key_ = false;
        pending_key_.clear();
    }
    return true;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    if (!stack_.empty() && stack_.back().kind == Kind::object) {
        pending_key_.assign(name);
        has_key_ = true;
    }
    return *this;
}

JsonWriter& JsonWriter::begin_object() {
    if (!before_value()) return *this;
    stack_.push_back({Kind::object});
    out_.push_back('{');
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    if (!before_value()) return *this;
    stack_.push_back({Kind::array});
    out_.push_back('[');
    return *this;
}

void JsonWriter::close(Kind kind) {
    if (stack_.empty() || stack_.back().kind != kind) return;  // unbalanced: ignore rather than corrupt
    const bool empty = stack_.back().empty;
    stack_.pop_back();
    if (pretty_ && !empty) newline_indent(stack_.size());
    out_.push_back(kind == Kind::object ? '}' : ']');
    has_key_ = false;
    pending_key_.clear();
    if (stack_.empty()) done_ = true;
}

JsonWriter& JsonWriter::end_object() {
    close(Kind::object);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    close(Kind::array);
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
    if (!before_value()) return *this;
    append_json_string(out_, text);
    if (stack_.empty()) done_ = true;
    return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
    if (!before_value()) return *this;
    out_ += value ? "true" : "false";
    if (stack_.empty()) done_ = true;
    return *this;
}

JsonWriter& JsonWriter::null() {
    if (!before_value()) return *this;
    out_ += "null";
    if (stack_.empty()) done_ = true;
    return *this;
}

JsonWriter& JsonWriter::write_signed(std::int64_t value) {
    if (!before_value()) return *this;
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, result.ptr);
    if (stack_.empty()) done_ = true;
    return *this;
}

JsonWriter& JsonWriter::decimal(double value, int decimals) {
    if (!before_value()) return *this;
    if (!std::isfinite(value)) value = 0;
    char buffer[64];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, std::clamp(decimals, 0, 6));
    std::string_view text =
        result.ec == std::errc() ? std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)) : "0";
    if (text.find('.') != std::string_view::npos) {
        while (text.ends_with('0')) text.remove_suffix(1);
        if (text.ends_with('.')) text.remove_suffix(1);
    }
    if (text == "-0") text = "0";
    out_.append(text);
    if (stack_.empty()) done_ = true;
    return *this;
}

JsonWriter& JsonWriter::write_unsigned(std::uint64_t value) {
    if (!before_value()) return *this;
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, result.ptr);
    if (stack_.empty()) done_ = true;
    return *this;
}

std::string JsonWriter::finish() {
    while (!stack_.empty()) close(stack_.back().kind);
    std::string result = out_.empty() ? std::string("null") : std::move(out_);
    out_.clear();
    stack_.clear();
    has_key_ = false;
    pending_key_.clear();
    done_ = false;
    return result;
}

}  // namespace inboxlint::report
