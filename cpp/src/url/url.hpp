// The WHATWG URL Standard's basic URL parser (section 4.4), without state
// overrides (no setters): what a browser, and so a mail client, makes of a
// link. Input is UTF-8; leading and trailing C0 controls and spaces are
// trimmed and tabs and newlines removed, as the Standard says, and every
// component remembers its byte range in the input given, so a finding can
// point at the host inside an href.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/report.hpp"
#include "url/host.hpp"

namespace inboxlint::url {

enum class UrlError {
    none,
    missing_scheme,  // relative input without a base
    invalid_host,    // see Url::host_error
    host_missing,    // "http://" or "http://user@"
    invalid_port,    // not digits, or over 65535
    opaque_base,     // relative input against a base with an opaque path
};

struct Url {
    std::string scheme;  // lower-case, without ':'
    std::string username;
    std::string password;
    std::optional<Host> host;  // absent for "mailto:x" and similar
    std::optional<std::uint16_t> port;
    bool has_opaque_path = false;
    std::string opaque_path;
    std::vector<std::string> path;
    std::optional<std::string> query;
    std::optional<std::string> fragment;

    // Where components came from in the input. A component taken from the
    // base URL, or absent, has no range.
    std::optional<Span> scheme_span;
    std::optional<Span> userinfo_span;  // between "//" and the last '@' of the authority
    std::optional<Span> host_span;      // the host as written (before percent-decoding and UTS #46)
    std::optional<Span> port_span;
    std::optional<Span> path_span;
    std::optional<Span> query_span;     // after '?'
    std::optional<Span> fragment_span;  // after '#'
    bool at_sign = false;               // the authority had an '@' (even with empty user info)

    [[nodiscard]] bool special() const noexcept;
    [[nodiscard]] std::string href() const;
    [[nodiscard]] std::string pathname() const;
    [[nodiscard]] std::string hostname() const;  // serialized host, "" when absent
    [[nodiscard]] std::string host_and_port() const;
};

struct UrlResult {
    std::optional<Url> url;
    UrlError error = UrlError::none;
    HostResult host_error;  // when error == invalid_host
    std::optional<Span> error_span;
};

// Parses `input` against an optional base URL.
UrlResult parse_url(std::string_view input, const Url* base = nullptr);

bool is_special_scheme(std::string_view scheme) noexcept;
std::optional<std::uint16_t> default_port(std::string_view scheme) noexcept;
std::string_view to_string(UrlError error) noexcept;

}  // namespace inboxlint::url
