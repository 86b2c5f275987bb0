#include "core/offset_map.hpp"

#include <algorithm>

namespace inboxlint::core {

OffsetMap OffsetMap::identity(std::size_t size, std::size_t in_offset) {
    OffsetMap map;
    map.append(size, in_offset, size);
    return map;
}

// New segments for what does not join the last one. Lengths over 32 bits are
// split: a copy into consecutive copies, an encoded run into pieces that each
// map to the run's whole input, as the run itself does.
void OffsetMap::append_segments(std::size_t out_length, std::size_t in_begin, std::size_t in_length) {
    const bool exact = out_length == in_length;
    while (out_length > 0) {
        const auto piece = static_cast<std::uint32_t>(std::min(out_length, max_length));
        if (exact) {
            segments_.push_back({out_size_, in_begin, piece, 0, 0});
            in_begin += piece;
        } else {
            segments_.push_back({out_size_, in_begin, 0, piece, in_length});
        }
        out_size_ += piece;
        out_length -= piece;
    }
}

const OffsetMap::Segment* OffsetMap::find(std::size_t out) const noexcept {
    if (segments_.empty()) return nullptr;
    auto it = std::upper_bound(segments_.begin(), segments_.end(), out,
                               [](std::size_t value, const Segment& s) { return value < s.out_begin; });
    if (it != segments_.begin()) --it;
    return &*it;
}

std::size_t OffsetMap::to_input(std::size_t out) const noexcept {
    const Segment* s = find(out);
    if (!s) return 0;
    const std::size_t offset = out - s->out_begin;
    if (offset < s->exact) return s->in_begin + offset;
    if (offset < std::size_t{s->exact} + s->out_tail) return s->in_begin + s->exact;
    return s->in_begin + s->exact + s->in_tail;
}

Span OffsetMap::to_input(Span out) const noexcept {
    if (out.empty()) {
        const std::size_t point = to_input(out.begin);
        return {point, point};
    }
    const Segment* first = find(out.begin);
    const Segment* last = find(out.end - 1);
    if (!first || !last) return {};
    Span in;
    in.begin = first->in_begin + std::min<std::size_t>(out.begin - first->out_begin, first->exact);
    const std::size_t last_offset = out.end - 1 - last->out_begin;
    in.end =
        last_offset < last->exact ? last->in_begin + last_offset + 1 : last->in_begin + last->exact + last->in_tail;
    if (in.end < in.begin) in.end = in.begin;
    return in;
}

}  // namespace inboxlint::core
