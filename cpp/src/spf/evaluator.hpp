// The machinery behind check_host (check_host.hpp): one evaluation's state
// (the lookup counters, the names not supplied) and the recursion through
// include and redirect, which the 10-term limit bounds to depth 11.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dns/source.hpp"
#include "spf/check_host.hpp"
#include "spf/ip.hpp"
#include "spf/macro.hpp"
#include "spf/record.hpp"

namespace inboxlint::spf::detail {

inline constexpr int max_dns_terms = 10;   // section 4.6.4
inline constexpr int max_void_lookups = 2; // section 4.6.4
inline constexpr std::size_t max_mx_names = 10;
inline constexpr std::size_t max_ptr_names = 10;

// Where a decision was made, and what.
struct Decision {
    Result result = Result::neutral;
    std::string reason;
    std::string domain;
    std::size_t offset = 0, length = 0;
    std::string record;
};

// The record being evaluated: the domain and its record text.
struct Frame {
    const std::string& domain;
    const std::string& record;
};

// A term's outcome: it matched, it did not, or evaluation stops with an error.
struct TermOutcome {
    bool matched = false;
    std::optional<Decision> error;
    std::string note;  // what matched, for the reason
};

class Evaluator {
public:
    Evaluator(const dns::Source& source, Address ip, MacroContext context)
        : source_(source), ip_(ip), context_(std::move(context)) {
        context_.validated_name = [this] { return validated_name(context_.domain); };
    }
    Evaluator(const Evaluator&) = delete;  // the %{p} callback points at this one
    Evaluator& operator=(const Evaluator&) = delete;

    Decision check(const std::string& domain) { return evaluate(domain, false); }

    [[nodiscard]] int dns_terms() const noexcept { return dns_terms_; }
    [[nodiscard]] int void_lookups() const noexcept { return void_lookups_; }
    [[nodiscard]] const std::vector<std::string>& not_supplied() const noexcept { return not_supplied_; }
    [[nodiscard]] bool incomplete() const noexcept { return incomplete_; }
    [[nodiscard]] const std::string& explanation() const noexcept { return explanation_; }

private:
    Decision evaluate(const std::string& domain, bool in_include);
    Decision evaluate_record(const Frame& frame, bool in_include);
    Decision redirect(const Frame& frame, const Term& term, bool in_include);
    std::string explanation_for(const Record& record, const std::string& domain);

    // mechanisms.cpp
    TermOutcome match(const Frame& frame, const Term& term);
    TermOutcome match_include(const Frame& frame, const Term& term, const std::string& target);
    TermOutcome match_address(const Frame& frame, const Term& term, const std::string& target);
    TermOutcome match_mx(const Frame& frame, const Term& term, const std::string& target);
    TermOutcome match_ptr(const Frame& frame, const Term& term, const std::string& target);
    TermOutcome match_exists(const Frame& frame, const Term& term, const std::string& target);
    // An error outcome when the answer is an error or void (counting it).
    std::optional<Decision> answer_problem(const Frame& frame, const Term& term, const DnsAnswer& answer,
                                           const std::string& name, std::string_view type);
    bool has_address(const DnsAnswer& answer, const Term& term) const;
    std::string validated_name(const std::string& domain);
    const std::vector<std::string>& validated_names();

    // The term's target name: its domain-spec expanded, or the current domain.
    std::string target_of(const Term& term, const std::string& domain);
    DnsAnswer ask(std::string_view name, std::string_view type);
    static Decision at(Result result, std::string reason, const Frame& frame, const Term& term);

    const dns::Source& source_;
    Address ip_;
    MacroContext context_;
    int dns_terms_ = 0;
    int void_lookups_ = 0;
    std::vector<std::string> not_supplied_;
    bool incomplete_ = false;
    bool explaining_ = false;  // looking up exp=: a name not supplied leaves the result as it is
    std::string explanation_;
    std::optional<std::vector<std::string>> validated_;  // the client's validated names, looked up once
};

}  // namespace inboxlint::spf::detail
