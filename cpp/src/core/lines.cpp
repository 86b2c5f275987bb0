#include "core/lines.hpp"

#include <algorithm>
#include <cstring>

#include "core/utf8.hpp"

namespace inboxlint::core {
namespace {

std::size_t find_byte(std::string_view text, std::size_t from, char byte) noexcept {
    if (from >= text.size()) return text.size();
    const void* hit = std::memchr(text.data() + from, byte, text.size() - from);
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text.data()) : text.size();
}

}  // namespace

LineCursor::LineCursor(std::string_view text, std::size_t pos) noexcept : text_(text) { seek(pos); }

void LineCursor::seek(std::size_t pos) noexcept {
    pos_ = std::min(pos, text_.size());
    // Cached hits stay valid only when they lie ahead and were searched for
    // from at or before the new position.
    if (pos_ < cr_from_ || next_cr_ < pos_) {
        next_cr_ = find_byte(text_, pos_, '\r');
        cr_from_ = pos_;
    }
    if (pos_ < lf_from_ || next_lf_ < pos_) {
        next_lf_ = find_byte(text_, pos_, '\n');
        lf_from_ = pos_;
    }
}

Line LineCursor::peek() noexcept {
    Line line;
    line.begin = pos_;
    const std::size_t brk = std::min(next_cr_, next_lf_);
    line.content_end = brk;
    if (brk >= text_.size()) {
        line.end = text_.size();
        line.ending = LineEnding::none;
    } else if (text_[brk] == '\n') {
        line.end = brk + 1;
        line.ending = LineEnding::lf;
    } else if (brk + 1 < text_.size() && text_[brk + 1] == '\n') {
        line.end = brk + 2;
        line.ending = LineEnding::crlf;
    } else {
        line.end = brk + 1;
        line.ending = LineEnding::cr;
    }
    return line;
}

Line LineCursor::next() noexcept {
    const Line line = peek();
    seek(line.end);
    return line;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    LineCursor cursor(text);
    while (!cursor.at_end()) {
        const Line line = cursor.next();
        if (line.ending != LineEnding::none) starts_.push_back(line.end);
    }
}

LineIndex::Position LineIndex::position(std::size_t offset) const noexcept {
    if (starts_.empty()) return {};
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::size_t>(it - starts_.begin());
    const std::size_t start = starts_[line - 1];
    return {line, count_code_points(text_.substr(start, offset - start)) + 1};
}

std::size_t LineIndex::line_start(std::size_t line) const noexcept {
    if (line == 0 || line > starts_.size()) return text_.size();
    return starts_[line - 1];
}

}  // namespace inboxlint::core
