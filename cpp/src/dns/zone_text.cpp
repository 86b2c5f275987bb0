#include "dns/zone_text.hpp"

#include <sstream>

#include "core/ascii.hpp"

namespace inboxlint::dns {
namespace {

// Parenthesis depth at the end of a line, ignoring quoted text and comments.
int depth_change(std::string_view line) noexcept {
    bool quoted = false;
    int depth = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '\\') {
            ++i;
            continue;
        }
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == ';') break;
        if (c == '(') ++depth;
        if (c == ')') --depth;
    }
    return depth;
}

// The line up to a ';' outside quotes: in an entry that parentheses carry
// over several lines each line may end in its own comment.
std::string_view without_comment(std::string_view line) noexcept {
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (quoted && line[i] == '\\') {
            ++i;
        } else if (line[i] == '"') {
            quoted = !quoted;
        } else if (!quoted && line[i] == ';') {
            return line.substr(0, i);
        }
    }
    return line;
}

// \DDD is a decimal octet, \X is X.
std::size_t unescape(std::string_view text, std::size_t i, std::string& out) {
    if (i + 3 < text.size() && core::is_digit(text[i + 1]) && core::is_digit(text[i + 2]) &&
        core::is_digit(text[i + 3])) {
        out.push_back(static_cast<char>((text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0')));
        return i + 3;
    }
    if (i + 1 < text.size()) out.push_back(text[i + 1]);
    return i + 1;
}

}  // namespace

bool split_entries(std::string_view text, std::vector<ZoneEntry>& out, std::size_t& error_line) {
    std::istringstream in{std::string(text)};
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        const std::string_view trimmed = core::trim(line);
        if (trimmed.empty() || trimmed.front() == '#' || trimmed.front() == ';') continue;
        ZoneEntry entry{std::string(trimmed), number, core::is_wsp(line.front())};
        int depth = depth_change(entry.text);
        if (depth > 0) entry.text = std::string(without_comment(entry.text));
        while (depth > 0) {
            if (!std::getline(in, line)) {
                error_line = entry.line;
                return false;
            }
            ++number;
            depth += depth_change(line);
            entry.text += " ";
            entry.text += without_comment(line);
        }
        out.push_back(std::move(entry));
    }
    return true;
}

std::string_view next_token(std::string_view& rest) noexcept {
    rest = core::trim(rest);
    std::size_t end = 0;
    while (end < rest.size() && !core::is_wsp(rest[end])) ++end;
    const std::string_view token = rest.substr(0, end);
    rest.remove_prefix(end);
    return token;
}

bool join_quoted(std::string_view text, std::string& out, std::string& reason) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ';') break;
        if (core::is_wsp(c) || c == '(' || c == ')' || c == '\r' || c == '\n') continue;
        if (c != '"') {
            reason = "text outside quotes in a TXT value";
            return false;
        }
        for (++i; i < text.size() && text[i] != '"'; ++i) {
            if (text[i] == '\\')
                i = unescape(text, i, out);
            else
                out.push_back(text[i]);
        }
        if (i >= text.size()) {
            reason = "an unterminated quoted string";
            return false;
        }
    }
    return true;
}

std::string strip_comment(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == ';') break;
        out.push_back(c == '(' || c == ')' ? ' ' : c);
    }
    return out;
}

}  // namespace inboxlint::dns
