// The DKIM-Signature fields of a message (RFC 6376 section 3.5), parsed once
// per message with the span of every tag. Parsing records what is wrong
// (syntax of the tag list and of each value); the rules judge the rest
// (algorithms, h= without From, i= outside d=, expiry, l=).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/message.hpp"
#include "auth/tag_list.hpp"

namespace inboxlint::auth {

enum class DkimAlgorithm { rsa_sha256, rsa_sha1, ed25519_sha256, unknown };
enum class Canonicalization { simple, relaxed, unknown };

std::string_view to_string(DkimAlgorithm algorithm) noexcept;
std::string_view to_string(Canonicalization canonicalization) noexcept;

struct SignedHeader {
    std::string name;  // lower-case
    Span span;
};

struct DkimSignature {
    int field_index = -1;  // index of the field in the message header (root().fields)
    const mime::HeaderField* field = nullptr;
    TagList tags;
    // Values, where present and well formed.
    DkimAlgorithm algorithm = DkimAlgorithm::unknown;
    Canonicalization header_canon = Canonicalization::simple;
    Canonicalization body_canon = Canonicalization::simple;
    std::string domain;    // d=, lower-case
    std::string selector;  // s=, lower-case
    std::vector<SignedHeader> headers;
    std::optional<std::string> identity;  // i=
    std::optional<std::uint64_t> body_length;
    std::optional<std::uint64_t> timestamp;
    std::optional<std::uint64_t> expiration;
    std::optional<std::string> body_hash;  // bh= decoded
    std::optional<std::string> signature;  // b= decoded
    // Tag-list issues and value issues: "invalid-number", "empty-header-name", "invalid-header-name",
    // "invalid-identity", "invalid-domain", "invalid-selector" and
    // "invalid-base64" (b= and bh=; AUTH010).
    mime::SyntaxIssues issues;

    [[nodiscard]] const Tag* tag(std::string_view name) const noexcept { return tags.find(name); }
    // "selector._domainkey.domain": where the public key is published.
    [[nodiscard]] std::string key_name() const;
    // True when the header names `name` (case-insensitive) in h=.
    [[nodiscard]] std::size_t signs(std::string_view name) const noexcept;
    // The tags verification needs are present and well formed.
    [[nodiscard]] bool complete() const noexcept;
};

struct DkimSignatures {
    std::vector<DkimSignature> signatures;  // header order, topmost first
};

const DkimSignatures& dkim_signatures(const analysis::Message& msg);

// Parses one field value; exposed for tests and the fuzz target.
DkimSignature parse_dkim_signature(std::string_view raw_value, std::size_t base);

// Tags RFC 6376 section 3.5 requires.
inline constexpr std::string_view required_tags[] = {"v", "a", "b", "bh", "d", "h", "s"};

}  // namespace inboxlint::auth
