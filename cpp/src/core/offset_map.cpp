#include "core/offset_map.hpp"

#include <algorithm>

namespace inboxlint::core {

OffsetMap OffsetMap::identity(std::size_t size, std::size_t in_offset) {
    OffsetMap map;
    map.append(size, in_offset, size);
    return map;
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
    if (out >= s->out_begin + s->out_length) return s->in_begin + s->in_length;
    return s->exact() ? s->in_begin + (out - s->out_begin) : s->in_begin;
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
    in.begin =
        first->exact() ? first->in_begin + std::min(out.begin - first->out_begin, first->in_length) : first->in_begin;
    const std::size_t last_offset = out.end - 1 - last->out_begin;
    in.end = last->exact() && last_offset < last->in_length ? last->in_begin + last_offset + 1
                                                            : last->in_begin + last->in_length;
    if (in.end < in.begin) in.end = in.begin;
    return in;
}

}  // namespace inboxlint::core
