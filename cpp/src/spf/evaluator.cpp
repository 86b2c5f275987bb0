// The record-level steps of check_host: record selection (section 4.4, 4.5),
// left-to-right evaluation (4.6, 4.7), redirect (6.1) and exp (6.2).
#include <algorithm>

#include "core/ascii.hpp"
#include "spf/evaluator.hpp"
#include "spf/lookup.hpp"

namespace inboxlint::spf::detail {
namespace {

Result from_qualifier(Qualifier q) noexcept {
    switch (q) {
        case Qualifier::pass: return Result::pass;
        case Qualifier::fail: return Result::fail;
        case Qualifier::softfail: return Result::softfail;
        case Qualifier::neutral: return Result::neutral;
    }
    return Result::neutral;
}

// The bytes of the term a syntax error is in: from the space before it to the next.
std::pair<std::size_t, std::size_t> term_around(const std::string& text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const std::size_t space = text.rfind(' ', offset == 0 ? 0 : offset - 1);
    const std::size_t begin = space == std::string::npos || space >= offset ? 0 : space + 1;
    const std::size_t end = std::min(text.find(' ', offset), text.size());
    return {begin, end - begin};
}

}  // namespace

Decision Evaluator::at(Result result, std::string reason, const Frame& frame, const Term& term) {
    return {result, std::move(reason), frame.domain, term.offset, term.length, frame.record};
}

DnsAnswer Evaluator::ask(std::string_view name, std::string_view type) {
    DnsAnswer answer = source_.lookup(name, type);
    if (answer.status == DnsStatus::not_supplied) {
        std::string key = core::to_lower(name);
        if (std::find(not_supplied_.begin(), not_supplied_.end(), key) == not_supplied_.end())
            not_supplied_.push_back(std::move(key));
        if (!explaining_) incomplete_ = true;
    }
    return answer;
}

std::string Evaluator::target_of(const Term& term, const std::string& domain) {
    if (term.domain_spec.empty()) return domain;
    context_.domain = domain;
    Expansion expanded = expand_macros(term.domain_spec, context_, MacroMode::domain);
    return expanded.error ? std::string() : std::move(expanded.text);
}

Decision Evaluator::evaluate(const std::string& domain, bool in_include) {
    Decision none{Result::none, "", domain, 0, 0, ""};
    if (!is_query_name(domain)) {
        none.reason = "'" + domain + "' is not a valid domain name";
        return none;
    }
    const RecordLookup lookup = find_record(domain, source_);
    switch (lookup.status) {
        case LookupStatus::failed:
            return {Result::temperror, "the TXT lookup of " + domain + " failed", domain, 0, 0, ""};
        case LookupStatus::not_supplied:
            ask(domain, "TXT");  // notes the name
            return {Result::temperror, "no TXT records supplied for " + domain, domain, 0, 0, ""};
        case LookupStatus::none: none.reason = domain + " has no SPF record"; return none;
        case LookupStatus::several:
            return {Result::permerror, domain + " has " + std::to_string(lookup.records.size()) + " SPF records",
                    domain, 0, 0, lookup.records.front()};
        case LookupStatus::found: break;
    }
    const Frame frame{domain, lookup.records.front()};
    return evaluate_record(frame, in_include);
}

Decision Evaluator::evaluate_record(const Frame& frame, bool in_include) {
    const Record record = parse_record(frame.record);
    if (record.error) {
        const auto [offset, length] = term_around(frame.record, record.error->offset);
        return {Result::permerror, "syntax error at offset " + std::to_string(record.error->offset) + ": " +
                                       record.error->reason,
                frame.domain, offset, length, frame.record};
    }
    for (const Term& term : record.terms) {
        if (term.is_modifier) continue;
        if (term.queries_dns() && ++dns_terms_ > max_dns_terms)
            return at(Result::permerror, "more than 10 DNS-querying terms", frame, term);
        TermOutcome outcome = match(frame, term);
        if (outcome.error) return std::move(*outcome.error);
        if (!outcome.matched) continue;
        Decision decided = at(from_qualifier(term.qualifier), outcome.note, frame, term);
        if (decided.result == Result::fail && !in_include) explanation_ = explanation_for(record, frame.domain);
        return decided;
    }
    if (record.redirect) return redirect(frame, record.terms[*record.redirect], in_include);
    return {Result::neutral, "no term matched: the default is neutral", frame.domain, 0, 0, frame.record};
}

// Section 6.1: the target's result is the result; no record there is a permerror.
Decision Evaluator::redirect(const Frame& frame, const Term& term, bool in_include) {
    if (++dns_terms_ > max_dns_terms) return at(Result::permerror, "more than 10 DNS-querying terms", frame, term);
    const std::string target = target_of(term, frame.domain);
    if (!is_query_name(target))
        return at(Result::permerror, "redirect= names no valid domain ('" + target + "')", frame, term);
    Decision decided = evaluate(target, in_include);
    if (decided.result == Result::none)
        return at(Result::permerror, "redirect=" + target + ": " + decided.reason, frame, term);
    return decided;
}

// Section 6.2: any failure means no explanation; it never changes the result.
std::string Evaluator::explanation_for(const Record& record, const std::string& domain) {
    if (!record.exp) return "";
    explaining_ = true;
    const std::string target = target_of(record.terms[*record.exp], domain);
    explaining_ = false;
    if (!is_query_name(target)) return "";
    explaining_ = true;
    const DnsAnswer answer = ask(target, "TXT");
    Expansion text;
    if (answer.status == DnsStatus::answer && answer.values.size() == 1) {
        context_.domain = domain;
        text = expand_macros(answer.values.front(), context_, MacroMode::explanation);
    } else {
        text.error = MacroError{0, "no single TXT record"};
    }
    explaining_ = false;
    if (text.error || !core::is_ascii(text.text)) return "";
    return text.text;
}

}  // namespace inboxlint::spf::detail
