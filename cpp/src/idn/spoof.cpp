#include "idn/spoof.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/uspoof.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>

#include "core/utf8.hpp"

namespace inboxlint::idn {
namespace {

// Labels are at most 63 octets in DNS; a longer one is still checked, but
// the skeleton buffer grows with it (skeletons expand up to a few times).
constexpr std::size_t max_label = 4096;

class Checker {
public:
    Checker() {
        UErrorCode status = U_ZERO_ERROR;
        allowed_ = uset_openEmpty();
        uset_addAll(allowed_, uspoof_getRecommendedSet(&status));
        uset_addAll(allowed_, uspoof_getInclusionSet(&status));
        uset_freeze(allowed_);
        checker_ = uspoof_open(&status);
        uspoof_setChecks(checker_,
                         USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_NUMBERS | USPOOF_INVISIBLE | USPOOF_HIDDEN_OVERLAY,
                         &status);
        uspoof_setRestrictionLevel(checker_, USPOOF_HIGHLY_RESTRICTIVE);
        uspoof_setAllowedChars(checker_, allowed_, &status);
        if (U_FAILURE(status)) {
            uspoof_close(checker_);
            checker_ = nullptr;
        }
    }
    ~Checker() {
        if (checker_ != nullptr) uspoof_close(checker_);
        uset_close(allowed_);
    }
    Checker(const Checker&) = delete;
    Checker& operator=(const Checker&) = delete;

    [[nodiscard]] const USpoofChecker* get() const noexcept { return checker_; }
    [[nodiscard]] bool allowed(char32_t cp) const noexcept {
        return uset_contains(allowed_, static_cast<UChar32>(cp)) != 0;
    }

private:
    USet* allowed_ = nullptr;
    USpoofChecker* checker_ = nullptr;
};

const Checker& checker() {
    static const Checker shared;
    return shared;
}

struct CheckResultDeleter {
    void operator()(USpoofCheckResult* r) const noexcept { uspoof_closeCheckResult(r); }
};

RestrictionLevel level_of(URestrictionLevel level) {
    switch (level) {
        case USPOOF_ASCII:
            return RestrictionLevel::ascii;
        case USPOOF_SINGLE_SCRIPT_RESTRICTIVE:
            return RestrictionLevel::single_script;
        case USPOOF_HIGHLY_RESTRICTIVE:
            return RestrictionLevel::highly_restrictive;
        case USPOOF_MODERATELY_RESTRICTIVE:
            return RestrictionLevel::moderately_restrictive;
        case USPOOF_MINIMALLY_RESTRICTIVE:
            return RestrictionLevel::minimally_restrictive;
        default:
            return RestrictionLevel::unrestrictive;
    }
}

std::string code_point_name(char32_t cp) {
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "U+%04X", static_cast<unsigned>(cp));
    return buffer.data();
}

std::string skeleton(std::string_view text) {
    const USpoofChecker* sc = checker().get();
    if (sc == nullptr || text.size() > max_label) return {};
    std::string out(text.size() * 4 + 16, '\0');
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n = uspoof_getSkeletonUTF8(sc, 0, text.data(), static_cast<int32_t>(text.size()), out.data(),
                                             static_cast<int32_t>(out.size()), &status);
    if (U_FAILURE(status)) return {};
    out.resize(static_cast<std::size_t>(n));
    return out;
}

bool is_ldh(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// What a reader sees for a character whose skeleton is not the letter it
// looks like. confusables.txt maps CYRILLIC (SMALL) LETTER PALOCHKA to "i"
// (its prototype chain runs through dotless "ı"), but the glyph is a bare
// vertical stroke: "аррӏе" reads as "apple", and uspoof_areConfusable with
// "apple" says no. Only the readable `looks_like` uses this; detection does not.
char readable_override(char32_t cp) {
    switch (cp) {
        case 0x04CF:  // ӏ CYRILLIC SMALL LETTER PALOCHKA
        case 0x04C0:  // Ӏ CYRILLIC LETTER PALOCHKA
            return 'l';
        default:
            return 0;
    }
}

std::string readable_lookalike(std::string_view label) {
    std::string out;
    for (std::size_t i = 0; i < label.size();) {
        const auto d = core::decode_utf8(label, i);
        if (d.code_point < 0x80) {
            out.push_back(static_cast<char>(d.code_point));
        } else if (const char c = readable_override(d.code_point); c != 0) {
            out.push_back(c);
        } else {
            out += skeleton(label.substr(i, d.length));
        }
        i += d.length;
    }
    return out;
}

// Country-code and script TLDs under which a whole-script label of that
// script is the local norm (browsers show such names in Unicode).
bool tld_matches_script(std::string_view tld, const std::vector<std::string>& scripts) {
    static constexpr std::array<std::string_view, 19> cyrillic{
        "ru", "su", "by",       "bg",        "kz",       "kg",        "tj",          "ua",        "mk",       "rs",
        "mn", "uz", "xn--p1ai", "xn--p1acf", "xn--90ae", "xn--90ais", "xn--80ao21a", "xn--j1amh", "xn--d1alf"};
    static constexpr std::array<std::string_view, 4> greek{"gr", "cy", "xn--qxam", "xn--qxa6a"};
    if (scripts.size() != 1) return false;
    if (scripts[0] == "Cyrillic") return std::find(cyrillic.begin(), cyrillic.end(), tld) != cyrillic.end();
    if (scripts[0] == "Greek") return std::find(greek.begin(), greek.end(), tld) != greek.end();
    return false;
}

void run_icu_checks(std::string_view label, LabelCheck& out) {
    const USpoofChecker* sc = checker().get();
    if (sc == nullptr || label.size() > max_label) {
        out.level = RestrictionLevel::unrestrictive;
        return;
    }
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<USpoofCheckResult, CheckResultDeleter> result(uspoof_openCheckResult(&status));
    const int32_t checks =
        uspoof_check2UTF8(sc, label.data(), static_cast<int32_t>(label.size()), result.get(), &status);
    if (U_FAILURE(status)) {
        out.level = RestrictionLevel::unrestrictive;
        return;
    }
    out.level = level_of(uspoof_getCheckResultRestrictionLevel(result.get(), &status));
    out.invisible = (checks & USPOOF_INVISIBLE) != 0;
    out.hidden_overlay = (checks & USPOOF_HIDDEN_OVERLAY) != 0;
    const USet* numerics = uspoof_getCheckResultNumerics(result.get(), &status);
    if (U_SUCCESS(status) && numerics != nullptr) {
        const int32_t n = uset_size(numerics);
        out.mixed_numbers = n > 1;
        for (int32_t i = 0; i < n && n > 1; ++i) {
            std::string zero;
            core::append_utf8(zero, static_cast<char32_t>(uset_charAt(numerics, i)));
            out.number_systems.push_back(std::move(zero));
        }
    }
}

}  // namespace

std::vector<std::string> scripts_of(std::string_view utf8) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto d = core::decode_utf8(utf8, i);
        i += d.length;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(static_cast<UChar32>(d.code_point), &status);
        if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED || script == USCRIPT_UNKNOWN)
            continue;
        std::string name = uscript_getName(script);
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    }
    std::sort(out.begin(), out.end());
    return out;
}

LabelCheck check_label(std::string_view label, std::string_view tld) {
    LabelCheck out;
    out.label = std::string(label);
    out.scripts = scripts_of(label);
    bool non_ascii = false;
    for (std::size_t i = 0; i < label.size();) {
        const auto d = core::decode_utf8(label, i);
        i += d.length;
        non_ascii = non_ascii || d.code_point >= 0x80;
        if (!checker().allowed(d.code_point)) out.outside_profile.push_back(code_point_name(d.code_point));
    }
    run_icu_checks(label, out);
    if (!non_ascii || !is_ldh(skeleton(label))) return out;
    if (out.scripts.size() > 1) {
        out.lookalike = Lookalike::mixed_script;
    } else if (out.scripts.size() == 1 && out.scripts[0] == "Latin") {
        out.lookalike = Lookalike::single_script;
    } else if (!tld_matches_script(tld, out.scripts)) {
        out.lookalike = Lookalike::whole_script;
    }
    if (out.lookalike != Lookalike::none) out.looks_like = readable_lookalike(label);
    return out;
}

std::string_view to_string(RestrictionLevel level) noexcept {
    switch (level) {
        case RestrictionLevel::ascii:
            return "ascii";
        case RestrictionLevel::single_script:
            return "single-script";
        case RestrictionLevel::highly_restrictive:
            return "highly-restrictive";
        case RestrictionLevel::moderately_restrictive:
            return "moderately-restrictive";
        case RestrictionLevel::minimally_restrictive:
            return "minimally-restrictive";
        case RestrictionLevel::unrestrictive:
            return "unrestricted";
    }
    return "unrestricted";
}

std::string_view to_string(Lookalike lookalike) noexcept {
    switch (lookalike) {
        case Lookalike::none:
            return "none";
        case Lookalike::whole_script:
            return "whole-script";
        case Lookalike::single_script:
            return "single-script";
        case Lookalike::mixed_script:
            return "mixed-script";
    }
    return "none";
}

}  // namespace inboxlint::idn
