// The mechanisms of RFC 7208 section 5, each asking the caller's records.
#include <algorithm>

#include "core/ascii.hpp"
#include "spf/evaluator.hpp"
#include "spf/lookup.hpp"

namespace inboxlint::spf::detail {
namespace {

// Whether `name` is `domain` or a subdomain of it (section 5.5).
bool within(std::string_view name, std::string_view domain) noexcept {
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
    if (core::iequals(name, domain)) return true;
    return name.size() > domain.size() && name[name.size() - domain.size() - 1] == '.' &&
           core::iequals(name.substr(name.size() - domain.size()), domain);
}

// The exchange of an MX value "preference exchange".
std::string exchange_of(const std::string& value) {
    const std::size_t space = value.find(' ');
    std::string name = space == std::string::npos ? value : value.substr(space + 1);
    if (!name.empty() && name.back() == '.') name.pop_back();
    return name;
}

}  // namespace

TermOutcome Evaluator::match(const Frame& frame, const Term& term) {
    if (term.mechanism == Mechanism::all) return {true, std::nullopt, "all matches"};
    if (term.mechanism == Mechanism::ip4 || term.mechanism == Mechanism::ip6) {
        if (!term.network) return {false, std::nullopt, ""};  // the parser sets it; a hand-made term may not
        const int prefix = term.network->v6 ? term.cidr6 : term.cidr4;
        const bool hit = in_network(ip_, *term.network, prefix);
        return {hit, std::nullopt, std::string(mechanism_name(term.mechanism)) + " network contains the client IP"};
    }
    const std::string target = target_of(term, frame.domain);
    const std::string name(mechanism_name(term.mechanism));
    if (target.empty() || !is_query_name(target)) {
        // Section 4.8: a target that is no valid name cannot be looked up; it
        // does not match (the RFC allows this or permerror; this is the lenient one).
        if (term.mechanism == Mechanism::include)
            return {false, at(Result::permerror, "include: '" + target + "' is no valid domain name", frame, term),
                    ""};
        return {false, std::nullopt, ""};
    }
    switch (term.mechanism) {
        case Mechanism::include: return match_include(frame, term, target);
        case Mechanism::a: return match_address(frame, term, target);
        case Mechanism::mx: return match_mx(frame, term, target);
        case Mechanism::ptr: return match_ptr(frame, term, target);
        case Mechanism::exists: return match_exists(frame, term, target);
        default: return {false, std::nullopt, ""};
    }
}

// Section 5.2's table: pass matches; fail, softfail, neutral do not; none is
// a permerror; errors propagate from where they arose.
TermOutcome Evaluator::match_include(const Frame& frame, const Term& term, const std::string& target) {
    Decision inner = evaluate(target, true);
    switch (inner.result) {
        case Result::pass: return {true, std::nullopt, "include:" + target + " passes"};
        case Result::fail:
        case Result::softfail:
        case Result::neutral: return {false, std::nullopt, ""};
        case Result::none:
            return {false, at(Result::permerror, "include:" + target + ": " + inner.reason, frame, term), ""};
        case Result::temperror:
        case Result::permerror: return {false, std::move(inner), ""};
    }
    return {false, std::nullopt, ""};
}

std::optional<Decision> Evaluator::answer_problem(const Frame& frame, const Term& term, const DnsAnswer& answer,
                                                  const std::string& name, std::string_view type) {
    const std::string what = name + " " + std::string(type);
    switch (answer.status) {
        case DnsStatus::servfail: return at(Result::temperror, "the lookup of " + what + " failed", frame, term);
        case DnsStatus::not_supplied: return at(Result::temperror, "no records supplied for " + what, frame, term);
        case DnsStatus::nxdomain:
        case DnsStatus::answer:
            if (answer.status == DnsStatus::answer && !answer.values.empty()) return std::nullopt;
            if (++void_lookups_ > max_void_lookups)
                return at(Result::permerror, "more than 2 void lookups (the last: " + what + ")", frame, term);
            return std::nullopt;
    }
    return std::nullopt;
}

bool Evaluator::has_address(const DnsAnswer& answer, const Term& term) const {
    for (const std::string& value : answer.values) {
        const auto address = ip_.v6 ? parse_ip6(value) : parse_ip4(value);
        if (address && in_network(ip_, *address, ip_.v6 ? term.cidr6 : term.cidr4)) return true;
    }
    return false;
}

TermOutcome Evaluator::match_address(const Frame& frame, const Term& term, const std::string& target) {
    const std::string_view type = ip_.v6 ? "AAAA" : "A";
    const DnsAnswer answer = ask(target, type);
    if (auto problem = answer_problem(frame, term, answer, target, type)) return {false, std::move(problem), ""};
    return {has_address(answer, term), std::nullopt, "an address of " + target + " is the client's"};
}

// Section 4.6.4: more than 10 MX names is a permerror; each name's addresses
// are asked for, a failing lookup is a temperror.
TermOutcome Evaluator::match_mx(const Frame& frame, const Term& term, const std::string& target) {
    const DnsAnswer answer = ask(target, "MX");
    if (auto problem = answer_problem(frame, term, answer, target, "MX")) return {false, std::move(problem), ""};
    if (answer.values.size() > max_mx_names)
        return {false, at(Result::permerror, target + " has more than 10 MX names", frame, term), ""};
    const std::string_view type = ip_.v6 ? "AAAA" : "A";
    for (const std::string& value : answer.values) {
        const std::string exchange = exchange_of(value);
        if (exchange.empty() || !is_query_name(exchange)) continue;
        const DnsAnswer addresses = ask(exchange, type);
        if (addresses.status == DnsStatus::servfail || addresses.status == DnsStatus::not_supplied) {
            const bool failed = addresses.status == DnsStatus::servfail;
            return {false, at(Result::temperror, (failed ? "the lookup of " : "no records supplied for ") + exchange +
                                                     " " + std::string(type) + (failed ? " failed" : ""),
                              frame, term), ""};
        }
        if (has_address(addresses, term))
            return {true, std::nullopt, "MX " + exchange + " of " + target + " is the client"};
    }
    return {false, std::nullopt, ""};
}

// Section 5.5. A failing PTR lookup does not match; so does a failing address
// lookup of one name (it is skipped). Records not supplied cannot be skipped
// that way: the evaluation is incomplete (temperror at the end).
const std::vector<std::string>& Evaluator::validated_names() {
    if (validated_) return *validated_;
    validated_.emplace();
    const DnsAnswer names = ask(reverse_name(ip_), "PTR");
    if (names.status != DnsStatus::answer) return *validated_;
    const std::string_view type = ip_.v6 ? "AAAA" : "A";
    const std::size_t count = std::min(names.values.size(), max_ptr_names);
    for (std::size_t i = 0; i < count; ++i) {
        const std::string& name = names.values[i];
        if (!is_query_name(name)) continue;
        const DnsAnswer addresses = ask(name, type);
        for (const std::string& value : addresses.values) {
            const auto address = ip_.v6 ? parse_ip6(value) : parse_ip4(value);
            if (address && *address == ip_) {
                validated_->push_back(name);
                break;
            }
        }
    }
    return *validated_;
}

TermOutcome Evaluator::match_ptr(const Frame& frame, const Term& term, const std::string& target) {
    const std::string reverse = reverse_name(ip_);
    const DnsAnswer answer = ask(reverse, "PTR");  // validated_names() asks once more, then keeps its names
    if (answer.status == DnsStatus::nxdomain || (answer.status == DnsStatus::answer && answer.values.empty())) {
        if (auto problem = answer_problem(frame, term, answer, reverse, "PTR")) return {false, std::move(problem), ""};
        return {false, std::nullopt, ""};
    }
    for (const std::string& name : validated_names())
        if (within(name, target))
            return {true, std::nullopt, "the client's validated name " + name + " is within " + target};
    return {false, std::nullopt, ""};
}

TermOutcome Evaluator::match_exists(const Frame& frame, const Term& term, const std::string& target) {
    const DnsAnswer answer = ask(target, "A");  // always A, whatever the client's family (section 5.7)
    if (auto problem = answer_problem(frame, term, answer, target, "A")) return {false, std::move(problem), ""};
    return {!answer.values.empty(), std::nullopt, target + " exists"};
}

// Section 7.3: the validated name equal to the domain, else one within it,
// else any validated name, else "unknown".
std::string Evaluator::validated_name(const std::string& domain) {
    const std::vector<std::string>& names = validated_names();
    for (const std::string& name : names)
        if (core::iequals(name, domain)) return name;
    for (const std::string& name : names)
        if (within(name, domain)) return name;
    return names.empty() ? "unknown" : names.front();
}

}  // namespace inboxlint::spf::detail
