#include "core/lines.hpp"

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.hpp"

namespace inboxlint::core {
namespace {

// The first CR or LF at or after `from`, or the size: one pass over the
// bytes, sixteen at a time where SSE2 is there (every x86-64), instead of a
// memchr for CR and another for LF, which read every line of CRLF mail twice.
std::size_t find_line_break(std::string_view text, std::size_t from) noexcept {
    const char* data = text.data();
    std::size_t i = from;
#if defined(__SSE2__)
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i lf = _mm_set1_epi8('\n');
    for (; i + 16 <= text.size(); i += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        const int hits = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(chunk, cr), _mm_cmpeq_epi8(chunk, lf)));
        if (hits != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(hits)));
    }
#endif
    for (; i < text.size(); ++i) {
        if (data[i] == '\r' || data[i] == '\n') return i;
    }
    return text.size();
}

}  // namespace

LineCursor::LineCursor(std::string_view text, std::size_t pos) noexcept : text_(text) { seek(pos); }

void LineCursor::seek(std::size_t pos) noexcept {
    pos_ = std::min(pos, text_.size());
    // The cached break stays valid only when it lies ahead and was searched
    // for from at or before the new position.
    if (pos_ < searched_from_ || next_break_ < pos_) {
        next_break_ = find_line_break(text_, pos_);
        searched_from_ = pos_;
    }
}

Line LineCursor::peek() noexcept {
    Line line;
    line.begin = pos_;
    const std::size_t brk = next_break_;
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
