#include "url/redirect.hpp"

#include <algorithm>
#include <optional>

#include "core/ascii.hpp"
#include "url/percent.hpp"
#include "url/registrable.hpp"

namespace inboxlint::url {
namespace {

// At most this many embedded URLs are looked at per level: enough for any
// real wrapper, and a bound on hostile input.
constexpr std::size_t max_candidates = 16;

struct Candidate {
    std::string text;  // the embedded URL, as far as it can be told apart
    std::size_t host_end = 0;
    std::string host;
    std::string domain;
};

// '=' (padding) separates: "upn=aHR0..." must give the token after it.
bool is_base64_char(char c) { return core::is_alnum(c) || c == '+' || c == '/' || c == '_' || c == '-'; }

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
}

// Standard or URL-safe base64, stopping at the first character of neither.
std::string decode_base64(std::string_view text) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const int v = base64_value(c);
        if (v < 0) break;
        buffer = ((buffer << 6) | static_cast<unsigned>(v)) & 0xFFFFFFu;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return out;
}

// The URL starting at `from`, up to what ends one inside a query value.
std::string_view url_text_at(std::string_view text, std::size_t from) {
    std::size_t end = from;
    while (end < text.size()) {
        const auto c = static_cast<unsigned char>(text[end]);
        if (c <= 0x20 || c == 0x7F || c == '&' || c == '"' || c == '\'' || c == '<' || c == '>') break;
        ++end;
    }
    return text.substr(from, end - from);
}

// Only the scheme and host are parsed: wrappers glue destinations together
// with characters a host may legally hold ("...*http://a.example*http://b").
void add_candidate(std::string_view url_text, std::vector<Candidate>& out) {
    const std::size_t sep = url_text.find("://");
    if (sep > 5) return;  // no "scheme://" start (npos included)
    std::size_t end = sep + 3;
    while (end < url_text.size()) {
        const char c = url_text[end];
        if (!(core::is_alnum(c) || c == '.' || c == '-' || c == '_' || c == '%' || core::is_8bit(c))) break;
        ++end;
    }
    const UrlResult r = parse_url(std::string(url_text.substr(0, end)) + "/");
    if (!r.url || !r.url->host || r.url->host->kind == HostKind::empty) return;
    Candidate c{std::string(url_text), end, r.url->host->serialized, {}};
    c.domain = domain_key(c.host);
    out.push_back(std::move(c));
}

void scan_literal(std::string_view text, std::vector<Candidate>& out) {
    for (std::size_t i = 0; i + 7 < text.size() && out.size() < max_candidates; ++i) {
        const auto rest = text.substr(i);
        if (!(core::istarts_with(rest, "http://") || core::istarts_with(rest, "https://"))) continue;
        add_candidate(url_text_at(text, i), out);
        i += 6;
    }
}

// base64 of "http" begins "aHR0c" whenever the URL starts the encoding; a
// token starts after anything that cannot continue one (a '/' can: it is a
// base64 character, but also ends a path segment).
void scan_base64(std::string_view text, std::vector<Candidate>& out) {
    for (std::size_t i = 0; i + 5 <= text.size() && out.size() < max_candidates; ++i) {
        if (i > 0 && is_base64_char(text[i - 1]) && text[i - 1] != '/') continue;
        if (text.substr(i, 5) != "aHR0c") continue;
        std::size_t end = i;
        while (end < text.size() && is_base64_char(text[end])) ++end;
        const std::string decoded = decode_base64(text.substr(i, end - i));
        add_candidate(url_text_at(decoded, 0), out);
        i = end;
    }
}

// The URLs embedded in what follows a URL's host: as written, in base64, or
// percent-decoded once. Each level of a chain decodes once more.
std::vector<Candidate> candidates(std::string_view tail) {
    std::vector<Candidate> out;
    scan_literal(tail, out);
    scan_base64(tail, out);
    const std::string decoded = percent_decode(tail);
    if (decoded != tail) scan_literal(decoded, out);
    return out;
}

// The candidates on other registrable domains than `own`, one per domain.
std::vector<Candidate> elsewhere(std::vector<Candidate> all, const std::string& own) {
    std::vector<Candidate> out;
    for (Candidate& c : all) {
        if (c.domain == own) continue;
        if (std::none_of(out.begin(), out.end(), [&](const Candidate& o) { return o.domain == c.domain; }))
            out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

RedirectChain follow_redirects(std::string_view href, const Url& url) {
    RedirectChain chain;
    if (!url.host || !url.host_span || url.host_span->end > href.size()) return chain;
    std::string text(href);
    std::size_t host_end = url.host_span->end;
    std::string own = domain_key(url.host->serialized);
    for (std::size_t depth = 0;; ++depth) {
        std::vector<Candidate> next = elsewhere(candidates(std::string_view(text).substr(host_end)), own);
        if (next.empty()) return chain;
        if (next.size() > 1) {
            chain.ambiguous = true;
            for (const Candidate& c : next) chain.alternatives.push_back(c.host);
            return chain;
        }
        if (depth == max_redirect_depth) {
            chain.too_deep = true;
            return chain;
        }
        chain.hosts.push_back(next.front().host);
        own = next.front().domain;
        host_end = next.front().host_end;
        text = std::move(next.front().text);
    }
}

std::vector<std::string> embedded_target_hosts(std::string_view href, const Url& url) {
    std::vector<std::string> hosts;
    if (!url.host_span || url.host_span->end > href.size()) return hosts;
    for (const Candidate& c : candidates(href.substr(url.host_span->end)))
        if (std::find(hosts.begin(), hosts.end(), c.host) == hosts.end()) hosts.push_back(c.host);
    return hosts;
}

}  // namespace inboxlint::url
