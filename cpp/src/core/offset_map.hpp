// Maps offsets in a derived text (transfer-decoded bytes, UTF-8 after charset
// conversion) back to offsets in the text it came from. Runs copied byte for
// byte map exactly; a run that was re-encoded (a "=41" escape, a base64 line)
// maps to its whole source range.
#pragma once

#include <cstddef>
#include <cstdint>
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
            // A copy or an escape right after a copy, in the output and in the
            // input, joins its segment: quoted-printable HTML has an escape in
            // every attribute, and a segment per run and per escape took twice
            // the decoded text's size.
            if (last.out_tail == 0 && last.in_begin + last.exact == in_begin && out_length <= max_length) {
                if (out_length == in_length && out_length <= max_length - last.exact) {
                    last.exact += static_cast<std::uint32_t>(out_length);
                    out_size_ += out_length;
                    return;
                }
                if (out_length != in_length) {
                    last.out_tail = static_cast<std::uint32_t>(out_length);
                    last.in_tail = in_length;
                    out_size_ += out_length;
                    return;
                }
            }
        }
        append_segments(out_length, in_begin, in_length);
    }

    // The input range that produced output `out`; widened to whole segments
    // where the mapping is not byte for byte. An empty range maps to a point.
    [[nodiscard]] Span to_input(Span out) const noexcept;
    [[nodiscard]] std::size_t to_input(std::size_t out) const noexcept;

    // Gives back the room growth left, once the map is complete, when that is
    // worth a copy: a large part's map stays alive through the HTML parse,
    // the peak of a lint.
    void shrink_to_fit() {
        if ((segments_.capacity() - segments_.size()) * sizeof(Segment) >= worth_giving_back) segments_.shrink_to_fit();
    }

    [[nodiscard]] std::size_t output_size() const noexcept { return out_size_; }
    [[nodiscard]] bool empty() const noexcept { return segments_.empty(); }

private:
    static constexpr std::size_t max_length = UINT32_MAX;
    static constexpr std::size_t worth_giving_back = 64 * 1024;  // bytes

    // Output [out_begin, out_begin + exact) copies input [in_begin, in_begin +
    // exact) byte for byte; the `out_tail` output bytes after it come from the
    // input [in_begin + exact, in_begin + exact + in_tail) as a whole.
    struct Segment {
        std::size_t out_begin;
        std::size_t in_begin;
        std::uint32_t exact;
        std::uint32_t out_tail;
        std::size_t in_tail;
    };
    void append_segments(std::size_t out_length, std::size_t in_begin, std::size_t in_length);
    [[nodiscard]] const Segment* find(std::size_t out) const noexcept;

    std::vector<Segment> segments_;
    std::size_t out_size_ = 0;
};

}  // namespace inboxlint::core
