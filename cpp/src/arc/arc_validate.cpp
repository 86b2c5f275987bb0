#include "arc/arc_validate.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "auth/canon.hpp"

namespace inboxlint::arc {
namespace {

// Public-key operations per message at most: the newest AMS, up to 49 older
// ones for oldest-pass and up to 50 seals. Never reached by a chain of at
// most 50 sets; it bounds the work if that ever changes.
constexpr std::size_t max_verifications = 2 * max_instance + 1;

// RFC 8301 section 3.2: verifiers must not accept RSA keys under 1024 bits.
constexpr int min_rsa_bits = auth::min_rsa_key_bits;

enum class Outcome { pass, fail, unchecked };

struct Check {
    Outcome outcome = Outcome::pass;
    std::string reason;
    Span span;
    std::string key_not_supplied;  // unchecked for want of this key
};

Check failed(std::string reason, Span span) { return {Outcome::fail, std::move(reason), span, {}}; }

Span tag_span(const auth::DkimSignature& sig, std::string_view name) {
    const auth::Tag* t = sig.tag(name);
    return t ? t->span : (sig.field ? sig.field->field : Span{});
}

// A verification result read for ARC: a key that does not exist or does not
// fit fails (as on the wire); one that was not supplied leaves it unchecked.
Check judge(const auth::VerifyResult& v, const auth::DkimSignature& sig, const std::string& what) {
    const Span b = tag_span(sig, "b");
    switch (v.status) {
        case auth::VerifyStatus::pass:
            if (v.key_type == auth::KeyType::rsa && v.key_bits < min_rsa_bits)
                return failed(what + ": the key " + v.key_name + " has " + std::to_string(v.key_bits) +
                                  " bits, under the 1024 RFC 8301 requires",
                              b);
            return {};
        case auth::VerifyStatus::fail:
            return failed(what + ": b= does not verify with the key " + v.key_name, b);
        case auth::VerifyStatus::bad_key:
            return failed(what + ": the key " + v.key_name + " cannot be used: " + v.detail, b);
        case auth::VerifyStatus::no_key:
            if (v.key_answered)
                return failed(what + ": no key at " + v.key_name + (v.detail.empty() ? "" : " (" + v.detail + ")"), b);
            return {Outcome::unchecked,
                    what + ": no key supplied for " + v.key_name + (v.detail.empty() ? "" : " (" + v.detail + ")"),
                    b, v.key_name};
        case auth::VerifyStatus::unchecked:
            break;
    }
    return {Outcome::unchecked, what + ": " + v.detail, b, {}};
}

// A caller's resolver may be slow or count queries, and the sets of one
// chain usually share a key: each (name, type) is asked once per validation.
class CachedSource final : public dns::Source {
public:
    explicit CachedSource(const dns::Source* inner) noexcept : inner_(inner) {}
    [[nodiscard]] DnsAnswer lookup(std::string_view name, std::string_view type) const override {
        const auto key = std::make_pair(std::string(name), std::string(type));
        auto it = answers_.find(key);
        if (it == answers_.end()) it = answers_.emplace(key, inner_->lookup(name, type)).first;
        return it->second;
    }

private:
    const dns::Source* inner_;
    mutable std::map<std::pair<std::string, std::string>, DnsAnswer> answers_;
};

struct Context {
    const analysis::Message& msg;
    const auth::DkimKeys& keys;
    const dns::Source* dns;
    std::size_t budget = max_verifications;
    auth::BodyHashCache bodies;
};

// Section 5.2 step 4 (and step 5 for older ones): body hash, then b= over
// the header fields h= selects, as for a DKIM-Signature.
Check check_message_signature(Context& ctx, const ArcMessageSignature& ams) {
    const std::string what = "ARC-Message-Signature i=" + std::to_string(ams.instance);
    const auth::BodyHashResult body = auth::check_body_hash(ctx.msg, ams.sig, ctx.bodies);
    if (body.status == auth::BodyHashStatus::mismatch)
        return failed(what + ": bh= does not match the body hash " + body.computed +
                          (body.reason.empty() ? "" : " (" + body.reason + ")"),
                      tag_span(ams.sig, "bh"));
    if (body.status == auth::BodyHashStatus::unchecked)
        return {Outcome::unchecked, what + ": body hash not checked: " + body.reason, tag_span(ams.sig, "bh"), {}};
    const auth::VerifyResult v = auth::verify_with_key(ams.sig, ctx.keys, ctx.dns, ctx.budget,
                                                       [&] { return auth::signed_header_data(ctx.msg, ams.sig); });
    return judge(v, ams.sig, what);
}

Check check_seal(Context& ctx, const ArcChain& chain, const ArcSeal& seal) {
    const std::string what = "ARC-Seal i=" + std::to_string(seal.instance);
    const auth::VerifyResult v = auth::verify_with_key(seal.sig, ctx.keys, ctx.dns, ctx.budget, [&] {
        return seal_signed_data(ctx.msg, chain, seal.instance);
    });
    return judge(v, seal.sig, what);
}

// Section 5.2 step 5: walking down from N-1, the instance above the first
// AMS that no longer verifies; 0 when all do; unset when one cannot be
// checked (no key) or is malformed.
std::optional<int> oldest_pass(Context& ctx, const ArcChain& chain) {
    for (int i = chain.newest_instance() - 1; i >= 1; --i) {
        const bool malformed = std::any_of(chain.issues.begin(), chain.issues.end(), [&](const Issue& issue) {
            return issue.header == ArcHeader::message_signature && issue.instance == i;
        });
        const Outcome o = malformed ? Outcome::fail : check_message_signature(ctx, chain.set(i)->ams).outcome;
        if (o == Outcome::unchecked) return std::nullopt;
        if (o == Outcome::fail) return i + 1;
    }
    return 0;
}

ArcValidation failure(int instance, std::string reason, Span span) {
    ArcValidation r;
    r.status = ArcStatus::fail;
    r.failed_instance = instance;
    r.reason = std::move(reason);
    r.span = span;
    return r;
}

// An unchecked step: remembered, validation goes on (a later step may still fail).
void note(ArcValidation& r, const Check& c) {
    if (!r.reason.empty()) r.reason += "; ";
    r.reason += c.reason;
    const auto& names = r.keys_not_supplied;
    if (!c.key_not_supplied.empty() && std::find(names.begin(), names.end(), c.key_not_supplied) == names.end())
        r.keys_not_supplied.push_back(c.key_not_supplied);
}

}  // namespace

std::string_view to_string(ArcStatus status) noexcept {
    switch (status) {
        case ArcStatus::none:
            return "none";
        case ArcStatus::pass:
            return "pass";
        case ArcStatus::fail:
            return "fail";
        case ArcStatus::unchecked:
            break;
    }
    return "unchecked";
}

std::string seal_signed_data(const analysis::Message& msg, const ArcChain& chain, int instance) {
    const std::string_view text = msg.text();
    std::string out;
    const auto append = [&](const mime::HeaderField& f, std::string_view field_text) {
        auth::append_canonical_field(out, f, field_text, auth::Canonicalization::relaxed);
    };
    for (int i = 1; i <= instance; ++i) {
        const ArcSet* set = chain.set(i);
        if (!set || !set->aar.field || !set->ams.field || !set->seal.field) return out;
        for (const mime::HeaderField* f : {set->aar.field, set->ams.field}) {
            append(*f, text.substr(f->field.begin, f->field.size()));
            out.append("\r\n");
        }
        const mime::HeaderField& seal = *set->seal.field;
        if (i < instance) {
            append(seal, text.substr(seal.field.begin, seal.field.size()));
            out.append("\r\n");
        } else {
            append(seal, auth::field_without_b(text, seal, set->seal.sig.tag("b")));
        }
    }
    return out;
}

ArcValidation validate_arc(const analysis::Message& msg, const auth::DkimKeys& keys, const dns::Source* dns) {
    const ArcChain& chain = arc_chain(msg);
    if (!chain.any_arc_field) return {};  // step 1: no ARC sets, cv=none
    const int n = chain.newest_instance();
    const ArcSet* newest = chain.set(n);
    if (newest && newest->seal.field && newest->seal.cv == ChainStatus::fail)  // step 2
        return failure(n, "ARC-Seal i=" + std::to_string(n) + " has cv=fail: the chain was already broken",
                       newest->seal.cv_span);
    if (const Issue* issue = chain.first_breaking_issue())  // step 3
        return failure(issue->instance, issue->detail, issue->span);
    if (!newest) return failure(0, "no ARC set has a readable instance", {});
    const CachedSource cached(dns);
    Context ctx{msg, keys, dns ? &cached : nullptr, max_verifications, {}};
    ArcValidation r;
    const Check ams = check_message_signature(ctx, newest->ams);  // step 4
    if (ams.outcome == Outcome::fail) return failure(n, ams.reason, ams.span);
    if (ams.outcome == Outcome::unchecked) note(r, ams);
    const std::optional<int> oldest = ams.outcome == Outcome::pass ? oldest_pass(ctx, chain) : std::nullopt;
    for (int i = n; i >= 1; --i) {  // step 6
        const Check seal = check_seal(ctx, chain, chain.set(i)->seal);
        if (seal.outcome == Outcome::fail) return failure(i, seal.reason, seal.span);
        if (seal.outcome == Outcome::unchecked) note(r, seal);
    }
    r.status = r.reason.empty() ? ArcStatus::pass : ArcStatus::unchecked;  // step 7
    if (r.status == ArcStatus::pass) r.oldest_pass = oldest;
    return r;
}

ArcValidation validate_arc(const analysis::Message& msg, const Config& config) {
    const dns::SuppliedSource dns(config.dns, config.dns_resolver);
    return validate_arc(msg, config.dkim_keys, dns.anything_supplied() ? &dns : nullptr);
}

const ArcValidation& arc_validation(const analysis::Message& msg, const Config& config) {
    return msg.memo<ArcValidation>(0, [&] { return validate_arc(msg, config); });
}

}  // namespace inboxlint::arc
