// check_host (RFC 7208 section 4): the query's identities, then the evaluator.
#include "spf/check_host.hpp"

#include "spf/evaluator.hpp"
#include "spf/lookup.hpp"

namespace inboxlint::spf {
namespace {

// Section 4.3: <sender> without a local-part is "postmaster@domain".
MacroContext context_for(const Query& query, const std::string& domain) {
    MacroContext context;
    std::string sender = query.sender.empty() ? "postmaster@" + domain : query.sender;
    const std::size_t at = sender.rfind('@');
    context.local_part = at == std::string::npos ? "postmaster" : sender.substr(0, at);
    context.sender_domain = at == std::string::npos ? sender : sender.substr(at + 1);
    if (context.local_part.empty()) context.local_part = "postmaster";
    context.sender = context.local_part + "@" + context.sender_domain;
    context.domain = domain;
    context.helo = query.helo;
    return context;
}

}  // namespace

std::string_view result_name(Result r) noexcept {
    switch (r) {
        case Result::none: return "none";
        case Result::neutral: return "neutral";
        case Result::pass: return "pass";
        case Result::fail: return "fail";
        case Result::softfail: return "softfail";
        case Result::temperror: return "temperror";
        case Result::permerror: return "permerror";
    }
    return "none";
}

Evaluation check_host(const Query& query, const dns::Source& source) {
    Evaluation out;
    std::string domain = query.domain;
    if (!domain.empty() && domain.back() == '.') domain.pop_back();
    out.decided_by_domain = domain;
    const auto ip = parse_client_ip(query.ip);
    if (!ip) {
        out.reason = "'" + query.ip + "' is no IP address: nothing to check";
        return out;
    }
    if (!is_fqdn(domain)) {  // section 4.3: none, not an error, for a malformed initial domain
        out.reason = "'" + domain + "' is not a fully qualified domain name";
        return out;
    }
    MacroContext context = context_for(query, domain);
    context.ip = *ip;
    detail::Evaluator evaluator(source, *ip, std::move(context));
    detail::Decision decided = evaluator.check(domain);
    out.result = decided.result;
    out.reason = std::move(decided.reason);
    out.decided_by_domain = std::move(decided.domain);
    out.term_offset = decided.offset;
    out.term_length = decided.length;
    out.record_of_domain = std::move(decided.record);
    out.dns_lookups = evaluator.dns_terms();
    out.void_lookups = evaluator.void_lookups();
    out.not_supplied = evaluator.not_supplied();
    if (out.result == Result::fail) out.explanation = evaluator.explanation();
    if (evaluator.incomplete() && out.result != Result::temperror) {
        out.reason = "records not supplied for a name the evaluation asked about (it would have been " +
                     std::string(result_name(out.result)) + "): " + out.reason;
        out.result = Result::temperror;
        out.explanation.clear();
    }
    return out;
}

}  // namespace inboxlint::spf
