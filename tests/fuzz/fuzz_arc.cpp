// ARC (RFC 8617): the input as a whole message through the chain parser and
// the validator, with a small key table (the RSA test key RFC 8463 publishes,
// under the name the ARC test suite signs with, so seals and message
// signatures really get verified), and through the field parsers on their
// own. Spans must stay inside the message; the validation must end in one
// of its four results and say why whenever it fails or cannot decide.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "analysis/message.hpp"
#include "arc/arc_chain.hpp"
#include "arc/arc_fields.hpp"
#include "arc/arc_validate.hpp"
#include "inboxlint/config.hpp"

namespace {

void check_span(inboxlint::Span s, std::size_t size) {
    if (s.begin > s.end || s.end > size) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace inboxlint;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<arc::Issue> issues;
    const std::size_t base = 3;
    (void)arc::parse_authentication_results(text, base, issues);
    (void)arc::parse_message_signature(text, base, issues);
    (void)arc::parse_seal(text, base, issues);
    for (const arc::Issue& i : issues)
        if (i.span.begin < base || i.span.end > base + size || i.span.begin > i.span.end) __builtin_trap();

    const analysis::Message msg(text, Limits{});
    const std::size_t n = msg.text().size();
    const arc::ArcChain& chain = arc::arc_chain(msg);
    for (const arc::Issue& i : chain.issues) check_span(i.span, n);
    for (const arc::ArcSet& s : chain.sets) {
        if (s.instance < 1 || s.instance > arc::max_instance) __builtin_trap();
        check_span(s.aar.payload, n);
        check_span(s.seal.cv_span, n);
        for (const auto& t : s.ams.sig.tags.tags) check_span(t.span, n);
    }
    const auth::DkimKeys keys = {
        {"dummy._domainkey.example.org",
         "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/"
         "J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+"
         "2kryOTIKT+l/K4w3QIDAQAB"},
        {"s._domainkey.example.com", "v=DKIM1; k=rsa; p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAL"},
    };
    const arc::ArcValidation v = arc::validate_arc(msg, keys);
    if (v.status == arc::ArcStatus::fail || v.status == arc::ArcStatus::unchecked) {
        if (v.reason.empty()) __builtin_trap();
    }
    if (v.status == arc::ArcStatus::fail) check_span(v.span, n);
    if (v.status == arc::ArcStatus::none && chain.any_arc_field) __builtin_trap();
    for (int i = 1; i <= chain.newest_instance() && chain.first_breaking_issue() == nullptr; ++i)
        (void)arc::seal_signed_data(msg, chain, i);
    return 0;
}
