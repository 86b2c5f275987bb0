#include "spf/defects.hpp"

#include <algorithm>
#include <set>

#include "core/ascii.hpp"
#include "dns/names.hpp"
#include "spf/lookup.hpp"
#include "spf/record.hpp"

namespace inboxlint::spf {
namespace {

constexpr std::size_t max_record = 450;  // section 3.4
constexpr std::size_t max_udp = 512;
constexpr int max_dns_terms = 10;

// The DNS message answering "name TXT": header, question, and each record with
// a compressed owner, its fixed fields and its text in 255-octet strings (we
// see the strings joined, so this assumes the publisher split them fully).
std::size_t txt_answer_size(std::string_view name, const std::vector<std::string>& values) {
    std::size_t size = 12 + (name.size() + 2) + 4;
    for (const std::string& value : values) {
        const std::size_t strings = value.empty() ? 1 : (value.size() + 254) / 255;
        size += 2 + 10 + value.size() + strings;
    }
    return size;
}

class Walker {
public:
    explicit Walker(const dns::Source& source) : source_(source) {}

    void visit(const std::string& domain) {
        if (stopped_ || !is_query_name(domain)) return;
        const RecordLookup lookup = find_record(domain, source_);
        const bool first_visit = seen_.insert(domain).second;
        if (lookup.status == LookupStatus::several && first_visit)
            add(DefectKind::several_records, domain, lookup.records.front(), 0, lookup.records.front().size(),
                domain + " has " + std::to_string(lookup.records.size()) + " SPF records: check_host gives permerror");
        if (lookup.status != LookupStatus::found) return;
        const std::string& text = lookup.records.front();
        const Record record = parse_record(text);
        if (first_visit) record_facts(domain, text, record);
        if (!record.error) count_terms(domain, text, record);
    }

    std::vector<Defect> take() { return std::move(out_); }

private:
    void add(DefectKind kind, const std::string& domain, const std::string& record, std::size_t offset,
             std::size_t length, std::string message) {
        out_.push_back({kind, domain, record, offset, length, std::move(message)});
    }

    void record_facts(const std::string& domain, const std::string& text, const Record& record) {
        if (record.error) {
            const std::size_t end = std::min(text.find(' ', record.error->offset), text.size());
            add(DefectKind::syntax_error, domain, text, record.error->offset, end - record.error->offset,
                "syntax error: " + record.error->reason);
        }
        for (const Term& term : record.terms) {
            if (term.is_modifier) continue;
            if (term.mechanism == Mechanism::all &&
                (term.qualifier == Qualifier::pass || term.qualifier == Qualifier::neutral))
                add(DefectKind::permissive_all, domain, text, term.offset, term.length,
                    term.qualifier == Qualifier::pass
                        ? "\"+all\" lets every host on the Internet pass"
                        : "\"?all\" makes every other host neutral: as weak as no record");
            if (term.mechanism == Mechanism::ptr)
                add(DefectKind::ptr_mechanism, domain, text, term.offset, term.length,
                    "\"ptr\" is slow and unreliable; RFC 7208 section 5.5 says not to use it");
        }
        if (text.size() > max_record)
            add(DefectKind::record_too_long, domain, text, 0, text.size(),
                "the record is " + std::to_string(text.size()) + " octets, over the 450 RFC 7208 section 3.4 advises");
        const DnsAnswer all_txt = source_.lookup(domain, "TXT");
        if (const std::size_t size = txt_answer_size(domain, all_txt.values); size > max_udp)
            add(DefectKind::answer_too_big, domain, text, 0, text.size(),
                "the TXT answer for " + domain + " is about " + std::to_string(size) +
                    " octets: it does not fit one 512-byte UDP message");
    }

    void count_terms(const std::string& domain, const std::string& text, const Record& record) {
        bool has_all = false;
        for (const Term& term : record.terms) {
            if (term.is_modifier) continue;
            has_all = has_all || term.mechanism == Mechanism::all;
            if (!step(domain, text, term)) return;
            if (term.mechanism == Mechanism::include) follow(term);
            if (stopped_) return;
        }
        if (!record.redirect || has_all) return;  // an "all" means redirect= is never reached
        const Term& redirect = record.terms[*record.redirect];
        if (step(domain, text, redirect)) follow(redirect);
    }

    // Counts a DNS-querying term; false once the limit is passed (reported once).
    bool step(const std::string& domain, const std::string& text, const Term& term) {
        if (!term.queries_dns()) return true;
        if (++dns_terms_ <= max_dns_terms) return true;
        add(DefectKind::too_many_lookups, domain, text, term.offset, term.length,
            "this is DNS-querying term 11 of the evaluation: check_host gives permerror past 10");
        stopped_ = true;
        return false;
    }

    // Targets with macros depend on the sender and cannot be followed here.
    void follow(const Term& term) {
        if (term.domain_spec.find('%') != std::string::npos) return;
        visit(dns::normalise_name(term.domain_spec));
    }

    const dns::Source& source_;
    std::vector<Defect> out_;
    std::set<std::string> seen_;
    int dns_terms_ = 0;
    bool stopped_ = false;
};

}  // namespace

std::vector<Defect> record_defects(std::string_view domain, const dns::Source& source) {
    Walker walker(source);
    walker.visit(dns::normalise_name(domain));
    return walker.take();
}

}  // namespace inboxlint::spf
