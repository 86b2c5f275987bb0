// Line splitting over raw mail. A line ends at CRLF, at a bare LF or at a bare
// CR (the same three breaks Python's email package honours), or at the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace inboxlint::core {

enum class LineEnding : std::uint8_t { none, crlf, lf, cr };

struct Line {
    std::size_t begin = 0;
    std::size_t content_end = 0;  // before the line break
    std::size_t end = 0;          // after the line break
    LineEnding ending = LineEnding::none;

    [[nodiscard]] std::size_t length() const noexcept { return content_end - begin; }
    [[nodiscard]] std::string_view content(std::string_view text) const noexcept {
        return text.substr(begin, content_end - begin);
    }
};

// Walks lines in linear time even over megabytes without a line break: it
// remembers where the next CR or LF is instead of searching again.
class LineCursor {
public:
    explicit LineCursor(std::string_view text, std::size_t pos = 0) noexcept;

    [[nodiscard]] bool at_end() const noexcept { return pos_ >= text_.size(); }
    [[nodiscard]] std::size_t position() const noexcept { return pos_; }
    // The line starting at the current position, without moving.
    [[nodiscard]] Line peek() noexcept;
    // The line starting at the current position; moves past it.
    Line next() noexcept;
    // Moves to `pos` (forward or backward).
    void seek(std::size_t pos) noexcept;

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t next_break_ = 0;  // position of the first CR or LF at or after pos_, or size
    std::size_t searched_from_ = static_cast<std::size_t>(-1);  // where next_break_ was searched from (none yet)
};

// Maps byte offsets to 1-based line and column (columns in code points).
class LineIndex {
public:
    LineIndex() = default;
    explicit LineIndex(std::string_view text);
    // `starts`: where each line of `text` begins, the first at 0, as
    // mime::compute_line_stats finds them.
    LineIndex(std::string_view text, std::vector<std::size_t> starts) noexcept
        : text_(text), starts_(std::move(starts)) {}

    struct Position {
        std::size_t line = 1;
        std::size_t column = 1;
    };
    [[nodiscard]] Position position(std::size_t offset) const noexcept;
    [[nodiscard]] std::size_t line_start(std::size_t line) const noexcept;  // 1-based line
    [[nodiscard]] std::size_t line_count() const noexcept { return starts_.size(); }

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

}  // namespace inboxlint::core
