#include "html/cuts.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "html/line_breaks.hpp"

namespace inboxlint::html {
namespace {

constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Code points gumbo's UTF-8 reader replaces with U+FFFD and reports
// (utf8_is_invalid_code_point in gumbo 0.10.1's src/utf8.c), NUL added: the
// tokenizer reports that one.
constexpr bool gumbo_rejects(char32_t c) noexcept {
    return c <= 0x8 || c == 0xB || (c >= 0xE && c <= 0x1F) || (c >= 0x7F && c <= 0x9F) ||
           (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

// The ASCII bytes gumbo reads without an error, and passes on unchanged in
// an attribute value: printable ASCII and TAB, LF, FF, CR (CR is changed,
// and '&' starts a character reference: the callers look for those).
constexpr bool plain_ascii(unsigned char c) noexcept {
    return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// Whether the 16 bytes at p are all printable ASCII, other than `avoid`
// (they are the common case: one test for a block instead of sixteen).
bool printable_block(const char* p, char avoid) noexcept {
#if defined(__SSE2__)
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed: bytes of 0x80 and up are negative, below ' ' like controls.
    const __m128i below = _mm_cmplt_epi8(chunk, _mm_set1_epi8(' '));
    const __m128i del = _mm_cmpeq_epi8(chunk, _mm_set1_epi8(0x7F));
    const __m128i avoided = _mm_cmpeq_epi8(chunk, _mm_set1_epi8(avoid));
    return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(below, del), avoided)) == 0;
#else
    for (int i = 0; i < 16; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c < 0x20 || c >= 0x7F || p[i] == avoid) return false;
    }
    return true;
#endif
}

// Whether the 16 bytes at p are all plain characters of a text run: printable
// ASCII or TAB, LF, FF, CR, other than '&' and '<' (runs of indentation
// hold line breaks and tabs, which printable_block turns away).
bool plain_text_block(const char* p) noexcept {
#if defined(__SSE2__)
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const auto is = [&chunk](char c) { return _mm_cmpeq_epi8(chunk, _mm_set1_epi8(c)); };
    // Signed: bytes of 0x80 and up are negative, below ' ' like controls.
    const __m128i below = _mm_cmplt_epi8(chunk, _mm_set1_epi8(' '));
    const __m128i spaces = _mm_or_si128(_mm_or_si128(is('\t'), is('\n')), _mm_or_si128(is('\f'), is('\r')));
    const __m128i refused = _mm_or_si128(_mm_or_si128(is('\x7F'), is('&')), is('<'));
    return _mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(spaces, below), refused)) == 0;
#else
    for (int i = 0; i < 16; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (!plain_ascii(c) || c == '&' || c == '<') return false;
    }
    return true;
#endif
}

// Whether gumbo reads every character of `content` without a parse error,
// and, for an attribute `value`, gives it as its bytes: no character
// reference, no CR (normalised to LF).
bool reads_cleanly(std::string_view content, bool value) noexcept {
    const char avoid = value ? '&' : '\x7F';  // DEL is rejected anyway
    std::size_t i = 0;
    while (i < content.size()) {
        if (i + 16 <= content.size() && printable_block(content.data() + i, avoid)) {
            i += 16;
            continue;
        }
        const auto c = static_cast<unsigned char>(content[i]);
        if (c < 0x80) {
            if (!plain_ascii(c) || (value && (c == '&' || c == '\r'))) return false;
            ++i;
            continue;
        }
        const core::DecodedCodePoint d = core::decode_utf8_sequence(content, i);
        if (!d.valid || gumbo_rejects(d.code_point)) return false;
        i += d.length;
    }
    return true;
}

// Whether `text` at `at` holds a whole "</style>" end tag (white space
// allowed before the '>'; attributes or a '/' are left to gumbo).
bool whole_end_tag(std::string_view text, std::size_t at) noexcept {
    constexpr std::string_view open = "</style";
    if (text.size() - at < open.size() || !core::iequals(text.substr(at, open.size()), open)) return false;
    std::size_t i = at + open.size();
    while (i < text.size() && is_space(text[i])) ++i;
    return i < text.size() && text[i] == '>';
}

// Where the last stretch of `run` that gumbo reads as plain characters
// starts: after its last byte gumbo reports or changes ('<', '&' and the
// character reference after it, a NUL, a control character, invalid UTF-8,
// a noncharacter). CR is plain here: the cut normalises it.
std::size_t plain_tail(std::string_view run) noexcept {
    std::size_t from = 0;
    std::size_t i = 0;
    while (i < run.size()) {
        if (i + 16 <= run.size() && plain_text_block(run.data() + i)) {
            i += 16;
            continue;
        }
        const auto c = static_cast<unsigned char>(run[i]);
        if (c < 0x80) {
            ++i;
            if (c == '&') {
                // A character reference: '#', letters and digits, ';'.
                while (i < run.size() && (core::is_alnum(run[i]) || run[i] == '#' || run[i] == ';')) ++i;
                from = i;
            } else if (!plain_ascii(c) || c == '<') {
                from = i;
            }
            continue;
        }
        const core::DecodedCodePoint d = core::decode_utf8_sequence(run, i);
        i += d.valid ? d.length : 1;
        if (!d.valid || gumbo_rejects(d.code_point)) from = i;
    }
    return from;
}

// The length of the character at run[i]: a UTF-8 sequence (valid: the run
// is plain from i), or CR LF, which gumbo reads as one LF.
std::size_t character_length(std::string_view run, std::size_t i) noexcept {
    const auto c = static_cast<unsigned char>(run[i]);
    if (c == '\r') return i + 1 < run.size() && run[i + 1] == '\n' ? 2 : 1;
    if (c < 0x80) return 1;
    return core::decode_utf8_sequence(run, i).length;
}

// How much of the plain tail run[from, end) gumbo must still read: its
// first character, and up to its first character other than white space
// when the rest holds one (the tree builder acts on the first character of
// a run and on the first that is not white space; every later one is
// appended where those went). 0 when nothing is left to cut.
std::size_t kept_length(std::string_view tail) noexcept {
    if (tail.empty()) return 0;
    std::size_t kept = character_length(tail, 0);
    if (is_space(tail[0])) {
        std::size_t i = kept;
        while (i < tail.size() && is_space(tail[i])) ++i;  // one byte each
        if (i < tail.size()) kept = i + character_length(tail, i);
    }
    return kept < tail.size() ? kept : 0;
}

}  // namespace

static_assert(sizeof(Cut) <= 20, "a cut per attribute value and text run: keep it small");

Cuts::Cuts(std::string& buffer, std::string_view text, const std::vector<ApartSource>& sources, bool css,
           bool character_data)
    : text_(text) {
    if (text.size() > std::numeric_limits<std::uint32_t>::max()) return;  // read whole: slower, not wrong
    std::size_t kept_from = 0;                                            // the next byte to keep, in the text
    std::size_t write = 0;                                                // where it goes, in the buffer
    // Sized once: growing by doubling left up to half the array unused while
    // gumbo's tree, the peak, was alive.
    const auto eligible = std::count_if(sources.begin(), sources.end(), [&](const ApartSource& source) {
        return source.kind == SourceKind::text ? character_data : css;
    });
    cuts_.reserve(static_cast<std::size_t>(eligible));
    for (const ApartSource& source : sources) {
        std::size_t begin = source.begin;
        const std::size_t end = source.end;
        if (begin < kept_from || end <= begin || end > buffer.size()) continue;
        if (!(source.kind == SourceKind::text ? character_data : css)) continue;
        std::size_t kept_at = begin;  // character data gumbo still reads
        if (source.kind == SourceKind::text) {
            const std::string_view run = text.substr(begin, end - begin);
            kept_at += plain_tail(run);
            const std::size_t kept = kept_length(text.substr(kept_at, end - kept_at));
            if (kept == 0) continue;
            begin = kept_at + kept;
        } else {
            const bool attribute =
                source.kind == SourceKind::style_attribute || source.kind == SourceKind::attribute_value;
            if (!reads_cleanly(text.substr(begin, end - begin), attribute)) continue;
            if (!attribute && !whole_end_tag(std::string_view(buffer), end)) continue;
        }
        std::memmove(buffer.data() + write, buffer.data() + kept_from, begin - kept_from);
        write += begin - kept_from;
        const auto offset = [](std::size_t at) { return static_cast<std::uint32_t>(at); };
        cuts_.push_back({offset(write), offset(begin), offset(end), offset(kept_at), source.kind});
        kept_from = end;
    }
    if (cuts_.empty()) return;
    std::memmove(buffer.data() + write, buffer.data() + kept_from, buffer.size() - kept_from);
    buffer.resize(write + buffer.size() - kept_from);
}

// The index of the last cut at or before buffer_offset, plus one (0: none).
std::size_t Cuts::cut_before(std::size_t buffer_offset) const noexcept {
    const auto fits = [&](std::size_t i) {  // cuts_[0..i) are at or before, cuts_[i..] after
        return (i == 0 || cuts_[i - 1].buffer_at <= buffer_offset) &&
               (i == cuts_.size() || buffer_offset < cuts_[i].buffer_at);
    };
    if (fits(hint_)) return hint_;
    if (hint_ < cuts_.size() && fits(hint_ + 1)) return ++hint_;
    const auto after = std::upper_bound(cuts_.begin(), cuts_.end(), buffer_offset,
                                        [](std::size_t b, const Cut& c) { return b < c.buffer_at; });
    hint_ = static_cast<std::size_t>(after - cuts_.begin());
    return hint_;
}

std::size_t Cuts::text_offset(std::size_t buffer_offset) const noexcept {
    const std::size_t before = cut_before(buffer_offset);
    if (before == 0) return buffer_offset;
    // The buffer offset where a cut's content was stands for the text offset
    // where it ends: the difference is what this cut and those before took out.
    const Cut& last = cuts_[before - 1];
    return buffer_offset + (std::size_t{last.content_end} - last.buffer_at);
}

std::string Cuts::restore(std::string_view piece, std::size_t buffer_offset) const {
    std::string out;
    std::size_t from = 0;
    for (std::size_t i = cut_before(buffer_offset); i < cuts_.size(); ++i) {
        const std::size_t at = std::size_t{cuts_[i].buffer_at} - buffer_offset;  // cuts_[i] lies after buffer_offset
        if (at >= piece.size()) break;
        out.append(piece.substr(from, at - from));
        out.append(content(cuts_[i]));
        from = at;
    }
    out.append(piece.substr(from));
    return out;
}

const Cut* Cuts::at(std::size_t buffer_offset) const noexcept {
    const std::size_t before = cut_before(buffer_offset);
    // Cuts share a buffer offset only when one is empty, which none is.
    return before > 0 && cuts_[before - 1].buffer_at == buffer_offset ? &cuts_[before - 1] : nullptr;
}

SheetText Cuts::text_node(const Cut& cut) const {
    const std::string_view sheet = content(cut);
    SheetText out;
    out.span = cut.content();
    // gumbo's reader steps over the CR of a CR LF before the token starts.
    if (sheet.starts_with("\r\n")) ++out.span.begin;
    out.whitespace = std::all_of(sheet.begin(), sheet.end(), is_space);
    out.text.reserve(sheet.size());
    append_normalised(out.text, sheet);
    return out;
}

bool Cuts::restore_text(const Cut& cut, std::size_t node_from, std::string_view text, std::string& out) const {
    // gumbo may start the node inside the kept characters: after a line
    // feed it drops (the first in a <pre>), after white space it drops
    // before <html>, or after a CR it steps over.
    const std::size_t from = std::max<std::size_t>(cut.kept_from, node_from);
    if (from >= cut.content_begin) return false;
    if (!ends_with_normalised(text, text_.substr(from, cut.content_begin - from))) return false;
    out.reserve(text.size() + cut.content_end - cut.content_begin);
    out.assign(text);
    append_normalised(out, content(cut));
    return true;
}

}  // namespace inboxlint::html
