// UTS #39 checks of domain labels through ICU's spoof checker.
//
// The restriction level (UTS #39 section 5.2) is computed per label: over a
// whole name it would call every Cyrillic name under .com mixed-script. ICU
// only follows section 5.2 step 1 ("not in the identifier profile" means
// unrestricted) when the allowed set is the identifier profile, so the
// checker is given the recommended and inclusion sets (Identifier_Status
// Allowed) as its allowed characters.
//
// A label can pass per label and still imitate an ASCII name: all-Cyrillic
// "аррӏе" is single-script. `ascii_lookalike` catches those: a label with
// non-ASCII characters whose UTS #39 skeleton is letters, digits and hyphens
// only is indistinguishable from that ASCII label.
//
// The checker is set up once and shared by every thread (ICU's check
// functions take it const); results are per call.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace inboxlint::idn {

enum class RestrictionLevel {
    ascii,
    single_script,
    highly_restrictive,
    moderately_restrictive,
    minimally_restrictive,
    unrestrictive,  // characters outside the identifier profile
};

std::string_view to_string(RestrictionLevel level) noexcept;
// ASCII, single script and highly restrictive pass Gmail's requirement.
constexpr bool at_least_highly_restrictive(RestrictionLevel level) noexcept {
    return level <= RestrictionLevel::highly_restrictive;
}

enum class Lookalike {
    none,
    whole_script,   // all letters from one non-Latin script (Cyrillic "аррӏе")
    single_script,  // Latin with non-ASCII letters that look ASCII ("ı" for "i")
    mixed_script,   // letters of several scripts ("pаypal" with Cyrillic "а")
};

std::string_view to_string(Lookalike lookalike) noexcept;

struct LabelCheck {
    std::string label;  // the U-label, UTF-8
    RestrictionLevel level = RestrictionLevel::ascii;
    std::vector<std::string> scripts;          // scripts of its letters (Common and Inherited left out), sorted
    std::vector<std::string> outside_profile;  // "U+2764" for each character not in the identifier profile
    bool mixed_numbers = false;                // decimal digits from more than one system
    std::vector<std::string> number_systems;   // the zero digit of each system ("0", "٠")
    bool invisible = false;                    // repeated nonspacing marks (ICU INVISIBLE)
    bool hidden_overlay = false;               // a dot hidden in a dotted letter (ICU HIDDEN_OVERLAY)
    Lookalike lookalike = Lookalike::none;
    std::string looks_like;  // the ASCII label it imitates, readable (lookalike != none)
};

// Checks one label (a U-label, UTF-8, already through UTS #46 mapping).
// `tld` is the name's last label as A-label, used to leave alone
// whole-script labels under a country domain of the same script (Cyrillic
// under .ru or .рф), as browsers do.
LabelCheck check_label(std::string_view label, std::string_view tld);

// Scripts of a text's letters, e.g. {"Cyrillic", "Latin"}.
std::vector<std::string> scripts_of(std::string_view utf8);

}  // namespace inboxlint::idn
