// The DMARC verdict for one message (RFC 7489 section 6.6.2; section 3.1 for
// identifier alignment): DMARC passes when SPF passed for a MAIL FROM domain
// aligned with the From domain, or a DKIM signature whose d= is aligned
// verified. Alignment is relaxed (same organisational domain, via
// auth::aligned) unless the record asks for strict (aspf=s, adkim=s).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dmarc/discovery.hpp"

namespace inboxlint::dmarc {

struct SpfResult {
    std::string domain;  // the MAIL FROM domain (or the HELO name for a null path)
    bool pass = false;
};

struct DkimResult {
    std::string domain;  // d=
    bool pass = false;
};

struct Inputs {
    std::string from_domain;
    std::optional<SpfResult> spf;  // nullopt: the SPF result is not known
    std::vector<DkimResult> dkim;
};

// unknown: the records supplied do not say whether there is a policy.
enum class Verdict { pass, fail, none, temperror, permerror, unknown };

// Which tag gave the applicable policy.
enum class PolicySource { p, sp, np, rua_fallback };

struct Evaluation {
    Verdict verdict = Verdict::none;
    std::string reason;

    bool spf_aligned = false;       // the MAIL FROM domain aligns with From
    bool spf_aligned_pass = false;  // ... and SPF passed: counts for DMARC
    bool dkim_aligned = false;      // some d= aligns with From
    bool dkim_aligned_pass = false; // ... with a signature that verified: counts
    std::string aligned_dkim_domain;  // the first d= that counted

    // With a usable record (pass or fail):
    std::optional<Policy> policy;  // the policy for this From domain
    PolicySource policy_source = PolicySource::p;
    // When pct= samples a failing message out, RFC 7489 section 6.6.4 steps
    // the policy down one (reject -> quarantine, quarantine -> none).
    std::optional<Policy> sampled_out_policy;
    int pct = 100;
    bool testing = false;  // DMARCbis t=y: receivers are asked not to apply it
    Alignment adkim = Alignment::relaxed;
    Alignment aspf = Alignment::relaxed;
};

// Never throws. `discovery` should be discover()'s answer for
// inputs.from_domain; for another domain the verdict is permerror.
[[nodiscard]] Evaluation evaluate(const Inputs& inputs, const Discovery& discovery);

[[nodiscard]] std::string_view to_string(Verdict verdict) noexcept;

}  // namespace inboxlint::dmarc
