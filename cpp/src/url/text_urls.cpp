#include "url/text_urls.hpp"

#include <algorithm>
#include <array>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "url/host.hpp"
#include "url/registrable.hpp"
#include "url/url.hpp"

namespace inboxlint::url {
namespace {

constexpr std::array<std::string_view, 3> scheme_prefixes{"http://", "https://", "ftp://"};

// Characters that end a URL in text. Zero-width characters do not: a URL
// with one inside is a finding, not two URLs.
bool is_stop(std::string_view text, std::size_t pos, std::size_t& length) {
    const auto c = static_cast<unsigned char>(text[pos]);
    length = 1;
    if (c < 0x80) {
        return c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '`' || c == '{' || c == '}' ||
               c == '|' || c == '\\' || c == '^';
    }
    const auto d = core::decode_utf8(text, pos);
    length = d.length;
    const char32_t cp = d.code_point;
    return !d.valid || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x3000 ||
           cp == 0x3001 || cp == 0x3002 || cp == 0xFF61 || cp == 0xFF0C || cp == 0x00AB || cp == 0x00BB ||
           (cp >= 0x2018 && cp <= 0x201F) || (cp >= 0x300C && cp <= 0x300F);
}

bool is_word_char(char c) { return core::is_alnum(c) || c == '.' || c == '-' || c == '_' || c == '@' || c == '/'; }

std::size_t prefix_length(std::string_view rest, bool& implied) {
    implied = false;
    for (const auto p : scheme_prefixes)
        if (core::istarts_with(rest, p)) return p.size();
    if (core::istarts_with(rest, "www.") && rest.size() > 4 && (core::is_alnum(rest[4]) || core::is_8bit(rest[4]))) {
        implied = true;
        return 4;
    }
    return 0;
}

// Trailing punctuation belongs to the sentence; a closing bracket belongs to
// the URL only when the URL opened it.
std::size_t trim_trailing(std::string_view text, std::size_t begin, std::size_t end) {
    while (end > begin) {
        const char c = text[end - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == '*') {
            --end;
            continue;
        }
        if (c == ')' || c == ']') {
            const char open = c == ')' ? '(' : '[';
            const auto slice = text.substr(begin, end - begin);
            if (std::count(slice.begin(), slice.end(), open) < std::count(slice.begin(), slice.end(), c)) {
                --end;
                continue;
            }
        }
        break;
    }
    return end;
}

std::size_t url_end(std::string_view text, std::size_t from) {
    std::size_t end = from;
    std::size_t length = 1;
    while (end < text.size() && !is_stop(text, end, length)) end += length;
    return end;
}

// Leading and trailing white space and the brackets or quotes a URL is
// often shown in.
Span trim_display(std::string_view text) {
    std::size_t b = 0, e = text.size();
    std::size_t length = 1;
    auto skippable = [&](std::size_t pos) {
        const char c = text[pos];
        return is_stop(text, pos, length) || c == '(' || c == ')' || c == '[' || c == ']' || c == '\'';
    };
    while (b < e && skippable(b)) b += length;
    while (e > b) {
        std::size_t p = e - 1;
        while (p > b && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
        if (!skippable(p)) break;
        e = p;
    }
    return {b, e};
}

bool is_domain_like(std::string_view host) {
    if (host.size() < 4 || host.front() == '.' || host.back() == '.' || host.find("..") != std::string_view::npos)
        return false;
    const auto dot = host.rfind('.');
    if (dot == std::string_view::npos) return false;
    for (const char c : host)
        if (!(core::is_alnum(c) || c == '-' || c == '.' || core::is_8bit(c))) return false;
    // A TLD written with capitals ("ASP.NET", "Node.JS") is a product name
    // more often than a host.
    const auto tld = host.substr(dot + 1);
    return std::none_of(tld.begin(), tld.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::optional<DisplayedTarget> displayed_url(std::string_view text, Span token, bool implied) {
    const std::string input = (implied ? "http://" : "") + std::string(text.substr(token.begin, token.size()));
    const UrlResult r = parse_url(input);
    if (!r.url || !r.url->host || !r.url->host_span || r.url->host->kind == HostKind::empty) return std::nullopt;
    const std::size_t shift = implied ? 7 : 0;
    DisplayedTarget t;
    t.kind = DisplayedTarget::Kind::url;
    t.host_range = {token.begin + r.url->host_span->begin - shift, token.begin + r.url->host_span->end - shift};
    t.host = std::string(text.substr(t.host_range.begin, t.host_range.size()));
    t.range = token;
    return t;
}

}  // namespace

std::vector<TextUrl> find_text_urls(std::string_view text, std::size_t limit) {
    std::vector<TextUrl> out;
    std::size_t i = 0;
    while (i < text.size() && out.size() < limit) {
        const char c = core::to_lower(text[i]);
        if ((c != 'h' && c != 'f' && c != 'w') || (i > 0 && is_word_char(text[i - 1]))) {
            ++i;
            continue;
        }
        bool implied = false;
        const std::size_t prefix = prefix_length(text.substr(i), implied);
        if (prefix == 0) {
            ++i;
            continue;
        }
        const std::size_t end = trim_trailing(text, i, url_end(text, i + prefix));
        if (end > i + prefix) out.push_back({{i, end}, implied});
        i = std::max(end, i + prefix);
    }
    return out;
}

std::string text_url_input(std::string_view text, const TextUrl& url) {
    std::string out = url.implied_scheme ? "http://" : "";
    out += text.substr(url.range.begin, url.range.size());
    return out;
}

std::optional<DisplayedTarget> displayed_target(std::string_view text) {
    const Span trimmed = trim_display(text);
    if (trimmed.empty()) return std::nullopt;
    const std::string_view t = text.substr(trimmed.begin, trimmed.size());
    bool implied = false;
    if (const std::size_t prefix = prefix_length(t, implied); prefix != 0) {
        const std::size_t end = trim_trailing(text, trimmed.begin, url_end(text, trimmed.begin + prefix));
        return displayed_url(text, {trimmed.begin, end}, implied);
    }
    if (url_end(text, trimmed.begin) != trimmed.end) return std::nullopt;  // words, not a name
    const std::size_t at = t.rfind('@');
    const bool email = at != std::string_view::npos && t.find('/') == std::string_view::npos;
    const std::size_t host_begin = email ? at + 1 : 0;
    const std::size_t host_end = std::min(t.size(), t.find_first_of("/?#:", host_begin));
    const std::string_view host = t.substr(host_begin, host_end - host_begin);
    if (!is_domain_like(host)) return std::nullopt;
    const HostResult h = domain_to_ascii(host);
    if (!h.ok() || !has_known_public_suffix(h.host.serialized)) return std::nullopt;
    DisplayedTarget d;
    d.kind = email ? DisplayedTarget::Kind::email : DisplayedTarget::Kind::domain;
    d.host = std::string(host);
    d.host_range = {trimmed.begin + host_begin, trimmed.begin + host_end};
    d.range = trimmed;
    return d;
}

}  // namespace inboxlint::url
