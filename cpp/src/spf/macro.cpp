#include "spf/macro.hpp"

#include <algorithm>
#include <map>

#include "core/ascii.hpp"

namespace inboxlint::spf {
namespace {

constexpr std::string_view macro_letters = "slodiphcrtv";
constexpr std::string_view delimiter_chars = ".-+,/_=";
constexpr std::size_t max_domain = 253;
// A digit transformer beyond this keeps every part anyway (a name has at
// most 127 labels); capping it keeps the arithmetic from overflowing.
constexpr int max_keep = 1000;

bool is_literal(char c, MacroMode mode) noexcept {
    const auto u = static_cast<unsigned char>(c);
    if (c == ' ') return mode == MacroMode::explanation;
    return u >= 0x21 && u <= 0x7e && c != '%';
}

// "%{" letter *DIGIT ["r"] *delimiter "}" starting at text[at] == '%'.
std::optional<MacroError> parse_braced(std::string_view text, std::size_t at, MacroMode mode, MacroToken& token) {
    std::size_t i = at + 2;
    if (i >= text.size()) return MacroError{at, "unterminated macro"};
    const char letter = core::to_lower(text[i]);
    if (macro_letters.find(letter) == std::string_view::npos || !core::is_alpha(text[i]))
        return MacroError{i, "unknown macro letter '" + std::string(1, text[i]) + "'"};
    if (mode == MacroMode::domain && (letter == 'c' || letter == 'r' || letter == 't'))
        return MacroError{i, std::string("%{") + text[i] + "} is allowed only in explanations"};
    token.letter = letter;
    token.url_escape = text[i] != letter;
    ++i;
    const std::size_t digits_at = i;
    while (i < text.size() && core::is_digit(text[i])) {
        token.keep = std::min(max_keep, token.keep * 10 + (text[i] - '0'));
        ++i;
    }
    if (i > digits_at && token.keep == 0) return MacroError{digits_at, "the digit transformer must not be zero"};
    if (i < text.size() && core::to_lower(text[i]) == 'r') {
        token.reverse = true;
        ++i;
    }
    while (i < text.size() && delimiter_chars.find(text[i]) != std::string_view::npos) token.delimiters += text[i++];
    if (i >= text.size() || text[i] != '}') return MacroError{i, "malformed macro (expected '}')"};
    token.end = i + 1;
    return std::nullopt;
}

std::string url_escaped(std::string_view value) {
    std::string out;
    for (char c : value) {
        if (core::is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(c);
            continue;
        }
        constexpr char hex[] = "0123456789ABCDEF";
        const auto u = static_cast<unsigned char>(c);
        out += '%';
        out += hex[u >> 4];
        out += hex[u & 0x0f];
    }
    return out;
}

std::string letter_value(char letter, const MacroContext& c) {
    switch (letter) {
        case 's': return c.sender;
        case 'l': return c.local_part;
        case 'o': return c.sender_domain;
        case 'd': return c.domain;
        case 'h': return c.helo;
        case 'i': return c.ip ? macro_i(*c.ip) : "";
        case 'c': return c.ip ? macro_c(*c.ip) : "";
        case 'v': return c.ip && c.ip->v6 ? "ip6" : "in-addr";
        case 'r': return c.receiver;
        case 't': return c.timestamp;
        case 'p': return c.validated_name ? c.validated_name() : "unknown";
        default: return "";
    }
}

// Splits on the delimiters, reverses, keeps the rightmost parts, joins with '.'.
std::string transformed(const std::string& value, const MacroToken& token) {
    const std::string_view delimiters = token.delimiters.empty() ? "." : std::string_view(token.delimiters);
    if (token.delimiters.empty() && !token.reverse && token.keep == 0) return value;
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        if (i == value.size() || delimiters.find(value[i]) != std::string_view::npos) {
            parts.emplace_back(value.data() + start, i - start);
            start = i + 1;
        }
    }
    if (token.reverse) std::reverse(parts.begin(), parts.end());
    std::size_t first = 0;
    if (token.keep > 0 && parts.size() > static_cast<std::size_t>(token.keep))
        first = parts.size() - static_cast<std::size_t>(token.keep);
    std::string out;
    for (std::size_t i = first; i < parts.size(); ++i) {
        if (i > first) out.push_back('.');
        out += parts[i];
    }
    return out;
}

// Drops labels from the left until the name fits in 253 octets: the first
// dot that leaves at most 253 after it (one search, not one per label).
std::string truncated(const std::string& name) {
    if (name.size() <= max_domain) return name;
    const std::size_t dot = name.find('.', name.size() - max_domain - 1);
    if (dot == std::string::npos) return name.substr(name.size() - max_domain);
    return name.substr(dot + 1);
}

// Appends, bounded: a domain's truncation reads only its last 254 octets, so
// keeping a tail of `domain_tail` gives the same name; an explanation stops
// at `max_explanation` octets. Either way the work stays linear in the text.
constexpr std::size_t domain_tail = 1024;
constexpr std::size_t max_explanation = 8192;

void append(std::string& out, std::string_view piece, MacroMode mode) {
    if (mode == MacroMode::explanation) {
        if (out.size() < max_explanation) out.append(piece.substr(0, max_explanation - out.size()));
        return;
    }
    if (piece.size() > domain_tail) piece = piece.substr(piece.size() - domain_tail);
    out.append(piece);
    if (out.size() > 4 * domain_tail) out.erase(0, out.size() - domain_tail);
}

}  // namespace

MacroString parse_macro_string(std::string_view text, MacroMode mode) {
    MacroString out;
    std::size_t i = 0;
    while (i < text.size()) {
        MacroToken token;
        token.begin = i;
        if (text[i] != '%') {
            while (i < text.size() && text[i] != '%' && is_literal(text[i], mode)) ++i;
            if (i == token.begin) {
                out.error = MacroError{i, "character not allowed in a macro-string"};
                return out;
            }
            token.end = i;
            out.tokens.push_back(token);
            continue;
        }
        token.literal = false;
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        if (next == '%' || next == '_' || next == '-') {
            token.letter = next;
            token.end = i + 2;
        } else if (next == '{') {
            if (auto error = parse_braced(text, i, mode, token)) {
                out.error = std::move(error);
                return out;
            }
        } else {
            out.error = MacroError{i, "'%' must start %{...}, %%, %_ or %-"};
            return out;
        }
        i = token.end;
        out.tokens.push_back(std::move(token));
    }
    return out;
}

Expansion expand_macros(std::string_view text, const MacroContext& context, MacroMode mode) {
    MacroString parsed = parse_macro_string(text, mode);
    if (parsed.error) return {"", std::move(parsed.error)};
    std::string out;
    // Each distinct macro is expanded once: a record repeating a macro costs an
    // append per repeat, not a transform.
    std::map<std::string_view, std::string> expanded;
    std::optional<std::string> validated;  // %{p}, %{p2}, ... share one lookup
    for (const MacroToken& token : parsed.tokens) {
        const std::string_view source = text.substr(token.begin, token.end - token.begin);
        if (token.literal) {
            append(out, source, mode);
            continue;
        }
        if (token.letter == '%') append(out, "%", mode);
        else if (token.letter == '_') append(out, " ", mode);
        else if (token.letter == '-') append(out, "%20", mode);
        else {
            auto [it, fresh] = expanded.try_emplace(source);
            if (fresh) {
                if (token.letter == 'p' && !validated) validated = letter_value('p', context);
                const std::string value =
                    transformed(token.letter == 'p' ? *validated : letter_value(token.letter, context), token);
                it->second = token.url_escape ? url_escaped(value) : value;
                if (mode == MacroMode::domain && it->second.size() > domain_tail)
                    it->second.erase(0, it->second.size() - domain_tail);
            }
            append(out, it->second, mode);
        }
    }
    if (mode == MacroMode::domain) out = truncated(out);
    return {std::move(out), std::nullopt};
}

}  // namespace inboxlint::spf
