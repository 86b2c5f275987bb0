#include "html/line_breaks.hpp"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace inboxlint::html {
namespace {

// How many characters of `text` come before its end that `raw` makes, as
// gumbo reads `raw`; npos when `text` does not end so.
std::size_t unmatched_prefix(std::string_view text, std::string_view raw) noexcept {
    std::size_t t = text.size();
    for (std::size_t r = raw.size(); r-- > 0;) {
        char c = raw[r];
        if (c == '\r') {
            c = '\n';
        } else if (c == '\n' && r > 0 && raw[r - 1] == '\r') {
            --r;
        }
        if (t == 0 || text[t - 1] != c) return std::string_view::npos;
        --t;
    }
    return t;
}

// How many of the 16 bytes at `text` and `raw` are the same, and no CR,
// before the first that is not.
std::size_t same_bytes_before_cr(const char* text, const char* raw) noexcept {
#if defined(__SSE2__)
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(raw));
    const __m128i cr = _mm_cmpeq_epi8(b, _mm_set1_epi8('\r'));
    const unsigned same = static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(cr, _mm_cmpeq_epi8(a, b))));
    return static_cast<std::size_t>(std::countr_one(same));
#else
    std::size_t n = 0;
    while (n < 16 && text[n] == raw[n] && raw[n] != '\r') ++n;
    return n;
#endif
}

}  // namespace

// Sixteen bytes are copied and searched for CR at a time. Normalising only
// shrinks, so the write position never passes the read position and a block
// stored at it stays inside the room made for `raw`.
void append_normalised(std::string& out, std::string_view raw) {
    const std::size_t start = out.size();
    out.resize(start + raw.size());
    char* const first = out.data() + start;
    char* w = first;
    const char* r = raw.data();
    const char* const end = r + raw.size();
    while (r < end) {
#if defined(__SSE2__)
        while (end - r >= 16) {
            const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(r));
            _mm_storeu_si128(reinterpret_cast<__m128i*>(w), chunk);
            const auto cr = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('\r'))));
            if (cr != 0) {
                const auto before = static_cast<std::size_t>(std::countr_zero(cr));
                r += before;
                w += before;
                break;
            }
            r += 16;
            w += 16;
        }
#endif
        while (r < end && *r != '\r') *w++ = *r++;
        if (r == end) break;
        *w++ = '\n';
        ++r;
        if (r < end && *r == '\n') ++r;
    }
    out.resize(start + static_cast<std::size_t>(w - first));
}

bool ends_with_normalised(std::string_view text, std::string_view raw) noexcept {
    return unmatched_prefix(text, raw) != std::string_view::npos;
}

// Forward, 16 bytes at a time where both hold the same bytes and no CR:
// style sheets run to tens of kilobytes, with a CR LF every few dozen bytes.
bool equals_normalised(std::string_view text, std::string_view raw) noexcept {
    std::size_t t = 0;
    std::size_t r = 0;
    while (r < raw.size() && t < text.size()) {
        if (text.size() - t >= 16 && raw.size() - r >= 16) {
            const std::size_t same = same_bytes_before_cr(text.data() + t, raw.data() + r);
            t += same;
            r += same;
            if (same == 16) continue;
        }
        if (raw[r] == '\r') {
            if (text[t] != '\n') return false;
            r += r + 1 < raw.size() && raw[r + 1] == '\n' ? 2 : 1;
        } else if (raw[r] != text[t]) {
            return false;
        } else {
            ++r;
        }
        ++t;
    }
    return r == raw.size() && t == text.size();
}

}  // namespace inboxlint::html
