#include "dmarc/record_values.hpp"

#include <algorithm>
#include <initializer_list>
#include <limits>

#include "core/ascii.hpp"

namespace inboxlint::dmarc::detail {
namespace {

// RFC 3986 scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
bool valid_scheme(std::string_view s) noexcept {
    if (s.empty() || !core::is_alpha(s.front())) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return core::is_alnum(c) || c == '+' || c == '-' || c == '.'; });
}

// A host name of LDH labels with at least two labels: report addresses
// are on the public internet, so "mailto:dmarc@localhost" is a mistake.
bool valid_host(std::string_view host) noexcept {
    if (host.empty() || host.size() > 253 || host.find('.') == std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= host.size()) {
        std::size_t dot = host.find('.', start);
        if (dot == std::string_view::npos) dot = host.size();
        const std::string_view label = host.substr(start, dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        if (!std::all_of(label.begin(), label.end(), [](char c) { return core::is_alnum(c) || c == '-'; }))
            return false;
        start = dot + 1;
    }
    return true;
}

// Why a URI is unusable, or empty when it is fine. `scheme` is lower case.
std::string uri_problem(std::string_view uri, std::string_view scheme) {
    const std::string_view rest = uri.substr(scheme.size() + 1);
    if (scheme == "mailto") {
        const std::size_t q = rest.find('?');  // hfields may follow the address
        const std::string_view addr = rest.substr(0, q);
        const std::size_t at = addr.rfind('@');
        if (at == std::string_view::npos || at == 0) return "a mailto: URI needs an address local@domain";
        if (!valid_host(addr.substr(at + 1))) return "the address's domain is no host name";
        return {};
    }
    if (rest.substr(0, 2) != "//") return "an https: URI needs '//' and a host";
    const std::string_view authority = rest.substr(2, rest.find_first_of("/?#", 2) - 2);
    const std::string_view host = authority.substr(0, authority.find(':'));
    if (!valid_host(host)) return "the https: URI has no valid host";
    return {};
}

// "!" 1*DIGIT [ "k" / "m" / "g" / "t" ]: powers of two (RFC 7489 6.2).
std::optional<std::uint64_t> parse_size(std::string_view text) noexcept {
    int shift = 0;
    if (!text.empty() && core::is_alpha(text.back())) {
        switch (core::to_lower(text.back())) {
            case 'k': shift = 10; break;
            case 'm': shift = 20; break;
            case 'g': shift = 30; break;
            case 't': shift = 40; break;
            default: return std::nullopt;
        }
        text.remove_suffix(1);
    }
    const auto n = parse_decimal(text, 19);
    if (!n || *n > (std::numeric_limits<std::uint64_t>::max() >> shift)) return std::nullopt;
    return *n << shift;
}

void add_issue(std::vector<Issue>& issues, std::string_view code, Span span, std::string detail) {
    issues.push_back({code, span, std::move(detail), Level::error});
}

void parse_uri(const Piece& piece, std::string_view tag, std::vector<ReportUri>& out, std::vector<Issue>& issues) {
    const std::string_view text = piece.text;
    if (text.empty()) {
        add_issue(issues, "invalid-uri", piece.span, tag_name_prefix(tag) + "an empty URI in the list");
        return;
    }
    const std::size_t bang = text.find('!');
    const std::string_view uri = text.substr(0, bang);
    ReportUri ru{piece.span, std::string(uri), {}, {}};
    if (bang != std::string_view::npos) {
        ru.size_limit = parse_size(text.substr(bang + 1));
        if (!ru.size_limit) {
            add_issue(issues, "invalid-uri", piece.span,
                      tag_name_prefix(tag) + "the size after '!' is no number[k|m|g|t]");
            return;
        }
    }
    const std::size_t colon = uri.find(':');
    if (colon == std::string_view::npos || !valid_scheme(uri.substr(0, colon)) ||
        std::any_of(uri.begin(), uri.end(), [](char c) { return is_wsp(c) || c == ','; })) {
        add_issue(issues, "invalid-uri", piece.span, tag_name_prefix(tag) + "'" + std::string(uri) + "' is no URI");
        return;
    }
    ru.scheme = core::to_lower(uri.substr(0, colon));
    if (ru.scheme != "mailto" && ru.scheme != "https") {
        add_issue(issues, "unsupported-uri-scheme", piece.span,
                  tag_name_prefix(tag) + "receivers send reports to mailto: URIs (some to https:), not " +
                      ru.scheme + ":");
        return;
    }
    if (std::string why = uri_problem(uri, ru.scheme); !why.empty()) {
        add_issue(issues, "invalid-uri", piece.span, tag_name_prefix(tag) + why);
        return;
    }
    out.push_back(std::move(ru));
}

bool all_in(const std::vector<Piece>& pieces, std::initializer_list<std::string_view> allowed,
            std::vector<std::string>& out) {
    std::vector<std::string> values;
    for (const Piece& p : pieces) {
        std::string v = core::to_lower(p.text);
        if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) return false;
        values.push_back(std::move(v));
    }
    if (values.empty()) return false;
    out = std::move(values);
    return true;
}

}  // namespace

std::optional<Alignment> parse_alignment(std::string_view v) {
    if (v == "r") return Alignment::relaxed;
    if (v == "s") return Alignment::strict;
    return std::nullopt;
}

std::optional<bool> parse_yes_no(std::string_view v) {
    if (v == "y") return true;
    if (v == "n") return false;
    return std::nullopt;
}

std::optional<PsdFlag> parse_psd(std::string_view v) {
    if (v == "y") return PsdFlag::yes;
    if (v == "n") return PsdFlag::no;
    if (v == "u") return PsdFlag::unknown;
    return std::nullopt;
}

std::string tag_name_prefix(std::string_view tag) { return std::string(tag) + "=: "; }

std::vector<Piece> split_value(std::string_view txt, Span value, char sep) {
    std::vector<Piece> out;
    std::size_t start = value.begin;
    while (true) {
        std::size_t end = start;
        while (end < value.end && txt[end] != sep) ++end;
        std::size_t b = start;
        std::size_t e = end;
        while (b < e && is_wsp(txt[b])) ++b;
        while (e > b && is_wsp(txt[e - 1])) --e;
        Span span{b, e};
        // An empty element gets the separator after it (or, last, before
        // it): an issue about it then covers a byte a rule can underline.
        if (b == e && end < value.end) span = {end, end + 1};
        else if (b == e && start > value.begin) span = {start - 1, start};
        out.push_back({span, txt.substr(b, e - b)});
        if (end >= value.end) break;
        start = end + 1;
    }
    return out;
}

std::optional<std::uint64_t> parse_decimal(std::string_view text, std::size_t max_digits) noexcept {
    if (text.empty() || text.size() > max_digits) return std::nullopt;
    std::uint64_t n = 0;
    for (const char c : text) {
        if (!core::is_digit(c)) return std::nullopt;
        const auto d = static_cast<std::uint64_t>(c - '0');
        if (n > (std::numeric_limits<std::uint64_t>::max() - d) / 10) return std::nullopt;
        n = n * 10 + d;
    }
    return n;
}

void parse_uri_list(std::string_view txt, const auth::Tag& tag, std::vector<ReportUri>& out,
                    std::vector<Issue>& issues) {
    if (tag.value.empty()) {
        add_issue(issues, "invalid-uri", tag.span, tag_name_prefix(tag.name_text) + "no URI");
        return;
    }
    for (const Piece& piece : split_value(txt, tag.value, ',')) parse_uri(piece, tag.name_text, out, issues);
}

bool parse_fo(std::string_view txt, Span value, std::vector<std::string>& out) {
    return all_in(split_value(txt, value, ':'), {"0", "1", "d", "s"}, out);
}

bool parse_rf(std::string_view txt, Span value, std::vector<std::string>& out) {
    return all_in(split_value(txt, value, ':'), {"afrf"}, out);
}

}  // namespace inboxlint::dmarc::detail
