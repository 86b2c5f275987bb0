#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

#include "rules/subj/subject_text.hpp"

namespace inboxlint::checks {
namespace {

using subj::CodePoint;

bool in(char32_t c, char32_t lo, char32_t hi) noexcept { return c >= lo && c <= hi; }
bool has(char32_t c, UProperty p) noexcept { return u_hasBinaryProperty(static_cast<UChar32>(c), p) != 0; }
bool is_variation_selector(char32_t c) noexcept { return in(c, 0xFE00, 0xFE0F) || in(c, 0xE0100, 0xE01EF); }
bool is_rtl(char32_t c) noexcept {
    const UCharDirection d = u_charDirection(static_cast<UChar32>(c));
    return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
}

// ZWJ and ZWNJ are part of writing in Arabic, Persian and Indic scripts and
// of emoji sequences ("👨‍👩‍👧"): fine between two such characters.
bool joins(const CodePoint* before, const CodePoint* after) noexcept {
    const auto part = [](const CodePoint* cp) {
        if (!cp || cp->value < 0x80) return false;
        const auto c = static_cast<UChar32>(cp->value);
        return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0 || has(cp->value, UCHAR_EXTENDED_PICTOGRAPHIC) ||
               has(cp->value, UCHAR_EMOJI_MODIFIER) || is_variation_selector(cp->value);
    };
    return part(before) && part(after);
}

struct Context5 {
    bool rtl_text = false;      // the subject has right-to-left letters
    bool in_flag_tags = false;  // inside a tag sequence after U+1F3F4 (subdivision flags)
};

// What makes the character at cps[i] invisible, or empty when it is not, or
// is where it belongs.
std::string_view invisible_kind(const std::vector<CodePoint>& cps, std::size_t i, const Context5& state) {
    const char32_t c = cps[i].value;
    const CodePoint* before = i > 0 ? &cps[i - 1] : nullptr;
    const CodePoint* after = i + 1 < cps.size() ? &cps[i + 1] : nullptr;
    if (c == U'\t') return {};  // folding white space
    if (u_charType(static_cast<UChar32>(c)) == U_CONTROL_CHAR || c == 0x2028 || c == 0x2029) return "control character";
    if (c == 0x202D || c == 0x202E) return "bidirectional override";
    if (c == 0x061C || c == 0x200E || c == 0x200F || in(c, 0x202A, 0x202C) || in(c, 0x2066, 0x2069)) {
        return state.rtl_text ? std::string_view{} : "bidirectional control";
    }
    if (c == 0x200C || c == 0x200D) return joins(before, after) ? std::string_view{} : "zero-width joiner";
    if (c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x180E) return "zero-width character";
    if (c == 0x00AD) return "soft hyphen";
    if (is_variation_selector(c)) {
        const bool attached = before && !u_isUWhiteSpace(static_cast<UChar32>(before->value)) &&
                              !is_variation_selector(before->value) &&
                              !has(before->value, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
        return attached ? std::string_view{} : "variation selector";
    }
    if (in(c, 0xE0000, 0xE007F)) return state.in_flag_tags ? std::string_view{} : "tag character";
    if (in(c, 0x180B, 0x180F)) {
        const bool mongolian =
            before && uscript_getScript(static_cast<UChar32>(before->value), nullptr) == USCRIPT_MONGOLIAN;
        return mongolian ? std::string_view{} : "Mongolian variation selector";
    }
    if (c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0) return "Hangul filler";
    if (has(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return "invisible formatting character";
    return {};
}

}  // namespace

void check_subj005_invisible_characters(Context& ctx) {
    const mime::DecodedHeader* subject = subj::decoded_subject(ctx.message());
    if (!subject) return;
    const std::vector<CodePoint> cps = subj::code_points(subject->text);
    Context5 state;
    state.rtl_text = std::any_of(cps.begin(), cps.end(), [](const CodePoint& cp) { return is_rtl(cp.value); });
    std::vector<std::string_view> kinds(cps.size());
    for (std::size_t i = 0; i < cps.size(); ++i) {
        kinds[i] = invisible_kind(cps, i, state);
        state.in_flag_tags = cps[i].value == 0x1F3F4 || (state.in_flag_tags && in(cps[i].value, 0xE0020, 0xE007E));
    }
    // One finding per run of adjacent invisible characters.
    constexpr std::size_t max_listed = 32;
    for (std::size_t i = 0; i < cps.size();) {
        if (kinds[i].empty()) {
            ++i;
            continue;
        }
        const std::size_t first = i;
        std::string list;
        std::string names;
        for (; i < cps.size() && !kinds[i].empty(); ++i) {
            if (i - first >= max_listed) continue;  // a flood of them is counted, not listed
            const std::string described = subj::describe(cps[i].value);
            list += (list.empty() ? "" : " ") + described.substr(0, described.find(' '));
            if (i - first < 3) names += (names.empty() ? "" : ", ") + described;
        }
        const std::size_t count = i - first;
        if (count > 3) names += ", ...";
        if (count > max_listed) list += " ...";
        Finding& f = subj::report_range(ctx, *subject, {cps[first].begin, cps[i - 1].end},
                                        std::to_string(count) + " invisible character" + (count == 1 ? "" : "s") +
                                            " in the Subject (" + std::string(kinds[first]) + "): " + names);
        f.properties.push_back({"kind", std::string(kinds[first])});
        f.properties.push_back({"code_points", list});
    }
}

}  // namespace inboxlint::checks
