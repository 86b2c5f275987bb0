#include "auth/dkim_verify.hpp"

#include <algorithm>
#include <unordered_map>

#include "auth/base64.hpp"
#include "auth/canon.hpp"
#include "auth/key_record.hpp"
#include "core/ascii.hpp"

namespace inboxlint::auth {
namespace {

// Distinct (canonicalisation, digest, length) body hashes computed per
// message at most: each costs a pass over the body.
constexpr std::size_t max_body_hashes = 8;
// Signatures verified per message at most: each costs a pass over the
// header and a public-key operation.
constexpr std::size_t max_verifications = 16;

struct CanonicalBody {
    std::optional<std::string> text;  // nothing when the body cannot be determined
    std::string reason;
};

const CanonicalBody& canonical_body(const analysis::Message& msg, Canonicalization canon) {
    return msg.memo<CanonicalBody>(static_cast<int>(canon), [&] {
        CanonicalBody out;
        const mime::Entity& root = msg.root();
        const std::string_view text = msg.text();
        if (msg.original_size() > text.size()) {
            out.reason = "the message was cut at max_message_size";
        } else if (!root.has_separator && root.body.begin < text.size()) {
            out.reason = "no blank line separates the header from the body";
        } else {
            out.text = canonicalize_body(text.substr(std::min(root.body.begin, text.size())), canon);
        }
        return out;
    });
}

DigestAlgorithm digest_of(DkimAlgorithm a) noexcept {
    return a == DkimAlgorithm::rsa_sha1 ? DigestAlgorithm::sha1 : DigestAlgorithm::sha256;
}

// Header fields by lower-case name, in message order.
using FieldIndex = std::unordered_map<std::string, std::vector<int>>;

const FieldIndex& field_index(const analysis::Message& msg) {
    return msg.memo<FieldIndex>(0, [&] {
        FieldIndex index;
        const auto& fields = msg.root().fields;
        for (std::size_t i = 0; i < fields.size(); ++i)
            index[core::to_lower(msg.name_of(fields[i]))].push_back(static_cast<int>(i));
        return index;
    });
}

bool key_name_matches(std::string_view table_name, std::string_view wanted) noexcept {
    if (!table_name.empty() && table_name.back() == '.') table_name.remove_suffix(1);
    return core::iequals(table_name, wanted);
}

// The key table first, then the supplied DNS records: the TXT record that
// is a DKIM key (v=DKIM1 first, or the only one). Empty when neither has it;
// r.detail then says what DNS answered, r.key_lookup how the lookup ended;
// r.key_answered: the table has the name, or DNS gave an answer or NXDOMAIN
// (not SERVFAIL, not "not supplied").
std::string find_key(const DkimKeys& keys, const dns::Source* dns, const std::string& name, VerifyResult& r) {
    bool& answered = r.key_answered;
    std::string& why = r.detail;
    answered = true;
    const auto exact = keys.find(name);
    if (exact != keys.end()) return exact->second;
    for (const auto& [table_name, value] : keys) {
        if (key_name_matches(table_name, name)) return value;
    }
    answered = false;
    if (dns == nullptr) return {};
    const DnsAnswer answer = dns->lookup(name, "TXT");
    answered = answer.status == DnsStatus::answer || answer.status == DnsStatus::nxdomain;
    r.key_lookup = answer.status;
    if (answer.status == DnsStatus::servfail) why = "the lookup of " + name + " failed (SERVFAIL)";
    if (answer.status == DnsStatus::nxdomain) why = name + " does not exist (NXDOMAIN)";
    for (const std::string& value : answer.values)
        if (core::istarts_with(value, "v=DKIM1")) return value;
    return answer.values.size() == 1 ? answer.values.front() : std::string();
}

// Whether this record may verify this signature (key type, h=, t=s).
std::string key_mismatch(const KeyRecord& record, const DkimSignature& sig) {
    const bool wants_ed = sig.algorithm == DkimAlgorithm::ed25519_sha256;
    if (wants_ed != (record.key->type() == KeyType::ed25519))
        return "a=" + std::string(to_string(sig.algorithm)) + " but the key is k=" + record.key_type;
    const std::string hash = sig.algorithm == DkimAlgorithm::rsa_sha1 ? "sha1" : "sha256";
    if (!record.hashes.empty() && std::find(record.hashes.begin(), record.hashes.end(), hash) == record.hashes.end())
        return "the key record's h= does not allow " + hash;
    if (record.has_flag("s") && sig.identity) {
        const std::string i_domain = core::to_lower(sig.identity->substr(sig.identity->rfind('@') + 1));
        if (i_domain != sig.domain) return "the key record has t=s but i= is in a subdomain of d=";
    }
    return {};
}

VerifyResult verify_one(const analysis::Message& msg, const DkimSignature& sig, const DkimKeys& keys,
                        const dns::Source* dns, std::size_t& budget) {
    if (!sig.complete()) {
        VerifyResult r;
        r.detail = "the signature lacks tags needed to verify it";
        return r;
    }
    return verify_with_key(sig, keys, dns, budget, [&] { return signed_header_data(msg, sig); });
}

}  // namespace

BodyHashResult check_body_hash(const analysis::Message& msg, const DkimSignature& sig, BodyHashCache& done) {
    BodyHashResult r;
    if (!sig.body_hash || sig.algorithm == DkimAlgorithm::unknown || sig.body_canon == Canonicalization::unknown) {
        r.reason = "bh=, a= or c= is missing or not understood";
        return r;
    }
    const CanonicalBody& body = canonical_body(msg, sig.body_canon);
    if (!body.text) {
        r.reason = body.reason;
        return r;
    }
    r.canonical_size = body.text->size();
    const std::uint64_t length = std::min<std::uint64_t>(sig.body_length.value_or(r.canonical_size), r.canonical_size);
    const auto key =
        std::make_tuple(static_cast<int>(sig.body_canon), static_cast<int>(digest_of(sig.algorithm)), length);
    auto it = done.find(key);
    if (it == done.end()) {
        if (done.size() >= max_body_hashes) {
            r.reason = "too many distinct body hashes in one message";
            return r;
        }
        it = done.emplace(key, digest(digest_of(sig.algorithm), std::string_view(*body.text).substr(0, length))).first;
    }
    r.computed = encode_base64(it->second);
    r.status = it->second == *sig.body_hash ? BodyHashStatus::match : BodyHashStatus::mismatch;
    if (sig.body_length && *sig.body_length > r.canonical_size) {
        // RFC 6376 6.1.3: a body shorter than l= makes the signature fail.
        r.status = BodyHashStatus::mismatch;
        r.reason = "l=" + std::to_string(*sig.body_length) + " is longer than the canonical body (" +
                   std::to_string(r.canonical_size) + " bytes)";
    }
    return r;
}

void append_canonical_field(std::string& out, const mime::HeaderField& f, std::string_view field_text,
                            Canonicalization canon) {
    canonicalize_header(out, field_text, f.name.end - f.field.begin, f.value.begin - f.field.begin, canon);
}

std::string field_without_b(std::string_view text, const mime::HeaderField& header_field, const Tag* b) {
    const Span field = header_field.field;
    if (!b) return std::string(text.substr(field.begin, field.size()));
    const std::size_t eq = text.find('=', b->name.end);
    std::size_t end = text.find(';', b->span.end);
    if (end == std::string_view::npos || end > field.end) end = field.end;
    std::string out(text.substr(field.begin, eq + 1 - field.begin));
    out.append(text.substr(end, field.end - end));
    return out;
}

VerifyResult verify_with_key(const DkimSignature& sig, const DkimKeys& keys, const dns::Source* dns,
                             std::size_t& budget, const std::function<std::string()>& signed_data) {
    VerifyResult r;
    r.key_name = sig.key_name();
    const std::string txt = find_key(keys, dns, r.key_name, r);
    if (txt.empty()) {
        r.status = VerifyStatus::no_key;
        return r;
    }
    const KeyRecord record = parse_key_record(txt);
    r.testing = record.has_flag("y");
    if (record.key) {
        r.key_type = record.key->type();
        r.key_bits = record.key->bits();
    }
    r.detail = record.key ? key_mismatch(record, sig) : record.problem;
    if (!r.detail.empty()) {
        r.status = VerifyStatus::bad_key;
        return r;
    }
    if (budget == 0) {
        r.status = VerifyStatus::unchecked;
        r.detail = "more than " + std::to_string(max_verifications) + " signatures to verify";
        return r;
    }
    --budget;
    const bool ok = record.key->verify(digest_of(sig.algorithm), signed_data(), sig.signature.value_or(""));
    r.status = ok ? VerifyStatus::pass : VerifyStatus::fail;
    if (!ok) r.detail = "the signature over the header does not verify with the key " + r.key_name;
    return r;
}

std::string signed_header_data(const analysis::Message& msg, const DkimSignature& sig) {
    const std::string_view text = msg.text();
    const auto& fields = msg.root().fields;
    const FieldIndex& index = field_index(msg);
    std::unordered_map<std::string, std::size_t> used;  // instances taken from the bottom, per name
    std::string out;
    for (const SignedHeader& h : sig.headers) {
        const auto found = index.find(h.name);
        if (found == index.end()) continue;
        const std::vector<int>& all = found->second;
        std::size_t& taken = used[h.name];
        // RFC 6376 5.4.2: the last unused instance; the signature being
        // verified did not exist when it was made.
        while (taken < all.size() && all[all.size() - 1 - taken] == sig.field_index) ++taken;
        if (taken >= all.size()) continue;  // a name listed more often than present signs "no field"
        const mime::HeaderField& f = fields[static_cast<std::size_t>(all[all.size() - 1 - taken])];
        ++taken;
        append_canonical_field(out, f, text.substr(f.field.begin, f.field.size()), sig.header_canon);
        out.append("\r\n");
    }
    const std::string self = field_without_b(text, *sig.field, sig.tag("b"));
    append_canonical_field(out, *sig.field, self, sig.header_canon);
    return out;
}

const std::vector<BodyHashResult>& dkim_body_hashes(const analysis::Message& msg) {
    return msg.memo<std::vector<BodyHashResult>>(0, [&] {
        std::vector<BodyHashResult> out;
        BodyHashCache done;
        for (const DkimSignature& sig : dkim_signatures(msg).signatures) out.push_back(check_body_hash(msg, sig, done));
        return out;
    });
}

const std::vector<VerifyResult>& dkim_verifications(const analysis::Message& msg, const DkimKeys& keys,
                                                     const dns::Source* dns) {
    return msg.memo<std::vector<VerifyResult>>(0, [&] {
        std::vector<VerifyResult> out;
        std::size_t budget = max_verifications;
        for (const DkimSignature& sig : dkim_signatures(msg).signatures)
            out.push_back(verify_one(msg, sig, keys, dns, budget));
        return out;
    });
}

const std::vector<VerifyResult>& dkim_verifications(const analysis::Message& msg, const Config& config) {
    const dns::SuppliedSource dns(config.dns, config.dns_resolver);
    return dkim_verifications(msg, config.dkim_keys, dns.anything_supplied() ? &dns : nullptr);
}

RsaKeySize rsa_key_size(const DkimSignature& sig, const VerifyResult& verify) {
    if (verify.key_type) {
        if (*verify.key_type != KeyType::rsa) return {};
        return {verify.key_bits, false};
    }
    const bool rsa = sig.algorithm == DkimAlgorithm::rsa_sha256 || sig.algorithm == DkimAlgorithm::rsa_sha1;
    if (!rsa || !sig.signature || sig.signature->empty()) return {};
    return {static_cast<int>(8 * std::min<std::size_t>(sig.signature->size(), 1 << 20)), true};
}

bool signature_may_pass(const DkimSignature& sig, const BodyHashResult& body, const VerifyResult& verify) {
    const int bits = rsa_key_size(sig, verify).bits;
    return sig.complete() && sig.algorithm != DkimAlgorithm::rsa_sha1 && body.status != BodyHashStatus::mismatch &&
           verify.status != VerifyStatus::fail && verify.status != VerifyStatus::bad_key &&
           (bits == 0 || bits >= min_rsa_key_bits);
}

}  // namespace inboxlint::auth
