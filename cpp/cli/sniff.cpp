#include "sniff.hpp"

#include <algorithm>
#include <array>

namespace inboxlint::cli {
namespace {

// Starts of key and certificate files: PEM blocks (private keys,
// certificates, CSRs, OpenSSH private keys), OpenSSH public keys, DKIM key
// records as published in DNS.
constexpr std::array<std::string_view, 6> key_starts{
    "-----BEGIN ", "ssh-rsa ", "ssh-ed25519 ", "ssh-dss ", "ecdsa-sha2-", "v=DKIM1",
};

// Magic numbers: gzip, zip (and the office formats and jars built on it),
// PDF, PNG, JPEG, GIF, ELF (executables, shared libraries). "\x7f" "ELF" is
// split so the hex escape does not swallow the E.
constexpr std::array<std::string_view, 8> binary_starts{
    "\x1f\x8b", "PK\x03\x04", "%PDF-", "\x89PNG\r\n\x1a\n", "\xff\xd8\xff", "GIF87a", "GIF89a", "\x7f" "ELF",
};

bool is_field_name_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > ' ' && u < 0x7f && c != ':';
}

// "Name: value" (RFC 5322 field-name characters; a space before the colon
// is obsolete syntax that mail still has) or an mbox "From " line.
bool starts_like_mail(std::string_view head) {
    if (head.starts_with("From ")) return true;
    std::size_t i = 0;
    while (i < head.size() && is_field_name_char(head[i])) ++i;
    if (i == 0) return false;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
    return i < head.size() && head[i] == ':';
}

bool starts_with_any(std::string_view text, const auto& starts) {
    return std::any_of(starts.begin(), starts.end(), [&](std::string_view s) { return text.starts_with(s); });
}

std::string_view without_leading_space(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string_view() : text.substr(first);
}

}  // namespace

bool is_clearly_not_mail(std::string_view head) {
    head = head.substr(0, sniff_size);
    if (starts_like_mail(head)) return false;
    if (starts_with_any(without_leading_space(head), key_starts)) return true;
    // Text has no NUL bytes; binary formats (DER certificates among them) do.
    return starts_with_any(head, binary_starts) || head.find('\0') != std::string_view::npos;
}

}  // namespace inboxlint::cli
