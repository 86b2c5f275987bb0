// DKIM and list-header parsers: tag lists, DKIM-Signature values, key
// records, base64, body canonicalisation, List-Unsubscribe, List-Id, key
// tables and zone files; then the input as a whole message through the DKIM analyses with
// keys supplied, so header selection, canonicalisation and verification run
// on hostile signatures.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analysis/message.hpp"
#include "auth/base64.hpp"
#include "auth/canon.hpp"
#include "auth/dkim_signature.hpp"
#include "auth/dkim_verify.hpp"
#include "auth/key_record.hpp"
#include "auth/list_headers.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/dns.hpp"

namespace {

void check_span(inboxlint::Span s, std::size_t base, std::size_t size) {
    if (s.begin > s.end || s.begin < base || s.end > base + size) __builtin_trap();
}

// The input as a zone file; when it parses, every record it holds is looked
// up again (CNAME chains, NODATA) and must answer.
void lookup_zone(std::string_view text) {
    try {
        const inboxlint::DnsRecords records = inboxlint::parse_zone(text);
        for (const auto& [key, value] : records.entries())
            if (records.lookup(key.first, key.second).status == inboxlint::DnsStatus::not_supplied) __builtin_trap();
    } catch (const inboxlint::ConfigError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace inboxlint;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t base = 7;
    const auth::DkimSignature sig = auth::parse_dkim_signature(text, base);
    for (const auth::Tag& t : sig.tags.tags) {
        check_span(t.span, base, size);
        check_span(t.value, base, size);
    }
    for (const auto& issue : sig.issues) check_span(issue.span, base, size);
    (void)auth::parse_key_record(text);
    (void)auth::decode_base64(text);
    (void)auth::canonicalize_body(text, auth::Canonicalization::relaxed);
    (void)auth::canonicalize_body(text, auth::Canonicalization::simple);
    for (const auto& issue : auth::parse_list_unsubscribe(text, base).issues) check_span(issue.span, base, size);
    for (const auto& issue : auth::parse_list_id(text, base).issues) check_span(issue.span, base, size);
    try {
        (void)parse_dkim_keys(text);
    } catch (const ConfigError&) {
    }
    lookup_zone(text);
    const analysis::Message msg(text, Limits{});
    const auth::DkimKeys keys = {
        {"brisbane._domainkey.football.example.com",
         "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="},
        {"s._domainkey.example.com", "v=DKIM1; k=rsa; p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAL"},
    };
    const auto& sigs = auth::dkim_signatures(msg).signatures;
    if (auth::dkim_body_hashes(msg).size() != sigs.size()) __builtin_trap();
    if (auth::dkim_verifications(msg, keys).size() != sigs.size()) __builtin_trap();
    for (const auto& s : sigs) (void)auth::signed_header_data(msg, s);
    return 0;
}
