// Findings and the report: the values every face of inboxlint (C++, Python,
// CLI, reporters) exchanges. Plain structs of standard types only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/export.hpp"

namespace inboxlint {

// A half-open byte range [begin, end).
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;

    [[nodiscard]] constexpr std::size_t size() const noexcept { return end - begin; }
    [[nodiscard]] constexpr bool empty() const noexcept { return begin == end; }
    friend constexpr bool operator==(const Span&, const Span&) = default;
};

enum class Severity { info = 0, warning = 1, error = 2 };

[[nodiscard]] INBOXLINT_API std::string_view to_string(Severity severity) noexcept;
// Parses "info", "warning" or "error" (case-insensitive).
[[nodiscard]] INBOXLINT_API std::optional<Severity> parse_severity(std::string_view text) noexcept;

// Where a finding points. `raw` is always present; `decoded` is a range in the
// part's decoded UTF-8 text when the finding is about decoded content.
struct Location {
    std::string part;  // IMAP-style MIME part path: "" is the top-level header, "1", "1.2"
    Span raw;
    std::optional<Span> decoded;
    std::size_t line = 0;    // 1-based line of raw.begin
    std::size_t column = 0;  // 1-based column of raw.begin, in code points
};

struct RelatedLocation {
    Location location;
    std::string message;
};

// A machine-readable detail of a finding ("technique" = "display:none").
struct Property {
    std::string name;
    std::string value;
    friend bool operator==(const Property&, const Property&) = default;
};

struct Finding {
    std::string rule_id;  // "FROM001"
    std::string slug;     // "multiple-from-addresses"
    Severity severity = Severity::warning;
    std::string message;
    Location location;
    std::vector<RelatedLocation> related;
    std::vector<Property> properties;
};

// One node of the MIME tree, in document order.
struct PartInfo {
    std::string path;       // IMAP section of this entity's header ("" for the message)
    std::string body_path;  // IMAP section of its content ("1" for a single-part message)
    int parent = -1;        // index into Report::parts, -1 for the root
    std::size_t depth = 0;
    std::string content_type;       // lower-case "type/subtype" as used (defaults applied)
    std::string charset;            // lower-case, empty when none applies
    std::string transfer_encoding;  // lower-case, "7bit" when absent
    Span header;                    // raw header block, without the blank separator line
    Span body;                      // raw body, excluding the delimiter's line break
    bool is_multipart = false;
    bool is_message = false;  // message/rfc822 and friends, whose body is a message
};

// A resource limit that stopped part of the analysis.
struct LimitHit {
    std::string limit;  // "max_parts"
    std::size_t value = 0;
    Location location;
};

// What the message's content reads as, for routing: "promotional",
// "transactional" or "neutral", with the scores behind it and the kinds of
// signal that fired, strongest first ("order_number", "discount", ...).
// CONT001's page explains the model.
struct Category {
    std::string name = "neutral";
    double promotional = 0;
    double transactional = 0;
    std::vector<std::string> signals;
};

// One authentication method's result in the terms of RFC 8601 (the
// Authentication-Results field): what a receiver would record, evaluated
// offline from the message and the records the caller supplied.
struct AuthResult {
    std::string method;  // "iprev", "spf", "dkim", "dmarc", "arc"
    std::string result;  // "pass", "fail", "softfail", "neutral", "none", "temperror", "permerror"
    std::string reason;  // why, in words; says when records were not supplied
    // What was checked: "smtp.mailfrom" = "example.com", "header.d" = ...
    std::vector<Property> properties;
    friend bool operator==(const AuthResult&, const AuthResult&) = default;
};

struct Report {
    std::size_t message_size = 0;
    std::vector<Finding> findings;  // sorted by raw position, then rule id
    std::vector<PartInfo> parts;
    std::vector<LimitHit> limits_hit;
    bool truncated = false;  // a limit stopped part of the analysis
    Category category;
    // iprev, SPF, DKIM (one per signature), DMARC and ARC, in that order.
    std::vector<AuthResult> authentication;

    [[nodiscard]] INBOXLINT_API std::size_t count(Severity severity) const noexcept;
    // The most severe finding's severity, or nothing for a clean report.
    [[nodiscard]] INBOXLINT_API std::optional<Severity> max_severity() const noexcept;
};

}  // namespace inboxlint
