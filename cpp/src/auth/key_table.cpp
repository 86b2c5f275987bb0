// The public loaders of DKIM key tables (inboxlint/config.hpp).
#include "auth/key_table.hpp"

#include <fstream>
#include <sstream>

#include "core/ascii.hpp"
#include "inboxlint/config.hpp"

namespace inboxlint {
namespace {

[[noreturn]] void fail(std::size_t line, const std::string& what) {
    throw ConfigError("DKIM keys, line " + std::to_string(line) + ": " + what);
}

std::string normalise_name(std::string_view name) {
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    return core::to_lower(name);
}

// Joins the quoted strings of a zone-file TXT value ("a" "b" -> ab), with
// \" and \\ and \DDD escapes; text outside quotes other than parentheses and
// white space is an error, a ';' outside quotes starts a comment.
std::string join_quoted(std::string_view text, std::size_t line) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ';') break;
        if (core::is_wsp(c) || c == '(' || c == ')' || c == '\r' || c == '\n') continue;
        if (c != '"') fail(line, "text outside quotes in a TXT value");
        for (++i; i < text.size() && text[i] != '"'; ++i) {
            if (text[i] == '\\' && i + 3 < text.size() && core::is_digit(text[i + 1]) && core::is_digit(text[i + 2]) &&
                core::is_digit(text[i + 3])) {
                out.push_back(
                    static_cast<char>((text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0')));
                i += 3;
            } else if (text[i] == '\\' && i + 1 < text.size()) {
                out.push_back(text[++i]);
            } else {
                out.push_back(text[i]);
            }
        }
        if (i >= text.size()) fail(line, "an unterminated quoted string");
    }
    return out;
}

std::string_view next_token(std::string_view& rest) {
    rest = core::trim(rest);
    std::size_t end = 0;
    while (end < rest.size() && !core::is_wsp(rest[end])) ++end;
    const std::string_view token = rest.substr(0, end);
    rest.remove_prefix(end);
    return token;
}

// One entry (a line, or several joined by zone-file parentheses).
void parse_entry(std::string_view entry, std::size_t line, std::map<std::string, std::string>& out) {
    std::string_view rest = entry;
    const std::string name = normalise_name(next_token(rest));
    // Zone-file form: [TTL] [IN] TXT before the value.
    std::string_view probe = rest;
    bool zone = false;
    for (int i = 0; i < 3 && !zone; ++i) {
        const std::string_view token = next_token(probe);
        if (core::iequals(token, "TXT")) {
            zone = true;
            rest = probe;
        } else if (!core::iequals(token, "IN") &&
                   (token.empty() || token.find_first_not_of("0123456789") != std::string_view::npos)) {
            break;
        }
    }
    rest = core::trim(rest);
    std::string value = zone || rest.starts_with('"') ? join_quoted(rest, line) : std::string(rest);
    if (value.empty()) fail(line, name + " has no value");
    out[name] = std::move(value);
}

bool opens_group(std::string_view line) {
    bool quoted = false;
    int depth = 0;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == ';' && depth == 0) break;
        if (c == '(') ++depth;
        if (c == ')') --depth;
    }
    return depth > 0;
}

}  // namespace

std::map<std::string, std::string> parse_dkim_keys(std::string_view text) {
    std::map<std::string, std::string> out;
    std::istringstream in{std::string(text)};
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        const std::string_view trimmed = core::trim(line);
        if (trimmed.empty() || trimmed.front() == '#' || trimmed.front() == ';') continue;
        std::string entry(trimmed);
        const std::size_t first = number;
        if (opens_group(entry)) {
            while (opens_group(entry)) {
                if (!std::getline(in, line)) fail(first, "'(' without ')'");
                ++number;
                entry += " " + line;
            }
        }
        parse_entry(entry, first, out);
    }
    auth::validate_dkim_keys(out);
    return out;
}

std::map<std::string, std::string> load_dkim_keys(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError("DKIM keys: cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return parse_dkim_keys(text.str());
}

namespace auth {

void validate_dkim_keys(const std::map<std::string, std::string>& keys) {
    for (const auto& [name, value] : keys) {
        const std::string lower = normalise_name(name);
        const std::size_t at = lower.find("._domainkey.");
        if (at == std::string::npos || at == 0 || at + 12 >= lower.size())
            throw ConfigError("DKIM keys: '" + name + "' is not selector._domainkey.domain");
        (void)value;
    }
}

}  // namespace auth
}  // namespace inboxlint
