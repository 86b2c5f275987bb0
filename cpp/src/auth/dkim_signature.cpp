#include "auth/dkim_signature.hpp"

#include <algorithm>
#include <limits>

#include "auth/base64.hpp"
#include "core/ascii.hpp"

namespace inboxlint::auth {
namespace {

constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// RFC 6376 domain-name / selector: dot-separated LDH labels ("_" is accepted
// in selectors, which real signers use).
bool valid_domain(std::string_view text, bool allow_underscore) noexcept {
    if (text.empty() || text.front() == '.' || text.back() == '.') return false;
    std::size_t label = 0;
    for (char c : text) {
        if (c == '.') {
            if (label == 0) return false;
            label = 0;
        } else if (core::is_alnum(c) || c == '-' || (allow_underscore && c == '_')) {
            if (++label > 63) return false;
        } else {
            return false;
        }
    }
    return true;
}

std::optional<std::uint64_t> parse_number(const Tag& tag, std::size_t max_digits, mime::SyntaxIssues& issues) {
    const std::string& digits = tag.compact;
    const bool ok = !digits.empty() && digits.size() <= max_digits && !tag.inner_space &&
                    std::all_of(digits.begin(), digits.end(), core::is_digit);
    if (!ok) {
        issues.push_back({"invalid-number", tag.value.empty() ? tag.span : tag.value,
                          tag.name_text + "= must be 1 to " + std::to_string(max_digits) + " digits"});
        return std::nullopt;
    }
    std::uint64_t value = 0;
    for (char c : digits) {
        const auto d = static_cast<std::uint64_t>(c - '0');
        if (value > (std::numeric_limits<std::uint64_t>::max() - d) / 10)
            return std::numeric_limits<std::uint64_t>::max();
        value = value * 10 + d;
    }
    return value;
}

std::optional<std::string> parse_base64_tag(const Tag& tag, std::string_view raw, std::size_t base,
                                            mime::SyntaxIssues& issues) {
    const std::string_view text = raw.substr(tag.value.begin - base, tag.value.size());
    Base64Result decoded = decode_base64(text);
    if (decoded.bytes && !decoded.bytes->empty()) return std::move(decoded.bytes);
    Span at = tag.value;
    if (!decoded.bytes && decoded.error_at < text.size())
        at = {tag.value.begin + decoded.error_at, tag.value.begin + decoded.error_at + 1};
    issues.push_back({"invalid-base64", at.empty() ? tag.span : at,
                      tag.name_text + "= " + (decoded.bytes ? std::string("is empty") : decoded.error)});
    return std::nullopt;
}

DkimAlgorithm parse_algorithm(std::string_view text) noexcept {
    if (core::iequals(text, "rsa-sha256")) return DkimAlgorithm::rsa_sha256;
    if (core::iequals(text, "rsa-sha1")) return DkimAlgorithm::rsa_sha1;
    if (core::iequals(text, "ed25519-sha256")) return DkimAlgorithm::ed25519_sha256;
    return DkimAlgorithm::unknown;
}

Canonicalization parse_canon(std::string_view text) noexcept {
    if (core::iequals(text, "simple")) return Canonicalization::simple;
    if (core::iequals(text, "relaxed")) return Canonicalization::relaxed;
    return Canonicalization::unknown;
}

// h= is a colon-separated list of field names with FWS around the colons.
void parse_headers(const Tag& tag, std::string_view raw, std::size_t base, DkimSignature& sig) {
    if (tag.value.empty()) return;  // an empty h= is a missing required value (AUTH002)
    const std::size_t end = tag.value.end - base;
    std::size_t i = tag.value.begin - base;
    while (true) {
        std::size_t colon = raw.substr(0, end).find(':', i);
        if (colon == std::string_view::npos) colon = end;
        std::size_t b = i;
        std::size_t e = colon;
        while (b < e && is_space(raw[b])) ++b;
        while (e > b && is_space(raw[e - 1])) --e;
        const std::string_view name = raw.substr(b, e - b);
        if (name.empty()) {
            const std::size_t at = colon < end ? colon : i - 1;  // the colon after, or the one before
            sig.issues.push_back({"empty-header-name", {base + at, base + at + 1}, "h= has an empty field name"});
        } else {
            if (std::any_of(name.begin(), name.end(), is_space)) {
                sig.issues.push_back(
                    {"invalid-header-name", {base + b, base + e}, "h= has a field name with white space in it"});
            }
            sig.headers.push_back({core::to_lower(name), {base + b, base + e}});
        }
        if (colon >= end) break;
        i = colon + 1;
    }
}

void parse_identity(const Tag& tag, DkimSignature& sig) {
    const std::string& text = tag.compact;
    const std::size_t at = text.rfind('@');
    if (at == std::string::npos || !valid_domain(text.substr(at + 1), false)) {
        sig.issues.push_back(
            {"invalid-identity", tag.value.empty() ? tag.span : tag.value, "i= must be [local-part]@domain"});
        return;
    }
    sig.identity = text;
}

void parse_values(std::string_view raw, std::size_t base, DkimSignature& sig) {
    for (const Tag& tag : sig.tags.tags) {
        const std::string& name = tag.name_text;
        if (sig.tag(name) != &tag) continue;  // a duplicate: the first one counts
        if (name == "a") {
            sig.algorithm = parse_algorithm(tag.compact);
        } else if (name == "c") {
            const std::size_t slash = tag.compact.find('/');
            sig.header_canon = parse_canon(std::string_view(tag.compact).substr(0, slash));
            sig.body_canon = slash == std::string::npos ? Canonicalization::simple
                                                        : parse_canon(std::string_view(tag.compact).substr(slash + 1));
        } else if (name == "d" || name == "s") {
            const bool ok = valid_domain(tag.compact, name == "s") && !tag.inner_space;
            if (!ok && !tag.compact.empty()) {
                sig.issues.push_back({name == "d" ? "invalid-domain" : "invalid-selector", tag.value,
                                      name + "= is not a valid " + (name == "d" ? "domain name" : "selector")});
            }
            (name == "d" ? sig.domain : sig.selector) = core::to_lower(tag.compact);
        } else if (name == "h") {
            parse_headers(tag, raw, base, sig);
        } else if (name == "i") {
            parse_identity(tag, sig);
        } else if (name == "l") {
            sig.body_length = parse_number(tag, 76, sig.issues);
        } else if (name == "t") {
            sig.timestamp = parse_number(tag, 12, sig.issues);
        } else if (name == "x") {
            sig.expiration = parse_number(tag, 12, sig.issues);
        } else if (name == "bh") {
            sig.body_hash = parse_base64_tag(tag, raw, base, sig.issues);
        } else if (name == "b") {
            sig.signature = parse_base64_tag(tag, raw, base, sig.issues);
        }
    }
}

}  // namespace

std::string_view to_string(DkimAlgorithm algorithm) noexcept {
    switch (algorithm) {
        case DkimAlgorithm::rsa_sha256:
            return "rsa-sha256";
        case DkimAlgorithm::rsa_sha1:
            return "rsa-sha1";
        case DkimAlgorithm::ed25519_sha256:
            return "ed25519-sha256";
        case DkimAlgorithm::unknown:
            break;
    }
    return "unknown";
}

std::string_view to_string(Canonicalization canonicalization) noexcept {
    switch (canonicalization) {
        case Canonicalization::simple:
            return "simple";
        case Canonicalization::relaxed:
            return "relaxed";
        case Canonicalization::unknown:
            break;
    }
    return "unknown";
}

std::string DkimSignature::key_name() const { return selector + "._domainkey." + domain; }

std::size_t DkimSignature::signs(std::string_view name) const noexcept {
    return static_cast<std::size_t>(std::count_if(headers.begin(), headers.end(),
                                                  [&](const SignedHeader& h) { return core::iequals(h.name, name); }));
}

bool DkimSignature::complete() const noexcept {
    const bool tags_ok = std::none_of(tags.issues.begin(), tags.issues.end(),
                                      [](const mime::SyntaxIssue& i) { return i.code == "duplicate-tag"; });
    const Tag* v = tag("v");
    return tags_ok && v && v->compact == "1" && algorithm != DkimAlgorithm::unknown &&
           header_canon != Canonicalization::unknown && body_canon != Canonicalization::unknown && !domain.empty() &&
           !selector.empty() && !headers.empty() && body_hash && signature;
}

DkimSignature parse_dkim_signature(std::string_view raw_value, std::size_t base) {
    DkimSignature sig;
    sig.tags = parse_tag_list(raw_value, base);
    sig.issues = sig.tags.issues;
    parse_values(raw_value, base, sig);
    return sig;
}

const DkimSignatures& dkim_signatures(const analysis::Message& msg) {
    return msg.memo<DkimSignatures>(0, [&] {
        DkimSignatures out;
        const auto& fields = msg.root().fields;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (!core::iequals(msg.name_of(fields[i]), "DKIM-Signature")) continue;
            DkimSignature sig = parse_dkim_signature(msg.raw_value(fields[i]), fields[i].value.begin);
            sig.field_index = static_cast<int>(i);
            sig.field = &fields[i];
            out.signatures.push_back(std::move(sig));
        }
        return out;
    });
}

}  // namespace inboxlint::auth
