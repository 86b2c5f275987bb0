// format_authentication_results (inboxlint/reporters.hpp): the summary in
// the syntax of an Authentication-Results field value.
#include "inboxlint/reporters.hpp"

namespace inboxlint {
namespace {

// A reason as an RFC 5322 comment: parentheses and backslashes quoted, line
// breaks and other controls (a record can hold anything) as spaces.
std::string comment(std::string_view reason) {
    std::string out = "(";
    for (char c : reason) {
        if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
        out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c);
    }
    return out + ")";
}

// A property value is a token or a quoted string (RFC 8601 section 2.2, pvalue).
std::string value(std::string_view text) {
    const bool plain = !text.empty() && text.find_first_of(" \t\"();\\") == std::string_view::npos;
    if (plain) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
    }
    return out + "\"";
}

}  // namespace

std::string format_authentication_results(const std::vector<AuthResult>& results) {
    std::string out;
    for (const AuthResult& r : results) {
        if (!out.empty()) out += "; ";
        out += r.method + "=" + r.result;
        if (!r.reason.empty()) out += " " + comment(r.reason);
        for (const Property& p : r.properties) out += " " + p.name + "=" + value(p.value);
    }
    return out;
}

}  // namespace inboxlint
