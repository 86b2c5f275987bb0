// The IDN facts of every domain a message names, by role (url/domains.hpp):
// UTS #46 processing with the mail profile (nontransitional, CheckBidi,
// CheckJoiners, STD3 rules, CheckHyphens, DNS lengths), the UTS #39 checks of
// each non-ASCII label, and invisible characters in the name as written.
// Names are grouped by role and spelling, so a host linked twenty times is
// checked once and reported once, with its other places as related.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/message.hpp"
#include "idn/invisible.hpp"
#include "idn/spoof.hpp"
#include "url/domains.hpp"

namespace inboxlint::idn {

struct DomainCheck {
    url::DomainRole role = url::DomainRole::link;
    std::vector<const url::DomainUse*> uses;  // first one first
    std::string displayed;                    // as written
    std::string ascii;                        // A-labels (may hold U+FFFD when uts46_errors)
    std::string unicode;                      // U-labels
    std::uint32_t uts46_errors = 0;           // idn::error bits
    std::vector<LabelCheck> labels;           // the non-ASCII labels of `unicode`
    std::vector<InvisibleChar> invisible;     // in `displayed`
};

struct IdnChecks {
    // Only names that are IDNs (a non-ASCII character or an "xn--" label)
    // or hold an invisible character; plain ASCII names need no check.
    std::vector<DomainCheck> domains;
};

const IdnChecks& idn_checks(const analysis::Message& msg);

// Checks one name as written; `checked` is false for plain ASCII names.
DomainCheck check_domain(std::string_view name, bool& checked);

}  // namespace inboxlint::idn
