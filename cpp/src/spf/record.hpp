// SPF records (RFC 7208 sections 4.5, 4.6, 5, 6 and the ABNF of section 12):
// the version check and the terms, each with its bytes in the record text so
// rules can point at them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spf/ip.hpp"

namespace inboxlint::spf {

enum class Qualifier { pass, fail, softfail, neutral };  // + - ~ ?
enum class Mechanism { all, include, a, mx, ptr, ip4, ip6, exists };
enum class Modifier { redirect, exp, unknown };

struct Term {
    bool is_modifier = false;
    std::size_t offset = 0, length = 0;  // the term's bytes in the record text

    // A directive.
    Qualifier qualifier = Qualifier::pass;
    bool explicit_qualifier = false;
    Mechanism mechanism = Mechanism::all;
    std::optional<Address> network;  // ip4 / ip6
    int cidr4 = 32, cidr6 = 128;     // ip4, ip6 (in its family), a, mx

    // A modifier.
    Modifier modifier = Modifier::unknown;
    std::string name;  // the modifier's name as written

    // The domain-spec (include a mx ptr exists, empty when a/mx/ptr omit it)
    // or a modifier's value; a macro-string, not expanded.
    std::string domain_spec;

    // Whether evaluating the term asks DNS (section 4.6.4's limit of 10).
    [[nodiscard]] bool queries_dns() const noexcept;
};

struct SyntaxError {
    std::size_t offset = 0;  // in the record text
    std::string reason;
};

struct Record {
    std::vector<Term> terms;  // in order, directives and modifiers
    std::optional<std::size_t> redirect, exp;  // indices into terms
    std::optional<SyntaxError> error;          // set: the record is a permerror
};

// Whether a TXT value is an SPF record: "v=spf1" (any case) alone or followed
// by a space (section 4.5). "v=spf10" is not.
bool is_spf_record(std::string_view txt) noexcept;

// Parses an SPF record (is_spf_record must hold). Stops at the first error;
// the terms before it are kept.
Record parse_record(std::string_view text);

// Checks a domain-spec: a macro-string ending in "." toplabel ["."] or in a
// macro (section 7.1). Offsets in the error are in `spec`.
std::optional<SyntaxError> check_domain_spec(std::string_view spec);

// "+" "-" "~" "?" and the names, for messages.
std::string_view qualifier_text(Qualifier q) noexcept;
std::string_view mechanism_name(Mechanism m) noexcept;

}  // namespace inboxlint::spf
