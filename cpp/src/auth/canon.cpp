#include "auth/canon.hpp"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/ascii.hpp"

namespace inboxlint::auth {
namespace {

// Copies text with every bare LF turned into CRLF.
void append_crlf_lines(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out.push_back('\r');
        out.push_back(text[i]);
    }
}

// Relaxed: line breaks of folding removed, runs of WSP made one SP, WSP at
// the start and end of the value removed.
void append_relaxed_value(std::string& out, std::string_view value) {
    bool pending_space = false;
    bool started = false;
    for (char c : value) {
        if (c == '\r' || c == '\n') continue;
        if (core::is_wsp(c)) {
            pending_space = started;
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        started = true;
        out.push_back(c);
    }
}

// A body line without the WSP at its end (relaxed drops it).
std::string_view without_trailing_wsp(std::string_view line) {
    std::size_t end = line.size();
    while (end > 0 && core::is_wsp(line[end - 1])) --end;
    return line.substr(0, end);
}

// Where the copy of a relaxed line must stop, at or after `i`: a tab, or a SP
// followed by WSP; line.size() when nowhere. line.back() is not WSP, so a
// SP before the end has a byte after it. Sixteen bytes at a time, with the
// byte after each from a second load one byte on.
std::size_t next_interruption(std::string_view line, std::size_t i) noexcept {
    const std::size_t end = line.size();
#if defined(__SSE2__)
    const __m128i sp = _mm_set1_epi8(' ');
    const __m128i tab = _mm_set1_epi8('\t');
    while (i + 17 <= end) {
        const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
        const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i + 1));
        const __m128i next_wsp = _mm_or_si128(_mm_cmpeq_epi8(next, sp), _mm_cmpeq_epi8(next, tab));
        const __m128i stop = _mm_or_si128(_mm_cmpeq_epi8(here, tab), _mm_and_si128(_mm_cmpeq_epi8(here, sp), next_wsp));
        const auto hits = static_cast<unsigned>(_mm_movemask_epi8(stop));
        if (hits != 0) return i + static_cast<std::size_t>(std::countr_zero(hits));
        i += 16;
    }
#endif
    while (i < end && (!core::is_wsp(line[i]) || (line[i] == ' ' && !core::is_wsp(line[i + 1])))) ++i;
    return i;
}

// One body line (without its break and trailing WSP) in relaxed form: WSP
// runs become one SP. A single SP between words stays as it is, so a line
// of prose is copied in one piece (bodies are large and hashed in full);
// only a tab or a run of WSP interrupts the copy.
void append_relaxed_line(std::string& out, std::string_view line) {
    const std::size_t end = line.size();
    std::size_t run = 0;  // the start of the bytes copied as they are
    for (std::size_t i = next_interruption(line, 0); i < end; i = next_interruption(line, i)) {
        out.append(line.substr(run, i - run));
        while (i < end && core::is_wsp(line[i])) ++i;
        out.push_back(' ');
        run = i;
    }
    out.append(line.substr(run, end - run));
}

}  // namespace

void canonicalize_header(std::string& out, std::string_view field, std::size_t name_end, std::size_t value_begin,
                         Canonicalization canon) {
    if (canon != Canonicalization::relaxed) {
        append_crlf_lines(out, field);
        return;
    }
    for (char c : field.substr(0, name_end)) out.push_back(core::to_lower(c));
    // The name may be followed by WSP before the colon; relaxed drops it.
    while (!out.empty() && core::is_wsp(out.back())) out.pop_back();
    out.push_back(':');
    append_relaxed_value(out, field.substr(std::min(value_begin, field.size())));
}

std::string canonicalize_body(std::string_view body, Canonicalization canon) {
    std::string out;
    out.reserve(body.size() + body.size() / 32);
    std::size_t empty_lines = 0;  // held back: empty lines at the end are dropped
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t lf = body.find('\n', pos);
        const bool last = lf == std::string_view::npos;
        std::size_t end = last ? body.size() : lf;
        const std::size_t next = last ? body.size() : lf + 1;
        if (!last && end > pos && body[end - 1] == '\r') --end;
        std::string_view line = body.substr(pos, end - pos);
        if (canon == Canonicalization::relaxed) line = without_trailing_wsp(line);
        if (line.empty()) {
            ++empty_lines;
        } else {
            // A line with content: the empty lines before it are real.
            for (; empty_lines > 0; --empty_lines) out.append("\r\n");
            if (canon == Canonicalization::relaxed)
                append_relaxed_line(out, line);
            else
                out.append(line);
            out.append("\r\n");
        }
        pos = next;
    }
    // RFC 6376 3.4.3: an empty body is one CRLF in simple; 3.4.4 (with
    // erratum 3133): nothing in relaxed.
    if (out.empty() && canon != Canonicalization::relaxed) out = "\r\n";
    return out;
}

}  // namespace inboxlint::auth
