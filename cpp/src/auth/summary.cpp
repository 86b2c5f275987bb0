#include "auth/summary.hpp"

#include <optional>

#include "arc/arc_validate.hpp"
#include "auth/dkim_verify.hpp"
#include "auth/dmarc_outcome.hpp"
#include "auth/iprev_outcome.hpp"
#include "auth/spf_outcome.hpp"

namespace inboxlint::auth {
namespace {

// RFC 8601 section 2.7.1 and RFC 6376 section 6.1: a signature that cannot
// be processed is permerror, one whose key cannot be had is temperror (a key
// the caller did not supply is exactly that here), one that is checked and
// wrong is fail.
void judge(const DkimSignature& sig, const BodyHashResult& body, const VerifyResult& verify, AuthResult& out) {
    const RsaKeySize size = rsa_key_size(sig, verify);
    if (!sig.complete() || !sig.issues.empty()) {
        out = {"dkim", "permerror", "the signature is malformed or lacks required tags", {}};
    } else if (body.status == BodyHashStatus::mismatch) {
        out = {"dkim", "fail", "the body hash does not match bh= (the body changed after signing)", {}};
    } else if (sig.algorithm == DkimAlgorithm::rsa_sha1) {
        out = {"dkim", "fail", "rsa-sha1, which verifiers must not accept (RFC 8301)", {}};
    } else if (size.bits > 0 && size.bits < min_rsa_key_bits) {
        out = {"dkim", "fail", "an RSA key of " + std::to_string(size.bits) + " bits, under 1024 (RFC 8301)", {}};
    } else if (verify.status == VerifyStatus::pass) {
        out = {"dkim", "pass", verify.testing ? "verified (the key is in testing mode, t=y)" : "verified", {}};
    } else if (verify.status == VerifyStatus::fail) {
        out = {"dkim", "fail", "the signature does not verify: " + verify.detail, {}};
    } else if (verify.status == VerifyStatus::bad_key) {
        out = {"dkim", "permerror", "the key cannot verify it: " + verify.detail, {}};
    } else if (verify.status == VerifyStatus::no_key && verify.key_lookup == DnsStatus::nxdomain) {
        out = {"dkim", "permerror", "no key record: " + verify.detail, {}};
    } else if (verify.status == VerifyStatus::no_key && verify.key_lookup == DnsStatus::servfail) {
        out = {"dkim", "temperror", verify.detail, {}};
    } else if (verify.status == VerifyStatus::no_key) {
        out = {"dkim", "temperror", "the key " + verify.key_name + " was not supplied; the body hash " +
                                        (body.status == BodyHashStatus::match ? "matches" : "was not checked"), {}};
    } else {
        out = {"dkim", "neutral", "not verified: " + verify.detail, {}};
    }
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

bool has_fatal_defect(const SpfOutcome& o) {
    for (const spf::Defect& d : o.defects)
        if (d.domain == o.identity->domain &&
            (d.kind == spf::DefectKind::several_records || d.kind == spf::DefectKind::syntax_error))
            return true;
    return false;
}

// Without a client IP only what the records decide alone is a result: no
// record (none) or a broken one (permerror); otherwise SPF is left out.
std::optional<AuthResult> spf_result(const SpfOutcome& o) {
    if (!o.identity || o.presence == SpfPresence::unknown) return std::nullopt;
    AuthResult r{"spf", "", "", {{o.identity->property(), o.identity->domain}}};
    if (o.evaluation) {
        r.result = std::string(spf::result_name(o.evaluation->result));
        r.reason = o.evaluation->reason;
        if (!o.evaluation->not_supplied.empty()) r.reason += "; not supplied: " + joined(o.evaluation->not_supplied);
    } else if (o.presence == SpfPresence::missing) {
        r = {"spf", "none", "no SPF record at " + o.identity->domain, r.properties};
    } else if (o.presence == SpfPresence::not_supplied) {
        r = {"spf", "temperror", "no records supplied for " + o.identity->domain, r.properties};
    } else if (o.presence == SpfPresence::failed) {
        r = {"spf", "temperror", "the lookup of " + o.identity->domain + " failed (SERVFAIL)", r.properties};
    } else if (has_fatal_defect(o)) {
        r = {"spf", "permerror", "the SPF record of " + o.identity->domain + " is invalid", r.properties};
    } else {
        return std::nullopt;
    }
    return r;
}

std::optional<AuthResult> dmarc_result(const DmarcOutcome& o) {
    if (!o.evaluation) return std::nullopt;
    const dmarc::Evaluation& e = *o.evaluation;
    AuthResult r{"dmarc", std::string(dmarc::to_string(e.verdict)), e.reason, {{"header.from", o.from->domain}}};
    if (e.verdict == dmarc::Verdict::unknown) r.result = "temperror";  // the records do not decide it
    if (e.policy) r.properties.push_back({"policy.dmarc", std::string(dmarc::to_string(*e.policy))});
    return r;
}

// RFC 8601 section 3: iprev, with the client IP as policy.iprev.
std::optional<AuthResult> iprev_result(const analysis::Message& msg, const Config& config) {
    const dns::Iprev* iprev = client_iprev(msg, config);
    if (iprev == nullptr) return std::nullopt;
    static constexpr const char* results[] = {"pass", "fail", "fail", "temperror", "permerror"};
    return AuthResult{"iprev", results[static_cast<int>(iprev->status)], iprev->reason,
                      {{"policy.iprev", config.envelope.client_ip}}};
}

// RFC 8617 section 7.2: arc, with header.oldest-pass. A chain whose keys
// were not supplied is temperror, as for DKIM.
std::optional<AuthResult> arc_result(const analysis::Message& msg, const Config& config) {
    if (!arc::arc_chain(msg).any_arc_field) return std::nullopt;
    const arc::ArcValidation& v = arc::arc_validation(msg, config);
    AuthResult r{"arc", std::string(arc::to_string(v.status)), v.reason, {}};
    if (v.status == arc::ArcStatus::unchecked) r.result = "temperror";
    if (v.oldest_pass) r.properties.push_back({"header.oldest-pass", std::to_string(*v.oldest_pass)});
    return r;
}

}  // namespace

std::vector<AuthResult> dkim_summary(const analysis::Message& msg, const Config& config) {
    const auto& signatures = dkim_signatures(msg).signatures;
    if (signatures.empty()) return {{"dkim", "none", "the message has no DKIM-Signature", {}}};
    const auto& bodies = dkim_body_hashes(msg);
    const auto& verifications = dkim_verifications(msg, config);
    std::vector<AuthResult> out(signatures.size());
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        const DkimSignature& sig = signatures[i];
        judge(sig, bodies[i], verifications[i], out[i]);
        if (!sig.domain.empty()) out[i].properties.push_back({"header.d", sig.domain});
        if (!sig.selector.empty()) out[i].properties.push_back({"header.s", sig.selector});
        if (sig.algorithm != DkimAlgorithm::unknown)
            out[i].properties.push_back({"header.a", std::string(to_string(sig.algorithm))});
    }
    return out;
}

std::vector<AuthResult> authentication_summary(const analysis::Message& msg, const Config& config) {
    if (msg.is_blank()) return {};
    std::vector<AuthResult> out;
    if (auto iprev = iprev_result(msg, config)) out.push_back(std::move(*iprev));
    if (auto spf = spf_result(spf_outcome(msg, config))) out.push_back(std::move(*spf));
    for (AuthResult& dkim : dkim_summary(msg, config)) out.push_back(std::move(dkim));
    if (auto dmarc = dmarc_result(dmarc_outcome(msg, config))) out.push_back(std::move(*dmarc));
    if (auto arc = arc_result(msg, config)) out.push_back(std::move(*arc));
    return out;
}

}  // namespace inboxlint::auth
