// Maps offsets in a derived text (transfer-decoded bytes, UTF-8 after charset
// conversion) back to offsets in the text it came from. Runs copied byte for
// byte map exactly; a run that was re-encoded (a "=41" escape, a base64 line)
// maps to its whole source range.
#pragma once

#include <cstddef>
#include <vector>

#include "inboxlint/report.hpp"

namespace inboxlint::core {

class OffsetMap {
public:
    // out[i] == in[in_offset + i] for i < size.
    static OffsetMap identity(std::size_t size, std::size_t in_offset = 0);

    // Appends `out_length` output bytes produced from input
    // [in_begin, in_begin + in_length). Equal lengths mean a byte-for-byte copy.
    // Inline: decoders call it for every escape and every run between them.
    void append(std::size_t out_length, std::size_t in_begin, std::size_t in_length) {
        if (out_length == 0) return;
        if (!segments_.empty()) {
            Segment& last = segments_.back();
            if (last.exact() && out_length == in_length && last.in_begin + last.in_length == in_begin) {
                last.out_length += out_length;
                last.in_length += in_length;
                out_size_ += out_length;
                return;
            }
        }
        segments_.push_back({out_size_, in_begin, out_length, in_length});
        out_size_ += out_length;
    }

    // The input range that produced output `out`; widened to whole segments
    // where the mapping is not byte for byte. An empty range maps to a point.
    [[nodiscard]] Span to_input(Span out) const noexcept;
    [[nodiscard]] std::size_t to_input(std::size_t out) const noexcept;

    [[nodiscard]] std::size_t output_size() const noexcept { return out_size_; }
    [[nodiscard]] bool empty() const noexcept { return segments_.empty(); }

private:
    struct Segment {
        std::size_t out_begin;
        std::size_t in_begin;
        std::size_t out_length;
        std::size_t in_length;
        [[nodiscard]] bool exact() const noexcept { return out_length == in_length; }
    };
    [[nodiscard]] const Segment* find(std::size_t out) const noexcept;

    std::vector<Segment> segments_;
    std::size_t out_size_ = 0;
};

}  // namespace inboxlint::core
