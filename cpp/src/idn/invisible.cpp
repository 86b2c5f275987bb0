#include "idn/invisible.hpp"

#include <unicode/uchar.h>

#include <array>
#include <cstdio>

#include "core/utf8.hpp"

namespace inboxlint::idn {
namespace {

bool is_ascii_word(char32_t cp) noexcept { return cp > 0x20 && cp < 0x7F; }

bool is_joiner(char32_t cp) noexcept { return cp == 0x200C || cp == 0x200D; }

bool is_variation_selector(char32_t cp) noexcept {
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0x180B && cp <= 0x180D) ||
           cp == 0x180F;
}

bool is_tag(char32_t cp) noexcept { return cp >= 0xE0000 && cp <= 0xE007F; }

bool is_suspect(char32_t prev, char32_t cp, char32_t next, InvisibleContext context) {
    if (is_bidi_control(cp)) return true;
    if (u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT) == 0) return false;
    if (context == InvisibleContext::name) return true;
    // In text: a soft hyphen is a line-break hint (long words and URLs in
    // narrow columns); joiners, variation selectors and tags have legitimate uses
    // (emoji sequences, scripts that need joiners); between ASCII characters
    // they only split a word for the eye or for a filter.
    if (cp == 0x00AD) return false;
    if (is_joiner(cp)) return is_ascii_word(prev) && is_ascii_word(next);
    if (is_variation_selector(cp) || is_tag(cp)) return is_ascii_word(prev);
    return true;
}

}  // namespace

bool is_bidi_control(char32_t cp) noexcept {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

std::vector<InvisibleChar> find_invisible(std::string_view utf8, InvisibleContext context, std::size_t limit) {
    std::vector<InvisibleChar> out;
    char32_t prev = 0;
    std::size_t i = 0;
    auto current = utf8.empty() ? core::DecodedCodePoint{} : core::decode_utf8(utf8, 0);
    while (i < utf8.size() && out.size() < limit) {
        const std::size_t next_pos = i + current.length;
        const auto next = next_pos < utf8.size() ? core::decode_utf8(utf8, next_pos) : core::DecodedCodePoint{};
        if (current.code_point >= 0x80 && is_suspect(prev, current.code_point, next.code_point, context))
            out.push_back({i, current.length, current.code_point});
        prev = current.code_point;
        current = next;
        i = next_pos;
    }
    return out;
}

std::string describe_code_point(char32_t cp) {
    std::array<char, 16> number{};
    std::snprintf(number.data(), number.size(), "U+%04X", static_cast<unsigned>(cp));
    std::array<char, 128> name{};
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n = u_charName(static_cast<UChar32>(cp), U_UNICODE_CHAR_NAME, name.data(),
                                 static_cast<int32_t>(name.size()), &status);
    std::string out = number.data();
    if (U_SUCCESS(status) && n > 0) out += " " + std::string(name.data(), static_cast<std::size_t>(n));
    return out;
}

}  // namespace inboxlint::idn
