#include "url/host.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "core/ascii.hpp"
#include "idn/uts46.hpp"
#include "url/percent.hpp"

namespace inboxlint::url {
namespace {

// Values past this cannot be an IPv4 part; saturating keeps arithmetic safe
// on "0x" followed by thousands of digits.
constexpr std::uint64_t saturated = std::uint64_t{1} << 40;

std::vector<std::string_view> split_dots(std::string_view text) {
    std::vector<std::string_view> parts;
    std::size_t begin = 0;
    for (;;) {
        const std::size_t dot = text.find('.', begin);
        parts.push_back(text.substr(begin, dot == std::string_view::npos ? std::string_view::npos : dot - begin));
        if (dot == std::string_view::npos) return parts;
        begin = dot + 1;
    }
}

struct Ipv4Number {
    std::uint64_t value = 0;
    bool unusual = false;  // hex, octal
};

// The IPv4 number parser (section 3.5): 0x hex, leading-zero octal, decimal.
std::optional<Ipv4Number> parse_ipv4_number(std::string_view input) {
    if (input.empty()) return std::nullopt;
    Ipv4Number out;
    unsigned radix = 10;
    if (input.size() >= 2 && input[0] == '0' && (input[1] == 'x' || input[1] == 'X')) {
        input.remove_prefix(2);
        radix = 16;
        out.unusual = true;
    } else if (input.size() >= 2 && input[0] == '0') {
        input.remove_prefix(1);
        radix = 8;
        out.unusual = true;
    }
    for (const char c : input) {
        const int digit = core::hex_value(c);
        if (digit < 0 || static_cast<unsigned>(digit) >= radix) return std::nullopt;
        out.value = out.value * radix + static_cast<unsigned>(digit);
        if (out.value > saturated) out.value = saturated;
    }
    return out;
}

bool ends_in_a_number(std::string_view input) {
    auto parts = split_dots(input);
    if (parts.back().empty()) {
        if (parts.size() == 1) return false;
        parts.pop_back();
    }
    const std::string_view last = parts.back();
    if (!last.empty() && last.find_first_not_of("0123456789") == std::string_view::npos) return true;
    return parse_ipv4_number(last).has_value();
}

HostResult parse_ipv4(std::string_view input) {
    HostResult r;
    auto parts = split_dots(input);
    if (parts.back().empty() && parts.size() > 1) parts.pop_back();
    if (parts.size() > 4) return {{}, HostError::invalid_ipv4};
    std::vector<std::uint64_t> numbers;
    bool unusual = parts.size() != 4;
    for (const auto part : parts) {
        const auto n = parse_ipv4_number(part);
        if (!n) return {{}, HostError::invalid_ipv4};
        numbers.push_back(n->value);
        unusual = unusual || n->unusual;
    }
    for (std::size_t i = 0; i + 1 < numbers.size(); ++i)
        if (numbers[i] > 255) return {{}, HostError::invalid_ipv4};
    if (numbers.back() >= (std::uint64_t{1} << (8 * (5 - numbers.size())))) return {{}, HostError::invalid_ipv4};
    std::uint64_t address = numbers.back();
    for (std::size_t i = 0; i + 1 < numbers.size(); ++i) address += numbers[i] << (8 * (3 - i));
    r.host.kind = HostKind::ipv4;
    r.host.ipv4 = static_cast<std::uint32_t>(address);
    r.host.ipv4_unusual_form = unusual;
    r.host.serialized = serialize_ipv4(r.host.ipv4);
    return r;
}

// The embedded IPv4 part of an IPv6 address; `p` is at its first digit.
bool parse_ipv6_ipv4(std::string_view in, std::size_t& p, std::array<std::uint16_t, 8>& a, std::size_t& piece) {
    if (piece > 6) return false;
    int numbers_seen = 0;
    while (p < in.size()) {
        if (numbers_seen > 0) {
            if (in[p] != '.' || numbers_seen >= 4) return false;
            ++p;
        }
        if (p >= in.size() || !core::is_digit(in[p])) return false;
        int value = -1;
        while (p < in.size() && core::is_digit(in[p])) {
            if (value == 0) return false;
            value = (value < 0 ? 0 : value * 10) + (in[p] - '0');
            if (value > 255) return false;
            ++p;
        }
        a[piece] = static_cast<std::uint16_t>(a[piece] * 0x100 + value);
        if (++numbers_seen == 2 || numbers_seen == 4) ++piece;
    }
    return numbers_seen == 4;
}

bool parse_ipv6(std::string_view in, std::array<std::uint16_t, 8>& a) {
    a = {};
    std::size_t piece = 0;
    std::optional<std::size_t> compress;
    std::size_t p = 0;
    if (p < in.size() && in[p] == ':') {
        if (in.size() < 2 || in[1] != ':') return false;
        p += 2;
        compress = ++piece;
    }
    while (p < in.size()) {
        if (piece == 8) return false;
        if (in[p] == ':') {
            if (compress) return false;
            ++p;
            compress = ++piece;
            continue;
        }
        unsigned value = 0;
        std::size_t length = 0;
        while (length < 4 && p < in.size() && core::is_hex_digit(in[p])) {
            value = value * 16 + static_cast<unsigned>(core::hex_value(in[p]));
            ++p, ++length;
        }
        if (p < in.size() && in[p] == '.') {
            if (length == 0) return false;
            p -= length;
            if (!parse_ipv6_ipv4(in, p, a, piece)) return false;
            break;
        }
        if (p < in.size() && in[p] == ':') {
            if (++p == in.size()) return false;
        } else if (p < in.size()) {
            return false;
        }
        a[piece++] = static_cast<std::uint16_t>(value);
    }
    if (compress) {
        std::size_t swaps = piece - *compress;
        for (std::size_t i = 7; i != 0 && swaps > 0; --i, --swaps) std::swap(a[i], a[*compress + swaps - 1]);
    } else if (piece != 8) {
        return false;
    }
    return true;
}

HostResult parse_opaque_host(std::string_view input) {
    for (const char c : input)
        if (is_forbidden_host_code_point(static_cast<unsigned char>(c))) return {{}, HostError::forbidden_code_point};
    HostResult r;
    r.host.kind = input.empty() ? HostKind::empty : HostKind::opaque;
    append_encoded(r.host.serialized, input, EncodeSet::c0_control);
    return r;
}

}  // namespace

bool is_forbidden_host_code_point(unsigned char c) noexcept {
    switch (c) {
        case 0x00:
        case '\t':
        case '\n':
        case '\r':
        case ' ':
        case '#':
        case '/':
        case ':':
        case '<':
        case '>':
        case '?':
        case '@':
        case '[':
        case '\\':
        case ']':
        case '^':
        case '|':
            return true;
        default:
            return false;
    }
}

bool is_forbidden_domain_code_point(unsigned char c) noexcept {
    return is_forbidden_host_code_point(c) || c <= 0x1F || c == '%' || c == 0x7F;
}

HostResult domain_to_ascii(std::string_view domain) {
    HostResult r;
    // An ASCII domain is only lower-cased: browsers do not validate its
    // "xn--" labels (web-platform-tests expect "xn--a" and "xn--1ug" to
    // pass). The IDN rules check those labels strictly on their own.
    if (std::all_of(domain.begin(), domain.end(), [](char c) { return !core::is_8bit(c); })) {
        if (domain.empty()) return {{}, HostError::empty};
        r.host.kind = HostKind::domain;
        r.host.serialized = core::to_lower(domain);
        return r;
    }
    const auto ascii = idn::to_ascii(domain, idn::Profile::url);
    if (!ascii.ok()) return {{}, HostError::idna, ascii.errors};
    if (ascii.text.empty()) return {{}, HostError::empty};
    r.host.kind = HostKind::domain;
    r.host.serialized = ascii.text;
    r.host.idna_mapped = ascii.text != core::to_lower(domain);
    return r;
}

HostResult parse_host(std::string_view input, bool opaque) {
    if (!input.empty() && input.front() == '[') {
        HostResult r;
        if (input.size() < 2 || input.back() != ']' || !parse_ipv6(input.substr(1, input.size() - 2), r.host.ipv6))
            return {{}, HostError::invalid_ipv6};
        r.host.kind = HostKind::ipv6;
        r.host.serialized = "[" + serialize_ipv6(r.host.ipv6) + "]";
        return r;
    }
    if (opaque) return parse_opaque_host(input);
    if (input.empty()) return {{}, HostError::empty};
    const std::string domain = percent_decode(input);
    HostResult r = domain_to_ascii(domain);
    if (!r.ok()) return r;
    for (const char c : r.host.serialized)
        if (is_forbidden_domain_code_point(static_cast<unsigned char>(c))) return {{}, HostError::forbidden_code_point};
    if (ends_in_a_number(r.host.serialized)) r = parse_ipv4(r.host.serialized);
    if (!r.ok()) return r;
    r.host.percent_encoded = domain.size() != input.size();
    for (const char c : domain) r.host.non_ascii = r.host.non_ascii || core::is_8bit(c);
    return r;
}

std::string serialize_ipv4(std::uint32_t address) {
    std::string out;
    for (int i = 3; i >= 0; --i) {
        out += std::to_string((address >> (8 * i)) & 0xFF);
        if (i != 0) out.push_back('.');
    }
    return out;
}

std::string serialize_ipv6(const std::array<std::uint16_t, 8>& a) {
    // The first longest run of two or more zero pieces is compressed.
    std::size_t best = 8, best_len = 1;
    for (std::size_t i = 0; i < 8;) {
        std::size_t j = i;
        while (j < 8 && a[j] == 0) ++j;
        if (j - i > best_len) best = i, best_len = j - i;
        i = j == i ? i + 1 : j;
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < 8; ++i) {
        if (i == best) {
            out += i == 0 ? "::" : ":";
            i += best_len - 1;
            continue;
        }
        bool started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            const unsigned digit = (a[i] >> shift) & 0xF;
            if (digit != 0 || started || shift == 0) out.push_back(hex[digit]), started = true;
        }
        if (i != 7) out.push_back(':');
    }
    return out;
}

std::string_view to_string(HostError error) noexcept {
    switch (error) {
        case HostError::none:
            return "none";
        case HostError::invalid_ipv6:
            return "invalid-ipv6";
        case HostError::forbidden_code_point:
            return "forbidden-code-point";
        case HostError::idna:
            return "idna";
        case HostError::invalid_ipv4:
            return "invalid-ipv4";
        case HostError::empty:
            return "empty";
    }
    return "none";
}

}  // namespace inboxlint::url
