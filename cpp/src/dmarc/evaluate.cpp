#include "dmarc/evaluate.hpp"

#include "auth/alignment.hpp"
#include "core/ascii.hpp"
#include "dns/names.hpp"

namespace inboxlint::dmarc {
namespace {

// Callers may build a Discovery by hand: never index an empty list.
std::string last_name(const Discovery& d) { return d.lookups.empty() ? d.from_domain : d.lookups.back().name; }
std::string first_missing(const Discovery& d) { return d.not_supplied.empty() ? "?" : d.not_supplied.front(); }

// Verdicts that need no record: discovery found nothing to apply.
std::optional<Evaluation> without_policy(const Discovery& d) {
    Evaluation e;
    switch (d.status) {
        case DiscoveryStatus::found:
            if (d.record && d.record->usable()) return std::nullopt;
            e.verdict = Verdict::permerror;
            e.reason = "the DMARC record at " + d.record_name + " is invalid: no policy applies";
            return e;
        case DiscoveryStatus::no_record:
            e.verdict = Verdict::none;
            e.reason = "no DMARC record for " + d.from_domain;
            return e;
        case DiscoveryStatus::multiple_records:
            e.verdict = Verdict::none;
            e.reason = "more than one DMARC record at " + last_name(d) + ": no policy applies";
            return e;
        case DiscoveryStatus::lookup_failed:
            e.verdict = Verdict::temperror;
            e.reason = "the DNS lookup of " + last_name(d) + " failed";
            return e;
        case DiscoveryStatus::not_supplied:
            e.verdict = Verdict::unknown;
            e.reason = "no DMARC record among the names supplied; not supplied: " + first_missing(d);
            return e;
        case DiscoveryStatus::invalid_domain:
            e.verdict = Verdict::permerror;
            e.reason = "the From domain is no domain name";
            return e;
    }
    return e;
}

void align_spf(const Inputs& in, const Record& rec, Evaluation& e) {
    if (!in.spf || in.spf->domain.empty()) return;
    e.spf_aligned = auth::aligned(dns::normalise_name(in.spf->domain), in.from_domain, rec.aspf == Alignment::strict);
    e.spf_aligned_pass = e.spf_aligned && in.spf->pass;
}

void align_dkim(const Inputs& in, const Record& rec, Evaluation& e) {
    for (const DkimResult& sig : in.dkim) {
        if (sig.domain.empty()) continue;
        if (!auth::aligned(dns::normalise_name(sig.domain), in.from_domain, rec.adkim == Alignment::strict)) continue;
        e.dkim_aligned = true;
        if (sig.pass && !e.dkim_aligned_pass) {
            e.dkim_aligned_pass = true;
            e.aligned_dkim_domain = dns::normalise_name(sig.domain);
        }
    }
}

// p= for the domain that published the record; for a subdomain under the
// organisational domain's record, np= when the From domain is known not to
// exist (DMARCbis), else sp=, else p=.
void choose_policy(const Discovery& d, const Record& rec, Evaluation& e) {
    e.policy = rec.policy;
    e.policy_source = rec.policy_from_rua ? PolicySource::rua_fallback : PolicySource::p;
    if (!d.from_organizational_domain || rec.policy_from_rua) return;
    if (d.from_domain_exists == false && rec.nonexistent_policy) {
        e.policy = rec.nonexistent_policy;
        e.policy_source = PolicySource::np;
    } else if (rec.subdomain_policy) {
        e.policy = rec.subdomain_policy;
        e.policy_source = PolicySource::sp;
    }
}

std::optional<Policy> step_down(Policy p) {
    if (p == Policy::reject) return Policy::quarantine;
    if (p == Policy::quarantine) return Policy::none;
    return std::nullopt;
}

std::string fail_reason(const Inputs& in, const Evaluation& e) {
    std::string why = "neither SPF nor DKIM passed aligned with " + in.from_domain;
    if (!in.spf) why += " (the SPF result is not known)";
    else if (e.spf_aligned && !in.spf->pass) why += " (SPF aligned but did not pass)";
    else if (!e.spf_aligned && in.spf->pass) why += " (SPF passed for unaligned " + in.spf->domain + ")";
    if (e.dkim_aligned) why += " (an aligned DKIM signature did not verify)";
    return why;
}

}  // namespace

Evaluation evaluate(const Inputs& raw, const Discovery& d) {
    Inputs in = raw;
    in.from_domain = dns::normalise_name(core::trim(raw.from_domain));
    if (d.status != DiscoveryStatus::invalid_domain && in.from_domain != d.from_domain) {
        Evaluation e;
        e.verdict = Verdict::permerror;
        e.reason = "the DMARC record was discovered for " + d.from_domain + ", not " + in.from_domain;
        return e;
    }
    if (auto early = without_policy(d)) return *early;
    const Record& rec = *d.record;
    Evaluation e;
    e.adkim = rec.adkim;
    e.aspf = rec.aspf;
    e.pct = rec.pct;
    e.testing = rec.testing;
    align_spf(in, rec, e);
    align_dkim(in, rec, e);
    choose_policy(d, rec, e);
    if (e.pct < 100 && e.policy) e.sampled_out_policy = step_down(*e.policy);
    if (e.spf_aligned_pass || e.dkim_aligned_pass) {
        e.verdict = Verdict::pass;
        e.reason = e.dkim_aligned_pass ? "DKIM passed for aligned d=" + e.aligned_dkim_domain
                                       : "SPF passed for aligned " + dns::normalise_name(in.spf->domain);
    } else {
        e.verdict = Verdict::fail;
        e.reason = fail_reason(in, e);
    }
    if (!d.complete()) e.reason += "; assumed no record at " + first_missing(d) + " (not supplied)";
    return e;
}

std::string_view to_string(Verdict verdict) noexcept {
    switch (verdict) {
        case Verdict::pass: return "pass";
        case Verdict::fail: return "fail";
        case Verdict::none: return "none";
        case Verdict::temperror: return "temperror";
        case Verdict::permerror: return "permerror";
        case Verdict::unknown: return "unknown";
    }
    return "none";
}

}  // namespace inboxlint::dmarc
