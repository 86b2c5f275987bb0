// Content-Type, Content-Disposition and Content-Transfer-Encoding values
// (RFC 2045, RFC 2183) with RFC 2231 parameter continuations and charsets.
// Lenient where real mail is (unquoted boundaries with '='), and every
// leniency is recorded as an issue.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/report.hpp"
#include "mime/syntax_issue.hpp"

namespace inboxlint::mime {

struct Parameter {
    std::string name;       // lower-case, RFC 2231 "*" and section numbers removed
    std::string value;      // sections joined, quotes and %XX decoded (bytes)
    std::string charset;    // RFC 2231 charset of an extended value, lower-case
    std::string language;   // RFC 2231 language
    Span span;              // from the name of the first section to the end of the last
    bool extended = false;  // RFC 2231 encoded (name*=...)
    bool quoted = false;
};

struct ParameterizedValue {
    bool present = false;
    std::string type;     // lower-case; for Content-Type the part before '/'
    std::string subtype;  // lower-case; empty for Content-Disposition
    Span type_span;
    std::vector<Parameter> params;
    SyntaxIssues issues;

    [[nodiscard]] const Parameter* param(std::string_view name) const noexcept;
    [[nodiscard]] bool valid() const noexcept { return present && !type.empty(); }
};

// "type/subtype; name=value ...". `base` is the offset of raw_value in the message.
ParameterizedValue parse_content_type(std::string_view raw_value, std::size_t base);
// "disposition; name=value ...".
ParameterizedValue parse_content_disposition(std::string_view raw_value, std::size_t base);

struct TransferEncoding {
    std::string name;  // lower-case token, "7bit" when the field is absent
    Span span;
    SyntaxIssues issues;
    bool present = false;
};
TransferEncoding parse_transfer_encoding(std::string_view raw_value, std::size_t base);

}  // namespace inboxlint::mime
