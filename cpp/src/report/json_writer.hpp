// A small streaming JSON writer for the reporters. Whatever the sequence of
// calls, the result is one valid JSON value (RFC 8259) in valid UTF-8: the
// strings we write carry bytes from the linted mail, so invalid UTF-8 becomes
// U+FFFD, and misuse (a value without a key, an unbalanced close) is absorbed
// rather than producing broken output.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace inboxlint::report {

class JsonWriter {
public:
    // `pretty` puts every member and element on its own line, indented by 2.
    explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();

    // Names the next value inside an object; ignored elsewhere.
    JsonWriter& key(std::string_view name);

    JsonWriter& string(std::string_view text);
    JsonWriter& boolean(bool value);
    JsonWriter& null();
    template <std::integral T>
    requires(!std::same_as<T, bool>) JsonWriter& number(T value) {
        if constexpr (std::is_signed_v<T>) {
            return write_signed(static_cast<std::int64_t>(value));
        } else {
            return write_unsigned(static_cast<std::uint64_t>(value));
        }
    }

    // A number with at most `decimals` digits after the point, trailing
    // zeros dropped ("3", "2.5"); NaN and infinities are written as 0.
    JsonWriter& decimal(double value, int decimals = 2);

    // Closes whatever is still open and returns the document ("null" when
    // nothing was written). The writer is empty afterwards.
    [[nodiscard]] std::string finish();

private:
    enum class Kind : unsigned char { object, array };
    struct Frame {
        Kind kind;
        bool empty = true;
    };

    JsonWriter& write_signed(std::int64_t value);
    JsonWriter& write_unsigned(std::uint64_t value);
    // Writes the separator, indentation and key before a value; false when
    // no value may go here (the document is already complete).
    bool before_value();
    void close(Kind kind);
    void newline_indent(std::size_t depth);

    std::string out_;
    std::vector<Frame> stack_;
    std::string pending_key_;
    bool has_key_ = false;
    bool done_ = false;  // the top-level value is complete
    bool pretty_ = false;
};

// Appends `text` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view text);

// Object keys for `names`, in order, made unique: parsers keep only one value
// per key, so a repeated name becomes "name#2", "name#3", ... Keys in
// `reserved` count as already taken.
[[nodiscard]] std::vector<std::string> unique_keys(const std::vector<std::string_view>& names,
                                                   const std::vector<std::string_view>& reserved = {});

}  // namespace inboxlint::report
