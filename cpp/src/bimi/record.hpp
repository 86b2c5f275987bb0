// BIMI (draft-brand-indicators-for-message-identification): the
// BIMI-Selector header field and the assertion record at
// <selector>._bimi.<domain>. Every tag and issue keeps its bytes, in the
// field value (offset by its place in the message) or in the record text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auth/tag_list.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint::bimi {

struct Issue {
    std::string_view code;
    Span span;
    std::string detail;
};

// Codes: "missing-version", "invalid-version" (not "BIMI1", or not the first
// tag), "missing-selector" (header), "invalid-selector" (not a DNS label
// sequence), "duplicate-tag", "missing-location" (no l= tag), "invalid-url",
// "location-not-https", "location-not-svg", "authority-not-https", and the
// tag list's own codes.
struct Selector {
    auth::TagList tags;
    std::vector<Issue> issues;
    std::string selector = "default";  // lower case
};

// The value of a BIMI-Selector field ("v=BIMI1; s=brand"); `base` is its
// offset in the message.
Selector parse_selector(std::string_view raw_value, std::size_t base);

struct Record {
    auth::TagList tags;
    std::vector<Issue> issues;
    bool version_ok = false;
    std::string location;   // l=, "" when empty (the domain declines to show a logo)
    std::string authority;  // a=, the mark certificate (VMC/CMC) as PEM over HTTPS
    // l= and a= both empty: an explicit declination (the draft's section 4.3).
    [[nodiscard]] bool declines() const noexcept { return location.empty() && authority.empty(); }
};

// Whether a TXT value is a BIMI record ("v=BIMI1" first).
bool is_bimi_record(std::string_view txt) noexcept;
Record parse_record(std::string_view txt);

}  // namespace inboxlint::bimi
