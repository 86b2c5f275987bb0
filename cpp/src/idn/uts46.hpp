// UTS #46 (Unicode IDNA Compatibility Processing) through ICU, always
// nontransitional with CheckBidi and CheckJoiners. Two uses differ in how
// strict they are:
//  - `Profile::url`: the WHATWG URL Standard's "domain to ASCII" with
//    beStrict = false (no STD3 rules, CheckHyphens and VerifyDnsLength off):
//    what a browser, and so a mail client, does with a link host;
//  - `Profile::mail`: the UTS #46 defaults plus STD3 rules and DNS lengths,
//    which is what a domain of a mail address or a DKIM d= must pass.
// ICU reports IDNA errors in UIDNAInfo.errors while the UErrorCode stays
// success, and produces output (with U+FFFD) even then: `errors` is the truth.
// The ICU objects are opened once and shared; every function is thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace inboxlint::idn {

enum class Profile { url, mail };

struct Options {
    bool std3_rules = false;         // UseSTD3ASCIIRules (letters, digits, hyphen only)
    bool check_hyphens = false;      // CheckHyphens (no leading, trailing, or "--" at 3-4)
    bool verify_dns_length = false;  // VerifyDnsLength (toASCII only: label 1..63, name <= 253)
    bool transitional = false;       // Transitional_Processing (ß -> ss); never used for mail or links

    static Options of(Profile profile) noexcept;
};

// UIDNA_ERROR_* bits (unicode/uidna.h), after removing the ones the options
// switch off. Mirrored here so that callers need no ICU header.
namespace error {
constexpr std::uint32_t empty_label = 0x1;
constexpr std::uint32_t label_too_long = 0x2;
constexpr std::uint32_t domain_name_too_long = 0x4;
constexpr std::uint32_t leading_hyphen = 0x8;
constexpr std::uint32_t trailing_hyphen = 0x10;
constexpr std::uint32_t hyphen_3_4 = 0x20;
constexpr std::uint32_t leading_combining_mark = 0x40;
constexpr std::uint32_t disallowed = 0x80;
constexpr std::uint32_t punycode = 0x100;
constexpr std::uint32_t label_has_dot = 0x200;
constexpr std::uint32_t invalid_ace_label = 0x400;
constexpr std::uint32_t bidi = 0x800;
constexpr std::uint32_t contextj = 0x1000;
// Not ICU's: the input was too long to hand to ICU, or ICU itself failed.
constexpr std::uint32_t internal = 0x80000000u;
}  // namespace error

struct Uts46Result {
    std::string text;          // the converted name (UTF-8); may hold U+FFFD where errors are
    std::uint32_t errors = 0;  // error:: bits

    [[nodiscard]] bool ok() const noexcept { return errors == 0; }
};

// UTS #46 ToASCII and ToUnicode of a whole domain name (UTF-8 in and out).
Uts46Result to_ascii(std::string_view name, const Options& options);
Uts46Result to_unicode(std::string_view name, const Options& options);
inline Uts46Result to_ascii(std::string_view name, Profile profile) { return to_ascii(name, Options::of(profile)); }
inline Uts46Result to_unicode(std::string_view name, Profile profile) { return to_unicode(name, Options::of(profile)); }

// Stable names of the error bits ("disallowed", "bidi", "contextj", ...).
std::vector<std::string_view> error_names(std::uint32_t errors);
// The UTS #46 section an error bit comes from, for finding messages.
std::string_view error_description(std::uint32_t error_bit);

}  // namespace inboxlint::idn
