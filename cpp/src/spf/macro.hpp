// SPF macros (RFC 7208 section 7): the syntax check the record parser uses
// and the expansion check_host uses for domain-specs and explanations.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spf/ip.hpp"

namespace inboxlint::spf {

// Where a macro-string stands: a domain-spec (c, r, t are not allowed; the
// result is truncated to 253 octets) or an explanation TXT (spaces allowed).
enum class MacroMode { domain, explanation };

struct MacroError {
    std::size_t offset = 0;  // in the macro-string
    std::string reason;
};

// A piece of a macro-string: literal text, or a macro-expand.
struct MacroToken {
    std::size_t begin = 0, end = 0;  // [begin, end) in the text
    bool literal = true;
    char letter = 0;         // lower case; '%', '_' or '-' for %% %_ %-
    bool url_escape = false; // the letter was upper case
    int keep = 0;            // the digit transformer; 0: all parts
    bool reverse = false;
    std::string delimiters;  // empty: "."
};

struct MacroString {
    std::vector<MacroToken> tokens;
    std::optional<MacroError> error;
};

// Tokenises a macro-string; stops at the first syntax error.
MacroString parse_macro_string(std::string_view text, MacroMode mode);

// What the macro letters stand for. %{p} is the validated domain name of the
// client IP (section 7.3, the optional lookup done): check_host supplies the
// lookup, called at most once per expansion and only when %{p} occurs; without
// it %{p} is "unknown", as the RFC says when no name validates.
struct MacroContext {
    std::string sender;         // %{s}: local-part@domain
    std::string local_part;     // %{l}
    std::string sender_domain;  // %{o}
    std::string domain;         // %{d}: the domain being checked
    std::string helo;           // %{h}
    std::optional<Address> ip;  // %{i} %{c} %{v}
    std::string receiver = "unknown";  // %{r}
    std::string timestamp = "0";       // %{t}: seconds since the epoch; the core has no clock
    std::function<std::string()> validated_name;  // %{p}
};

struct Expansion {
    std::string text;
    std::optional<MacroError> error;  // set: text is empty
};

// Expands `text`. In domain mode a result over 253 octets loses labels from
// the left until it fits (section 7.3).
Expansion expand_macros(std::string_view text, const MacroContext& context, MacroMode mode);

}  // namespace inboxlint::spf
